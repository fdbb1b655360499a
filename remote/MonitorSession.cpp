#include "MonitorSession.h"

#include "SnapshotParser.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace ipsecwiz {

namespace {

    // Separates the SA half from the SP half of one poll's output.
    const QByteArray Marker = QByteArrayLiteral("@@ipsec-wizard:policies@@");

    QString tr(const char* text)
    {
        return QCoreApplication::translate("ipsecwiz::MonitorSession", text);
    }

} // namespace

QString monitorSourceId(MonitorSource source)
{
    switch (source) {
    case MonitorSource::Auto:
        return QStringLiteral("auto");
    case MonitorSource::Setkey:
        return QStringLiteral("setkey");
    case MonitorSource::Xfrm:
        return QStringLiteral("xfrm");
    case MonitorSource::Swanctl:
        return QStringLiteral("swanctl");
    }
    return {};
}

std::optional<MonitorSource> monitorSourceFromId(const QString& id)
{
    for (MonitorSource s : { MonitorSource::Auto, MonitorSource::Setkey, MonitorSource::Xfrm, MonitorSource::Swanctl })
        if (monitorSourceId(s) == id)
            return s;
    return std::nullopt;
}

QString MonitorSession::commandFor(MonitorSource source)
{
    const QString marker = QString::fromLatin1(Marker);
    // LC_ALL=C: the parsers read the tools' English output.
    switch (source) {
    case MonitorSource::Setkey:
        return QStringLiteral("LC_ALL=C setkey -D; echo %1; LC_ALL=C setkey -DP").arg(marker);
    case MonitorSource::Xfrm:
        return QStringLiteral("LC_ALL=C ip -s xfrm state; echo %1; LC_ALL=C ip xfrm policy").arg(marker);
    case MonitorSource::Swanctl:
        return QStringLiteral("LC_ALL=C swanctl --list-sas");
    case MonitorSource::Auto:
        break;
    }
    return {};
}

MonitorSession::MonitorSession(std::unique_ptr<SshSession> session, MonitorSource source)
    : m_session(std::move(session))
    , m_source(source)
{
}

Result<std::unique_ptr<MonitorSession>> MonitorSession::open(const SshOptions& options, MonitorSource source)
{
    auto s = SshSession::connect(options);
    if (!s)
        return s.error();
    std::unique_ptr<MonitorSession> m(new MonitorSession(std::move(s.value()), source));
    if (options.user != QLatin1String("root"))
        if (auto st = m->becomeRoot(options); !st)
            return st.error();
    if (source == MonitorSource::Auto)
        if (auto st = m->detect(); !st)
            return st.error();
    return m;
}

MonitorSession::~MonitorSession()
{
    m_sudoInput.fill('\0');
}

// The kernel's SAD and swanctl's socket are root's: another SSH user reads them through sudo —
// without a password when sudoers allows it, else with the password on sudo's standard input
// for every poll (never on a command line). A user sudo refuses outright polls as itself: some
// sources may still work (a vici socket opened to a group, setkey with capabilities).
Status MonitorSession::becomeRoot(const SshOptions& options)
{
    if (auto r = m_session->exec(QStringLiteral("sudo -n true"), {}, {}, 10000); r && r.value().exitStatus == 0) {
        m_sudo = Sudo::WithoutPassword;
        return {};
    }
    if (!options.password)
        return {};
    auto password = options.password(tr("sudo password for %1@%2").arg(options.user, options.host));
    if (!password)
        return {};
    m_sudoInput = *password + '\n';
    password->fill('\0');
    auto check = m_session->exec(QStringLiteral("LC_ALL=C sudo -S -p '' -v"), m_sudoInput, {}, 15000);
    if (check && check.value().exitStatus == 0) {
        m_sudo = Sudo::WithPassword;
        return {};
    }
    m_sudoInput.fill('\0');
    m_sudoInput.clear();
    // No sudo, or sudo that will not have this user at all (whatever the password): poll as the
    // user. Only a password sudo refused is an error: it would be refused at every poll.
    const QByteArray said = check ? check.value().err + check.value().out : QByteArray();
    if (check && (check.value().exitStatus == 127 || said.contains("not in the sudoers") || said.contains("may not run sudo")))
        return {};
    return Error{m_session->describe(), tr("sudo refused the password for %1.").arg(options.user)};
}

Status MonitorSession::detect()
{
    // setkey, then ip xfrm, then swanctl: the first that works and shows SAs wins; when none
    // shows any (no tunnel yet), the first that works.
    std::optional<MonitorSource> firstWorking;
    for (MonitorSource candidate : { MonitorSource::Setkey, MonitorSource::Xfrm, MonitorSource::Swanctl }) {
        m_source = candidate;
        auto r = poll();
        if (!r)
            continue;
        const QByteArray& states = r.value().states;
        const bool works = !states.contains("not found") && !states.contains("Operation not supported")
            && !states.contains("Connection refused") && !states.contains("Invalid argument");
        if (!works)
            continue;
        if (!firstWorking)
            firstWorking = candidate;
        const bool showsSas = candidate == MonitorSource::Swanctl ? states.contains("INSTALLED") || states.contains("ESTABLISHED")
            : candidate == MonitorSource::Xfrm                    ? states.contains("src ")
                                                                  : states.contains("spi=");
        if (showsSas)
            return {};
    }
    if (!firstWorking)
        return Error { m_session->describe(), tr("None of setkey, ip xfrm and swanctl works on this gateway.") };
    m_source = *firstWorking;
    return {};
}

namespace {

// The SA half and the SP half of one poll, as one snapshot.
Snapshot bothHalves(const PollResult& poll, SnapshotFormat states, SnapshotFormat policies)
{
    Snapshot s = SnapshotParser::parse(QByteArrayView(poll.states), states);
    const Snapshot p = SnapshotParser::parse(QByteArrayView(poll.policies), policies);
    s.policies = p.policies;
    s.unknownLines += p.unknownLines;
    s.unknownLineCount += p.unknownLineCount;
    s.warnings += p.warnings;
    s.truncated = s.truncated || p.truncated;
    return s;
}

} // namespace

Snapshot snapshotOf(const PollResult& poll)
{
    switch (poll.source) {
    case MonitorSource::Setkey: return bothHalves(poll, SnapshotFormat::SetkeySad, SnapshotFormat::SetkeySpd);
    case MonitorSource::Xfrm: return bothHalves(poll, SnapshotFormat::XfrmState, SnapshotFormat::XfrmPolicy);
    case MonitorSource::Swanctl:
    case MonitorSource::Auto: break;
    }
    return SnapshotParser::parse(QByteArrayView(poll.states), SnapshotFormat::Swanctl);
}

GatewayReading readingOf(const PollResult& poll, Snapshot snapshot)
{
    GatewayReading r;
    r.reached = true;
    r.snapshot = std::move(snapshot);
    r.source = monitorSourceId(poll.source);
    r.roundTripMs = poll.roundTripMs;
    return r;
}

Result<PollResult> MonitorSession::poll(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    // stderr goes into the same stream: "setkey: … not supported" is what the admin must see.
    const QString command = QStringLiteral("{ %1; } 2>&1").arg(commandFor(m_source));
    auto r = m_sudo == Sudo::None            ? m_session->exec(command, {}, {}, timeoutMs, MaxOutputBytes)
             : m_sudo == Sudo::WithoutPassword ? m_session->exec(QStringLiteral("sudo -n sh -c ") + shellQuote(command), {}, {}, timeoutMs, MaxOutputBytes)
                                               : m_session->exec(QStringLiteral("sudo -S -p '' sh -c ") + shellQuote(command), m_sudoInput, {}, timeoutMs, MaxOutputBytes);
    if (!r)
        return r.error();
    PollResult result;
    result.source = m_source;
    result.truncated = r.value().truncated;
    result.roundTripMs = timer.elapsed();
    const QByteArray& out = r.value().out;
    const qsizetype at = out.indexOf(Marker + '\n');
    if (at >= 0) {
        result.states = out.left(at);
        result.policies = out.mid(at + Marker.size() + 1);
    } else {
        result.states = out;
    }
    return result;
}

} // namespace ipsecwiz
