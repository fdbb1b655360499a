#include "RacoonGenerator.h"

namespace ipsecwiz {

QString RacoonGenerator::algorithmName(AlgorithmKind kind, Usage usage, const QString& id)
{
    const Algorithm* a = Algorithms::find(kind, id);
    return a ? a->nameFor(Flavour::Racoon, usage) : QString();
}

GeneratedFile RacoonGenerator::pskFile(const TunnelView& v)
{
    QByteArray s = Generate::header(v, QStringLiteral("racoon pre-shared keys"));
    s += "# racoon refuses this file unless only root can read it (mode 0600).\n";
    s += v.remoteId.toUtf8() + '\t' + v.psk + '\n';
    return GeneratedFile{QStringLiteral("/etc/racoon/psk.txt"), 0600, s, true};
}

QList<GeneratedFile> RacoonGenerator::files(const TunnelView& v) const
{
    const auto ike = [](AlgorithmKind k, const QString& id) { return algorithmName(k, Usage::Ike, id); };
    const auto esp = [](AlgorithmKind k, const QString& id) { return algorithmName(k, Usage::Esp, id); };

    QByteArray conf = Generate::header(v, QStringLiteral("racoon.conf"));
    conf += QStringLiteral(
                "\n"
                "path pre_shared_key \"/etc/racoon/psk.txt\";\n"
                "log notify;\n"
                "\n"
                "# Phase 1 (ISAKMP SA): IKEv1 main mode with the pre-shared key.\n"
                "remote %1 {\n"
                "\texchange_mode main;\n"
                "\tmy_identifier address %2;\n"
                "\tpeers_identifier address %3;\n"
                "\tverify_identifier on;\n"
                "\tpassive off;\n"
                "\tlifetime time %4 sec;\n"
                "\tproposal {\n"
                "\t\tencryption_algorithm %5;\n"
                "\t\thash_algorithm %6;\n"
                "\t\tauthentication_method pre_shared_key;\n"
                "\t\tdh_group %7;\n"
                "\t}\n"
                "}\n")
                .arg(v.remotePublic.toString(), v.localId, v.remoteId)
                .arg(v.ike.lifetime)
                .arg(ike(AlgorithmKind::Encryption, v.ike.encryption), ike(AlgorithmKind::Integrity, v.ike.integrity),
                     ike(AlgorithmKind::DhGroup, v.ike.dhGroup))
                .toUtf8();
    const QString pfs = v.esp.pfsGroup == QLatin1String("none")
                            ? QString()
                            : QStringLiteral("\tpfs_group %1;\n").arg(esp(AlgorithmKind::DhGroup, v.esp.pfsGroup));
    // One sainfo per direction; compression_algorithm is required by racoon's parser even
    // though the policy never asks for IPComp.
    for (const auto& [src, dst] : {std::pair{v.localNet, v.remoteNet}, std::pair{v.remoteNet, v.localNet}}) {
        conf += QStringLiteral(
                    "\n"
                    "# Phase 2 (IPsec SA) for %1 -> %2.\n"
                    "sainfo address %1 any address %2 any {\n"
                    "%3"
                    "\tlifetime time %4 sec;\n"
                    "\tencryption_algorithm %5;\n"
                    "\tauthentication_algorithm %6;\n"
                    "\tcompression_algorithm deflate;\n"
                    "}\n")
                    .arg(src.toString(), dst.toString(), pfs)
                    .arg(v.esp.lifetime)
                    .arg(esp(AlgorithmKind::Encryption, v.esp.encryption), esp(AlgorithmKind::Integrity, v.esp.integrity))
                    .toUtf8();
    }

    QByteArray spd = "#!/usr/sbin/setkey -f\n";
    spd += Generate::header(v, QStringLiteral("setkey policies"));
    spd += QStringLiteral(
               "#\n"
               "# The kernel asks racoon for SAs when traffic matches these policies. \"fwd\" is needed on Linux,\n"
               "# which checks forwarded packets against it; remove those lines on a BSD.\n"
               "\n"
               "flush;\n"
               "spdflush;\n"
               "\n"
               "spdadd %1 %2 any -P out ipsec\n"
               "\tesp/tunnel/%3-%4/require;\n"
               "\n"
               "spdadd %2 %1 any -P in ipsec\n"
               "\tesp/tunnel/%4-%3/require;\n"
               "\n"
               "spdadd %2 %1 any -P fwd ipsec\n"
               "\tesp/tunnel/%4-%3/require;\n")
               .arg(v.localNet.toString(), v.remoteNet.toString(), v.localPublic.toString(), v.remotePublic.toString())
               .toUtf8();

    return {GeneratedFile{QStringLiteral("/etc/racoon/racoon.conf"), 0644, conf, false},
            GeneratedFile{QStringLiteral("/etc/ipsec-tools.conf"), 0644, spd, false},
            pskFile(v)};
}

QStringList RacoonGenerator::reloadCommands(const TunnelView&) const
{
    return {QStringLiteral("setkey -f /etc/ipsec-tools.conf"), QStringLiteral("/etc/init.d/racoon reload")};
}

QStringList RacoonGenerator::checkCommands(const TunnelView&) const
{
    return {QStringLiteral("setkey -DP"), QStringLiteral("setkey -D")};
}

} // namespace ipsecwiz
