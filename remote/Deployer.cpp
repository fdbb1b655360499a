#include "Deployer.h"

#include "CommitScript.h"
#include "Generator.h"
#include "Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRandomGenerator>

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

// One gateway's side of the transaction, run on its own thread. Two SSH channels per push: one
// for preflight + upload + commit (CommitScript::pushCommand), one on a fresh connection for the
// confirmation. Each channel costs the gateway's sshd a PAM session, which is most of a push's time.
struct Deployer::GatewayJob
{
    const Deployer* owner;
    Side side;
    GatewayConfig config;
    CommitPlan plan;
    std::unique_ptr<SshSession> session;
    GatewayOutcome outcome = GatewayOutcome::NotStarted;
    bool committed = false; // the commit script reported "committed"
    // The push script may have started the commit (or may still start it) and the wizard does not
    // know how it ended: only CommitScript::abortCommand can settle that now.
    bool unsettled = false;
    // Names this push on the gateway: where its data starts on stdin, and the claim an abort races for.
    QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                       + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
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

    // A CommitScript script as root: through sudo's `sh -c`, or our own `sh -c` (the SSH user's
    // login shell need not be a POSIX one).
    Result<ExecResult> rootScript(const QString& script, int timeoutMs, const QByteArray& input = {},
                                  const std::function<void(Stream, const QByteArray&)>& onLine = {})
    {
        const QString command = viaSudo ? asRoot(script) : QStringLiteral("sh -c ") + shellQuote(script);
        return session->exec(command, sudoInput + input, onLine, timeoutMs);
    }

    void log(DeployEvent::Kind kind, const QString& text) const { owner->emitEvent(side, kind, text); }

    QString txn() const { return CommitScript::transactionDir(plan); }

    // The "state X" line a CommitScript wait printed, if it is one of `states`.
    QString stateIn(const Result<ExecResult>& r, const QStringList& states) const
    {
        if (!r)
            return {};
        for (const QByteArray& line : r.value().out.split('\n'))
            if (line.startsWith("state ")) {
                const QString state = QString::fromUtf8(line.mid(6).trimmed());
                if (states.contains(state)) {
                    log(DeployEvent::Kind::Step, tr("gateway reports: %1").arg(state));
                    return state;
                }
            }
        return {};
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
        // Checked on its own first: the push that follows gives sudo the same line, and a refused
        // password must never make sudo read the files behind it as further attempts.
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

    // Logs the preflight's findings; false when the gateway cannot take the push.
    bool preflightPassed(const QList<QByteArray>& lines)
    {
        const bool v6 = plan.remoteNet.contains(QLatin1Char(':'));
        bool ok = true;
        for (const QByteArray& raw : lines) {
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
        return ok;
    }

    // Runs CommitScript::pushCommand once, logging its progress as it reports it.
    Result<ExecResult> pushOnce()
    {
        log(DeployEvent::Kind::Step, tr("preflight, then upload and commit on one channel"));
        QHash<QString, const GeneratedFile*> byUpload;
        for (const GeneratedFile& f : config.files)
            byUpload.insert(f.path + QStringLiteral(".ipsec-wizard-new"), &f);
        const QString script = CommitScript::pushCommand(plan, token);
        const QByteArray input = CommitScript::pushInput(plan, token);
        unsettled = true;
        return rootScript(script, 150000, input, [&](Stream stream, const QByteArray& raw) {
            const QString line = QString::fromUtf8(raw);
            if (stream == Stream::Stderr) {
                log(DeployEvent::Kind::Output, line);
            } else if (line.startsWith(QLatin1String("uploaded "))) {
                const QString target = line.mid(9);
                if (const GeneratedFile* f = byUpload.value(target))
                    log(DeployEvent::Kind::Step, tr("upload %1 (mode %2, %3 bytes)").arg(target, modeText(f->mode)).arg(f->content.size()));
                else
                    log(DeployEvent::Kind::Step, tr("upload %1 (mode 0700)").arg(target));
            } else if (line == QLatin1String("current")) {
                log(DeployEvent::Kind::Step, tr("every file is already in place; checking the daemon has it"));
                log(DeployEvent::Kind::Command, plan.verifyCommand);
            } else if (line == QLatin1String("current-not-loaded")) {
                log(DeployEvent::Kind::Warning, tr("the files are current but the daemon does not list the connection; pushing again"));
            } else if (line == QLatin1String("commit")) {
                log(DeployEvent::Kind::Step, tr("commit (confirm within %1 s or the gateway rolls back by itself)").arg(plan.confirmTimeoutSec));
                log(DeployEvent::Kind::Command, QStringLiteral("setsid -f sh %1/commit.sh").arg(txn()));
            }
        });
    }

    // Phase 1: everything up to a committed (but not yet confirmed) gateway, on one channel.
    bool prepare(const SshOptions& options)
    {
        if (!connect(options))
            return false;
        auto r = pushOnce();
        if (r && r.value().out.split('\n').contains("result need-root")) {
            // Not root: nothing was read or changed. Become root through sudo, then push again
            // with root's eyes (the preflight too).
            unsettled = false;
            if (!becomeRoot(options)) {
                outcome = GatewayOutcome::Failed;
                return false;
            }
            r = pushOnce();
        }
        if (!r)
            return fail(r.error().message); // the outcome is unknown: abort() settles it
        const QList<QByteArray> lines = r.value().out.split('\n');
        auto result = [&](const QByteArray& word) -> std::optional<QString> {
            for (const QByteArray& line : lines)
                if (line == word || line.startsWith(word + ' '))
                    return QString::fromUtf8(line.mid(word.size()).trimmed());
            return std::nullopt;
        };
        const QString stderrTail = QString::fromUtf8(r.value().err.trimmed().right(400));
        if (result("result need-root")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("%1 is still not root through sudo; nothing was changed").arg(gatewayLabel(side)));
        }
        if (!preflightPassed(lines) || result("result preflight-failed")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("preflight failed on %1; nothing was changed").arg(gatewayLabel(side)));
        }
        if (auto why = result("result upload-failed")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("the upload to %1 failed (%2); nothing was changed").arg(gatewayLabel(side), *why));
        }
        if (result("result unchanged")) {
            unsettled = false;
            outcome = GatewayOutcome::Unchanged;
            return true;
        }
        if (result("result aborted")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("%1 was stopped before the commit; nothing was changed").arg(gatewayLabel(side)));
        }
        const auto state = result("state");
        if (state == QLatin1String("committed")) {
            log(DeployEvent::Kind::Step, tr("gateway reports: %1").arg(*state));
            committed = true;
            return true;
        }
        if (state == QLatin1String("rolled-back")) {
            log(DeployEvent::Kind::Step, tr("gateway reports: %1").arg(*state));
            unsettled = false;
            outcome = GatewayOutcome::RolledBack;
            QStringList why{result("reason").value_or(QString())};
            for (const QByteArray& line : lines)
                if (line.startsWith("log "))
                    why << QString::fromUtf8(line.mid(4));
            return fail(tr("%1 rolled back: %2").arg(gatewayLabel(side), why.join(QLatin1Char('\n')).trimmed()));
        }
        if (!state && !result("commit"))
            return fail(tr("the push script on %1 stopped unexpectedly (exit status %2): %3")
                            .arg(gatewayLabel(side))
                            .arg(r.value().exitStatus)
                            .arg(stderrTail));
        return fail(tr("%1 did not report a commit in time").arg(gatewayLabel(side)));
    }

    // Stops this gateway's push: undoes nothing that is not ours to undo. When the commit may
    // have started, asks the commit script to roll back and waits for it; if the gateway cannot
    // be reached, its own timeout rolls it back.
    void abort()
    {
        if (session)
            session->setCancelFlag(nullptr); // Cancel asked for this clean-up; it must not cancel it
        if (!committed && !unsettled) {
            // Nothing was put in place (or it was rolled back already, or it is confirmed or unchanged).
            if (outcome == GatewayOutcome::NotStarted)
                outcome = GatewayOutcome::Failed;
            return;
        }
        log(DeployEvent::Kind::Step, tr("rolling back"));
        const bool wasCommitted = committed;
        committed = false;
        unsettled = false;
        const QString s = session ? stateIn(rootScript(CommitScript::abortCommand(plan, token, 60000), 70000),
                                            {QStringLiteral("not-started"), QStringLiteral("rolled-back"), QStringLiteral("confirmed")})
                                  : QString();
        if (s == QLatin1String("not-started")) {
            outcome = GatewayOutcome::Failed;
            log(DeployEvent::Kind::Step, tr("stopped before the commit; nothing was changed"));
            return;
        }
        if (s == QLatin1String("rolled-back")) {
            outcome = GatewayOutcome::RolledBack;
            log(DeployEvent::Kind::Step, tr("back on the previous configuration"));
            return;
        }
        if (s == QLatin1String("confirmed")) {
            outcome = GatewayOutcome::Confirmed;
            log(DeployEvent::Kind::Warning, tr("the gateway had already taken the confirmation; it keeps the new configuration"));
            return;
        }
        outcome = GatewayOutcome::RolledBack;
        log(DeployEvent::Kind::Warning, wasCommitted ? tr("could not reach the gateway to roll back; it rolls back by itself within %1 s of the commit")
                                                           .arg(plan.confirmTimeoutSec)
                                                     : tr("could not reach the gateway to stop the push; if its commit started, it rolls "
                                                          "back by itself within %1 s")
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
        if (stateIn(rootScript(CommitScript::confirmCommand(plan, 20000), 30000), {QStringLiteral("confirmed"), QStringLiteral("rolled-back")})
            != QLatin1String("confirmed"))
            return fail(tr("%1 did not confirm").arg(gatewayLabel(side)));
        outcome = GatewayOutcome::Confirmed;
        committed = false;
        unsettled = false;
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
        lines << tr("one channel, as root: preflight (software, writable folders, IP forwarding, reverse-path filtering), "
                    "then every file over its standard input, then the commit");
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
            // Only one strongSwan gateway starts the tunnel on load (see StrongSwanGenerator), and
            // it may have tried before its peer had the new config. A trapped packet would start
            // IKE again, except with userspace ESP (kernel-libipsec): ask once, explicitly.
            if (!up && attempt == 0) {
                for (const auto& gw : gws) {
                    if (gw->config.flavour != Flavour::StrongSwan)
                        continue;
                    const QString initiate = QStringLiteral("swanctl --initiate --child %1 --timeout 15").arg(shellQuote(m_profile.name));
                    gw->log(DeployEvent::Kind::Command, initiate);
                    // Its outcome shows in the pings that follow; a failure here is not the verdict.
                    const auto initiated = gw->root(initiate, 30000, [&](Stream, const QByteArray& line) {
                        emitEvent(gw->side, DeployEvent::Kind::Output, QString::fromUtf8(line));
                    });
                    if (!initiated)
                        gw->log(DeployEvent::Kind::Output, initiated.error().message);
                    break;
                }
            }
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
