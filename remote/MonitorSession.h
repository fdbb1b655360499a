#pragma once

// The monitor's view of one gateway: one persistent SSH session on which every poll runs the
// source command on a new channel (no new handshake per poll). The source is what the gateway
// can tell: setkey (-D and -DP), ip xfrm (state and policy) or swanctl --list-sas; "auto"
// takes the first, in that order, that works and shows SAs.

#include "NetworkMonitor.h"
#include "Result.h"
#include "SecuritySnapshot.h"
#include "SshSession.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ipsecwiz {

enum class MonitorSource { Auto, Setkey, Xfrm, Swanctl };

QString monitorSourceId(MonitorSource source); // "auto", "setkey", "xfrm", "swanctl"
std::optional<MonitorSource> monitorSourceFromId(const QString& id);

struct PollResult
{
    MonitorSource source = MonitorSource::Auto;
    QByteArray states; // setkey -D, ip -s xfrm state, or swanctl --list-sas
    QByteArray policies; // setkey -DP or ip xfrm policy (empty for swanctl)
    bool truncated = false;
    qint64 roundTripMs = 0;
};

// The poll parsed: setkey's and ip xfrm's two halves merged into one snapshot.
Snapshot snapshotOf(const PollResult& poll);

// A poll that answered, as the network monitor takes it (SNAPSHOT: the poll parsed).
GatewayReading readingOf(const PollResult& poll, Snapshot snapshot);

class MonitorSession final
{
public:
    // Polls keep at most this much output: a source that floods is cut, with a note.
    static constexpr qsizetype MaxOutputBytes = 32 * 1024 * 1024;

    // A user other than root polls through sudo (see becomeRoot()).
    static Result<std::unique_ptr<MonitorSession>> open(const SshOptions& options, MonitorSource source);
    ~MonitorSession();
    MonitorSession(const MonitorSession&) = delete;
    MonitorSession& operator=(const MonitorSession&) = delete;

    [[nodiscard]] bool throughSudo() const { return m_sudo != Sudo::None; }

    [[nodiscard]] MonitorSource source() const { return m_source; }
    [[nodiscard]] QString describe() const { return m_session->describe(); }

    Result<PollResult> poll(int timeoutMs = 10000);

    // The shell command a source runs (both halves, with a marker line between them).
    static QString commandFor(MonitorSource source);

private:
    MonitorSession(std::unique_ptr<SshSession> session, MonitorSource source);
    Status detect();
    Status becomeRoot(const SshOptions& options);

    enum class Sudo { None, WithoutPassword, WithPassword };

    std::unique_ptr<SshSession> m_session;
    MonitorSource m_source;
    Sudo m_sudo = Sudo::None;
    QByteArray m_sudoInput; // the password and a newline, for sudo -S; wiped with the session
};

} // namespace ipsecwiz
