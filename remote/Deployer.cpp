#include "Deployer.h"

#include "CommitScript.h"
#include "Generator.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <memory>
#include <mutex>
#include <thread>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Deployer", text);
}

QString gatewayLabel(Side side)
{
    return side == Side::A ? tr("gateway A") : tr("gateway B");
}

QString modeText(int mode)
{
    return QString::number(mode, 8).rightJustified(4, QLatin1Char('0'));
}

} // namespace

QString outcomeName(GatewayOutcome outcome)
{
    switch (outcome) {
    case GatewayOutcome::NotStarted: return tr("not started");
    case GatewayOutcome::Unchanged: return tr("unchanged (already up to date)");
    case GatewayOutcome::Confirmed: return tr("committed and confirmed");
    case GatewayOutcome::RolledBack: return tr("rolled back to its previous configuration");
    case GatewayOutcome::Failed: return tr("failed before anything was changed");
    }
    return {};
}

// One gateway's side of the transaction, run on its own thread.
struct Deployer::GatewayJob
{
    const Deployer* owner;
    Side side;
    GatewayConfig config;
    CommitPlan plan;
    std::unique_ptr<SshSession> session;
    GatewayOutcome outcome = GatewayOutcome::NotStarted;
    bool committed = false; // the commit script reported "committed"
    bool commitStarted = false; // the commit script may be running: only it can undo now
    QString error;
    // Privilege: empty when the SSH user is root; otherwise every command goes through sudo,
    // with the password (if sudo wants one) on stdin, never on a command line.
    bool viaSudo = false;
    QByteArray sudoInput;

    ~GatewayJob() { sudoInput.fill('\0'); }

    QString asRoot(const QString& command) const
    {
        if (!viaSudo)
            return command;
        return (sudoInput.isEmpty() ? QStringLiteral("sudo -n sh -c ") : QStringLiteral("sudo -S -p '' sh -c ")) + shellQuote(command);
    }

    Result<ExecResult> root(const QString& command, int timeoutMs = 60000, const std::function<void(Stream, const QByteArray&)>& onLine = {})
    {
        return session->exec(asRoot(command), sudoInput, onLine, timeoutMs);
    }

    void log(DeployEvent::Kind kind, const QString& text) const { owner->emitEvent(side, kind, text); }

    QString txn() const { return CommitScript::transactionDir(plan.name); }

    // Runs a command, streaming its output into the log; fails on a non-zero exit.
    Result<ExecResult> run(const QString& command, bool quiet = false, int timeoutMs = 60000)
    {
        if (!quiet)
            log(DeployEvent::Kind::Command, command);
        auto r = root(command, timeoutMs, [&](Stream, const QByteArray& line) {
            if (!quiet)
                log(DeployEvent::Kind::Output, QString::fromUtf8(line));
        });
        if (!r)
            return r.error();
        if (r.value().exitStatus != 0)
            return Error{gatewayLabel(side), tr("“%1” failed with exit status %2: %3")
                                                 .arg(command)
                                                 .arg(r.value().exitStatus)
                                                 .arg(QString::fromUtf8(r.value().err.trimmed().right(400)))};
        return r;
    }

    // Runs `first` (if any), then waits on the gateway itself until the commit script reaches
    // one of `states`: one channel instead of a poll per step (each SSH channel costs the
    // server a PAM session). Returns the state reached, or empty on timeout / lost connection.
    QString waitForState(const QStringList& states, int timeoutMs, const QString& first = {})
    {
        QString loop = QStringLiteral("i=0; while [ $i -lt %1 ]; do s=$(cat %2/state 2>/dev/null); case \"$s\" in %3) echo \"$s\"; exit 0;; esac; "
                                      "sleep 0.02; i=$((i + 1)); done; echo timeout")
                           .arg(timeoutMs / 20)
                           .arg(txn(), states.join(QLatin1Char('|')));
        if (!first.isEmpty())
            loop = first + QStringLiteral(" && ") + loop;
        auto r = root(loop, timeoutMs + 10000);
        const QString state = r ? QString::fromUtf8(r.value().out.trimmed()) : QString();
        if (!states.contains(state))
            return {};
        log(DeployEvent::Kind::Step, tr("gateway reports: %1").arg(state));
        return state;
    }

    bool connect(const SshOptions& options)
    {
        log(DeployEvent::Kind::Step, tr("connecting to %1@%2:%3").arg(options.user, options.host).arg(options.port));
        auto s = SshSession::connect(options);
        if (!s) {
            error = s.error().message;
            log(DeployEvent::Kind::Error, error);
            return false;
        }
        session = std::move(s.value());
        log(DeployEvent::Kind::Step, tr("connected; host key %1 %2").arg(session->hostKey().type, session->hostKey().fingerprint));
        return true;
    }

    bool becomeRoot(const SshOptions& options)
    {
        viaSudo = true;
        if (auto r = session->exec(QStringLiteral("sudo -n true"), {}, {}, 10000); r && r.value().exitStatus == 0) {
            log(DeployEvent::Kind::Step, tr("working as root through sudo"));
            return true;
        }
        if (sudoInput.isEmpty()) {
            const auto password = options.password ? options.password(tr("sudo password for %1@%2").arg(options.user, options.host))
                                                   : std::optional<QByteArray>();
            if (!password)
                return fail(tr("%1 is not root and sudo needs a password, but none was given. Fix: connect as root, allow "
                               "NOPASSWD sudo, or give the password.").arg(options.user));
            sudoInput = *password + '\n';
        }
        auto check = session->exec(QStringLiteral("sudo -S -p '' -v"), sudoInput, {}, 15000);
        if (!check || check.value().exitStatus != 0)
            return fail(tr("sudo refused the password for %1.").arg(options.user));
        log(DeployEvent::Kind::Step, tr("working as root through sudo"));
        return true;
    }

    bool fail(const QString& message)
    {
        error = message;
        log(DeployEvent::Kind::Error, message);
        return false;
    }

    // Filled by preflight(): what the gateway has now, to skip a push that changes nothing.
    QString currentState;

    bool preflight(const SshOptions& options)
    {
        log(DeployEvent::Kind::Step, tr("preflight"));
        QString software;
        switch (config.flavour) {
        case Flavour::StrongSwan: software = QStringLiteral("swanctl"); break;
        case Flavour::Racoon: software = QStringLiteral("racoon setkey"); break;
        case Flavour::RacoonTool: software = QStringLiteral("racoon-tool setkey"); break;
        }
        QStringList dirs;
        for (const GeneratedFile& f : config.files) {
            const QString d = QFileInfo(f.path).path();
            if (!dirs.contains(d))
                dirs << d;
        }
        const bool v6 = plan.remoteNet.contains(QLatin1Char(':'));
        const QString fwd = v6 ? QStringLiteral("/proc/sys/net/ipv6/conf/all/forwarding") : QStringLiteral("/proc/sys/net/ipv4/ip_forward");
        const QString probe = QStringLiteral(
                                  "for t in %1; do command -v $t >/dev/null && echo \"have $t\" || echo \"missing $t\"; done; "
                                  "for d in %2; do mkdir -p \"$d\" 2>/dev/null; [ -w \"$d\" ] && echo \"writable $d\" || echo \"unwritable $d\"; done; "
                                  "echo \"forward $(cat %3 2>/dev/null)\"; "
                                  "echo \"rp_filter $(cat /proc/sys/net/ipv4/conf/all/rp_filter 2>/dev/null) $(cat /proc/sys/net/ipv4/conf/default/rp_filter 2>/dev/null)\"; "
                                  "echo \"uid $(id -u)\"; "
                                  "mkdir -p %4 && chmod 700 %4 && rm -f %5 %4/commit.sh; "
                                  "sha256sum %6 2>/dev/null; stat -c '%a %n' %6 2>/dev/null; true")
                                  .arg(software, dirs.join(QLatin1Char(' ')), fwd, txn(), staleUploads().join(QLatin1Char(' ')),
                                       targets().join(QLatin1Char(' ')));
        auto r = run(probe, true);
        if (!r)
            return fail(r.error().message);
        if (!viaSudo && !r.value().out.contains("\nuid 0\n")) {
            // Not root: become root through sudo, then look again with root's eyes.
            if (!becomeRoot(options))
                return false;
            r = run(probe, true);
            if (!r)
                return fail(r.error().message);
        }
        currentState = QString::fromUtf8(r.value().out);
        bool ok = true;
        for (const QByteArray& raw : r.value().out.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            const QString word = line.section(QLatin1Char(' '), 0, 0);
            const QString rest = line.section(QLatin1Char(' '), 1);
            if (word == QLatin1String("missing")) {
                ok = false;
                log(DeployEvent::Kind::Error, tr("%1 is not installed; %2 needs it. Fix: install it (Debian: %3).")
                                                  .arg(rest, flavourId(config.flavour),
                                                       config.flavour == Flavour::StrongSwan ? QStringLiteral("apt-get install strongswan-swanctl charon-systemd")
                                                                                             : QStringLiteral("apt-get install racoon ipsec-tools")));
            } else if (word == QLatin1String("unwritable")) {
                ok = false;
                log(DeployEvent::Kind::Error, tr("cannot write %1. Fix: connect as root, or as a user allowed to write there.").arg(rest));
            } else if (word == QLatin1String("forward") && rest.trimmed() != QLatin1String("1")) {
                log(DeployEvent::Kind::Warning, tr("IP forwarding is off, so the gateway will not pass traffic between the networks. "
                                                   "Fix: sysctl -w %1=1 (and set it in /etc/sysctl.d/).")
                                                    .arg(v6 ? QStringLiteral("net.ipv6.conf.all.forwarding") : QStringLiteral("net.ipv4.ip_forward")));
            } else if (word == QLatin1String("rp_filter") && rest.split(QLatin1Char(' ')).contains(QStringLiteral("1"))) {
                log(DeployEvent::Kind::Warning, tr("strict reverse-path filtering (rp_filter=1) can drop the tunnel's decrypted packets. "
                                                   "Fix: sysctl -w net.ipv4.conf.all.rp_filter=2 (loose)."));
            }
        }
        if (!ok)
            return fail(tr("preflight failed on %1; nothing was changed").arg(gatewayLabel(side)));
        return true;
    }

    QStringList targets() const
    {
        QStringList paths;
        for (const GeneratedFile& f : config.files)
            paths << f.path;
        return paths;
    }

    QStringList staleUploads() const
    {
        QStringList paths;
        for (const GeneratedFile& f : config.files)
            paths << f.path + QStringLiteral(".ipsec-wizard-new");
        return paths;
    }

    // True when every target already holds exactly the new content with the right mode.
    bool upToDate() const
    {
        for (const GeneratedFile& f : config.files) {
            const QString sum = QString::fromLatin1(QCryptographicHash::hash(f.content, QCryptographicHash::Sha256).toHex());
            if (!currentState.contains(sum + QStringLiteral("  ") + f.path + QLatin1Char('\n'))
                || !currentState.contains(QLatin1Char('\n') + QString::number(f.mode, 8) + QLatin1Char(' ') + f.path + QLatin1Char('\n')))
                return false;
        }
        return true;
    }

    bool upload()
    {
        QList<QPair<QString, GeneratedFile>> uploads;
        for (const GeneratedFile& f : config.files)
            uploads.append({f.path + QStringLiteral(".ipsec-wizard-new"), f});
        uploads.append({txn() + QStringLiteral("/commit.sh"), GeneratedFile{{}, 0700, CommitScript::script(plan), false}});
        if (!viaSudo) {
            for (const auto& [target, f] : uploads) {
                log(DeployEvent::Kind::Step, tr("upload %1 (mode %2, %3 bytes)").arg(target, modeText(f.mode)).arg(f.content.size()));
                if (auto st = session->upload(target, f.content, f.mode); !st)
                    return fail(st.error().toString());
            }
            return true;
        }
        // Through sudo: SFTP runs as the SSH user, so the files go to a private folder first
        // (created 0700, each file with its final mode), then root copies them beside their
        // targets with umask 077 before setting the mode.
        auto dir = session->exec(QStringLiteral("mktemp -d /tmp/ipsec-wizard.XXXXXXXX"));
        if (!dir || dir.value().exitStatus != 0)
            return fail(tr("cannot create a private upload folder in /tmp"));
        const QString staging = QString::fromUtf8(dir.value().out.trimmed());
        QStringList copies;
        for (int i = 0; i < uploads.size(); ++i) {
            const auto& [target, f] = uploads.at(i);
            log(DeployEvent::Kind::Step, tr("upload %1 (mode %2, %3 bytes) via %4").arg(target, modeText(f.mode)).arg(f.content.size()).arg(staging));
            const QString staged = staging + QLatin1Char('/') + QString::number(i);
            if (auto st = session->upload(staged, f.content, f.mode); !st)
                return fail(st.error().toString());
            copies << QStringLiteral("cp %1 %2 && chmod %3 %2").arg(staged, target, modeText(f.mode));
        }
        auto moved = run(QStringLiteral("umask 077 && ") + copies.join(QStringLiteral(" && ")), true);
        (void)session->exec(QStringLiteral("rm -rf ") + staging);
        if (!moved)
            return fail(moved.error().message);
        return true;
    }

    // Phase 1: everything up to a committed (but not yet confirmed) gateway.
    bool prepare(const SshOptions& options)
    {
        if (!connect(options) || !preflight(options))
            return false;
        if (upToDate()) {
            log(DeployEvent::Kind::Step, tr("every file is already in place; checking the daemon has it"));
            if (auto r = run(plan.verifyCommand); !r) {
                log(DeployEvent::Kind::Warning, tr("the files are current but the daemon does not list the connection; pushing again"));
            } else {
                outcome = GatewayOutcome::Unchanged;
                return true;
            }
        }
        if (!upload()) {
            (void)root(QStringLiteral("rm -f %1/commit.sh").arg(txn()));
            outcome = GatewayOutcome::Failed;
            return false;
        }
        log(DeployEvent::Kind::Step, tr("commit (confirm within %1 s or the gateway rolls back by itself)").arg(plan.confirmTimeoutSec));
        log(DeployEvent::Kind::Command, QStringLiteral("setsid -f sh %1/commit.sh").arg(txn()));
        commitStarted = true;
        const QString s = waitForState({QStringLiteral("committed"), QStringLiteral("rolled-back")}, 90000,
                                       QStringLiteral("rm -f %1/state && setsid -f sh %1/commit.sh </dev/null >/dev/null 2>&1").arg(txn()));
        if (s == QLatin1String("committed")) {
            committed = true;
            return true;
        }
        if (s == QLatin1String("rolled-back")) {
            auto reason = root(QStringLiteral("cat %1/reason; tail -n 15 %1/log").arg(txn()));
            outcome = GatewayOutcome::RolledBack;
            return fail(tr("%1 rolled back: %2").arg(gatewayLabel(side), reason ? QString::fromUtf8(reason.value().out.trimmed()) : QString()));
        }
        abort();
        return fail(tr("%1 did not report a commit in time").arg(gatewayLabel(side)));
    }

    // Asks the commit script to roll back now and waits for it; if the gateway cannot be
    // reached, its own timeout rolls it back.
    void abort()
    {
        if (session)
            session->setCancelFlag(nullptr); // Cancel asked for this clean-up; it must not cancel it
        if (!committed && !commitStarted) {
            // Nothing was put in place: remove what was uploaded and leave the gateway as it was.
            if (session && outcome != GatewayOutcome::Unchanged) {
                QStringList uploaded;
                for (const GeneratedFile& f : config.files)
                    uploaded << f.path + QStringLiteral(".ipsec-wizard-new");
                (void)root(QStringLiteral("rm -f %1 %2/commit.sh").arg(uploaded.join(QLatin1Char(' ')), txn()), 10000);
            }
            if (outcome == GatewayOutcome::NotStarted)
                outcome = GatewayOutcome::Failed;
            return;
        }
        log(DeployEvent::Kind::Step, tr("rolling back"));
        committed = false;
        commitStarted = false;
        outcome = GatewayOutcome::RolledBack;
        if (session && waitForState({QStringLiteral("rolled-back")}, 60000, QStringLiteral("touch %1/abort").arg(txn())) == QLatin1String("rolled-back")) {
            log(DeployEvent::Kind::Step, tr("back on the previous configuration"));
            return;
        }
        log(DeployEvent::Kind::Warning, tr("could not reach the gateway to roll back; it rolls back by itself within %1 s of the commit")
                                             .arg(plan.confirmTimeoutSec));
    }

    // Phase 3: confirm over a fresh connection (proves the management path still works).
    bool confirm(const SshOptions& options)
    {
        log(DeployEvent::Kind::Step, tr("confirming over a fresh SSH connection"));
        SshOptions fresh = options;
        fresh.acceptNewHostKey = {}; // the key was checked minutes ago; a new one now is suspicious
        auto s = SshSession::connect(fresh);
        if (!s)
            return fail(tr("cannot reach %1 again to confirm (%2); it rolls back by itself").arg(gatewayLabel(side), s.error().message));
        session = std::move(s.value());
        log(DeployEvent::Kind::Command, QStringLiteral("touch %1/confirm").arg(txn()));
        if (waitForState({QStringLiteral("confirmed"), QStringLiteral("rolled-back")}, 20000, QStringLiteral("touch %1/confirm").arg(txn()))
            != QLatin1String("confirmed"))
            return fail(tr("%1 did not confirm").arg(gatewayLabel(side)));
        outcome = GatewayOutcome::Confirmed;
        committed = false;
        commitStarted = false;
        return true;
    }
};

Deployer::Deployer(TunnelProfile profile, QByteArray psk, std::array<SshOptions, 2> ssh, DeployOptions options,
                   std::function<void(const DeployEvent&)> log)
    : m_profile(std::move(profile)), m_psk(std::move(psk)), m_ssh(std::move(ssh)), m_options(options), m_log(std::move(log))
{
}

void Deployer::emitEvent(std::optional<Side> side, DeployEvent::Kind kind, const QString& text) const
{
    qCInfo(lcDeploy).noquote() << (side ? sideId(*side) : QStringLiteral("-")) << text;
    if (m_log)
        m_log(DeployEvent{side, kind, text});
}

SshOptions Deployer::sshOptionsFor(const TunnelProfile& p, Side side, const QString& profileDir)
{
    const Gateway& gw = p.gateway(side);
    SshOptions o;
    o.host = gw.ssh.host.isEmpty() ? gw.publicAddress.section(QLatin1Char('/'), 0, 0) : gw.ssh.host;
    o.port = gw.ssh.port;
    o.user = gw.ssh.user;
    if (!gw.ssh.identityFile.isEmpty())
        o.keyFile = QDir(profileDir).absoluteFilePath(gw.ssh.identityFile);
    if (!p.knownHostsFile.isEmpty())
        o.knownHostsFiles << QDir(profileDir).absoluteFilePath(p.knownHostsFile);
    o.knownHostsFiles << QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    return o;
}

Result<QStringList> Deployer::dryRun() const
{
    QStringList lines;
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(m_profile, side, m_psk);
        if (!cfg)
            return cfg.error();
        const SshOptions& o = m_ssh[size_t(side)];
        lines << tr("== %1: %2@%3:%4 (%5)").arg(gatewayLabel(side), o.user, o.host).arg(o.port).arg(flavourId(cfg.value().flavour));
        lines << tr("preflight: software, writable folders, IP forwarding, reverse-path filtering");
        for (const GeneratedFile& f : cfg.value().files)
            lines << tr("upload %1.ipsec-wizard-new  mode %2  %3 bytes%4")
                         .arg(f.path, modeText(f.mode))
                         .arg(f.content.size())
                         .arg(f.secret ? tr("  (holds the pre-shared key)") : QString());
        const QString txn = CommitScript::transactionDir(m_profile.name);
        lines << tr("upload %1/commit.sh  mode 0700").arg(txn);
        lines << tr("run: setsid -f sh %1/commit.sh  — on the gateway, in order:").arg(txn);
        for (const GeneratedFile& f : cfg.value().files)
            lines << tr("    keep %1 as %1.ipsec-wizard-bak; mv %1.ipsec-wizard-new %1").arg(f.path);
        for (const QString& cmd : cfg.value().reloadCommands)
            lines << QStringLiteral("    ") + cmd;
        lines << QStringLiteral("    ") + CommitScript::verifyCommandFor(cfg.value(), m_profile.name);
        if (m_options.applyFirewall)
            lines << tr("    nft -f /etc/ipsec-wizard/%1/firewall.nft").arg(m_profile.name);
        lines << tr("    wait up to %1 s for the confirmation, else roll back").arg(m_options.confirmTimeoutSec);
    }
    if (m_options.tunnelTest)
        lines << tr("== tunnel test: on gateway A, ping -c 3 -I %1 %2; then list the SAs on both")
                     .arg(m_profile.gatewayA.internalAddress, m_profile.gatewayB.internalAddress);
    lines << tr("== confirm both over fresh SSH connections (touch %1/confirm)").arg(CommitScript::transactionDir(m_profile.name));
    return lines;
}

DeployResult Deployer::run()
{
    DeployResult result;
    std::array<std::unique_ptr<GatewayJob>, 2> gws;
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(m_profile, side, m_psk);
        if (!cfg) {
            result.message = cfg.error().toString();
            return result;
        }
        if (!m_options.firewallRules.isEmpty())
            for (GeneratedFile& f : cfg.value().files)
                if (f.path.endsWith(QLatin1String("/firewall.nft")))
                    f.content = m_options.firewallRules;
        auto gw = std::make_unique<GatewayJob>();
        gw->owner = this;
        gw->side = side;
        gw->config = cfg.value();
        gw->plan.name = m_profile.name;
        gw->plan.config = cfg.value();
        gw->plan.remoteNet = m_profile.network(otherSide(side));
        gw->plan.verifyCommand = CommitScript::verifyCommandFor(cfg.value(), m_profile.name);
        gw->plan.applyFirewall = m_options.applyFirewall || !m_options.firewallRules.isEmpty();
        gw->plan.confirmTimeoutSec = m_options.confirmTimeoutSec;
        gws[size_t(side)] = std::move(gw);
    }
    for (SshOptions& o : m_ssh)
        o.cancel = m_options.cancel;

    // Phase 1, both gateways at once.
    std::array<bool, 2> prepared{false, false};
    {
        std::thread a([&] { prepared[0] = gws[0]->prepare(m_ssh[0]); });
        std::thread b([&] { prepared[1] = gws[1]->prepare(m_ssh[1]); });
        a.join();
        b.join();
    }
    const bool cancelled = m_options.cancel && m_options.cancel->load();
    auto rollbackAll = [&](const QString& why) {
        emitEvent(std::nullopt, DeployEvent::Kind::Error, why);
        std::thread a([&] { gws[0]->abort(); });
        std::thread b([&] { gws[1]->abort(); });
        a.join();
        b.join();
        for (int i : {0, 1}) {
            if (gws[size_t(i)]->outcome == GatewayOutcome::NotStarted)
                gws[size_t(i)]->outcome = GatewayOutcome::Failed;
            result.outcome[size_t(i)] = gws[size_t(i)]->outcome;
        }
        result.message = why;
        return result;
    };
    if (!prepared[0] || !prepared[1] || cancelled) {
        QStringList why;
        for (const auto& gw : gws)
            if (!gw->error.isEmpty())
                why << gatewayLabel(gw->side) + QStringLiteral(": ") + gw->error;
        if (cancelled)
            why << tr("cancelled");
        return rollbackAll(why.join(QStringLiteral("; ")));
    }

    // Phase 2: the tunnel test, only when something changed or was asked for.
    if (m_options.tunnelTest) {
        emitEvent(std::nullopt, DeployEvent::Kind::Step, tr("tunnel test: ping from %1 to %2").arg(m_profile.gatewayA.internalAddress, m_profile.gatewayB.internalAddress));
        bool up = false;
        QString lastOutput;
        for (int attempt = 0; attempt < 6 && !up; ++attempt) {
            if (m_options.cancel && m_options.cancel->load())
                break;
            auto r = gws[0]->root(QStringLiteral("ping -c 3 -i 0.3 -W 2 -I %1 %2").arg(m_profile.gatewayA.internalAddress, m_profile.gatewayB.internalAddress),
                                  30000, [&](Stream, const QByteArray& line) {
                                      emitEvent(Side::A, DeployEvent::Kind::Output, QString::fromUtf8(line));
                                  });
            up = r && r.value().exitStatus == 0;
            lastOutput = r ? QString::fromUtf8(r.value().out + r.value().err) : r.error().message;
        }
        for (const auto& gw : gws) {
            const QString cmd = gw->config.checkCommands.value(1, gw->config.checkCommands.value(0));
            auto sas = gw->root(cmd, 20000);
            result.tunnelReport += QStringLiteral("== %1: %2\n%3\n").arg(gatewayLabel(gw->side), cmd,
                                                                          sas ? QString::fromUtf8(sas.value().out) : sas.error().message);
        }
        if (!up)
            return rollbackAll(tr("the tunnel test failed: %1 cannot reach %2 through the tunnel (%3)")
                                   .arg(m_profile.gatewayA.internalAddress, m_profile.gatewayB.internalAddress, lastOutput.trimmed().right(300)));
        emitEvent(std::nullopt, DeployEvent::Kind::Result, tr("the tunnel carries traffic"));
    }

    // Phase 3: confirm both, each over a fresh connection.
    std::array<bool, 2> confirmed{true, true};
    {
        auto confirmOne = [&](int i) {
            if (gws[size_t(i)]->outcome == GatewayOutcome::Unchanged)
                return;
            confirmed[size_t(i)] = gws[size_t(i)]->confirm(m_ssh[size_t(i)]);
        };
        std::thread a(confirmOne, 0);
        std::thread b(confirmOne, 1);
        a.join();
        b.join();
    }
    if (!confirmed[0] || !confirmed[1])
        return rollbackAll(tr("confirmation failed; both gateways roll back"));
    for (int i : {0, 1})
        result.outcome[size_t(i)] = gws[size_t(i)]->outcome;
    result.ok = true;
    result.message = tr("pushed: gateway A %1, gateway B %2").arg(outcomeName(result.outcome[0]), outcomeName(result.outcome[1]));
    return result;
}

} // namespace ipsecwiz
