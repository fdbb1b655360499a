#include "RacoonToolGenerator.h"

#include "MarkedBlock.h"

namespace ipsecwiz {

QString RacoonToolGenerator::connectionName(const RacoonConnection& c, int pair)
{
    const QString base = c.name.toLower();
    return c.networkPairs().size() > 1 ? base + QLatin1Char('-') + QString::number(pair + 1) : base;
}

QList<GeneratedFile> RacoonToolGenerator::files(const RacoonConnection& c)
{
    // racoon-tool's own names (racoon's without key lengths); validation refused what has none.
    const auto name = [](AlgorithmKind k, Usage usage, const QString& id) {
        const Algorithm* a = Algorithms::find(k, id);
        return a ? a->nameFor(Flavour::RacoonTool, usage) : QString();
    };
    const auto ike = [&](AlgorithmKind k, const QString& id) { return name(k, Usage::Ike, id); };
    const auto esp = [&](AlgorithmKind k, const QString& id) { return name(k, Usage::Esp, id); };

    QByteArray s = QString::fromUtf8(c.header).arg(QStringLiteral("racoon-tool.conf sections")).toUtf8();
    s += "# See racoon-tool.conf(5). Every value is written out here, so the file's %default sections change nothing.\n\n";
    s += QStringLiteral(
             "# Phase 1 with the peer %1, identified by %2.\n"
             "peer(%1):\n"
             "\texchange_mode: main\n"
             "\tpassive: off\n"
             "\tverify_identifier: on\n"
             "\tmy_identifier: %3 %4\n"
             "\tpeers_identifier: %2 %5\n"
             "%6"
             "\tlifetime: time %7 sec\n"
             "\tauthentication_method[0]: pre_shared_key\n"
             "\tencryption_algorithm[0]: %8\n"
             "\thash_algorithm[0]: %9\n")
             .arg(c.remoteAddress, c.remoteIdType, c.localIdType, c.localId, c.remoteId,
                  c.natTraversal ? QStringLiteral("\tnat_traversal: on\n") : QString())
             .arg(c.ike.lifetime)
             .arg(ike(AlgorithmKind::Encryption, c.ike.encryption), ike(AlgorithmKind::Integrity, c.ike.integrity))
             .toUtf8();
    s += QStringLiteral("\tdh_group[0]: %1\n").arg(ike(AlgorithmKind::DhGroup, c.ike.dhGroup)).toUtf8();
    const auto pairs = c.networkPairs();
    for (int i = 0; i < pairs.size(); ++i) {
        s += QStringLiteral(
                 "\n"
                 "# %1 <-> %2 through the tunnel between %3 and %4.\n"
                 "connection(%5):\n"
                 "\tsrc_range: %1\n"
                 "\tdst_range: %2\n"
                 "\tsrc_ip: %3\n"
                 "\tdst_ip: %4\n"
                 "\tadmin_status: enabled\n"
                 "\tencryption_algorithm: %6\n"
                 "\tauthentication_algorithm: %7\n")
                 .arg(pairs.at(i).first, pairs.at(i).second, c.localAddress, c.remoteAddress, connectionName(c, i),
                      esp(AlgorithmKind::Encryption, c.esp.encryption), esp(AlgorithmKind::Integrity, c.esp.integrity))
                 .toUtf8();
        s += QStringLiteral("\tpfs_group: %1\n")
                 .arg(c.esp.pfsGroup == QLatin1String("none") ? QStringLiteral("none") : esp(AlgorithmKind::DhGroup, c.esp.pfsGroup))
                 .toUtf8();
        s += QStringLiteral("\tlifetime: time %1 sec\n").arg(c.esp.lifetime).toUtf8();
    }
    GeneratedFile conf{QStringLiteral("/etc/racoon/racoon-tool.conf"), 0644, MarkedBlock::wrap(c.name, s), false};
    conf.block = c.name;
    return {conf, RacoonGenerator::pskFile(c)};
}

QList<GeneratedFile> RacoonToolGenerator::files(const TunnelView& v) const
{
    return files(RacoonGenerator::connection(v));
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
