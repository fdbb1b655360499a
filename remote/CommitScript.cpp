#include "CommitScript.h"

#include "MarkedBlock.h"
#include "SshSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QMap>

namespace ipsecwiz::CommitScript {

namespace {

// Target paths come from the generators (fixed folders + a validated name): no spaces or
// quotes, so a plain word list is safe in the scripts.
QStringList targets(const CommitPlan& plan)
{
    QStringList files;
    for (const GeneratedFile& f : plan.config.files)
        files << f.path;
    return files;
}

QStringList uploads(const CommitPlan& plan)
{
    QStringList files;
    for (const GeneratedFile& f : plan.config.files)
        files << f.path + QStringLiteral(".ipsec-wizard-new");
    return files;
}

// What a push leaves beside a target until it commits: the upload, or for a piece that goes away
// (GeneratedFile::remove) the marker that says the target is to be deleted.
QStringList leftovers(const CommitPlan& plan)
{
    QStringList files = uploads(plan);
    for (const GeneratedFile& f : plan.config.files)
        if (f.remove)
            files << f.path + QStringLiteral(".ipsec-wizard-del");
    return files;
}

QString octal(int mode)
{
    return QString::number(mode, 8).rightJustified(4, QLatin1Char('0'));
}

// K is the push's token: it names the push's claim and its confirm and abort flags, and tags
// every state the commit script writes, so nothing meant for one push is taken by another.
QString scriptHeader(const CommitPlan& plan, const QByteArray& token)
{
    return QStringLiteral("set -u\n"
                          "umask 077\n"
                          "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                          "T=%1\n"
                          "K=%2\n"
                          "L=%3\n")
        .arg(transactionDir(plan), QString::fromLatin1(token), lockFile(plan));
}

// Polls TXN/state until it is one of STATES of this push (K) and prints "state S", or "state
// timeout". The shell's own `read` (no process per look) every 20 ms: a state change is seen about
// 10 ms after it happens, without keeping the gateway's CPU busy.
QString waitFor(const QStringList& states, int timeoutMs)
{
    return QStringLiteral("w=timeout\n"
                          "i=0\n"
                          "while [ $i -lt %1 ]; do\n"
                          "\ts= k=\n"
                          "\tread -r s k 2>/dev/null < \"$T/state\" || :\n"
                          "\tif [ \"$k\" = \"$K\" ]; then case \"$s\" in %2) w=$s; break ;; esac; fi\n"
                          "\tsleep 0.02\n"
                          "\ti=$((i + 1))\n"
                          "done\n"
                          "echo \"state $w\"\n")
        .arg(qMax(1, timeoutMs / 20))
        .arg(states.join(QLatin1Char('|')));
}

// "route PEER LINE" or "noroute PEER WHY" for every peer of the plan: how this gateway reaches each.
QString routeReport(const CommitPlan& plan)
{
    QStringList peers = plan.peers;
    if (peers.isEmpty() && !plan.peer.isEmpty())
        peers << plan.peer;
    if (peers.isEmpty())
        return {};
    return QStringLiteral("for p in %1; do\n"
                          "\tif r=$(ip route get \"$p\" 2>&1); then echo \"route $p $(echo \"$r\" | head -n 1)\"; else echo \"noroute $p $(echo \"$r\" | head -n 1)\"; fi\n"
                          "done\n")
        .arg(peers.join(QLatin1Char(' ')));
}

QByteArray payloadStart(const QByteArray& token)
{
    return "ipsec-wizard-payload " + token;
}

QByteArray payloadEnd(const QByteArray& token)
{
    return "ipsec-wizard-end " + token;
}

} // namespace

QString transactionDir(const QString& name)
{
    return QStringLiteral("/etc/ipsec-wizard/") + name + QStringLiteral("/.transaction");
}

QString transactionDir(const CommitPlan& plan)
{
    return plan.txnDir.isEmpty() ? transactionDir(plan.name) : plan.txnDir;
}

QString lockFile(const CommitPlan& plan)
{
    return plan.lockFile.isEmpty() ? QStringLiteral("/etc/ipsec-wizard/.push.lock") : plan.lockFile;
}

Status checkChange(const GatewayChange& change)
{
    static const QRegularExpression path(QStringLiteral("^/proc/sys/net/(ipv4/ip_forward|ipv6/conf/all/forwarding|ipv4/conf/[A-Za-z0-9_-]{1,15}/rp_filter)$"));
    static const QRegularExpression value(QStringLiteral("^[0-9]{1,3}$"));
    static const QRegularExpression rule(QStringLiteral("^(inet|ip|ip6) [A-Za-z0-9_-]{1,64} [A-Za-z0-9_-]{1,64} [A-Za-z0-9 ./:,{}!=_-]{1,512}$"));
    for (const auto& [p, v] : change.kernel) {
        if (!path.match(p).hasMatch())
            return Error{QStringLiteral("change"), QCoreApplication::translate("ipsecwiz::CommitScript", "%1 is not a setting the push can make and undo.").arg(p)};
        if (!value.match(v).hasMatch())
            return Error{QStringLiteral("change"), QCoreApplication::translate("ipsecwiz::CommitScript", "%1 is not a value for %2.").arg(v, p)};
    }
    for (const QString& r : change.nftRules)
        if (!rule.match(r).hasMatch())
            return Error{QStringLiteral("change"), QCoreApplication::translate("ipsecwiz::CommitScript", "“%1” is not a rule the push can insert and delete.").arg(r)};
    return {};
}

QString verifyCommandFor(const GatewayConfig& config, const QString& name)
{
    switch (config.flavour) {
    case Flavour::StrongSwan:
        return QStringLiteral("swanctl --list-conns | grep -q '^%1: '").arg(name);
    case Flavour::Racoon:
    case Flavour::RacoonTool:
        return QStringLiteral("setkey -DP | grep -q 'ipsec'");
    }
    return QStringLiteral("true");
}

QByteArray script(const CommitPlan& plan, const QByteArray& token)
{
    const QString txn = transactionDir(plan);
    const QString routes = QStringLiteral("/etc/ipsec-wizard/") + plan.name + QStringLiteral("/routes.sh");
    const auto tableOf = [](const QString& tunnel) { return QStringLiteral("ipsec_wizard_") + QString(tunnel).replace(QLatin1Char('-'), QLatin1Char('_')); };
    const QStringList firewallTunnels = plan.firewallTunnels.isEmpty() ? QStringList{plan.name} : plan.firewallTunnels;
    // Each tunnel's table as it was before: "$T/firewall.before" for the first, then .2, .3, …
    const auto before = [](qsizetype i) { return i == 0 ? QStringLiteral("\"$T/firewall.before\"") : QStringLiteral("\"$T/firewall.before.%1\"").arg(i + 1); };
    QString restoreTables;
    for (qsizetype i = 0; i < firewallTunnels.size(); ++i)
        restoreTables += QStringLiteral("\t\tnft delete table inet %1 >> \"$T/log\" 2>&1 9>&-\n"
                                        "\t\t[ -s %2 ] && nft -f %2 >> \"$T/log\" 2>&1 9>&-\n")
                             .arg(tableOf(firewallTunnels.at(i)), before(i));
    const bool setsRoutes = plan.config.reloadCommands.contains(routes);

    QString s;
    s += QStringLiteral("#!/bin/sh\n"
                        "# IPsec Wizard commit-confirmed for tunnel \"%1\". Started detached from the SSH session: puts the\n"
                        "# new files in place, reloads, and rolls everything back unless %2/confirm appears within %3 s.\n"
                        "# The push that starts it holds the gateway's push lock (%4, on fd 9); this script keeps\n"
                        "# it until it ends, and no program it starts inherits it.\n")
             .arg(plan.name, txn)
             .arg(plan.confirmTimeoutSec)
             .arg(lockFile(plan));
    s += scriptHeader(plan, token);
    s += QStringLiteral("FILES=\"%1\"\n"
                        "log() { echo \"$(date +%T) $*\" >> \"$T/log\"; }\n"
                        "state() { echo \"$1 $K\" > \"$T/state.tmp\" && mv -f \"$T/state.tmp\" \"$T/state\"; log \"state $1\"; }\n")
             .arg(targets(plan).join(QLatin1Char(' ')));
    s += QStringLiteral("reload() {\n");
    for (const QString& cmd : plan.config.reloadCommands) {
        if (cmd.endsWith(QLatin1String("/routes.sh")))
            continue; // routes are set after the daemon has the new config
        s += QStringLiteral("\t%1 >> \"$T/log\" 2>&1 || return 1\n").arg(cmd);
    }
    // A daemon a reload starts must not inherit the push lock (fd 9) and hold it for ever.
    s += QStringLiteral("\treturn 0\n} 9>&-\n");
    s += QStringLiteral("verify() { %1 >> \"$T/log\" 2>&1; } 9>&-\n").arg(plan.verifyCommand);
    // Before files change (and before a rollback puts the old ones back): take out of the kernel
    // what the files there now put in, since a reload only adds (racoon's policies).
    s += QStringLiteral("unload() {\n");
    for (const QString& cmd : plan.config.unloadCommands)
        s += QStringLiteral("\t%1 >> \"$T/log\" 2>&1 || :\n").arg(cmd);
    s += QStringLiteral("\treturn 0\n} 9>&-\n");
    // A confirmed push keeps what it replaced in a folder of its own, so the next push never
    // overwrites the only copy of the admin's original file.
    s += QStringLiteral(
             "keep_backups() {\n"
             "\tn=0 BK=\n"
             "\tfor f in $FILES; do\n"
             "\t\tn=$((n + 1))\n"
             "\t\t[ -e \"$T/had/$n\" ] && [ -f \"$f.ipsec-wizard-bak\" ] || continue\n"
             "\t\tif [ -z \"$BK\" ]; then\n"
             "\t\t\tmkdir -p \"${L%/*}/backups\" && chmod 700 \"${L%/*}/backups\" \\\n"
             "\t\t\t\t&& BK=$(mktemp -d \"${L%/*}/backups/$(date -u +%Y%m%dT%H%M%SZ).%1.XXXXXX\") || { log \"cannot keep the backups\"; return 0; }\n"
             "\t\tfi\n"
             "\t\tmv -f \"$f.ipsec-wizard-bak\" \"$BK/$n\" && printf '%s\\t%s\\n' \"$n\" \"$f\" >> \"$BK/manifest\"\n"
             "\tdone\n"
             "\t[ -z \"$BK\" ] || log \"what this push replaced is kept in $BK\"\n"
             "}\n")
             .arg(plan.name);
    // The agreed change is undone from what was recorded as it was made: each kernel value put
    // back as it was read, each rule deleted by the handle nft gave it (the newest first).
    s += QStringLiteral("undo_change() {\n"
                        "\t[ -s \"$T/nft.added\" ] && tac \"$T/nft.added\" | while read -r f t c h; do nft delete rule \"$f\" \"$t\" \"$c\" handle \"$h\" >> \"$T/log\" 2>&1 || log \"cannot delete rule $h of $f $t $c\"; done\n"
                        "\t[ -s \"$T/kernel.before\" ] && tac \"$T/kernel.before\" | while read -r p v; do echo \"$v\" > \"$p\" || log \"cannot put $p back to $v\"; done\n"
                        "\treturn 0\n"
                        "} 9>&-\n");
    // A rollback undoes exactly what was done so far and nothing else: a file is restored or
    // removed only once it was backed up (had/) or found absent (new/), and the daemon, routes and
    // firewall are touched only once their step was reached.
    s += QStringLiteral(
             "SWAPPED=0 ROUTED=0 FIREWALLED=0 CHANGED=0\n"
             "rollback() {\n"
             "\ttrap '' HUP INT TERM\n"
             "\tstate rolling-back\n"
             "\techo \"$1\" > \"$T/reason\"\n"
             "\tlog \"rollback: $1\"\n"
             "\tif [ $CHANGED = 1 ]; then undo_change; fi\n"
             "\tif [ $SWAPPED = 1 ]; then unload; fi\n"
             "\tn=0\n"
             "\tfor f in $FILES; do\n"
             "\t\tn=$((n + 1))\n"
             "\t\trm -f \"$f.ipsec-wizard-new\" \"$f.ipsec-wizard-del\"\n"
             "\t\tif [ -e \"$T/had/$n\" ]; then\n"
             "\t\t\t[ -e \"$f.ipsec-wizard-bak\" ] && mv -f \"$f.ipsec-wizard-bak\" \"$f\"\n"
             "\t\telif [ -e \"$T/new/$n\" ]; then\n"
             "\t\t\trm -f \"$f\"\n"
             "\t\tfi\n"
             "\tdone\n"
             "%1"
             "%2"
             "\tif [ $SWAPPED = 1 ]; then reload || log \"reload after rollback failed\"; fi\n"
             "\tstate rolled-back\n"
             "\texit 1\n"
             "}\n")
             .arg(plan.applyFirewall || plan.removeFirewall ? QStringLiteral("\tif [ $FIREWALLED = 1 ]; then\n"
                                                                             "%1"
                                                                             // The gateway-wide table other tunnels share: back exactly as it was.
                                                                             "\t\tnft delete table inet ipsec_wizard >> \"$T/log\" 2>&1 9>&-\n"
                                                                             "\t\t[ -s \"$T/firewall-shared.before\" ] && nft -f \"$T/firewall-shared.before\" >> \"$T/log\" 2>&1 9>&-\n"
                                                                             "\tfi\n")
                                                                  .arg(restoreTables)
                                                            : QString(),
                  setsRoutes ? QStringLiteral("\tif [ $ROUTED = 1 ]; then\n"
                                              "\t\tif [ -x %1 ]; then %1 >> \"$T/log\" 2>&1 9>&-; else ip route del %2 >> \"$T/log\" 2>&1 9>&-; fi\n"
                                              "\tfi\n")
                                   .arg(shellQuote(routes), plan.remoteNet)
                             : QString());
    s += QStringLiteral(
        "\n"
        "trap 'rollback \"interrupted\"' HUP INT TERM\n"
        "rm -rf \"$T/had\" \"$T/new\" \"$T/reason\" \"$T\"/firewall.before* \"$T/firewall-shared.before\"\n"
        "mkdir -p \"$T/had\" \"$T/new\"\n"
        "state committing\n"
        "[ -e \"$T/abort.$K\" ] && rollback \"the wizard asked for a rollback\"\n"
        "for f in $FILES; do\n"
        "\t[ -e \"$f.ipsec-wizard-new\" ] || [ -e \"$f.ipsec-wizard-del\" ] || rollback \"$f.ipsec-wizard-new was not uploaded\"\n"
        "done\n"
        "n=0\n"
        "for f in $FILES; do\n"
        "\tn=$((n + 1))\n"
        "\tif [ -e \"$f\" ]; then\n"
        // The backup is a file of our own made fresh (mktemp: O_EXCL, 0600), then renamed over
        // the old backup: nothing is ever written through a path that was already there.
        "\t\tb=$(mktemp \"$f.ipsec-wizard-XXXXXX\") && cp -p \"$f\" \"$b\" && mv -f -T \"$b\" \"$f.ipsec-wizard-bak\" \\\n"
        "\t\t\t|| { rm -f \"$b\"; rollback \"cannot back up $f\"; }\n"
        "\t\t: > \"$T/had/$n\"\n"
        "\telse\n"
        "\t\t: > \"$T/new/$n\"\n"
        "\tfi\n"
        "done\n"
        "unload\n"
        "SWAPPED=1\n"
        "for f in $FILES; do\n"
        "\tif [ -e \"$f.ipsec-wizard-del\" ]; then\n"
        "\t\trm -f \"$f\" \"$f.ipsec-wizard-del\" || rollback \"cannot remove $f\"\n"
        "\telse\n"
        "\t\tmv -f \"$f.ipsec-wizard-new\" \"$f\" || rollback \"cannot put $f in place\"\n"
        "\tfi\n"
        "done\n"
        "reload || rollback \"the IPsec daemon refused the new configuration (see $T/log)\"\n"
        "verify || rollback \"the new connection is not listed after the reload\"\n");
    if (setsRoutes)
        s += QStringLiteral("ROUTED=1\n"
                            "%1 >> \"$T/log\" 2>&1 9>&- || rollback \"the route could not be set (routes.sh)\"\n")
                 .arg(shellQuote(routes));
    if (plan.applyFirewall || plan.removeFirewall) {
        for (qsizetype i = 0; i < firewallTunnels.size(); ++i)
            s += QStringLiteral("nft list table inet %1 > %2 2>/dev/null || : > %2\n").arg(tableOf(firewallTunnels.at(i)), before(i));
        s += QStringLiteral("nft list table inet ipsec_wizard > \"$T/firewall-shared.before\" 2>/dev/null || : > \"$T/firewall-shared.before\"\n"
                            "FIREWALLED=1\n");
    }
    if (plan.applyFirewall)
        for (const QString& tunnel : firewallTunnels)
            s += QStringLiteral("nft -f %1 >> \"$T/log\" 2>&1 9>&- || rollback \"nft refused the firewall rules of %2\"\n")
                     .arg(shellQuote(QStringLiteral("/etc/ipsec-wizard/") + tunnel + QStringLiteral("/firewall.nft")), tunnel);
    if (plan.removeFirewall) {
        // The tunnel's own table goes; its peer leaves the gateway-wide set only when no other
        // tunnel's firewall.nft on this gateway still names it.
        const QString set = !plan.removeSet.isEmpty() ? plan.removeSet
                            : plan.peer.contains(QLatin1Char(':')) ? QStringLiteral("ike_peers6")
                                                                   : QStringLiteral("ike_peers4");
        const QString element = plan.removeSet.isEmpty() ? plan.peer : plan.removeElement;
        for (qsizetype i = 0; i < firewallTunnels.size(); ++i)
            s += QStringLiteral("if [ -s %2 ]; then nft delete table inet %1 >> \"$T/log\" 2>&1 9>&- || rollback \"nft could not delete table %1\"; fi\n")
                     .arg(tableOf(firewallTunnels.at(i)), before(i));
        s += QStringLiteral("if [ -s \"$T/firewall-shared.before\" ] && ! grep -qsF 'add element inet ipsec_wizard %1 { %2 }' %3/*/firewall.nft; then\n"
                            "\tnft delete element inet ipsec_wizard %1 '{ %2 }' >> \"$T/log\" 2>&1 9>&- || :\n"
                            "fi\n")
                 .arg(set, element, QStringLiteral("/etc/ipsec-wizard"));
    }
    if (!plan.change.isEmpty()) {
        s += QStringLiteral("rm -f \"$T/kernel.before\" \"$T/nft.added\"\n"
                            ": > \"$T/kernel.before\" && : > \"$T/nft.added\" || rollback \"cannot record the change\"\n"
                            "CHANGED=1\n");
        for (const auto& [path, value] : plan.change.kernel)
            s += QStringLiteral("v=; read -r v < %1 || :\n" // dash's read says 1 on /proc's files, though it read the value
                                "[ -n \"$v\" ] || rollback \"cannot read %1\"\n"
                                "echo \"%1 $v\" >> \"$T/kernel.before\"\n"
                                "echo %2 > %1 && log \"%1: $v -> %2\" || rollback \"cannot set %1 to %2\"\n")
                     .arg(path, value);
        for (const QString& rule : plan.change.nftRules) {
            const QStringList words = rule.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            s += QStringLiteral("h=$(nft -e -a insert rule %1 comment %2 2>> \"$T/log\" 9>&- | sed -n 's/.* # handle \\([0-9][0-9]*\\)$/\\1/p')\n"
                                "[ -n \"$h\" ] || rollback \"nft refused the rule %3\"\n"
                                "echo \"%4 $h\" >> \"$T/nft.added\" && log \"inserted into %4: %3 (handle $h)\"\n")
                     .arg(rule, shellQuote(QStringLiteral("\"ipsec-wizard: %1\"").arg(plan.name)), rule, words.mid(0, 3).join(QLatin1Char(' ')));
        }
    }
    s += QStringLiteral(
             "state committed\n"
             "i=0\n"
             "while [ $i -lt %1 ]; do\n"
             "\tif [ -e \"$T/confirm.$K\" ]; then keep_backups; state confirmed; exec 9>&-; rm -f \"$T/confirm.$K\"; exit 0; fi\n"
             "\tif [ -e \"$T/abort.$K\" ]; then rollback \"the wizard asked for a rollback\"; fi\n"
             "\tsleep 0.02\n"
             "\ti=$((i + 1))\n"
             "done\n"
             "rollback \"no confirmation within %2 s\"\n")
             .arg(plan.confirmTimeoutSec * 50)
             .arg(plan.confirmTimeoutSec);
    return s.toUtf8();
}

QString pushCommand(const CommitPlan& plan, const QByteArray& token)
{
    QString software;
    switch (plan.config.flavour) {
    case Flavour::StrongSwan: software = QStringLiteral("swanctl"); break;
    case Flavour::Racoon: software = QStringLiteral("racoon setkey"); break;
    case Flavour::RacoonTool: software = QStringLiteral("racoon-tool setkey"); break;
    }
    QStringList dirs;
    for (const GeneratedFile& f : plan.config.files) {
        const QString d = QFileInfo(f.path).path();
        if (!dirs.contains(d))
            dirs << d;
    }
    const bool v6 = plan.remoteNet.contains(QLatin1Char(':'));
    const QString fwd = v6 ? QStringLiteral("/proc/sys/net/ipv6/conf/all/forwarding") : QStringLiteral("/proc/sys/net/ipv4/ip_forward");

    QString s = QStringLiteral("# IPsec Wizard push of tunnel \"%1\": preflight, then the files from stdin, then the commit.\n").arg(plan.name);
    s += scriptHeader(plan, token);
    s += QStringLiteral("NEW=\"%1\"\n").arg(leftovers(plan).join(QLatin1Char(' ')));
    // 1. Preflight: the same facts as always, one line each; nothing is read or written before
    // it has passed as root.
    s += QStringLiteral("ok=1\n"
                        "for t in %1 flock setsid mktemp; do if command -v $t >/dev/null; then echo \"have $t\"; else echo \"missing $t\"; ok=0; fi; done\n"
                        "for d in %2; do [ -d \"$d\" ] || mkdir -p \"$d\" 2>/dev/null; if [ -w \"$d\" ]; then echo \"writable $d\"; else echo \"unwritable $d\"; ok=0; fi; done\n"
                        // The shell's own read, not cat: every process counts on a busy gateway.
                        "value() { v=; read -r v 2>/dev/null < \"$1\" || :; }\n"
                        "value %3; echo \"forward $v\"\n"
                        "value /proc/sys/net/ipv4/conf/all/rp_filter; a=$v; value /proc/sys/net/ipv4/conf/default/rp_filter; echo \"rp_filter $a $v\"\n"
                        "%4"
                        "u=$(id -u)\n"
                        "echo \"uid $u\"\n"
                        "if [ \"$u\" != 0 ]; then echo \"result need-root\"; exit 0; fi\n"
                        "if [ $ok != 1 ]; then echo \"result preflight-failed\"; exit 0; fi\n")
             .arg(software, dirs.join(QLatin1Char(' ')), fwd,
                  routeReport(plan));
    // 2. The gateway's push lock, for the whole transaction: fd 9 is inherited by the commit
    // script, which holds it until it is confirmed or has rolled back. Another push (of any
    // tunnel: racoon's share psk.txt) is refused meanwhile, with what holds the lock since when.
    // It waits a few seconds first: a commit script that has just been confirmed still holds the
    // lock until it exits, and a push right after it must not be refused for that.
    s += QStringLiteral(
        "mkdir -p \"${L%/*}\" && exec 9>>\"$L\" || { echo \"result upload-failed cannot open $L\"; exit 0; }\n"
        "if ! flock -w 3 9; then\n"
        "\th=; read -r h 2>/dev/null < \"$L.holder\" || :\n"
        "\techo \"result busy ${h:-another push}\"\n"
        "\texit 0\n"
        "fi\n"
        "echo \"tunnel %1, started $(date -u '+%Y-%m-%d %H:%M:%S UTC')\" > \"$L.holder\"\n")
             .arg(plan.name);
    // 3. Upload: every file from stdin as PATH.ipsec-wizard-new. Leftovers of an earlier push go
    // first (claims of other pushes, flags, state; never this push's claim: an abort may hold it).
    s += QStringLiteral(
        "mkdir -p \"$T\" && chmod 700 \"$T\" || { echo \"result upload-failed cannot create $T\"; exit 0; }\n"
        "for c in \"$T\"/claim.* \"$T\"/abort.* \"$T\"/confirm.*; do [ \"$c\" = \"$T/claim.$K\" ] || rm -rf \"$c\"; done\n"
        "rm -f $NEW \"$T/commit.sh\" \"$T\"/expect.*\n"
        "cleanup() { rm -f $NEW \"$T/commit.sh\" \"$T\"/expect.*; }\n"
        // The wizard went away (its channel closed) or we were stopped: take the uploads back.
        "trap 'cleanup; exit 1' HUP INT TERM PIPE\n"
        "fail() { cleanup; echo \"result upload-failed $1\"; exit 0; }\n"
        "l=\n"
        "while IFS= read -r l; do [ \"$l\" = \"ipsec-wizard-payload $K\" ] && break; done\n"
        "[ \"$l\" = \"ipsec-wizard-payload $K\" ] || fail \"no data arrived\"\n"
        // umask 077 is in force, and noclobber makes the redirection create the file (O_EXCL): a
        // secret is 0600 from its first byte. dd reads one byte at a time (ibs=1), so it takes
        // exactly LENGTH bytes off the stream and leaves the rest for the next file.
        "get() { (set -C && exec dd ibs=1 obs=65536 count=$2 2>/dev/null > \"$1\") || fail \"cannot write $1\"; }\n");
    QMap<int, QStringList> byMode;
    for (const GeneratedFile& f : plan.config.files) {
        s += QStringLiteral("get %1.ipsec-wizard-new %2\n").arg(f.path).arg(f.content.size());
        byMode[f.mode] << f.path + QStringLiteral(".ipsec-wizard-new");
    }
    // The checksums a migration's files were read with come on stdin too: a digest of a key file on
    // the command line (which every process on the gateway can read) would let a weak key be guessed.
    int expect = 0;
    for (const GeneratedFile& f : plan.config.files)
        if (!f.replaces.isEmpty())
            s += QStringLiteral("get \"$T/expect.%1\" %2\n").arg(expect++).arg(f.replaces.size());
    s += QStringLiteral("get \"$T/commit.sh\" %1\n").arg(script(plan, token).size());
    byMode[0700] << QStringLiteral("\"$T/commit.sh\"");
    // The end mark right after the last byte proves that every file got exactly its bytes (a
    // short stream leaves a file short and the mark unread).
    s += QStringLiteral("l=\n"
                        "IFS= read -r l || :\n"
                        "[ \"$l\" = \"ipsec-wizard-end $K\" ] || fail \"the data did not arrive whole\"\n");
    // A file the admin also writes got only the tunnel's marked block: it is merged here, under
    // the lock, into the file as it is now, so every other byte stays what it is.
    bool merges = false;
    for (const GeneratedFile& f : plan.config.files) {
        if (f.block.isEmpty())
            continue;
        if (!merges)
            s += MarkedBlock::shellFunction();
        merges = true;
        s += QStringLiteral("rm -f %1.ipsec-wizard-merged*\n"
                            "m=$(merge_blocks %1 %1.ipsec-wizard-new %2 %1.ipsec-wizard-merged) && mv -f %1.ipsec-wizard-merged %1.ipsec-wizard-new \\\n"
                            "\t|| { rm -f %1.ipsec-wizard-merged*; fail \"cannot merge into %1: $m\"; }\n")
                 .arg(f.path, shellQuote(f.block));
    }
    // A file of the admin's that a migration changed was read before the push: it goes in only
    // while it still is what was read (compared under the lock), so no edit made since is lost.
    expect = 0;
    for (const GeneratedFile& f : plan.config.files)
        if (!f.replaces.isEmpty())
            s += QStringLiteral("e=; read -r e < \"$T/expect.%2\" || :\n"
                                "[ -n \"$e\" ] && [ \"$(sha256sum < %1 2>/dev/null | cut -c1-64)\" = \"$e\" ] || fail \"%1 changed since it was read for the migration; nothing was changed\"\n")
                     .arg(f.path)
                     .arg(expect++);
    if (expect > 0)
        s += QStringLiteral("rm -f \"$T\"/expect.*\n");
    // conf.d is the admin's folder too: a file there of the tunnel's name that the program did not
    // write (its first line says who did) is never replaced or deleted.
    for (const GeneratedFile& f : plan.config.files)
        if (f.block.isEmpty() && f.replaces.isEmpty() && f.path.contains(QLatin1String("/etc/swanctl/conf.d/")))
            s += QStringLiteral("[ ! -e %1 ] || head -n 1 %1 | grep -q '^# swanctl connection and secret ' || fail \"%1 was not written by IPsec "
                                "Wizard; it is left as it is: rename the tunnel in the profile, or move that file away\"\n")
                     .arg(f.path);
    // Then the final modes (one chmod per mode, not per file: each process counts on a busy gateway).
    for (auto it = byMode.cbegin(); it != byMode.cend(); ++it)
        s += QStringLiteral("chmod %1 %2 || fail \"cannot set mode %1\"\n").arg(octal(it.key()), it.value().join(QLatin1Char(' ')));
    // A piece that goes away: the upload becomes the marker that the commit deletes the target
    // (a block taken out of a file that is not there leaves nothing to write either).
    for (const GeneratedFile& f : plan.config.files)
        if (f.remove)
            s += (f.block.isEmpty() ? QStringLiteral("mv -f %1.ipsec-wizard-new %1.ipsec-wizard-del || fail \"cannot prepare the removal of %1\"\n")
                                    : QStringLiteral("[ -e %1 ] || mv -f %1.ipsec-wizard-new %1.ipsec-wizard-del || fail \"cannot prepare the removal of %1\"\n"))
                     .arg(f.path);
    // A block file keeps the mode the admin gave the file (a key file is always 0600).
    for (const GeneratedFile& f : plan.config.files)
        if ((!f.block.isEmpty() || !f.replaces.isEmpty()) && !f.secret)
            s += QStringLiteral("[ ! -e %1 ] || [ ! -e %1.ipsec-wizard-new ] || chmod --reference=%1 %1.ipsec-wizard-new || fail \"cannot set the mode of %1\"\n").arg(f.path);
    s += QStringLiteral("for f in $NEW \"$T/commit.sh\"; do [ ! -e \"$f\" ] || echo \"uploaded $f\"; done\n");
    // Nothing to change when every target already has exactly this content and mode and the
    // daemon lists the connection.
    s += QStringLiteral("same=1\n"
                        "current() {\n"
                        "\tif [ -e \"$1.ipsec-wizard-del\" ]; then [ ! -e \"$1\" ] || same=0; return; fi\n"
                        "\t[ $same = 1 ] && cmp -s \"$1.ipsec-wizard-new\" \"$1\" && { [ $2 = keep ] || [ -n \"$(find \"$1\" -prune -perm $2 2>/dev/null)\" ]; } || same=0\n"
                        "}\n");
    for (const GeneratedFile& f : plan.config.files)
        s += QStringLiteral("current %1 %2\n").arg(f.path, (!f.block.isEmpty() || !f.replaces.isEmpty()) && !f.secret ? QStringLiteral("keep") : octal(f.mode));
    // A change the admin agreed to is made even when every file is current.
    if (plan.change.isEmpty())
        s += QStringLiteral("if [ $same = 1 ]; then\n"
                            "\techo current\n"
                            "\tif { %1; } >/dev/null 2>&1 9>&-; then cleanup; echo \"result unchanged\"; exit 0; fi\n"
                            "\techo current-not-loaded\n"
                            "fi\n")
                 .arg(plan.verifyCommand);
    // 4. Commit: claim this push (an abort that claimed it first wins: nothing starts), then
    // start the commit script detached, so it lives on and rolls back by itself whatever happens
    // to this connection, and wait for it to report.
    s += QStringLiteral("echo commit\n"
                        "rm -f \"$T/state\"\n"
                        "mkdir \"$T/claim.$K\" 2>/dev/null || { cleanup; echo \"result aborted\"; exit 0; }\n"
                        "trap - HUP INT TERM PIPE\n"
                        "setsid -f sh \"$T/commit.sh\" </dev/null >/dev/null 2>&1\n");
    s += waitFor({QStringLiteral("committed"), QStringLiteral("rolled-back")}, 90000);
    s += QStringLiteral("if [ $w = rolled-back ]; then\n"
                        "\techo \"reason $(cat \"$T/reason\" 2>/dev/null)\"\n"
                        "\ttail -n 15 \"$T/log\" 2>/dev/null | sed 's/^/log /'\n"
                        "fi\n");
    return s;
}

QByteArray pushInput(const CommitPlan& plan, const QByteArray& token)
{
    QByteArray in = payloadStart(token) + '\n';
    for (const GeneratedFile& f : plan.config.files)
        in += f.content;
    for (const GeneratedFile& f : plan.config.files)
        in += f.replaces;
    in += script(plan, token);
    in += payloadEnd(token) + '\n';
    return in;
}

QString abortCommand(const CommitPlan& plan, const QByteArray& token, int timeoutMs)
{
    QString s = scriptHeader(plan, token);
    // Claimed first: this push can never start its commit. Its uploads are removed only when no
    // push holds the lock; otherwise they may be another push's (its own push script, if it still
    // runs, removes them when it finds the claim taken).
    s += QStringLiteral("mkdir -p \"$T\" && chmod 700 \"$T\" || exit 1\n"
                        "if mkdir \"$T/claim.$K\" 2>/dev/null; then\n"
                        "\tflock -n \"$L\" rm -f %1 \"$T/commit.sh\" 2>/dev/null || :\n"
                        "\techo \"state not-started\"\n"
                        "\texit 0\n"
                        "fi\n"
                        "touch \"$T/abort.$K\"\n")
             .arg(leftovers(plan).join(QLatin1Char(' ')));
    s += waitFor({QStringLiteral("rolled-back"), QStringLiteral("confirmed")}, timeoutMs);
    return s;
}

QString confirmCommand(const CommitPlan& plan, const QByteArray& token, int timeoutMs)
{
    QString s = scriptHeader(plan, token);
    s += QStringLiteral("touch \"$T/confirm.$K\" || exit 1\n");
    s += waitFor({QStringLiteral("confirmed"), QStringLiteral("rolled-back")}, timeoutMs);
    return s;
}

} // namespace ipsecwiz::CommitScript
