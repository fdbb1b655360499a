#include "CommitScript.h"

#include "SshSession.h"

namespace ipsecwiz::CommitScript {

QString transactionDir(const QString& name)
{
    return QStringLiteral("/etc/ipsec-wizard/") + name + QStringLiteral("/.transaction");
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

QByteArray script(const CommitPlan& plan)
{
    // Target paths come from the generators (fixed folders + a validated name): no spaces or
    // quotes, so a plain word list is safe in the script.
    QStringList files;
    for (const GeneratedFile& f : plan.config.files)
        files << f.path;
    const QString txn = transactionDir(plan.name);
    const QString routes = QStringLiteral("/etc/ipsec-wizard/") + plan.name + QStringLiteral("/routes.sh");
    const QString table = QStringLiteral("ipsec_wizard_") + QString(plan.name).replace(QLatin1Char('-'), QLatin1Char('_'));

    QString s;
    s += QStringLiteral("#!/bin/sh\n"
                        "# IPsec Wizard commit-confirmed for tunnel \"%1\". Started detached from the SSH session: puts the\n"
                        "# new files in place, reloads, and rolls everything back unless %2/confirm appears within %3 s.\n"
                        "set -u\n"
                        "umask 077\n"
                        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
                        "T=%2\n"
                        "FILES=\"%4\"\n"
                        "log() { echo \"$(date +%T) $*\" >> \"$T/log\"; }\n"
                        "state() { echo \"$1\" > \"$T/state.tmp\" && mv -f \"$T/state.tmp\" \"$T/state\"; log \"state $1\"; }\n")
             .arg(plan.name, txn)
             .arg(plan.confirmTimeoutSec)
             .arg(files.join(QLatin1Char(' ')));
    s += QStringLiteral("reload() {\n");
    for (const QString& cmd : plan.config.reloadCommands) {
        if (cmd.endsWith(QLatin1String("/routes.sh")))
            continue; // routes are set after the daemon has the new config
        s += QStringLiteral("\t%1 >> \"$T/log\" 2>&1 || return 1\n").arg(cmd);
    }
    s += QStringLiteral("\treturn 0\n}\n");
    s += QStringLiteral("verify() { %1 >> \"$T/log\" 2>&1; }\n").arg(plan.verifyCommand);
    s += QStringLiteral(
             "rollback() {\n"
             "\tstate rolling-back\n"
             "\techo \"$1\" > \"$T/reason\"\n"
             "\tlog \"rollback: $1\"\n"
             "\tfor f in $FILES; do\n"
             "\t\trm -f \"$f.ipsec-wizard-new\"\n"
             "\t\tif [ -e \"$T/had/$(echo \"$f\" | tr / _)\" ]; then\n"
             "\t\t\t[ -e \"$f.ipsec-wizard-bak\" ] && mv -f \"$f.ipsec-wizard-bak\" \"$f\"\n"
             "\t\telse\n"
             "\t\t\trm -f \"$f\"\n"
             "\t\tfi\n"
             "\tdone\n"
             "%1"
             "%2"
             "\treload || log \"reload after rollback failed\"\n"
             "\tstate rolled-back\n"
             "\texit 1\n"
             "}\n")
             .arg(plan.applyFirewall ? QStringLiteral("\tnft delete table inet %1 >> \"$T/log\" 2>&1\n"
                                                      "\t[ -s \"$T/firewall.before\" ] && nft -f \"$T/firewall.before\" >> \"$T/log\" 2>&1\n")
                                           .arg(table)
                                     : QString(),
                  plan.config.reloadCommands.contains(routes)
                      ? QStringLiteral("\tif [ -x %1 ]; then %1 >> \"$T/log\" 2>&1; else ip route del %2 >> \"$T/log\" 2>&1; fi\n")
                            .arg(shellQuote(routes), plan.remoteNet)
                      : QString());
    s += QStringLiteral(
             "\n"
             "trap 'rollback \"interrupted\"' HUP INT TERM\n"
             "rm -rf \"$T/had\" \"$T/confirm\" \"$T/abort\" \"$T/reason\"\n"
             "mkdir -p \"$T/had\"\n"
             "state committing\n"
             "for f in $FILES; do\n"
             "\t[ -e \"$f.ipsec-wizard-new\" ] || rollback \"$f.ipsec-wizard-new was not uploaded\"\n"
             "done\n"
             "for f in $FILES; do\n"
             "\tif [ -e \"$f\" ]; then\n"
             "\t\tcp -p \"$f\" \"$f.ipsec-wizard-bak\" || rollback \"cannot back up $f\"\n"
             "\t\ttouch \"$T/had/$(echo \"$f\" | tr / _)\"\n"
             "\tfi\n"
             "done\n"
             "for f in $FILES; do\n"
             "\tmv -f \"$f.ipsec-wizard-new\" \"$f\" || rollback \"cannot put $f in place\"\n"
             "done\n"
             "reload || rollback \"the IPsec daemon refused the new configuration (see $T/log)\"\n"
             "verify || rollback \"the new connection is not listed after the reload\"\n");
    if (plan.config.reloadCommands.contains(routes))
        s += QStringLiteral("%1 >> \"$T/log\" 2>&1 || rollback \"the route could not be set (routes.sh)\"\n").arg(shellQuote(routes));
    if (plan.applyFirewall)
        s += QStringLiteral("nft list table inet %1 > \"$T/firewall.before\" 2>/dev/null || : > \"$T/firewall.before\"\n"
                            "nft -f %2 >> \"$T/log\" 2>&1 || rollback \"nft refused the firewall rules\"\n")
                 .arg(table, shellQuote(QStringLiteral("/etc/ipsec-wizard/") + plan.name + QStringLiteral("/firewall.nft")));
    s += QStringLiteral(
             "state committed\n"
             "i=0\n"
             "while [ $i -lt %1 ]; do\n"
             "\tif [ -e \"$T/confirm\" ]; then state confirmed; exit 0; fi\n"
             "\tif [ -e \"$T/abort\" ]; then rollback \"the wizard asked for a rollback\"; fi\n"
             "\tsleep 0.02\n"
             "\ti=$((i + 1))\n"
             "done\n"
             "rollback \"no confirmation within %2 s\"\n")
             .arg(plan.confirmTimeoutSec * 50)
             .arg(plan.confirmTimeoutSec);
    return s.toUtf8();
}

} // namespace ipsecwiz::CommitScript
