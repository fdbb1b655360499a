#include "Diagnoser.h"

#include "Generator.h"

#include "Deployer.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <atomic>
#include <chrono>
#include <thread>

namespace ipsecwiz::Diagnoser {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Diagnoser", text);
}

QString quoted(const QString& s)
{
    QString q = s;
    return QLatin1Char('\'') + q.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

struct State
{
    std::unique_ptr<SshSession> session;
    QString unreachable; // why SSH failed
    bool daemon = false;
    bool loaded = false;
    bool installed = false;
    bool forwarding = true; // net.ipv4.ip_forward (or IPv6's) is on
    QString daemonError;
    QByteArray log;
    std::optional<GatewayCheck> drift;
};

// What the gateway shows before anything is done: charon answers, the connection is loaded, its
// CHILD_SA is installed.
void look(State& s, const DiagnoseGateway& g, const QString& tunnel)
{
    auto session = SshSession::connect(*g.ssh);
    if (!session) {
        s.unreachable = session.error().message;
        return;
    }
    s.session = std::move(session.value());
    if (g.expected) {
        CheckTarget files = *g.expected;
        files.connections.clear(); // whether it is loaded is said below, with more
        s.drift = DriftChecker::inspect(*s.session, files);
    }
    auto conns = s.session->exec(QStringLiteral("swanctl --list-conns 2>&1"), {}, {}, 20000, 1 << 20);
    if (!conns) {
        s.unreachable = conns.error().message;
        return;
    }
    s.daemon = conns.value().exitStatus == 0;
    if (!s.daemon) {
        s.daemonError = QString::fromUtf8(conns.value().out).trimmed().section(QLatin1Char('\n'), 0, 0);
        return;
    }
    s.loaded = QString::fromUtf8(conns.value().out).contains(QRegularExpression(QStringLiteral("(^|\\n)%1: ").arg(QRegularExpression::escape(tunnel))));
    auto sas = s.session->exec(QStringLiteral("swanctl --list-sas --ike %1 2>&1").arg(quoted(tunnel)), {}, {}, 20000, 1 << 20);
    s.installed = sas && sas.value().out.contains("INSTALLED");
    // A gateway that does not forward brings the tunnel up and passes nothing between the networks.
    auto forward = s.session->exec(QStringLiteral("cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding 2>/dev/null"), {}, {},
                                   20000, 4096);
    if (forward && forward.value().exitStatus == 0)
        s.forwarding = !forward.value().out.trimmed().startsWith('0');
}

// The captured lines as they came (so "line N" of a cause is entry N), key material masked.
QStringList lines(const QByteArray& log)
{
    QStringList out = QString::fromUtf8(log).split(QLatin1Char('\n'));
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    for (QString& l : out)
        l = IkeLog::masked(l);
    return out;
}

// Files of the tunnel on a gateway that differ from what the profile generates: edited by hand
// or by another tool, or left from another version of the profile. The diff's lines, keys masked.
QList<IkeDiagnosis> driftFindings(const std::array<State, 2>& state, const std::array<const DiagnoseGateway*, 2>& gw, const QString& tunnel)
{
    QList<IkeDiagnosis> out;
    for (size_t i = 0; i < 2; ++i) {
        if (!state[i].drift || !state[i].drift->reached)
            continue;
        for (const FileDrift& f : state[i].drift->files) {
            if (f.state == FileDrift::State::Same)
                continue;
            QStringList evidence;
            for (const QString& line : f.diff.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if ((line.startsWith(QLatin1Char('-')) || line.startsWith(QLatin1Char('+'))) && !line.startsWith(QStringLiteral("---"))
                    && !line.startsWith(QStringLiteral("+++")) && evidence.size() < 20)
                    evidence << QStringLiteral("%1: %2").arg(gw[i]->label, line);
            const QString cause = f.state == FileDrift::State::Differs
                ? tr("%1 on %2 differs from what the profile generates for tunnel %3 (edited by hand, by another tool, or from another "
                     "version of the profile).")
                      .arg(f.path, gw[i]->label, tunnel)
                : tr("%1 of tunnel %2 is missing on %3.").arg(f.path, tunnel, gw[i]->label);
            out << IkeDiagnosis{cause, QStringLiteral("gateway"),
                                tr("Push the profile again to put the file back, or make the change in the profile; `ipsec-wizard check` shows "
                                   "the whole difference."),
                                evidence, gw[i]->label, true};
        }
    }
    return out;
}

} // namespace

DiagnoseReport run(const QString& tunnel, const DiagnoseGateway& a, const DiagnoseGateway& b, bool initiate)
{
    DiagnoseReport report;
    std::array<State, 2> state;
    const std::array<const DiagnoseGateway*, 2> gw{&a, &b};
    {
        std::vector<std::thread> threads;
        for (size_t i = 0; i < 2; ++i)
            if (gw[i]->ssh)
                threads.emplace_back([&, i] { look(state[i], *gw[i], tunnel); });
        for (std::thread& t : threads)
            t.join();
    }
    for (size_t i = 0; i < 2; ++i) {
        if (!gw[i]->ssh)
            continue;
        const State& s = state[i];
        if (!s.unreachable.isEmpty())
            report.findings << IkeDiagnosis{tr("%1 cannot be reached over SSH: %2").arg(gw[i]->label, s.unreachable), QStringLiteral("ssh"),
                                            tr("Check the SSH target of %1 (host, port, user, key) and that it is up.").arg(gw[i]->label), {},
                                            gw[i]->label};
        else if (!s.daemon)
            report.findings << IkeDiagnosis{tr("The IKE daemon (charon) does not answer on %1.").arg(gw[i]->label), QStringLiteral("gateway"),
                                            tr("Start strongSwan on %1 (systemctl start strongswan), then push again.").arg(gw[i]->label),
                                            {QStringLiteral("%1: %2").arg(gw[i]->label, s.daemonError)}, gw[i]->label};
        else if (!s.loaded)
            report.findings << IkeDiagnosis{tr("The connection %1 is not loaded on %2.").arg(tunnel, gw[i]->label), QStringLiteral("gateway"),
                                            tr("Push the profile again (or run swanctl --load-all on %1).").arg(gw[i]->label),
                                            {tr("%1: swanctl --list-conns does not list %2").arg(gw[i]->label, tunnel)}, gw[i]->label, true};
    }
    for (size_t i = 0; i < 2; ++i)
        if (gw[i]->ssh && state[i].session && state[i].daemon && !state[i].forwarding)
            report.findings << IkeDiagnosis{tr("%1 does not forward IPv4 (net.ipv4.ip_forward is 0): the tunnel can come up, but nothing passes "
                                               "between its networks and the tunnel.")
                                                .arg(gw[i]->label),
                                            QStringLiteral("gateway"),
                                            tr("On %1: sysctl -w net.ipv4.ip_forward=1, and the same in /etc/sysctl.d/ so it stays after a "
                                               "reboot.")
                                                .arg(gw[i]->label),
                                            {tr("%1: /proc/sys/net/ipv4/ip_forward is 0").arg(gw[i]->label)}, gw[i]->label};
    const QList<IkeDiagnosis> drift = driftFindings(state, gw, tunnel);
    if (!report.findings.isEmpty()) {
        report.findings << drift;
        return report;
    }
    // Half-up: one gateway holds the tunnel's SAs, its peer none (its charon restarted, or lost
    // them): what one sends goes into SAs the other no longer knows, until dead peer detection
    // notices. Starting the tunnel again is the fix, not the diagnosis: nothing is started.
    if (b.ssh && state[0].installed != state[1].installed) {
        const size_t has = state[0].installed ? 0 : 1;
        const size_t lost = 1 - has;
        report.findings << IkeDiagnosis{tr("Tunnel %1 is half-up: %2 holds its SAs, %3 has none (%3's charon restarted or lost them), so "
                                           "what %2 sends into the tunnel is dropped.")
                                            .arg(tunnel, gw[has]->label, gw[lost]->label),
                                        QStringLiteral("gateway"),
                                        tr("Start it again: on %1, swanctl --terminate --ike %2, then swanctl --initiate --child %2 (or wait "
                                           "for dead peer detection, 30 s, to do the same).")
                                            .arg(gw[has]->label, tunnel),
                                        {tr("%1: swanctl --list-sas shows %2 INSTALLED").arg(gw[has]->label, tunnel),
                                         tr("%1: swanctl --list-sas shows no SA of %2").arg(gw[lost]->label, tunnel)},
                                        gw[lost]->label};
        report.findings << drift;
        return report;
    }
    report.up = state[0].installed && (!b.ssh || state[1].installed);
    if (report.up || !initiate) {
        report.findings << drift;
        return report;
    }

    // The attempt: B's charon log is read (swanctl --log) from before A starts the tunnel, and
    // A's is what `swanctl --initiate` prints of that IKE SA. B says when its reader is attached,
    // instead of a sleep that a busy gateway outlasts.
    report.attempted = true;
    std::atomic_bool listening{!b.ssh};
    // B's reader ends when A's attempt is over (and B has had a moment for its last lines), not at
    // its 20 s limit: the channel is closed through the session's cancel flag, and what it read so
    // far is what it passed line by line.
    std::atomic_bool stopReading{false};
    QByteArray logB;
    std::thread listener;
    if (b.ssh) {
        state[1].session->setCancelFlag(&stopReading);
        listener = std::thread([&] {
            // Line-buffered (stdbuf): the reader is closed before swanctl ends, so nothing may
            // wait in its stdio buffer.
            const QString command = QStringLiteral(
                "timeout 20 sh -c 'S=; command -v stdbuf >/dev/null && S=\"stdbuf -oL\"; $S swanctl --log & P=$!; sleep 1; echo iwz-listening; wait $P' 2>&1");
            auto r = state[1].session->exec(command, {}, [&](Stream, const QByteArray& line) {
                if (line.contains("iwz-listening"))
                    listening = true;
                else if (logB.size() < (4 << 20))
                    logB += line + '\n';
            }, 35000, 4 << 20);
            listening = true; // whatever happened, A need not wait any longer
        });
    }
    for (int waited = 0; !listening && waited < 15000; waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // 7 s: charon's first retransmit is at 4 s (retransmit_timeout 4.0), and one retransmit is all
    // a silent peer needs to be told from a lost answer; a peer that answers at all does in under 2 s.
    auto r = state[0].session->exec(QStringLiteral("swanctl --initiate --child %1 --timeout 7 2>&1").arg(quoted(tunnel)), {}, {}, 40000, 4 << 20);
    if (r)
        state[0].log = r.value().out;
    if (listener.joinable()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        stopReading = true;
        listener.join();
        state[1].session->setCancelFlag(nullptr);
        state[1].log = logB;
    }
    report.logA = lines(state[0].log);
    report.logB = lines(state[1].log);
    report.findings = IkeDiagnose::diagnose(IkeLog::parse(state[0].log), IkeLog::parse(state[1].log), b.ssh.has_value(), a.label, b.label);
    // A key or a proposal that differs could be either side's: the side whose files no longer are
    // what the profile generates is where it changed (by hand, or by another version of the profile).
    QStringList drifted;
    for (const IkeDiagnosis& d : drift)
        if (!drifted.contains(d.side))
            drifted << d.side;
    if (drifted.size() == 1)
        for (IkeDiagnosis& d : report.findings)
            if (d.side.isEmpty()) {
                d.side = drifted.first();
                d.fix += QLatin1Char(' ') + tr("%1's files differ from what the profile generates: the change was made there.").arg(d.side);
            }
    if (report.findings.isEmpty()) {
        auto sas = state[0].session->exec(QStringLiteral("swanctl --list-sas --ike %1 2>&1").arg(quoted(tunnel)), {}, {}, 20000, 1 << 20);
        report.up = sas && sas.value().out.contains("INSTALLED");
    }
    report.findings << drift;
    return report;
}

Result<std::pair<DiagnoseGateway, DiagnoseGateway>> gatewaysOf(const NetworkProfile& n, int tunnel, const QString& profileDir,
                                                                const std::function<SshOptions(SshOptions)>& tweak)
{
    if (tunnel < 0 || tunnel >= n.tunnels.size())
        return Error{QStringLiteral("--tunnel"), tr("There is no such tunnel.")};
    const Tunnel& t = n.tunnels.at(tunnel);
    const Site* sa = n.site(t.siteA);
    const Site* sb = n.site(t.siteB);
    if (!sa || !sb)
        return Error{Network::tunnelPath(t.name, QStringLiteral("sites")), tr("Tunnel “%1” joins a site that is not there.").arg(t.name)};
    if (!sa->gateway.managed || (sb->gateway.managed && sb->gateway.reach == Reachability::Dynamic))
        std::swap(sa, sb);
    for (const Site* s : {sa, sb})
        if (s->gateway.managed && s->gateway.flavour != Flavour::StrongSwan)
            return Error{Network::sitePath(n.siteIndex(s->name), QStringLiteral("gateway.flavour")),
                         tr("diagnose reads charon over SSH; site “%1” runs %2, whose saved logs it decodes offline only (diagnose --log).").arg(s->name, flavourId(s->gateway.flavour))};
    const bool pair = n.sites.size() == 2 && n.tunnels.size() == 1;
    const auto gateway = [&](const Site* s) {
        DiagnoseGateway g;
        const bool lettered = pair && (s->name == QLatin1String("site-a") || s->name == QLatin1String("site-b"));
        g.label = lettered ? (s->name == QLatin1String("site-a") ? tr("gateway A") : tr("gateway B")) : s->name;
        g.site = s->name;
        if (s->gateway.managed) {
            SshOptions o = NetworkDeployer::sshOptionsFor(n, *s, profileDir);
            g.ssh = tweak ? tweak(o) : o;
        }
        return g;
    };
    return std::pair{gateway(sa), gateway(sb)};
}

void expectProfile(std::pair<DiagnoseGateway, DiagnoseGateway>& ends, const NetworkProfile& n, int tunnel, const QString& profileDir)
{
    if (tunnel < 0 || tunnel >= n.tunnels.size())
        return;
    const QString name = n.tunnels.at(tunnel).name;
    const bool oneTunnel = n.tunnels.size() == 1;
    // Two gateways version 1 describes are pushed by the pair generators: compare with theirs.
    if (const auto pair = Network::toTunnelProfile(n, name); pair && n.sites.size() == 2 && oneTunnel) {
        const QByteArray psk = pair.value().psk.value_or(QByteArray());
        for (DiagnoseGateway* end : {&ends.first, &ends.second}) {
            if (!end->ssh)
                continue;
            const Side side = end->site == n.tunnels.first().siteA ? Side::A : Side::B;
            auto cfg = Generate::side(pair.value(), side, psk.isEmpty() ? QByteArray("0x") + QByteArray(64, '0') : psk);
            if (!cfg)
                return;
            CheckTarget t;
            t.label = end->label;
            t.ssh = *end->ssh;
            t.expected = cfg.value();
            if (!psk.isEmpty())
                t.keys << psk;
            if (pair.value().gateway(side).flavour == Flavour::StrongSwan)
                t.connections << name;
            end->expected = t;
        }
        return;
    }
    QStringList keyless;
    QStringList sites;
    for (const DiagnoseGateway* end : {&ends.first, &ends.second})
        if (end->ssh)
            sites << end->site;
    auto targets = DriftChecker::targetsFor(n, sites, profileDir, &keyless);
    if (!targets)
        return;
    for (DiagnoseGateway* end : {&ends.first, &ends.second}) {
        for (CheckTarget target : targets.value()) {
            if (target.label != end->site || !end->ssh)
                continue;
            QList<GeneratedFile> own;
            for (const GeneratedFile& f : target.expected.files)
                if (oneTunnel || f.path.contains(QLatin1Char('/') + name + QLatin1Char('.')) || f.path.contains(QLatin1Char('/') + name + QLatin1Char('/')))
                    own << f;
            target.expected.files = own;
            target.ssh = *end->ssh;
            target.label = end->label;
            end->expected = target;
        }
    }
}

} // namespace ipsecwiz::Diagnoser
