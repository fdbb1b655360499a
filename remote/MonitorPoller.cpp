#include "MonitorPoller.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>
#include <unistd.h>

namespace ipsecwiz {

namespace {

    // Lives on the poller's thread; everything it does blocks only that thread. It talks to the
    // poller through queued signals alone, so a poller deleted meanwhile simply hears nothing.
    class PollWorker final : public QObject
    {
        Q_OBJECT

    public:
        PollWorker(std::shared_ptr<MonitorPoller::Shared> shared, SshOptions options, MonitorSource source)
            : m_shared(std::move(shared))
            , m_options(std::move(options))
            , m_source(source)
            , m_timer(new QTimer(this))
        {
            m_options.cancel = &m_shared->cancel;
            m_timer->setSingleShot(true);
            connect(m_timer, &QTimer::timeout, this, &PollWorker::tick);
        }

        // Polls now unless a poll is already scheduled (start, resume).
        void kick()
        {
            if (!m_timer->isActive())
                tick();
        }

    Q_SIGNALS:
        void connecting(const QString& where);
        void connected(const QString& where, ipsecwiz::MonitorSource source);
        void updateReady(); // Shared::latest holds a poll
        void failed(const QString& message, int retryInMs);

    private:
        void tick()
        {
            if (m_shared->paused || m_shared->cancel)
                return;
            if (!m_session) {
                emit connecting(QStringLiteral("%1@%2:%3").arg(m_options.user, m_options.host).arg(m_options.port));
                auto opened = MonitorSession::open(m_options, m_source);
                if (!opened) {
                    retry(opened.error().toString());
                    return;
                }
                m_session = std::move(opened.value());
                // Once detected, a reconnect asks the same source instead of detecting anew.
                m_source = m_session->source();
                m_failures = 0;
                emit connected(m_session->describe(), m_source);
            }
            QElapsedTimer timer;
            timer.start();
            auto r = m_session->poll(m_shared->pollTimeoutMs);
            if (!r) {
                // A timed-out or broken channel may leave the session in any state: start afresh.
                m_session.reset();
                retry(r.error().toString());
                return;
            }
            const bool flooded = r.value().truncated;
            MonitorUpdate update { std::move(r.value()), {} };
            update.snapshot = snapshotOf(update.poll);
            bool wasTaken = false;
            {
                std::lock_guard lock(m_shared->mutex);
                wasTaken = !m_shared->latest.has_value();
                m_shared->latest = std::move(update);
            }
            if (wasTaken)
                emit updateReady();
            if (!m_shared->paused && !m_shared->cancel) {
                // A source that floods costs the gateway, the network and this machine 32 MB a
                // poll: ask it less often.
                const int interval
                    = flooded ? std::max<int>(m_shared->intervalMs, MonitorPoller::FloodIntervalMs) : int(m_shared->intervalMs);
                m_timer->start(int(std::max<qint64>(0, interval - timer.elapsed())));
            }
        }

        void retry(const QString& message)
        {
            if (m_shared->cancel)
                return;
            const int delay = MonitorPoller::retryDelayMs(++m_failures);
            emit failed(message, delay);
            m_timer->start(delay);
        }

        std::shared_ptr<MonitorPoller::Shared> m_shared;
        SshOptions m_options;
        MonitorSource m_source;
        QTimer* m_timer;
        std::unique_ptr<MonitorSession> m_session;
        int m_failures = 0;
    };

} // namespace

int MonitorPoller::retryDelayMs(int failures)
{
    const int exponent = std::clamp(failures - 1, 0, 15);
    return std::min(MaxRetryMs, 1000 << exponent);
}

MonitorPoller::MonitorPoller(SshOptions options, MonitorSource source, QObject* parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_thread(new QThread)
{
    qRegisterMetaType<MonitorUpdate>();
    qRegisterMetaType<MonitorSource>();
    auto* worker = new PollWorker(m_shared, std::move(options), source);
    m_worker = worker;
    worker->moveToThread(m_thread);
    connect(worker, &PollWorker::connecting, this, &MonitorPoller::connecting);
    connect(worker, &PollWorker::connected, this, &MonitorPoller::connected);
    connect(worker, &PollWorker::updateReady, this, &MonitorPoller::takeLatest);
    connect(worker, &PollWorker::failed, this, &MonitorPoller::failed);
    // The worker and its thread clean up after themselves once the thread's loop ends.
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    // Linux schedules threads one by one: a poller decrypting and parsing a flood yields the CPU
    // to the GUI thread (nice 10) instead of taking its share.
    connect(
        m_thread, &QThread::started, m_thread, [] { ::setpriority(PRIO_PROCESS, ::gettid(), 10); }, Qt::DirectConnection);
    m_thread->setObjectName(QStringLiteral("monitor-poller"));
    m_thread->start();
}

MonitorPoller::~MonitorPoller()
{
    // The flag makes a blocked libssh call give up; quit() ends the thread's loop as soon as the
    // current call returns. Nothing here waits for the network.
    m_shared->cancel = true;
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->quit();
}

void MonitorPoller::start()
{
    QMetaObject::invokeMethod(
        m_worker, [w = static_cast<PollWorker*>(m_worker)] { w->kick(); }, Qt::QueuedConnection);
}

void MonitorPoller::takeLatest()
{
    std::optional<MonitorUpdate> update;
    {
        std::lock_guard lock(m_shared->mutex);
        update.swap(m_shared->latest);
    }
    if (update)
        emit polled(*update);
}

bool MonitorPoller::isPaused() const
{
    return m_shared->paused;
}

void MonitorPoller::setPaused(bool paused)
{
    if (m_shared->paused.exchange(paused) == paused)
        return;
    if (!paused)
        start();
}

int MonitorPoller::intervalMs() const
{
    return m_shared->intervalMs;
}

void MonitorPoller::setIntervalMs(int ms)
{
    m_shared->intervalMs = std::clamp(ms, MinIntervalMs, 3600 * 1000);
}

void MonitorPoller::setPollTimeoutMs(int ms)
{
    m_shared->pollTimeoutMs = std::max(100, ms);
}

} // namespace ipsecwiz

#include "MonitorPoller.moc"
