#include "MonitorPoller.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace ipsecwiz {

struct MonitorPoller::Gateway
{
    std::atomic_bool cancel { false };
    // Held by the task using the session: a poll, or the close after the poller is gone.
    std::mutex busy;
    SshOptions options;
    MonitorSource source;
    std::unique_ptr<MonitorSession> session;

    // The poller, while it lives; read under the lock, so a poller being deleted is never posted to.
    std::mutex receiverMutex;
    MonitorPoller* receiver = nullptr;

    // Runs FN(poller) on the poller's thread, unless the poller is gone by then.
    template<typename Fn>
    void post(Fn fn)
    {
        std::lock_guard lock(receiverMutex);
        if (receiver)
            QMetaObject::invokeMethod(receiver, [p = receiver, fn = std::move(fn)] { fn(p); }, Qt::QueuedConnection);
    }
};

// Its outcome goes back to the poller, which queues the next poll.
void MonitorPoller::pollOnce(const std::shared_ptr<Gateway>& g, int pollTimeoutMs)
{
    std::lock_guard busy(g->busy);
    if (g->cancel) {
        g->session.reset();
        return;
    }
    if (!g->session) {
        g->post([where = QStringLiteral("%1@%2:%3").arg(g->options.user, g->options.host).arg(g->options.port)](MonitorPoller* p) {
            Q_EMIT p->connecting(where);
        });
        auto opened = MonitorSession::open(g->options, g->source);
        if (!opened) {
            g->post([message = opened.error().toString()](MonitorPoller* p) { p->retry(message); });
            return;
        }
        g->session = std::move(opened.value());
        // Once detected, a reconnect asks the same source instead of detecting anew.
        g->source = g->session->source();
        g->post([where = g->session->describe(), source = g->source](MonitorPoller* p) {
            p->m_failures = 0;
            Q_EMIT p->connected(where, source);
        });
    }
    QElapsedTimer timer;
    timer.start();
    auto r = g->session->poll(pollTimeoutMs);
    if (!r) {
        // A timed-out or broken channel may leave the session in any state: start afresh.
        g->session.reset();
        g->post([message = r.error().toString()](MonitorPoller* p) { p->retry(message); });
        return;
    }
    const bool flooded = r.value().truncated;
    MonitorUpdate update { std::move(r.value()), {} };
    update.snapshot = snapshotOf(update.poll);
    g->post([update = std::move(update), flooded, elapsed = timer.elapsed()](MonitorPoller* p) {
        p->answered(flooded, elapsed);
        Q_EMIT p->polled(update);
    });
    if (g->cancel)
        g->session.reset();
}

int MonitorPoller::retryDelayMs(int failures)
{
    const int exponent = std::clamp(failures - 1, 0, 15);
    return std::min(MaxRetryMs, 1000 << exponent);
}

MonitorPoller::MonitorPoller(SshOptions options, MonitorSource source, QObject* parent)
    : MonitorPoller(std::move(options), source, std::make_shared<MonitorPool>(1), parent)
{
}

MonitorPoller::MonitorPoller(SshOptions options, MonitorSource source, std::shared_ptr<MonitorPool> pool, QObject* parent)
    : QObject(parent)
    , m_pool(std::move(pool))
    , m_gateway(std::make_shared<Gateway>())
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<MonitorUpdate>();
    qRegisterMetaType<MonitorSource>();
    m_gateway->options = std::move(options);
    m_gateway->options.cancel = &m_gateway->cancel;
    m_gateway->source = source;
    m_gateway->receiver = this;
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MonitorPoller::pollNow);
}

MonitorPoller::~MonitorPoller()
{
    {
        std::lock_guard lock(m_gateway->receiverMutex);
        m_gateway->receiver = nullptr;
    }
    // The flag makes a blocked libssh call give up; the session is closed on a pool thread once
    // no poll uses it. Nothing here waits for the network.
    m_gateway->cancel = true;
    m_pool->run([g = m_gateway] {
        std::lock_guard busy(g->busy);
        g->session.reset();
    });
}

void MonitorPoller::start()
{
    // Polls now unless a poll is already scheduled (start, resume).
    if (!m_timer->isActive())
        pollNow();
}

void MonitorPoller::pollNow()
{
    if (m_paused || m_inFlight)
        return;
    m_inFlight = true;
    m_pool->run([g = m_gateway, timeout = m_pollTimeoutMs] { pollOnce(g, timeout); });
}

void MonitorPoller::answered(bool flooded, qint64 elapsedMs)
{
    m_inFlight = false;
    if (m_paused)
        return;
    // A source that floods costs the gateway, the network and this machine 32 MB a poll: ask it
    // less often.
    const int interval = flooded ? std::max(m_intervalMs, FloodIntervalMs) : m_intervalMs;
    m_timer->start(int(std::max<qint64>(0, interval - elapsedMs)));
}

void MonitorPoller::retry(const QString& message)
{
    m_inFlight = false;
    const int delay = retryDelayMs(++m_failures);
    m_timer->start(delay);
    // Last: a receiver may delete this poller.
    Q_EMIT failed(message, delay);
}

bool MonitorPoller::isPaused() const
{
    return m_paused;
}

void MonitorPoller::setPaused(bool paused)
{
    if (std::exchange(m_paused, paused) == paused)
        return;
    if (!paused)
        start();
}

int MonitorPoller::intervalMs() const
{
    return m_intervalMs;
}

void MonitorPoller::setIntervalMs(int ms)
{
    m_intervalMs = std::clamp(ms, MinIntervalMs, 3600 * 1000);
}

void MonitorPoller::setPollTimeoutMs(int ms)
{
    m_pollTimeoutMs = std::max(100, ms);
}

} // namespace ipsecwiz
