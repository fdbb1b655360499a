#pragma once

// Polls one gateway for the monitor window, off the GUI thread: one persistent SSH session
// (MonitorSession), a poll every interval (default 1 s, at least 0.2 s), each parsed on a pool
// thread so the GUI only applies the result. Each poll is a task on a MonitorPool, shared by the
// pollers of a network monitor (a bounded number of threads for any number of gateways) or the
// poller's own one-thread pool; the next poll of a gateway is queued only once the last has
// answered, so its session is never used by two threads at once. Pause and resume; a connection
// that cannot be made or is lost is reported and retried with back-off (1 s, 2 s, 4 s … 30 s),
// and a poll that hangs times out. Deleting the poller never waits for the network: a poll under
// way is told to stop, and the session is closed on a pool thread as soon as libssh returns.

#include "MonitorPool.h"
#include "MonitorSession.h"

#include <QMetaType>
#include <QObject>

#include <memory>

class QTimer;

namespace ipsecwiz {

struct MonitorUpdate
{
    PollResult poll;
    Snapshot snapshot;
};

class MonitorPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorPoller)

public:
    static constexpr int MinIntervalMs = 200;
    static constexpr int DefaultIntervalMs = 1000;
    static constexpr int DefaultPollTimeoutMs = 10000;
    static constexpr int MaxRetryMs = 30000;
    // After a poll that had to be cut (a source that floods), the next waits at least this long.
    static constexpr int FloodIntervalMs = 5000;

    // The wait before reconnect attempt number `failures` (1, 2, …): doubling from 1 s to 30 s.
    static int retryDelayMs(int failures);

    // Polls on a pool of its own, of one thread.
    MonitorPoller(SshOptions options, MonitorSource source, QObject* parent = nullptr);
    // Polls on POOL, shared with other pollers.
    MonitorPoller(SshOptions options, MonitorSource source, std::shared_ptr<MonitorPool> pool, QObject* parent = nullptr);
    ~MonitorPoller() override;

    void start();
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const;
    void setIntervalMs(int ms); // clamped to MinIntervalMs … one hour
    [[nodiscard]] int intervalMs() const;
    void setPollTimeoutMs(int ms);

Q_SIGNALS:
    void connecting(const QString& where);
    void connected(const QString& where, ipsecwiz::MonitorSource source);
    void polled(const ipsecwiz::MonitorUpdate& update);
    // The connection failed or was lost (or a poll timed out); the next attempt is in retryInMs.
    void failed(const QString& message, int retryInMs);

private:
    // The gateway as the pool's threads see it (its session, its cancel flag); it outlives the
    // poller until the last task holding it has run.
    struct Gateway;

    // One poll of G on a pool thread (connecting first when it has no session).
    static void pollOnce(const std::shared_ptr<Gateway>& g, int pollTimeoutMs);
    void pollNow();
    void answered(bool flooded, qint64 elapsedMs);
    void retry(const QString& message);

    std::shared_ptr<MonitorPool> m_pool;
    std::shared_ptr<Gateway> m_gateway;
    QTimer* m_timer;
    bool m_inFlight = false; // a poll is queued or under way; its answer has not come back
    bool m_paused = false;
    int m_intervalMs = DefaultIntervalMs;
    int m_pollTimeoutMs = DefaultPollTimeoutMs;
    int m_failures = 0;
};

} // namespace ipsecwiz

Q_DECLARE_METATYPE(ipsecwiz::MonitorUpdate)
Q_DECLARE_METATYPE(ipsecwiz::MonitorSource)
