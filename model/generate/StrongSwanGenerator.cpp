#include "StrongSwanGenerator.h"

#include "Algorithms.h"

#include <cstring>

namespace ipsecwiz {

namespace {

QString name(AlgorithmKind kind, const QString& id)
{
    const Algorithm* a = Algorithms::find(kind, id);
    return a ? a->strongswan : QString();
}

} // namespace

QString StrongSwanGenerator::ikeProposal(const IkeProposal& ike)
{
    QStringList parts{name(AlgorithmKind::Encryption, ike.encryption)};
    if (ike.integrity != QLatin1String("none"))
        parts.append(name(AlgorithmKind::Integrity, ike.integrity));
    parts.append(name(AlgorithmKind::Prf, ike.prf));
    parts.append(name(AlgorithmKind::DhGroup, ike.dhGroup));
    return parts.join(QLatin1Char('-'));
}

QString StrongSwanGenerator::espProposal(const EspProposal& esp)
{
    QStringList parts{name(AlgorithmKind::Encryption, esp.encryption)};
    if (esp.integrity != QLatin1String("none"))
        parts.append(name(AlgorithmKind::Integrity, esp.integrity));
    if (esp.pfsGroup != QLatin1String("none"))
        parts.append(name(AlgorithmKind::DhGroup, esp.pfsGroup));
    return parts.join(QLatin1Char('-'));
}

QByteArray StrongSwanGenerator::connectionText(const SwanctlConnection& c)
{
    // IKEv1 has no IKE SA rekeying, only reauthentication.
    const QString ikeLifetimeKey = c.ike.version == 1 ? QStringLiteral("reauth_time") : QStringLiteral("rekey_time");
    QByteArray s = QStringLiteral(
                       "connections {\n"
                       "    %1 {\n"
                       "        version = %2\n"
                       "        local_addrs = %3\n"
                       "        remote_addrs = %4\n"
                       "        proposals = %5\n"
                       "        %6 = %7s\n"
                       "        dpd_delay = 30s\n"
                       "%10"
                       "        local {\n"
                       "            auth = psk\n"
                       "            id = %8\n"
                       "        }\n"
                       "        remote {\n"
                       "            auth = psk\n"
                       "            id = %9\n"
                       "        }\n")
                       .arg(c.name)
                       .arg(c.ike.version)
                       .arg(c.localAddrs, c.remoteAddrs, ikeProposal(c.ike), ikeLifetimeKey)
                       .arg(c.ike.lifetime)
                       .arg(c.localId, c.remoteId, c.aggressive ? QStringLiteral("        aggressive = yes\n") : QString())
                       .toUtf8();
    s += QStringLiteral(
             "        children {\n"
             "            %1 {\n"
             "                mode = tunnel\n"
             "                local_ts = %2\n"
             "                remote_ts = %3\n"
             "                esp_proposals = %4\n"
             "                rekey_time = %5s\n"
             "                start_action = %6\n"
             "                dpd_action = restart\n"
             "            }\n"
             "        }\n"
             "    }\n"
             "}\n"
             "\n"
             "secrets {\n"
             "    ike-%1 {\n"
             "        id-local = %7\n"
             "        id-remote = %8\n"
             "        secret = ")
             .arg(c.name, c.localTs, c.remoteTs, espProposal(c.esp))
             .arg(c.esp.lifetime)
             .arg(c.startAction, c.localId, c.remoteId)
             .toUtf8();
    s += c.psk;
    s += "\n    }\n}\n";
    return s;
}

QList<GeneratedFile> StrongSwanGenerator::files(const TunnelView& v) const
{
    QByteArray s = Generate::header(v, QStringLiteral("swanctl connection and secret"));
    s += QStringLiteral("# Holds the pre-shared key: keep it mode 0600. Load with: swanctl --load-all\n").toUtf8();
    // trap: the policy is installed and the first matching packet starts IKE, as with racoon.
    // One gateway also brings the tunnel up at once (start), so the admin sees it come up after
    // the reload — only one: when both start, the two initiations can cross and leave one
    // gateway holding a stale duplicate IKE SA for minutes (seen in the lab after a push to both
    // at once). Which one is fixed by the addresses, not by A/B, so each side's file is the
    // other's mirror image: the gateway with the lower public address starts.
    // (strongSwan's userspace ESP, kernel-libipsec, never starts IKE from a trapped packet.)
    const Q_IPV6ADDR local = v.localPublic.toIPv6Address(); // IPv4 as ::ffff:a.b.c.d: one order for both
    const Q_IPV6ADDR remote = v.remotePublic.toIPv6Address();
    const bool initiates = std::memcmp(local.c, remote.c, sizeof local.c) < 0;
    SwanctlConnection c;
    c.name = v.name;
    c.localAddrs = v.localPublic.toString();
    c.remoteAddrs = v.remotePublic.toString();
    c.ike = v.ike;
    c.esp = v.esp;
    c.localId = v.localId;
    c.remoteId = v.remoteId;
    c.localTs = v.localNet.toString();
    c.remoteTs = v.remoteNet.toString();
    c.startAction = initiates ? QStringLiteral("trap|start") : QStringLiteral("trap");
    c.psk = v.psk;
    s += connectionText(c);
    return {GeneratedFile{QStringLiteral("/etc/swanctl/conf.d/") + v.name + QStringLiteral(".conf"), 0600, s, true}};
}

QStringList StrongSwanGenerator::reloadCommands(const TunnelView&) const
{
    return {QStringLiteral("swanctl --load-all")};
}

QStringList StrongSwanGenerator::checkCommands(const TunnelView&) const
{
    return {QStringLiteral("swanctl --list-conns"), QStringLiteral("swanctl --list-sas")};
}

} // namespace ipsecwiz
