#pragma once

// Polls one gateway for the monitor window, off the GUI thread: one persistent SSH session
// (MonitorSession), a poll every interval (default 1 s, at least 0.2 s), each parsed on the
// worker so the GUI only applies the result. Pause and resume; a connection that cannot be made
// or is lost is reported and retried with back-off (1 s, 2 s, 4 s … 30 s), and a poll that hangs
// times out. Deleting the poller never waits for the network: the worker is told to stop, drops
// its session as soon as libssh returns, and deletes itself with its thread.

#include "MonitorSession.h"

#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

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

    MonitorPoller(SshOptions options, MonitorSource source, QObject* parent = nullptr);
    ~MonitorPoller() override;

    void start();
    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const;
    void setIntervalMs(int ms); // clamped to MinIntervalMs … one hour
    [[nodiscard]] int intervalMs() const;
    void setPollTimeoutMs(int ms);

    // What the worker shares with the poller; the worker may outlive the poller by one libssh call.
    struct Shared
    {
        std::atomic_bool cancel { false };
        std::atomic_bool paused { false };
        std::atomic_int intervalMs { DefaultIntervalMs };
        std::atomic_int pollTimeoutMs { DefaultPollTimeoutMs };
        // The newest poll not yet taken by the GUI. A GUI busy elsewhere gets the latest poll,
        // not a queue of them: at most one waits, however large.
        std::mutex mutex;
        std::optional<MonitorUpdate> latest;
    };

Q_SIGNALS:
    void connecting(const QString& where);
    void connected(const QString& where, ipsecwiz::MonitorSource source);
    void polled(const ipsecwiz::MonitorUpdate& update);
    // The connection failed or was lost (or a poll timed out); the next attempt is in retryInMs.
    void failed(const QString& message, int retryInMs);

private:
    void takeLatest();

    std::shared_ptr<Shared> m_shared;
    QThread* m_thread;
    QObject* m_worker;
};

} // namespace ipsecwiz

Q_DECLARE_METATYPE(ipsecwiz::MonitorUpdate)
Q_DECLARE_METATYPE(ipsecwiz::MonitorSource)
