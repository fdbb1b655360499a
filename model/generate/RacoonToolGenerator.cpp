#include "RacoonToolGenerator.h"

#include "RacoonGenerator.h"

namespace ipsecwiz {

QList<GeneratedFile> RacoonToolGenerator::files(const TunnelView& v) const
{
    // racoon-tool's own names (racoon's without key lengths); validation refused what has none.
    const auto name = [](AlgorithmKind k, Usage usage, const QString& id) {
        const Algorithm* a = Algorithms::find(k, id);
        return a ? a->nameFor(Flavour::RacoonTool, usage) : QString();
    };
    const auto ike = [&](AlgorithmKind k, const QString& id) { return name(k, Usage::Ike, id); };
    const auto esp = [&](AlgorithmKind k, const QString& id) { return name(k, Usage::Esp, id); };

    QByteArray s = Generate::header(v, QStringLiteral("racoon-tool.conf"));
    s += "#\n# See racoon-tool.conf(5). racoon-tool writes racoon.conf and the policies from this file.\n\n";
    s += "global:\n"
         "\tlog: notify\n"
         "\tpath_pre_shared_key: /etc/racoon/psk.txt\n"
         "\n";
    s += QStringLiteral(
             "# Phase 1 settings every peer shares.\n"
             "peer(%default):\n"
             "\texchange_mode: main\n"
             "\tpassive: off\n"
             "\tverify_identifier: on\n"
             "\tlifetime: time %1 sec\n"
             "\tauthentication_method[0]: pre_shared_key\n"
             "\tencryption_algorithm[0]: %2\n"
             "\thash_algorithm[0]: %3\n"
             "\tdh_group[0]: %4\n"
             "\n")
             .arg(v.ike.lifetime)
             .arg(ike(AlgorithmKind::Encryption, v.ike.encryption), ike(AlgorithmKind::Integrity, v.ike.integrity),
                  ike(AlgorithmKind::DhGroup, v.ike.dhGroup))
             .toUtf8();
    s += "# Phase 2 settings every connection shares.\n"
         "connection(%default):\n";
    s += QStringLiteral("\tencryption_algorithm: %1\n"
                        "\tauthentication_algorithm: %2\n")
             .arg(esp(AlgorithmKind::Encryption, v.esp.encryption), esp(AlgorithmKind::Integrity, v.esp.integrity))
             .toUtf8();
    if (v.esp.pfsGroup != QLatin1String("none"))
        s += QStringLiteral("\tpfs_group: %1\n").arg(esp(AlgorithmKind::DhGroup, v.esp.pfsGroup)).toUtf8();
    s += QStringLiteral("\tlifetime: time %1 sec\n\n").arg(v.esp.lifetime).toUtf8();
    s += QStringLiteral(
             "# %1, identified by address.\n"
             "peer(%2):\n"
             "\tmy_identifier: address %3\n"
             "\tpeers_identifier: address %4\n"
             "\n"
             "# %5 <-> %6 through the tunnel between %7 and %2.\n"
             "connection(%8):\n"
             "\tsrc_range: %5\n"
             "\tdst_range: %6\n"
             "\tsrc_ip: %7\n"
             "\tdst_ip: %2\n"
             "\tadmin_status: enabled\n")
             .arg(v.remoteGatewayName(), v.remotePublic.toString(), v.localId, v.remoteId, v.localNet.toString(),
                  v.remoteNet.toString(), v.localPublic.toString(), v.name)
             .toUtf8();
    return {GeneratedFile{QStringLiteral("/etc/racoon/racoon-tool.conf"), 0644, s, false}, RacoonGenerator::pskFile(v)};
}

QStringList RacoonToolGenerator::reloadCommands(const TunnelView&) const
{
    return {QStringLiteral("/etc/init.d/racoon reload")};
}

QStringList RacoonToolGenerator::checkCommands(const TunnelView&) const
{
    return {QStringLiteral("setkey -DP"), QStringLiteral("setkey -D")};
}

} // namespace ipsecwiz
