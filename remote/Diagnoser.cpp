#include "Diagnoser.h"

#include "CommitScript.h"
#include "DataPath.h"
#include "Generator.h"
#include "NetworkGenerator.h"
#include "SwanctlParser.h"

#include "Deployer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
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

// --- the data path, once the tunnel is up ------------------------------------------------------

QString bare(const QString& address)
{
    return address.section(QLatin1Char('/'), 0, 0).trimmed();
}

QString output(SshSession& s, const QString& command)
{
    auto r = s.exec(command, {}, {}, 20000, 1 << 20);
    return r ? QString::fromUtf8(r.value().out).trimmed() : QString();
}

// The tunnel's CHILD_SA packets in and out on one gateway, as swanctl counts them.
struct Counters
{
    quint64 in = 0, out = 0;
    bool known = false;
};

Counters counters(SshSession& s, const QString& tunnel)
{
    Counters c;
    auto r = s.exec(QStringLiteral("swanctl --list-sas --ike %1 2>&1").arg(quoted(tunnel)), {}, {}, 20000, 1 << 20);
    if (!r || r.value().exitStatus != 0)
        return c;
    for (const IkeSa& ike : SwanctlParser::parse(r.value().out).ikeSas)
        for (const ChildSa& child : ike.children)
            if (child.state == QLatin1String("INSTALLED") && child.packetsIn && child.packetsOut) {
                c.in += *child.packetsIn;
                c.out += *child.packetsOut;
                c.known = true;
            }
    return c;
}

DataPath::PingOutcome dfPing(SshSession& s, const QString& from, const QString& to, int payload)
{
    auto r = s.exec(QStringLiteral("ping -n -M do -c 1 -W 1 -s %1 -I %2 %3 2>&1").arg(payload).arg(quoted(from), quoted(to)), {}, {}, 20000, 1 << 16);
    if (!r)
        return {};
    return DataPath::pingOutcome(r.value().exitStatus, QString::fromUtf8(r.value().out));
}

// The interface a gateway's decrypted packets come in by: charon's userspace ESP hands them over
// on its TUN device (ipsec0); the kernel's, on the interface the ESP arrived on.
QString arrivalDevice(SshSession& s, const QString& peer)
{
    if (const auto tun = s.exec(QStringLiteral("ip -o link show dev ipsec0 >/dev/null 2>&1"), {}, {}, 20000, 4096); tun && tun.value().exitStatus == 0)
        return QStringLiteral("ipsec0");
    return peer.isEmpty() ? QString() : DataPath::routeDevice(output(s, QStringLiteral("ip -o route get %1 2>&1").arg(quoted(peer))));
}

// An attempt logged at TIME ("2026-12-05 13:10:01", or the journal's "Dec 05 13:10:01") more than
// 15 minutes before the gateway's NOW is not the one being diagnosed. A time that does not read
// is taken as recent.
bool isStale(const QString& time, const QString& now)
{
    const QDateTime at = QDateTime::fromString(now, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QDateTime then = QDateTime::fromString(time, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!then.isValid()) {
        const QDateTime partial = QLocale::c().toDateTime(time.simplified(), QStringLiteral("MMM d HH:mm:ss"));
        if (partial.isValid())
            then = QDateTime(QDate(at.date().year(), partial.date().month(), partial.date().day()), partial.time());
    }
    return at.isValid() && then.isValid() && then.secsTo(at) > 15 * 60;
}

// What the peer B someone else runs last started itself, from A's charon log over time (the
// journal, charon.log or syslog), held against B's settings sheet. LINES (if given) gets that
// attempt's lines when it shows a cause.
QList<IkeDiagnosis> peersOwnAttempt(SshSession& s, const DiagnoseGateway& a, const DiagnoseGateway& b, QStringList* lines)
{
    const QString recent = output(s, QStringLiteral(
        "date '+%F %T'; { journalctl -q --no-pager -o short -n 400 -t charon -t charon-systemd 2>/dev/null | grep . ; } || "
        "tail -n 400 /var/log/charon.log 2>/dev/null || { grep -h ' charon' /var/log/syslog /var/log/daemon.log 2>/dev/null | tail -n 400; }"));
    QList<IkeLogEvent> attempt = PeerCheck::lastPeerAttempt(IkeLog::parse(recent.toUtf8()));
    if (!attempt.isEmpty() && isStale(attempt.first().time, recent.section(QLatin1Char('\n'), 0, 0).trimmed()))
        attempt.clear();
    QList<IkeDiagnosis> found = PeerCheck::compare(attempt, *b.sheet, a.label);
    for (IkeDiagnosis& d : found)
        for (QString& e : d.evidence)
            e += tr(" (charon's log, %1's last attempt)").arg(b.label);
    if (lines && !found.isEmpty())
        for (const IkeLogEvent& e : attempt)
            *lines << IkeLog::masked(e.time + QLatin1Char(' ') + e.message).trimmed();
    return found;
}

// Loose (2) for the interface the tunnel's packets come in by: the kernel takes the larger of
// conf.all and conf.IF, so this one interface is loose whatever conf.all says. Empty for a name
// the push would not write (CommitScript::checkChange).
GatewayChange rpFilterChange(const QString& site, const QString& dev)
{
    GatewayChange c{site, {{QStringLiteral("/proc/sys/net/ipv4/conf/%1/rp_filter").arg(dev), QStringLiteral("2")}}, {}};
    return CommitScript::checkChange(c) ? c : GatewayChange{};
}

// A gateway that drops what comes out of the tunnel as spoofed: rp_filter strict (1) on the
// interface it comes in by, and the route back to its source leaving by another (asymmetric).
std::optional<IkeDiagnosis> strictReversePath(SshSession& s, const DiagnoseGateway& g, const QString& peerPublic, const QString& source,
                                              const QStringList& sourceNets, const QString& counterLine)
{
    const QString dev = arrivalDevice(s, bare(peerPublic));
    if (dev.isEmpty())
        return std::nullopt;
    const QStringList values = output(s, QStringLiteral("cat /proc/sys/net/ipv4/conf/all/rp_filter /proc/sys/net/ipv4/conf/%1/rp_filter 2>/dev/null").arg(quoted(dev)))
                                   .split(QLatin1Char('\n'));
    int strictest = 0;
    for (const QString& v : values)
        strictest = std::max(strictest, v.trimmed().toInt());
    const QString back = output(s, QStringLiteral("ip -o route get %1 from %2 2>&1").arg(quoted(source), quoted(bare(g.inside))));
    const QString backDev = DataPath::routeDevice(back);
    if (strictest != 1 || backDev.isEmpty() || backDev == dev)
        return std::nullopt;
    return IkeDiagnosis{tr("%1 drops what comes out of the tunnel as spoofed: rp_filter is strict (1) for %2, where the tunnel's packets come in, "
                           "and %1's route back to %3 leaves by %4 (an asymmetric route).")
                            .arg(g.label, dev, source, backDev),
                        QStringLiteral("gateway"),
                        tr("On %1: sysctl -w net.ipv4.conf.all.rp_filter=2 net.ipv4.conf.%2.rp_filter=2 (loose), and the same in /etc/sysctl.d/ so it "
                           "stays; or route %3 back through the tunnel instead of by %4.")
                            .arg(g.label, dev, sourceNets.isEmpty() ? source : sourceNets.join(QStringLiteral(", ")), backDev),
                        {tr("%1: net.ipv4.conf.all.rp_filter and net.ipv4.conf.%2.rp_filter: %3").arg(g.label, dev, values.join(QStringLiteral(", "))),
                         QStringLiteral("%1: ip route get %2 from %3: %4").arg(g.label, source, bare(g.inside), back.section(QLatin1Char('\n'), 0, 0)),
                         counterLine},
                        g.label, false, rpFilterChange(g.site, dev)};
}

// A ping that did answer: how large a packet passes with "don't fragment" set. A size the sender's
// own route refuses is said at once (ping: "message too long, mtu=…"); one lost on the way, while
// smaller ones pass, is a black hole.
void probeMtu(DiagnoseReport& report, std::array<State, 2>& state, const std::array<const DiagnoseGateway*, 2>& gw)
{
    SshSession& a = *state[0].session;
    const QString from = bare(gw[0]->inside);
    const QString to = bare(gw[1]->inside);
    int size = 1472; // a 1500-byte packet
    DataPath::PingOutcome o;
    for (int i = 0; i < 3; ++i) {
        o = dfPing(a, from, to, size);
        if (o.kind != DataPath::PingOutcome::TooBigHere || o.mtu <= 28 || o.mtu - 28 >= size)
            break;
        size = o.mtu - 28;
    }
    if (o.kind == DataPath::PingOutcome::Answered) {
        report.probes << tr("packets of %1 bytes with \"don't fragment\" pass (the largest %2's route to %3 takes)").arg(size + 28).arg(gw[0]->label, to);
        return;
    }
    if (o.kind != DataPath::PingOutcome::Lost)
        return;
    int passes = 56;
    int lost = size;
    while (lost - passes > 16) {
        const int mid = (passes + lost) / 2;
        if (dfPing(a, from, to, mid).kind == DataPath::PingOutcome::Answered)
            passes = mid;
        else
            lost = mid;
    }
    // Which end's link is the narrow one: the WAN interface (the way to the peer) with the smaller MTU.
    QStringList evidence{tr("%1: ping -M do -s %2 from %3 to %4 is answered, -s %5 is not").arg(gw[0]->label).arg(passes).arg(from, to).arg(lost)};
    std::array<int, 2> mtu{0, 0};
    for (size_t i = 0; i < 2; ++i) {
        const QString peer = bare(gw[1 - i]->publicAddress);
        if (peer.isEmpty())
            continue;
        const QString dev = DataPath::routeDevice(output(*state[i].session, QStringLiteral("ip -o route get %1 2>&1").arg(quoted(peer))));
        const QString link = dev.isEmpty() ? QString() : output(*state[i].session, QStringLiteral("ip -o link show dev %1 2>&1").arg(quoted(dev)));
        static const QRegularExpression mtuOf(QStringLiteral("\\bmtu (\\d+)"));
        if (const auto m = mtuOf.match(link); m.hasMatch()) {
            mtu[i] = m.captured(1).toInt();
            evidence << tr("%1: %2, its way to %3, has MTU %4").arg(gw[i]->label, dev, peer).arg(mtu[i]);
        }
    }
    QString side;
    if (mtu[0] > 0 && mtu[1] > 0 && mtu[0] != mtu[1])
        side = gw[mtu[0] < mtu[1] ? 0 : 1]->label;
    report.findings << IkeDiagnosis{tr("An MTU black hole: packets of up to %1 bytes pass the tunnel, packets of %2 bytes are lost without a word (a link on "
                                       "the way has a smaller MTU, and the ICMP \"fragmentation needed\" that would say so does not come back).")
                                        .arg(passes + 28)
                                        .arg(lost + 28),
                                    QStringLiteral("gateway"),
                                    tr("Clamp TCP's MSS to the path on both gateways (nftables, forward chain: tcp flags syn tcp option maxseg size set rt "
                                       "mtu) or lower the MTU of the narrow link's other end to match; and let ICMP type 3 code 4 through."),
                                    evidence, side};
}

// The tunnel is up: A pings B's inside address from its own, and where the packets stop is read
// from the CHILD_SA's counters on both ends, then from the rules and settings of the end they
// stop at. Nothing is changed.
void probePath(DiagnoseReport& report, std::array<State, 2>& state, const std::array<const DiagnoseGateway*, 2>& gw, const QString& tunnel)
{
    SshSession& a = *state[0].session;
    SshSession& b = *state[1].session;
    const QString from = bare(gw[0]->inside);
    const QString to = bare(gw[1]->inside);
    const Counters a0 = counters(a, tunnel);
    const Counters b0 = counters(b, tunnel);
    auto r = a.exec(QStringLiteral("ping -n -c 3 -i 0.2 -W 1 -I %1 %2 2>&1").arg(quoted(from), quoted(to)), {}, {}, 20000, 1 << 16);
    if (r && r.value().exitStatus == 0) {
        report.probes << tr("ping from %1 (%2) to %3 (%4) through the tunnel: answered").arg(from, gw[0]->label, to, gw[1]->label);
        probeMtu(report, state, gw);
        return;
    }
    const Counters a1 = counters(a, tunnel);
    const Counters b1 = counters(b, tunnel);
    report.probes << tr("ping from %1 (%2) to %3 (%4) through the tunnel: no answer").arg(from, gw[0]->label, to, gw[1]->label);
    const auto delta = [](quint64 before, quint64 after) { return after >= before ? after - before : 0; };
    const QString A = gw[0]->label;
    const QString B = gw[1]->label;
    if (!a0.known || !a1.known || !b0.known || !b1.known) {
        report.findings << IkeDiagnosis{tr("Tunnel %1 is up, but a ping from %2 to %3 through it is not answered.").arg(tunnel, from, to), QStringLiteral("gateway"),
                                        tr("Look at both gateways' firewall and NAT rules for the tunnel's networks, at rp_filter, and at their routes."),
                                        {}, QString()};
        return;
    }
    const quint64 aOut = delta(a0.out, a1.out);
    const quint64 bIn = delta(b0.in, b1.in);
    const quint64 bOut = delta(b0.out, b1.out);
    const quint64 aIn = delta(a0.in, a1.in);
    const QString counts = tr("the tunnel's packets while 3 pings were sent: %1 out %2, %3 in %4, %3 out %5, %1 in %6")
                               .arg(A)
                               .arg(aOut)
                               .arg(B)
                               .arg(bIn)
                               .arg(bOut)
                               .arg(aIn);
    const QString nets = gw[0]->networks.isEmpty() ? from : gw[0]->networks.join(QStringLiteral(", "));
    const QString farNets = gw[1]->networks.isEmpty() ? to : gw[1]->networks.join(QStringLiteral(", "));
    const auto rules = [](SshSession& s) { return DataPath::parseRuleset(output(s, QStringLiteral("nft list ruleset 2>/dev/null"))); };
    const auto ruleLine = [](const QString& label, const DataPath::NftRule& rule) {
        return tr("%1: %2, line %3 of nft list ruleset: %4").arg(label, rule.where()).arg(rule.line).arg(rule.text);
    };
    if (aOut == 0) {
        const QString way = output(a, QStringLiteral("ip -o route get %1 from %2 2>&1").arg(quoted(to), quoted(from)));
        if (const auto nat = DataPath::natCatching(rules(a), from, to, DataPath::routeDevice(way))) {
            const QString set = [](const QString& n) { return n.contains(QLatin1Char(',')) ? QStringLiteral("{ %1 }").arg(n) : n; }(nets);
            const QString farSet = farNets.contains(QLatin1Char(',')) ? QStringLiteral("{ %1 }").arg(farNets) : farNets;
            report.findings << IkeDiagnosis{tr("A NAT rule on %1 catches the tunnel's traffic before IPsec does (%2: %3): the packets leave with another source "
                                               "address, match no policy of the tunnel, and never enter it.")
                                                .arg(A, nat->where(), nat->text),
                                            QStringLiteral("gateway"),
                                            tr("Exempt the tunnel's traffic before that rule, on %1: nft insert rule %2 %3 %4 ip saddr %5 ip daddr %6 accept (and the "
                                               "same in the file that rule comes from, so it stays).")
                                                .arg(A, nat->family, nat->table, nat->chain, set, farSet),
                                            {ruleLine(A, *nat), counts}, A};
            GatewayChange exempt{gw[0]->site, {}, {QStringLiteral("%1 %2 %3 ip saddr %4 ip daddr %5 accept").arg(nat->family, nat->table, nat->chain, set, farSet)}};
            if (CommitScript::checkChange(exempt))
                report.findings.last().change = exempt;
            return;
        }
        report.findings << IkeDiagnosis{tr("%1 sends nothing into the tunnel: the pings from %2 to %3 do not reach its SA (they leave by %4).")
                                            .arg(A, from, to, DataPath::routeDevice(way).isEmpty() ? tr("no route") : DataPath::routeDevice(way)),
                                        QStringLiteral("gateway"), tr("Look at %1's routes and output firewall rules for %2.").arg(A, farNets),
                                        {QStringLiteral("%1: ip route get %2 from %3: %4").arg(A, to, from, way.section(QLatin1Char('\n'), 0, 0)), counts}, A};
        return;
    }
    if (bIn == 0) {
        if (const auto drop = DataPath::dropping(rules(b), QStringLiteral("input"), {QStringLiteral("4500"), QStringLiteral("esp")})) {
            report.findings << IkeDiagnosis{tr("ESP from %1 does not reach %2: %2's firewall drops it (%3), though IKE passes.").arg(A, B, drop->where()),
                                            QStringLiteral("gateway"), tr("On %1, let ESP and ESP-in-UDP (udp 4500) from %2 in, before that rule.").arg(B, A),
                                            {ruleLine(B, *drop), counts}, B};
            return;
        }
        report.findings << IkeDiagnosis{tr("%1 sends into the tunnel, and %2 receives none of it: ESP (or ESP-in-UDP, udp 4500) is lost between them, though "
                                           "IKE passes.")
                                            .arg(A, B),
                                        QStringLiteral("gateway"),
                                        tr("Let ESP and udp 4500 through every firewall and NAT between %1 and %2 (IKE alone on udp 500 is not enough).").arg(A, B),
                                        {counts}, QString()};
        return;
    }
    if (bOut == 0) {
        if (auto rp = strictReversePath(b, *gw[1], gw[0]->publicAddress, from, gw[0]->networks, counts)) {
            report.findings << *rp;
            return;
        }
        const QList<DataPath::NftRule> bRules = rules(b);
        auto drop = DataPath::dropping(bRules, QStringLiteral("input"));
        if (!drop)
            drop = DataPath::dropping(bRules, QStringLiteral("forward"));
        QStringList evidence{counts};
        if (drop)
            evidence.prepend(ruleLine(B, *drop));
        report.findings << IkeDiagnosis{tr("%1 receives the pings through the tunnel and does not answer them%2.")
                                            .arg(B, drop ? tr(": a firewall rule may drop them (%1)").arg(drop->where()) : QString()),
                                        QStringLiteral("gateway"), tr("Look at %1's input and forward rules and rp_filter for %2.").arg(B, nets), evidence, B};
        return;
    }
    if (aIn == 0) {
        const auto drop = DataPath::dropping(rules(a), QStringLiteral("input"), {QStringLiteral("4500"), QStringLiteral("esp")});
        report.findings << IkeDiagnosis{tr("%1 answers through the tunnel, and %2 receives none of it: ESP from %1 is lost on the way back%3.")
                                            .arg(B, A, drop ? tr(" (%1's firewall drops it: %2)").arg(A, drop->where()) : QString()),
                                        QStringLiteral("gateway"), tr("Let ESP and ESP-in-UDP (udp 4500) from %1 in on %2 and on the way.").arg(B, A),
                                        drop ? QStringList{ruleLine(A, *drop), counts} : QStringList{counts}, drop ? A : QString()};
        return;
    }
    if (auto rp = strictReversePath(a, *gw[0], gw[1]->publicAddress, to, gw[1]->networks, counts)) {
        report.findings << *rp;
        return;
    }
    report.findings << IkeDiagnosis{tr("The answers come back through the tunnel, and %1 does not take them (a firewall rule, or rp_filter).").arg(A),
                                    QStringLiteral("gateway"), tr("Look at %1's input rules and rp_filter for %2.").arg(A, farNets), {counts}, A};
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
                                            {tr("%1: /proc/sys/net/ipv4/ip_forward is 0").arg(gw[i]->label)}, gw[i]->label, false,
                                            GatewayChange{gw[i]->site, {{QStringLiteral("/proc/sys/net/ipv4/ip_forward"), QStringLiteral("1")}}, {}}};
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
    const bool probe = initiate && b.ssh && state[1].session && !a.inside.isEmpty() && !b.inside.isEmpty();
    // A peer someone else runs: what it last tried, from our gateway's own log over time (the
    // journal, charon.log or syslog), held against its settings sheet. It may have started the
    // tunnel itself (a dynamic peer must), which our own attempt would not show.
    QList<IkeDiagnosis> peerTried;
    if (!b.ssh && b.sheet && !report.up && state[0].session)
        peerTried = peersOwnAttempt(*state[0].session, a, b, initiate ? nullptr : &report.logA);
    if (report.up || !initiate) {
        if (report.up && probe)
            probePath(report, state, gw, tunnel);
        report.findings << peerTried << drift;
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
    if (!b.ssh && b.sheet) {
        QList<IkeDiagnosis> peer = PeerCheck::compare(IkeLog::parse(state[0].log), *b.sheet, a.label);
        // The peer's own last attempt says which value differs where our attempt's notify only
        // names the part of the sheet: it goes first, the notify's finding after it.
        report.findings = peerTried + peer + report.findings;
    }
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
        if (report.up && probe)
            probePath(report, state, gw, tunnel);
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
        g.inside = s->gateway.internalAddress;
        g.networks = n.networksOf(t, s->name == t.siteA ? Side::A : Side::B);
        g.publicAddress = hostPart(s->gateway.peerAddress());
        if (s->gateway.managed) {
            SshOptions o = NetworkDeployer::sshOptionsFor(n, *s, profileDir);
            g.ssh = tweak ? tweak(o) : o;
        } else {
            g.sheet = Generate::peerSheet(n, t);
            g.sheet->peer = g.label;
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
