#include "Deployer.h"

#include "CommitScript.h"
#include "GatewayImportSource.h"
#include "Migration.h"
#include "Generator.h"
#include "Logging.h"
#include "NetworkGenerator.h"
#include "Psk.h"
#include "SnapshotParser.h"
#include "TunnelView.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace ipsecwiz {

namespace {

// The removal of a tunnel as a push: every piece of its own goes (files deleted, blocks taken
// out), what all tunnels of a gateway share stays (racoon's include), its policies, SAs and routes
// leave the kernel before the files change, and a rollback puts all of it back (the restored
// files are reloaded, and the restored routes.sh is run again).
GatewayConfig removalOf(const GatewayConfig& installed, const QString& tunnel, const QStringList& remoteNets)
{
    GatewayConfig cfg = installed;
    cfg.files.clear();
    for (GeneratedFile f : installed.files) {
        if (f.shared)
            continue;
        f.remove = true;
        f.content.clear();
        cfg.files << f;
    }
    cfg.reloadCommands.clear();
    for (const QString& cmd : installed.reloadCommands)
        cfg.reloadCommands << (cmd.endsWith(QLatin1String("/routes.sh")) ? QStringLiteral("[ ! -x %1 ] || %1").arg(cmd) : cmd);
    if (installed.flavour == Flavour::StrongSwan)
        cfg.unloadCommands << QStringLiteral("swanctl --terminate --ike %1 --timeout 5").arg(shellQuote(tunnel));
    else
        for (const QString& net : remoteNets)
            cfg.unloadCommands << QStringLiteral("ip %1route del %2").arg(net.contains(QLatin1Char(':')) ? QStringLiteral("-6 ") : QString(), net);
    return cfg;
}

GatewayConfig removalOf(const GatewayConfig& installed, const TunnelView& view)
{
    return removalOf(installed, view.name, {view.remoteNet.toString()});
}

// Exits 0 when the tunnel is gone from the daemon.
QString removedCommandFor(Flavour flavour, const QString& name)
{
    if (flavour == Flavour::StrongSwan)
        return QStringLiteral("! swanctl --list-conns | grep -q '^%1: '").arg(name);
    return QStringLiteral("true");
}

} // namespace

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

Status checkFirewallRules(const QByteArray& rules, const QString& tunnelName)
{
    const QByteArray table = "table inet ipsec_wizard_" + tunnelName.toUtf8().replace('-', '_');
    int depth = 0;
    int line = 1;
    int tables = 0;
    QByteArray statement; // what stands at the top level since the last newline or ';'
    QByteArray words;     // everything outside comments and strings, to look for include
    auto topLevel = [&](bool opensBlock) -> Status {
        const QByteArray s = statement.simplified();
        statement.clear();
        if (opensBlock) {
            if (s == table) {
                ++tables;
                return {};
            }
        } else if (s.isEmpty()) {
            return {};
        }
        return Error{QString(), tr("Line %1: only “%2 { … }” may stand at the top level (a rollback deletes that table and nothing "
                                   "else), not “%3”.")
                                    .arg(line)
                                    .arg(QString::fromUtf8(table), shown(QString::fromUtf8(s)))};
    };
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const char c = rules.at(i);
        if (c == '#') {
            while (i + 1 < rules.size() && rules.at(i + 1) != '\n')
                ++i;
            continue;
        }
        if (c == '"') {
            qsizetype end = rules.indexOf('"', i + 1);
            if (end < 0)
                return Error{QString(), tr("Line %1: a string is not closed.").arg(line)};
            if (depth == 0)
                statement += rules.mid(i, end - i + 1);
            line += int(rules.mid(i, end - i).count('\n'));
            i = end;
            continue;
        }
        words += c;
        if (depth == 0) {
            if (c == '\n' || c == ';') {
                if (Status st = topLevel(false); !st)
                    return st;
            } else if (c == '{') {
                if (Status st = topLevel(true); !st)
                    return st;
                depth = 1;
            } else if (c == '}') {
                return Error{QString(), tr("Line %1: a “}” closes nothing.").arg(line)};
            } else {
                statement += c;
            }
        } else if (c == '{') {
            ++depth;
        } else if (c == '}') {
            --depth;
        }
        if (c == '\n')
            ++line;
    }
    if (depth != 0)
        return Error{QString(), tr("A “{” is not closed.")};
    if (Status st = topLevel(false); !st)
        return st;
    static const QRegularExpression include(QStringLiteral("(^|[^A-Za-z0-9_])include([^A-Za-z0-9_]|$)"));
    if (include.match(QString::fromUtf8(words)).hasMatch())
        return Error{QString(), tr("The rules may not include other files: a rollback could not undo what they do.")};
    if (tables != 1)
        return Error{QString(), tr("The rules must define “%1 { … }” once (the table a rollback removes).").arg(QString::fromUtf8(table))};
    return {};
}

// One gateway's side of the transaction, run on its own thread. Two SSH channels per push: one
// for preflight + upload + commit (CommitScript::pushCommand), one on a fresh connection for the
// confirmation. Each channel costs the gateway's sshd a PAM session, which is most of a push's time.
namespace {

struct GatewayJob
{
    std::function<void(DeployEvent::Kind, const QString&)> sink; // the push's log, tagged with this gateway
    QString label;       // "gateway A", or a site's name
    Side side = Side::A; // in a push of a pair: which end
    GatewayConfig config;
    CommitPlan plan;
    // Set for a site imported from its gateway's own config: read again before the push (Migration).
    const NetworkProfile* network = nullptr;
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
    // abort() could not hear the gateway say it rolled back: its own timeout is to do it.
    bool rollbackUnconfirmed = false;
    // Privilege: empty when the SSH user is root; otherwise every command goes through sudo,
    // with the password (if sudo wants one) on stdin, never on a command line.
    bool viaSudo = false;
    QByteArray sudoInput;

    ~GatewayJob()
    {
        Psk::wipe(sudoInput);
        // The generated files hold the PSK; the last copy to go is overwritten.
        for (GatewayConfig* c : {&config, &plan.config})
            for (GeneratedFile& f : c->files)
                if (f.secret)
                    Psk::wipe(f.content);
    }

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

    void log(DeployEvent::Kind kind, const QString& text) const { sink(kind, text); }

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
            auto password = options.password ? options.password(tr("sudo password for %1@%2").arg(options.user, options.host))
                                             : std::optional<QByteArray>();
            if (!password)
                return fail(tr("%1 is not root and sudo needs a password, but none was given. Fix: connect as root, allow "
                               "NOPASSWD sudo (recommended: see the README's security model), or give the password.")
                                .arg(options.user));
            sudoInput = *password + '\n';
            Psk::wipe(*password);
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
            } else if (word == QLatin1String("route")) {
                log(DeployEvent::Kind::Step, tr("route to the peer %1: %2").arg(rest.section(QLatin1Char(' '), 0, 0), rest.section(QLatin1Char(' '), 1).trimmed()));
            } else if (word == QLatin1String("noroute")) {
                log(DeployEvent::Kind::Warning, tr("this gateway has no route to the peer %1 (%2), so IKE cannot reach it. Fix: give the "
                                                   "gateway a route (or a default route), or give its default router in the profile.")
                                                    .arg(rest.section(QLatin1Char(' '), 0, 0), rest.section(QLatin1Char(' '), 1).trimmed()));
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

    // A site imported from its gateway's config: that config is read again (read-only, as
    // `import --from-gateway` reads it). Already what the profile says: nothing is pushed here.
    // Otherwise the tunnels' own lines in it are retired by the same transaction.
    bool takeOver(const SshOptions& options)
    {
        const Site* site = network->site(label);
        if (!site || site->gateway.importedFrom.isEmpty())
            return true;
        log(DeployEvent::Kind::Step, tr("reading the gateway's own %1 config again: the site was imported from it").arg(site->gateway.importedFrom));
        const GatewayImportSource source(session.get(), options.user != QLatin1String("root"));
        auto m = Migration::plan(*network, label, source, config.files);
        if (!m) {
            outcome = GatewayOutcome::Failed;
            return fail(tr("%1: %2").arg(label, m.error().message));
        }
        if (m.value().alreadyThere) {
            log(DeployEvent::Kind::Step, tr("the gateway's own %1 config already says what the profile says for its tunnels; it is left as it is")
                                             .arg(site->gateway.importedFrom));
            outcome = GatewayOutcome::Unchanged;
            return true;
        }
        for (const QString& note : m.value().notes)
            log(DeployEvent::Kind::Step, tr("taking over from %1: %2").arg(site->gateway.importedFrom, note));
        config.files = m.value().files;
        config.reloadCommands = m.value().reloadCommands + config.reloadCommands;
        plan.config = config;
        return true;
    }

    // Phase 1: everything up to a committed (but not yet confirmed) gateway, on one channel.
    bool prepare(const SshOptions& options)
    {
        if (!connect(options))
            return false;
        // Privilege first: the payload (the PSK among it) goes only to a root shell, never to a
        // user's shell that then finds it cannot become root.
        if (options.user != QLatin1String("root") && !becomeRoot(options)) {
            outcome = GatewayOutcome::Failed;
            return false;
        }
        if (network && !takeOver(options))
            return false;
        if (outcome == GatewayOutcome::Unchanged)
            return true;
        auto r = pushOnce();
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
            return fail(viaSudo ? tr("%1 is still not root through sudo; nothing was changed").arg(label)
                                : tr("%1: the user %2 is not uid 0 there; nothing was changed. Fix: connect as a user that may sudo.")
                                      .arg(label, options.user));
        }
        if (const auto holder = result("result busy")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("busy: another push is still pending on this gateway (%1). Nothing was changed; try again once it is "
                           "confirmed or has rolled back by itself.")
                            .arg(terminalSafe(*holder)));
        }
        if (!preflightPassed(lines) || result("result preflight-failed")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("preflight failed on %1; nothing was changed").arg(label));
        }
        if (auto why = result("result upload-failed")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("the upload to %1 failed (%2); nothing was changed").arg(label, *why));
        }
        if (result("result unchanged")) {
            unsettled = false;
            outcome = GatewayOutcome::Unchanged;
            return true;
        }
        if (result("result aborted")) {
            unsettled = false;
            outcome = GatewayOutcome::Failed;
            return fail(tr("%1 was stopped before the commit; nothing was changed").arg(label));
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
            return fail(tr("%1 rolled back: %2").arg(label, why.join(QLatin1Char('\n')).trimmed()));
        }
        if (!state && !result("commit"))
            return fail(tr("the push script on %1 stopped unexpectedly (exit status %2): %3")
                            .arg(label)
                            .arg(r.value().exitStatus)
                            .arg(stderrTail));
        return fail(tr("%1 did not report a commit in time").arg(label));
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
        rollbackUnconfirmed = true;
        log(DeployEvent::Kind::Warning, wasCommitted ? tr("could not reach the gateway to roll back; it rolls back by itself within %1 s of the commit")
                                                           .arg(plan.confirmTimeoutSec)
                                                     : tr("could not reach the gateway to stop the push; if its commit started, it rolls "
                                                          "back by itself within %1 s")
                                                           .arg(plan.confirmTimeoutSec));
    }

    // Phase 3a: a fresh connection (proves the management path still works). Both gateways are
    // reached before either is confirmed, so a gateway the new rules cut off rolls both back.
    bool reconnect(const SshOptions& options)
    {
        log(DeployEvent::Kind::Step, tr("connecting again over a fresh SSH connection, to confirm"));
        SshOptions fresh = options;
        fresh.acceptNewHostKey = {}; // the key was checked minutes ago; a new one now is suspicious
        auto s = SshSession::connect(fresh);
        if (!s)
            return fail(tr("cannot reach %1 again to confirm (%2); it rolls back by itself").arg(label, s.error().message));
        session = std::move(s.value());
        return true;
    }

    // Phase 3b: the confirmation itself, named after this push's token.
    bool confirm()
    {
        log(DeployEvent::Kind::Command, QStringLiteral("touch %1/confirm.%2").arg(txn(), QString::fromLatin1(token.left(8)) + QStringLiteral("…")));
        if (stateIn(rootScript(CommitScript::confirmCommand(plan, token, 20000), 30000), {QStringLiteral("confirmed"), QStringLiteral("rolled-back")})
            != QLatin1String("confirmed"))
            return fail(tr("%1 did not confirm").arg(label));
        outcome = GatewayOutcome::Confirmed;
        committed = false;
        unsettled = false;
        return true;
    }
};

} // namespace

Deployer::Deployer(TunnelProfile profile, QByteArray psk, std::array<SshOptions, 2> ssh, DeployOptions options,
                   std::function<void(const DeployEvent&)> log)
    : m_profile(std::move(profile)), m_psk(std::move(psk)), m_ssh(std::move(ssh)), m_options(options), m_log(std::move(log))
{
}

Deployer::~Deployer()
{
    Psk::wipe(m_psk);
}

void Deployer::emitEvent(std::optional<Side> side, DeployEvent::Kind kind, const QString& rawText) const
{
    // Much of it is the gateways' own output: nothing in it may drive the admin's terminal.
    const QString text = terminalSafe(rawText);
    qCInfo(lcDeploy).noquote() << (side ? sideId(*side) : QStringLiteral("-")) << text;
    if (m_log)
        m_log(DeployEvent{side, kind, text, {}});
}

namespace {

// A gateway's SSH target as the profile gives it (HOST when it names none), with the known-hosts
// files in the order they are trusted.
SshOptions sshOptionsFrom(const SshTarget& target, const QString& host, const QString& knownHostsFile, const QString& profileDir)
{
    SshOptions o;
    o.host = target.host.isEmpty() ? host : target.host;
    o.port = target.port;
    o.user = target.user;
    if (!target.identityFile.isEmpty())
        o.keyFile = QDir(profileDir).absoluteFilePath(target.identityFile);
    // The admin's own file first: it is where new keys are recorded, and a profile (which may
    // come from elsewhere) can add keys for hosts it does not know but never overrule it.
    o.knownHostsFiles << QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    if (!knownHostsFile.isEmpty())
        o.knownHostsFiles << QDir(profileDir).absoluteFilePath(knownHostsFile);
    return o;
}

} // namespace

SshOptions Deployer::sshOptionsFor(const TunnelProfile& p, Side side, const QString& profileDir)
{
    const Gateway& gw = p.gateway(side);
    return sshOptionsFrom(gw.ssh, gw.publicAddress.section(QLatin1Char('/'), 0, 0), p.knownHostsFile, profileDir);
}

Result<QStringList> Deployer::dryRun() const
{
    QStringList lines;
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(m_profile, side, m_psk);
        if (!cfg)
            return cfg.error();
        if (m_options.remove) {
            auto view = TunnelView::make(m_profile, side, m_psk);
            if (!view)
                return view.error();
            cfg.value() = removalOf(cfg.value(), view.value());
        }
        const SshOptions& o = m_ssh[size_t(side)];
        lines << tr("== %1: %2@%3:%4 (%5)").arg(gatewayLabel(side), o.user, o.host).arg(o.port).arg(flavourId(cfg.value().flavour));
        lines << tr("one channel, as root: preflight (software, writable folders, IP forwarding, reverse-path filtering), "
                    "then every file over its standard input, then the commit");
        for (const GeneratedFile& f : cfg.value().files) {
            if (f.remove)
                continue;
            lines << tr("upload %1.ipsec-wizard-new  mode %2  %3 bytes%4")
                         .arg(f.path, modeText(f.mode))
                         .arg(f.content.size())
                         .arg(f.secret ? tr("  (holds the pre-shared key)") : QString());
            if (!f.block.isEmpty())
                lines << tr("    only the marked block of %1 (%2): merged into the file as it is on the gateway").arg(f.path, f.block);
        }
        const QString txn = CommitScript::transactionDir(m_profile.name);
        lines << tr("upload %1/commit.sh  mode 0700").arg(txn);
        lines << tr("run: setsid -f sh %1/commit.sh  — on the gateway, in order:").arg(txn);
        for (const QString& cmd : cfg.value().unloadCommands)
            lines << QStringLiteral("    ") + cmd;
        for (const GeneratedFile& f : cfg.value().files) {
            if (f.remove && f.block.isEmpty())
                lines << tr("    keep %1 as %1.ipsec-wizard-bak; remove %1").arg(f.path);
            else if (f.remove)
                lines << tr("    keep %1 as %1.ipsec-wizard-bak; take the block %2 out of it").arg(f.path, f.block);
            else
                lines << tr("    keep %1 as %1.ipsec-wizard-bak; mv %1.ipsec-wizard-new %1").arg(f.path);
        }
        for (const QString& cmd : cfg.value().reloadCommands)
            lines << QStringLiteral("    ") + cmd;
        lines << QStringLiteral("    ") + (m_options.remove ? removedCommandFor(cfg.value().flavour, m_profile.name)
                                                           : CommitScript::verifyCommandFor(cfg.value(), m_profile.name));
        if (m_options.remove)
            lines << tr("    nft delete table inet ipsec_wizard_%1, and the peer from the shared set unless another tunnel names it")
                         .arg(QString(m_profile.name).replace(QLatin1Char('-'), QLatin1Char('_')));
        else if (m_options.applyFirewall)
            lines << tr("    nft -f /etc/ipsec-wizard/%1/firewall.nft").arg(m_profile.name);
        lines << tr("    wait up to %1 s for the confirmation, else roll back").arg(m_options.confirmTimeoutSec);
        lines << tr("    on confirmation, what was replaced moves to /etc/ipsec-wizard/backups/, a folder per push");
    }
    if (m_options.tunnelTest && !m_options.remove)
        lines << tr("== tunnel test: on gateway A, ping -c 3 -I %1 %2; then list the SAs on both")
                     .arg(shown(m_profile.gatewayA.internalAddress.trimmed()), shown(m_profile.gatewayB.internalAddress.trimmed()));
    lines << tr("== confirm both over fresh SSH connections (touch %1/confirm)").arg(CommitScript::transactionDir(m_profile.name));
    return lines;
}

DeployResult Deployer::run()
{
    DeployResult result;
    for (const GatewayChange& change : std::as_const(m_options.changes))
        if (const Status st = CommitScript::checkChange(change); !st) {
            result.message = st.error().message;
            return result;
        }
    std::array<std::unique_ptr<GatewayJob>, 2> gws;
    // The validated, normalised addresses (never the profile's raw strings) reach the scripts.
    std::array<QString, 2> internal;
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(m_profile, side, m_psk);
        if (!cfg) {
            result.message = cfg.error().toString();
            return result;
        }
        auto view = TunnelView::make(m_profile, side, m_psk);
        if (!view) {
            result.message = view.error().toString();
            return result;
        }
        internal[size_t(side)] = view.value().localInternal.toString();
        if (!m_options.firewallRules.isEmpty()) {
            if (const Status st = checkFirewallRules(m_options.firewallRules, m_profile.name); !st) {
                result.message = tr("firewall rules: %1").arg(st.error().message);
                return result;
            }
        }
        if (!m_options.firewallRules.isEmpty())
            for (GeneratedFile& f : cfg.value().files)
                if (f.path.endsWith(QLatin1String("/firewall.nft")))
                    f.content = m_options.firewallRules;
        if (m_options.remove)
            cfg.value() = removalOf(cfg.value(), view.value());
        auto gw = std::make_unique<GatewayJob>();
        gw->side = side;
        gw->label = gatewayLabel(side);
        gw->sink = [this, side](DeployEvent::Kind kind, const QString& text) { emitEvent(side, kind, text); };
        gw->config = cfg.value();
        gw->plan.name = m_profile.name;
        gw->plan.config = cfg.value();
        gw->plan.remoteNet = view.value().remoteNet.toString();
        gw->plan.peer = view.value().remotePublic.toString();
        Psk::wipe(view.value().psk);
        gw->plan.verifyCommand = CommitScript::verifyCommandFor(cfg.value(), m_profile.name);
        gw->plan.applyFirewall = !m_options.remove && (m_options.applyFirewall || !m_options.firewallRules.isEmpty());
        gw->plan.removeFirewall = m_options.remove;
        if (m_options.remove)
            gw->plan.verifyCommand = removedCommandFor(cfg.value().flavour, m_profile.name);
        gw->plan.confirmTimeoutSec = m_options.confirmTimeoutSec;
        gw->plan.change = m_options.changes.value(side == Side::A ? QStringLiteral("site-a") : QStringLiteral("site-b"));
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
    if (m_options.tunnelTest && !m_options.remove) {
        emitEvent(std::nullopt, DeployEvent::Kind::Step, tr("tunnel test: ping from %1 to %2").arg(internal[0], internal[1]));
        bool up = false;
        QString lastOutput;
        for (int attempt = 0; attempt < 6 && !up; ++attempt) {
            if (m_options.cancel && m_options.cancel->load())
                break;
            auto r = gws[0]->root(QStringLiteral("ping -c 3 -i 0.3 -W 2 -I %1 %2").arg(internal[0], internal[1]),
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
            // setkey -D and ip xfrm state print the live SAs' keys: masked, as the monitor does.
            result.tunnelReport += QStringLiteral("== %1: %2\n%3\n").arg(gatewayLabel(gw->side), cmd,
                                                                          terminalSafe(sas ? QString::fromUtf8(SnapshotParser::maskKeyMaterial(sas.value().out))
                                                                                           : sas.error().message));
        }
        if (m_options.cancel && m_options.cancel->load())
            return rollbackAll(tr("cancelled"));
        if (!up)
            return rollbackAll(tr("the tunnel test failed: %1 cannot reach %2 through the tunnel (%3)")
                                   .arg(internal[0], internal[1], terminalSafe(lastOutput.trimmed().right(300))));
        emitEvent(std::nullopt, DeployEvent::Kind::Result, tr("the tunnel carries traffic"));
    }

    // Phase 3: confirm both. First reach both again over fresh connections, and only then
    // confirm: a gateway that cannot be reached (its new rules cut the path) rolls both back.
    auto onBoth = [&](const std::function<bool(GatewayJob&)>& step) {
        std::array<bool, 2> ok{true, true};
        auto one = [&](int i) {
            if (gws[size_t(i)]->outcome != GatewayOutcome::Unchanged)
                ok[size_t(i)] = step(*gws[size_t(i)]);
        };
        std::thread a(one, 0);
        std::thread b(one, 1);
        a.join();
        b.join();
        return ok[0] && ok[1];
    };
    if (m_options.cancel && m_options.cancel->load())
        return rollbackAll(tr("cancelled"));
    if (!onBoth([&](GatewayJob& gw) { return gw.reconnect(m_ssh[size_t(gw.side)]); }))
        return rollbackAll(tr("a gateway could not be reached again to confirm; both gateways roll back"));
    if (!onBoth([](GatewayJob& gw) { return gw.confirm(); })) {
        rollbackAll(tr("confirmation failed; both gateways roll back"));
        // A gateway that had taken its confirmation keeps the new configuration: say so, and say
        // only what is known of the other.
        for (Side side : {Side::A, Side::B}) {
            const GatewayJob& other = *gws[size_t(otherSide(side))];
            if (result.outcome[size_t(side)] == GatewayOutcome::Confirmed && other.outcome != GatewayOutcome::Confirmed)
                result.message = (other.rollbackUnconfirmed
                                      ? tr("confirmation failed on %1, which did not answer the rollback (it rolls back by itself when its "
                                           "confirmation time runs out); %2 had already confirmed and keeps the new configuration, so the "
                                           "two gateways now differ. Push again.")
                                      : tr("confirmation failed on %1, which rolled back; %2 had already confirmed and keeps the new "
                                           "configuration, so the two gateways now differ. Push again."))
                                     .arg(gatewayLabel(otherSide(side)), gatewayLabel(side));
        }
        return result;
    }
    for (int i : {0, 1})
        result.outcome[size_t(i)] = gws[size_t(i)]->outcome;
    result.ok = true;
    result.message = (m_options.remove ? tr("removed: gateway A %1, gateway B %2") : tr("pushed: gateway A %1, gateway B %2"))
                         .arg(outcomeName(result.outcome[0]), outcomeName(result.outcome[1]));
    return result;
}


// --- a network of sites --------------------------------------------------------------------

namespace {

// Runs STEP(i) for i in [0, count) on at most LIMIT threads at a time; waits for all.
void forEachBounded(int count, int limit, const std::function<void(int)>& step)
{
    std::atomic_int next{0};
    std::vector<std::thread> workers;
    const int n = std::max(1, std::min(limit, count));
    for (int w = 0; w < n; ++w)
        workers.emplace_back([&] {
            for (int i = next++; i < count; i = next++)
                step(i);
        });
    for (std::thread& t : workers)
        t.join();
}

// Exits 0 when the daemon lists every connection of the gateway's tunnels.
QString verifyAll(const GatewayConfig& cfg, const QStringList& tunnels, const QString& network)
{
    if (cfg.flavour != Flavour::StrongSwan)
        return CommitScript::verifyCommandFor(cfg, network);
    QStringList checks{QStringLiteral("c=$(swanctl --list-conns)")};
    for (const QString& t : tunnels)
        checks << QStringLiteral("echo \"$c\" | grep -q '^%1: '").arg(t);
    return checks.join(QStringLiteral(" && "));
}

} // namespace

NetworkDeployer::NetworkDeployer(NetworkProfile network, QStringList sites, QHash<QString, SshOptions> ssh, DeployOptions options,
                                 std::function<void(const DeployEvent&)> log, int maxConnections)
    : m_network(std::move(network)), m_sites(std::move(sites)), m_ssh(std::move(ssh)), m_options(options), m_log(std::move(log)),
      m_maxConnections(maxConnections)
{
}

NetworkDeployer::~NetworkDeployer()
{
    for (Tunnel& t : m_network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
}

void NetworkDeployer::emitEvent(const QString& site, DeployEvent::Kind kind, const QString& rawText) const
{
    const QString text = terminalSafe(rawText);
    qCInfo(lcDeploy).noquote() << (site.isEmpty() ? QStringLiteral("-") : site) << text;
    if (m_log)
        m_log(DeployEvent{std::nullopt, kind, text, site});
}

Result<QStringList> NetworkDeployer::sitesToPush(const NetworkProfile& network, const QStringList& named)
{
    if (named.isEmpty())
        return Generate::managedSites(network);
    QStringList out;
    for (const QString& name : named) {
        const Site* s = network.site(name);
        if (!s)
            return Error{QStringLiteral("--gateway"), tr("There is no site “%1”.").arg(shown(name))};
        if (!s->gateway.managed)
            return Error{QStringLiteral("--gateway"), tr("Site “%1” is managed by someone else; its admin configures it.").arg(name)};
        if (!out.contains(name))
            out << name;
    }
    return out;
}

SshOptions NetworkDeployer::sshOptionsFor(const NetworkProfile& network, const Site& site, const QString& profileDir)
{
    const SiteGateway& gw = site.gateway;
    return sshOptionsFrom(gw.ssh, gw.sshHost(), network.knownHostsFile, profileDir);
}

Result<QStringList> NetworkDeployer::dryRun() const
{
    QStringList lines;
    for (const QString& site : m_sites) {
        auto cfg = Generate::gateway(m_network, site);
        if (!cfg)
            return cfg.error();
        const SshOptions o = m_ssh.value(site);
        lines << tr("== %1: %2@%3:%4 (%5)").arg(site, o.user, o.host).arg(o.port).arg(flavourId(cfg.value().flavour));
        if (m_options.remove) {
            for (const GeneratedFile& f : removalOf(cfg.value(), m_network.tunnels.value(0).name, {}).files)
                lines << (f.block.isEmpty() ? tr("    keep %1 as %1.ipsec-wizard-bak; remove %1").arg(f.path)
                                            : tr("    keep %1 as %1.ipsec-wizard-bak; take the block %2 out of it").arg(f.path, f.block));
            lines << tr("    nft delete table inet ipsec_wizard_%1, and the peer from the shared set unless another tunnel names it")
                         .arg(QString(m_network.tunnels.value(0).name).replace(QLatin1Char('-'), QLatin1Char('_')));
            continue;
        }
        for (const GeneratedFile& f : cfg.value().files) {
            lines << tr("upload %1.ipsec-wizard-new  mode %2  %3 bytes%4")
                         .arg(f.path, modeText(f.mode))
                         .arg(f.content.size())
                         .arg(f.secret ? tr("  (holds the pre-shared key)") : QString());
            if (!f.block.isEmpty())
                lines << tr("    only the marked block of %1 (%2): merged into the file as it is on the gateway").arg(f.path, f.block);
        }
        for (const QString& cmd : cfg.value().reloadCommands)
            lines << QStringLiteral("    ") + cmd;
        if (m_options.applyFirewall)
            for (const Tunnel& t : m_network.tunnels)
                if (t.siteA == site || t.siteB == site)
                    lines << tr("    nft -f /etc/ipsec-wizard/%1/firewall.nft").arg(t.name);
        lines << tr("    wait up to %1 s for the confirmation, else roll back").arg(m_options.confirmTimeoutSec);
    }
    lines << tr("== at most %1 gateways at a time; then a ping through every tunnel both of whose ends were pushed; then confirm all")
                 .arg(m_maxConnections);
    return lines;
}

NetworkDeployResult NetworkDeployer::run()
{
    NetworkDeployResult result;
    for (const GatewayChange& change : std::as_const(m_options.changes))
        if (const Status st = CommitScript::checkChange(change); !st) {
            result.message = st.error().message;
            return result;
        }
    std::vector<std::unique_ptr<GatewayJob>> jobs;
    QHash<QString, int> index; // site -> job
    auto generated = Generate::gateways(m_network, m_sites);
    if (!generated) {
        result.message = generated.error().toString();
        return result;
    }
    for (auto& [site, config] : generated.value()) {
        const Result<GatewayConfig> cfg = config;
        QStringList tunnels, peers;
        QString remoteNet;
        for (const Tunnel& t : m_network.tunnels) {
            if (t.siteA != site && t.siteB != site)
                continue;
            tunnels << t.name;
            const Side far = t.siteA == site ? Side::B : Side::A;
            const Site* other = m_network.site(far == Side::A ? t.siteA : t.siteB);
            if (other && other->gateway.reach != Reachability::Dynamic && !peers.contains(hostPart(other->gateway.peerAddress())))
                peers << hostPart(other->gateway.peerAddress());
            if (remoteNet.isEmpty())
                remoteNet = m_network.networksOf(t, far).value(0);
        }
        GatewayConfig config2 = cfg.value();
        QString verify = verifyAll(config2, tunnels, m_network.name);
        if (m_options.remove) {
            // Only the named tunnel is in m_network: its pieces on this gateway go.
            QStringList farNets;
            for (const Tunnel& t : m_network.tunnels)
                farNets += m_network.networksOf(t, t.siteA == site ? Side::B : Side::A);
            config2 = removalOf(config2, tunnels.value(0), farNets);
            verify = removedCommandFor(config2.flavour, tunnels.value(0));
        }
        auto job = std::make_unique<GatewayJob>();
        job->label = site;
        job->sink = [this, site](DeployEvent::Kind kind, const QString& text) { emitEvent(site, kind, text); };
        job->config = config2;
        if (!m_options.remove)
            job->network = &m_network;
        job->plan.name = m_network.name;
        job->plan.config = config2;
        job->plan.peer = peers.value(0);
        job->plan.peers = peers;
        job->plan.remoteNet = remoteNet;
        job->plan.verifyCommand = verify;
        job->plan.confirmTimeoutSec = m_options.confirmTimeoutSec;
        job->plan.change = m_options.changes.value(site);
        job->plan.firewallTunnels = tunnels;
        job->plan.applyFirewall = m_options.applyFirewall && !m_options.remove;
        if (m_options.remove) {
            // The tunnel's table goes, and its peer (or "anywhere", for a dynamic one) leaves the
            // gateway-wide set unless another tunnel of this gateway names it.
            job->plan.removeFirewall = true;
            const Tunnel& t = m_network.tunnels.value(0);
            const Site* far = m_network.site(t.siteA == site ? t.siteB : t.siteA);
            Generate::FirewallSpec spec;
            spec.ipv6 = m_network.networksOf(t, Side::A).value(0).contains(QLatin1Char(':'));
            spec.peer = far && far->gateway.reach != Reachability::Dynamic ? hostPart(far->gateway.peerAddress()) : QString();
            std::tie(job->plan.removeSet, job->plan.removeElement) = Generate::sharedElement(spec);
        }
        index.insert(site, int(jobs.size()));
        jobs.push_back(std::move(job));
    }
    QHash<QString, SshOptions> ssh = m_ssh;
    for (SshOptions& o : ssh)
        o.cancel = m_options.cancel;
    const int count = int(jobs.size());
    const auto cancelled = [&] { return m_options.cancel && m_options.cancel->load(); };
    const auto outcomes = [&] {
        result.outcome.clear();
        for (const auto& job : jobs) {
            if (job->outcome == GatewayOutcome::NotStarted)
                job->outcome = GatewayOutcome::Failed;
            result.outcome.append({job->label, job->outcome});
        }
    };
    auto rollbackAll = [&](const QString& why) {
        emitEvent({}, DeployEvent::Kind::Error, why);
        forEachBounded(count, m_maxConnections, [&](int i) { jobs[size_t(i)]->abort(); });
        outcomes();
        result.message = why;
        return result;
    };

    // Phase 1: every gateway prepared, a bounded number at a time.
    std::vector<char> prepared(size_t(count), 0);
    forEachBounded(count, m_maxConnections, [&](int i) {
        if (!cancelled())
            prepared[size_t(i)] = jobs[size_t(i)]->prepare(ssh.value(jobs[size_t(i)]->label));
    });
    QStringList failed;
    for (int i = 0; i < count; ++i)
        if (!prepared[size_t(i)])
            failed << jobs[size_t(i)]->label + QStringLiteral(": ") + (jobs[size_t(i)]->error.isEmpty() ? tr("not started") : jobs[size_t(i)]->error);
    if (cancelled())
        failed << tr("cancelled");
    if (!failed.isEmpty())
        return rollbackAll(failed.join(QStringLiteral("; ")));

    // Phase 2: a ping through every tunnel both of whose ends were pushed and one of which changed.
    if (m_options.tunnelTest && !m_options.remove) {
        for (const Tunnel& t : m_network.tunnels) {
            if (!index.contains(t.siteA) || !index.contains(t.siteB))
                continue;
            GatewayJob& a = *jobs[size_t(index.value(t.siteA))];
            GatewayJob& b = *jobs[size_t(index.value(t.siteB))];
            if (a.outcome == GatewayOutcome::Unchanged && b.outcome == GatewayOutcome::Unchanged)
                continue;
            // The end that starts the tunnel pings: a dynamic one must; else site A.
            const bool fromB = m_network.site(t.siteB)->gateway.reach == Reachability::Dynamic;
            GatewayJob& from = fromB ? b : a;
            const QString src = m_network.site(fromB ? t.siteB : t.siteA)->gateway.internalAddress.trimmed();
            const QString dst = m_network.site(fromB ? t.siteA : t.siteB)->gateway.internalAddress.trimmed();
            emitEvent({}, DeployEvent::Kind::Step, tr("tunnel test %1: ping from %2 to %3").arg(t.name, src, dst));
            bool up = false;
            QString lastOutput;
            for (int attempt = 0; attempt < 6 && !up && !cancelled(); ++attempt) {
                auto r = from.root(QStringLiteral("ping -c 3 -i 0.3 -W 2 -I %1 %2").arg(src, dst), 30000);
                up = r && r.value().exitStatus == 0;
                lastOutput = r ? QString::fromUtf8(r.value().out + r.value().err) : r.error().message;
                if (!up && attempt == 0 && from.config.flavour == Flavour::StrongSwan) {
                    const QString initiate = QStringLiteral("swanctl --initiate --child %1 --timeout 15").arg(shellQuote(t.name));
                    from.log(DeployEvent::Kind::Command, initiate);
                    if (auto initiated = from.root(initiate, 30000); !initiated)
                        from.log(DeployEvent::Kind::Output, initiated.error().message);
                }
            }
            if (cancelled())
                return rollbackAll(tr("cancelled"));
            if (!up)
                return rollbackAll(tr("the tunnel test of %1 failed: %2 cannot reach %3 through it (%4)")
                                       .arg(t.name, src, dst, terminalSafe(lastOutput.trimmed().right(300))));
            result.tunnelReport += tr("%1: %2 reaches %3\n").arg(t.name, src, dst);
            emitEvent({}, DeployEvent::Kind::Result, tr("%1 carries traffic").arg(t.name));
        }
    }

    // Phase 3: every changed gateway reached again, then every one confirmed.
    if (cancelled())
        return rollbackAll(tr("cancelled"));
    std::vector<char> ok(size_t(count), 1);
    forEachBounded(count, m_maxConnections, [&](int i) {
        GatewayJob& job = *jobs[size_t(i)];
        if (job.outcome != GatewayOutcome::Unchanged)
            ok[size_t(i)] = job.reconnect(ssh.value(job.label));
    });
    QStringList unreachable;
    for (int i = 0; i < count; ++i)
        if (!ok[size_t(i)])
            unreachable << jobs[size_t(i)]->label;
    if (!unreachable.isEmpty())
        return rollbackAll(tr("%1 could not be reached again to confirm; every gateway rolls back").arg(unreachable.join(QStringLiteral(", "))));
    forEachBounded(count, m_maxConnections, [&](int i) {
        GatewayJob& job = *jobs[size_t(i)];
        if (job.outcome != GatewayOutcome::Unchanged)
            ok[size_t(i)] = job.confirm();
    });
    if (std::find(ok.cbegin(), ok.cend(), 0) != ok.cend()) {
        rollbackAll(tr("confirmation failed; every gateway rolls back"));
        QStringList kept;
        for (const auto& [site, outcome] : result.outcome)
            if (outcome == GatewayOutcome::Confirmed)
                kept << site;
        if (!kept.isEmpty())
            result.message = tr("confirmation failed; %1 had already confirmed and keep the new configuration while the others roll back, "
                                "so the gateways now differ. Push again.")
                                 .arg(kept.join(QStringLiteral(", ")));
        return result;
    }
    outcomes();
    result.ok = true;
    QStringList said;
    for (const auto& [site, outcome] : result.outcome)
        said << QStringLiteral("%1 %2").arg(site, outcomeName(outcome));
    result.message = (m_options.remove ? tr("removed: %1") : tr("pushed: %1")).arg(said.join(QStringLiteral("; ")));
    return result;
}

} // namespace ipsecwiz
