#include "DriftChecker.h"

#include "SnapshotParser.h"

#include "Deployer.h"
#include "NetworkGenerator.h"
#include "Psk.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::DriftChecker", text);
}

} // namespace

bool GatewayCheck::drift() const
{
    if (!notLoaded.isEmpty() || !missingPolicies.isEmpty() || !daemonError.isEmpty())
        return true;
    for (const FileDrift& f : files)
        if (f.state != FileDrift::State::Same)
            return true;
    return false;
}

namespace DriftChecker {

QString readCommand(const QStringList& paths)
{
    QStringList quoted;
    for (const QString& p : paths)
        quoted << shellQuote(p);
    return QStringLiteral("for p in %1; do if [ ! -e \"$p\" ]; then echo \"$p -\"; elif [ ! -r \"$p\" ]; then echo \"$p !\"; "
                          "else printf '%s %s\\n' \"$p\" \"$(base64 -w0 < \"$p\")\"; fi; done")
        .arg(quoted.join(QLatin1Char(' ')));
}

GatewayCheck run(const CheckTarget& target)
{
    auto session = SshSession::connect(target.ssh);
    if (!session) {
        GatewayCheck out;
        out.label = target.label;
        out.reason = session.error().message;
        return out;
    }
    return inspect(*session.value(), target);
}

GatewayCheck inspect(SshSession& session, const CheckTarget& target)
{
    GatewayCheck out;
    out.label = target.label;
    QStringList paths;
    for (const GeneratedFile& f : target.expected.files)
        if (!f.remove && !paths.contains(f.path))
            paths << f.path;
    auto read = session.exec(readCommand(paths), {}, {}, 30000, 64 << 20);
    if (!read) {
        out.reason = read.error().message;
        return out;
    }
    QHash<QString, std::optional<QByteArray>> live;
    for (const QByteArray& line : read.value().out.split('\n')) {
        const qsizetype space = line.lastIndexOf(' ');
        if (space <= 0)
            continue;
        const QString path = QString::fromUtf8(line.left(space));
        const QByteArray value = line.mid(space + 1);
        if (!paths.contains(path))
            continue;
        if (value == "!") {
            out.reason = tr("%1 cannot be read as %2: check needs root on the gateway.").arg(path, target.ssh.user);
            return out;
        }
        live.insert(path, value == "-" ? std::nullopt : std::optional(QByteArray::fromBase64(value)));
    }
    if (live.size() != paths.size()) {
        out.reason = tr("The gateway did not list every file (is base64 there?).");
        return out;
    }
    out.reached = true;
    out.files = Drift::compare(target.expected, live, target.keys);
    if (!target.policies.isEmpty()) {
        auto spd = session.exec(QStringLiteral("setkey -DP 2>&1"), {}, {}, 20000, 16 << 20);
        if (!spd) {
            out.reached = false;
            out.reason = spd.error().message;
            return out;
        }
        if (spd.value().exitStatus != 0) {
            out.daemonError = QString::fromUtf8(spd.value().out).trimmed().section(QLatin1Char('\n'), 0, 0);
            return out;
        }
        const Snapshot loaded = SnapshotParser::parse(spd.value().out, SnapshotFormat::SetkeySpd);
        for (const Drift::Policy& p : Drift::missingPolicies(target.policies, loaded.policies))
            out.missingPolicies << p.toString();
    }
    if (target.connections.isEmpty())
        return out;
    auto conns = session.exec(QStringLiteral("swanctl --list-conns 2>&1"), {}, {}, 20000, 4 << 20);
    if (!conns) {
        out.reached = false;
        out.reason = conns.error().message;
        return out;
    }
    const QString listed = QString::fromUtf8(conns.value().out);
    if (conns.value().exitStatus != 0) {
        out.daemonError = listed.trimmed().section(QLatin1Char('\n'), 0, 0);
        out.notLoaded = target.connections;
        return out;
    }
    for (const QString& c : target.connections)
        if (!listed.contains(QRegularExpression(QStringLiteral("(^|\\n)%1: ").arg(QRegularExpression::escape(c)))))
            out.notLoaded << c;
    return out;
}

Result<QList<CheckTarget>> targetsFor(NetworkProfile n, const QStringList& wanted, const QString& profileDir, QStringList* keyless)
{
    const QStringList managed = Generate::managedSites(n);
    for (const QString& site : wanted)
        if (!managed.contains(site))
            return Error{QStringLiteral("--gateway"), QCoreApplication::translate("ipsecwiz::DriftChecker", "“%1” is not a managed site of the network.").arg(site)};
    const QStringList sites = wanted.isEmpty() ? managed : wanted;
    QList<QByteArray> keys;
    for (Tunnel& t : n.tunnels) {
        if (t.psk && !t.psk->isEmpty()) {
            keys << *t.psk;
        } else {
            t.psk = QByteArray("0x") + QByteArray(64, '0');
            *keyless << t.name;
        }
    }
    if (!keyless->isEmpty())
        keys.clear();
    auto generated = Generate::gateways(n, sites);
    QList<CheckTarget> targets;
    if (generated) {
        for (const auto& [site, cfg] : generated.value()) {
            CheckTarget t;
            t.label = site;
            t.ssh = NetworkDeployer::sshOptionsFor(n, *n.site(site), profileDir);
            t.expected = cfg;
            t.keys = keys;
            if (cfg.flavour == Flavour::StrongSwan) {
                for (const Tunnel& tunnel : n.tunnels)
                    if (tunnel.siteA == site || tunnel.siteB == site)
                        t.connections << tunnel.name;
            } else {
                t.policies = Drift::expectedPolicies(n, site);
            }
            targets << t;
        }
    }
    for (Tunnel& t : n.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (!generated)
        return generated.error();
    return targets;
}

} // namespace DriftChecker

} // namespace ipsecwiz
