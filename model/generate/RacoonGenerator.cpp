#include "RacoonGenerator.h"

#include "MarkedBlock.h"

#include <QHostAddress>

namespace ipsecwiz {

namespace {

// racoon's identifier type for an identity string: an address, user@FQDN or an FQDN.
QString idType(const QString& id)
{
    if (!QHostAddress(id).isNull())
        return QStringLiteral("address");
    return id.contains(QLatin1Char('@')) ? QStringLiteral("user_fqdn") : QStringLiteral("fqdn");
}

} // namespace

QList<std::pair<QString, QString>> RacoonConnection::networkPairs() const
{
    QList<std::pair<QString, QString>> pairs;
    for (const QString& l : localNets)
        for (const QString& r : remoteNets)
            pairs.append({l, r});
    return pairs;
}

QString RacoonGenerator::algorithmName(AlgorithmKind kind, Usage usage, const QString& id)
{
    const Algorithm* a = Algorithms::find(kind, id);
    return a ? a->nameFor(Flavour::Racoon, usage) : QString();
}

QString RacoonGenerator::policyFile(const QString& name)
{
    return QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-") + name + QStringLiteral(".conf");
}

QString RacoonGenerator::unloadFile(const QString& name)
{
    return QStringLiteral("/etc/ipsec-wizard/") + name + QStringLiteral("/unload.setkey");
}

QString RacoonGenerator::includeDir()
{
    return QStringLiteral("/etc/racoon/ipsec-wizard.d");
}

RacoonConnection RacoonGenerator::connection(const TunnelView& v)
{
    RacoonConnection c;
    c.name = v.name;
    c.header = Generate::header(v, QStringLiteral("%1"));
    c.localAddress = v.localPublic.toString();
    c.remoteAddress = v.remotePublic.toString();
    c.localIdType = idType(v.localId);
    c.localId = v.localId;
    c.remoteIdType = idType(v.remoteId);
    c.remoteId = v.remoteId;
    c.localNets = {v.localNet.toString()};
    c.remoteNets = {v.remoteNet.toString()};
    c.ike = v.ike;
    c.esp = v.esp;
    c.psk = v.psk;
    return c;
}

GeneratedFile RacoonGenerator::pskFile(const RacoonConnection& c)
{
    // racoon looks a key up by the identity the peer sends (its address, when that is the identity).
    const QByteArray body = QString::fromUtf8(c.header).arg(QStringLiteral("racoon pre-shared key")).toUtf8()
                            + "# racoon refuses psk.txt unless only root can read it (mode 0600).\n" + c.remoteId.toUtf8() + '\t' + c.psk + '\n';
    GeneratedFile f{QStringLiteral("/etc/racoon/psk.txt"), 0600, MarkedBlock::wrap(c.name, body), true};
    f.block = c.name;
    return f;
}

QList<GeneratedFile> RacoonGenerator::files(const RacoonConnection& c)
{
    const auto ike = [](AlgorithmKind k, const QString& id) { return algorithmName(k, Usage::Ike, id); };
    const auto esp = [](AlgorithmKind k, const QString& id) { return algorithmName(k, Usage::Esp, id); };
    const auto header = [&](const QString& what) { return QString::fromUtf8(c.header).arg(what).toUtf8(); };
    QList<GeneratedFile> out;

    // racoon.conf stays the admin's: one block includes the folder of the program's tunnels. The
    // folder always holds 00-ipsec-wizard.conf, because racoon refuses an include that matches nothing.
    GeneratedFile include{QStringLiteral("/etc/racoon/racoon.conf"), 0644,
                          MarkedBlock::wrap(QStringLiteral("%include"),
                                            "# IPsec Wizard's tunnels, a file each; this block and that folder are all it writes here.\n"
                                            "include \"" + includeDir().toUtf8() + "/*.conf\";\n"),
                          false};
    include.block = QStringLiteral("%include");
    include.shared = true;
    out << include;
    GeneratedFile placeholder{includeDir() + QStringLiteral("/00-ipsec-wizard.conf"), 0644,
                              "# IPsec Wizard: one file per tunnel in this folder, included from racoon.conf.\n"
                              "# This one keeps the include from matching nothing (racoon refuses that) when no tunnel is left.\n",
                              false};
    placeholder.shared = true;
    out << placeholder;

    // A dynamic peer has no address to name: the anonymous remote takes it, in aggressive mode
    // (main mode must pick the key before it knows who asks, and can only go by address), and
    // generate_policy installs the policies for wherever it comes from.
    const bool dynamic = c.dynamicPeer();
    QByteArray conf = header(QStringLiteral("racoon connection"));
    conf += QStringLiteral(
                "\n"
                "# Phase 1 (ISAKMP SA): IKEv1 with the pre-shared key from psk.txt.\n"
                "remote %1 {\n"
                "\texchange_mode %2;\n"
                "\tmy_identifier %3 %4;\n"
                "\tpeers_identifier %5 %6;\n"
                "\tverify_identifier on;\n"
                "\tpassive %7;\n"
                "%8"
                "\tlifetime time %9 sec;\n")
                .arg(dynamic ? QStringLiteral("anonymous") : c.remoteAddress, dynamic ? QStringLiteral("aggressive") : QStringLiteral("main"),
                     c.localIdType, c.localId, c.remoteIdType, c.remoteId, dynamic ? QStringLiteral("on") : QStringLiteral("off"),
                     QString(c.natTraversal ? QStringLiteral("\tnat_traversal on;\n") : QString())
                         + (dynamic ? QStringLiteral("\tgenerate_policy on;\n") : QString()))
                .arg(c.ike.lifetime)
                .toUtf8();
    conf += QStringLiteral("\tproposal {\n"
                           "\t\tencryption_algorithm %1;\n"
                           "\t\thash_algorithm %2;\n"
                           "\t\tauthentication_method pre_shared_key;\n"
                           "\t\tdh_group %3;\n"
                           "\t}\n"
                           "}\n")
                .arg(ike(AlgorithmKind::Encryption, c.ike.encryption), ike(AlgorithmKind::Integrity, c.ike.integrity),
                     ike(AlgorithmKind::DhGroup, c.ike.dhGroup))
                .toUtf8();
    const QString pfs = c.esp.pfsGroup == QLatin1String("none")
                            ? QString()
                            : QStringLiteral("\tpfs_group %1;\n").arg(esp(AlgorithmKind::DhGroup, c.esp.pfsGroup));
    // One sainfo per network pair and direction; compression_algorithm is required by racoon's
    // parser even though the policy never asks for IPComp.
    for (const auto& [l, r] : c.networkPairs()) {
        for (const auto& [src, dst] : {std::pair{l, r}, std::pair{r, l}}) {
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
                        .arg(src, dst, pfs)
                        .arg(c.esp.lifetime)
                        .arg(esp(AlgorithmKind::Encryption, c.esp.encryption), esp(AlgorithmKind::Integrity, c.esp.integrity))
                        .toUtf8();
        }
    }
    out << GeneratedFile{includeDir() + QLatin1Char('/') + c.name + QStringLiteral(".conf"), 0644, conf, false};
    out << pskFile(c);

    if (!dynamic) {
        // Only this tunnel's policies: spdupdate adds or replaces each, and nothing else on the
        // gateway is flushed. "fwd" is needed on Linux, which checks forwarded packets against it.
        QByteArray spd = "#!/usr/sbin/setkey -f\n" + header(QStringLiteral("setkey policies"));
        spd += "#\n# The kernel asks racoon for SAs when traffic matches these. Only this tunnel's policies are added\n"
               "# or replaced (spdupdate); nothing else is flushed. " + unloadFile(c.name).toUtf8() + " deletes them.\n";
        QByteArray unload = "#!/usr/sbin/setkey -f\n" + header(QStringLiteral("setkey: delete the policies"));
        unload += "# Deletes exactly the policies of " + policyFile(c.name).toUtf8() + " (run before a change and on removal).\n";
        for (const auto& [l, r] : c.networkPairs()) {
            spd += QStringLiteral("\n"
                                  "spdupdate %1 %2 any -P out ipsec\n"
                                  "\tesp/tunnel/%3-%4/require;\n"
                                  "spdupdate %2 %1 any -P in ipsec\n"
                                  "\tesp/tunnel/%4-%3/require;\n"
                                  "spdupdate %2 %1 any -P fwd ipsec\n"
                                  "\tesp/tunnel/%4-%3/require;\n")
                       .arg(l, r, c.localAddress, c.remoteAddress)
                       .toUtf8();
            unload += QStringLiteral("spddelete %1 %2 any -P out;\n"
                                     "spddelete %2 %1 any -P in;\n"
                                     "spddelete %2 %1 any -P fwd;\n")
                          .arg(l, r)
                          .toUtf8();
        }
        out << GeneratedFile{policyFile(c.name), 0644, spd, false};
        out << GeneratedFile{unloadFile(c.name), 0644, unload, false};
    }
    return out;
}

QStringList RacoonGenerator::reloadCommands(const RacoonConnection& c)
{
    QStringList cmds;
    if (!c.dynamicPeer())
        cmds << QStringLiteral("setkey -f ") + policyFile(c.name);
    cmds << QStringLiteral("/etc/init.d/racoon reload");
    return cmds;
}

QStringList RacoonGenerator::unloadCommands(const RacoonConnection& c)
{
    if (c.dynamicPeer())
        return {};
    const QString f = unloadFile(c.name);
    return {QStringLiteral("[ ! -f %1 ] || setkey -f %1").arg(f)};
}

QList<GeneratedFile> RacoonGenerator::files(const TunnelView& v) const
{
    return files(connection(v));
}

QStringList RacoonGenerator::reloadCommands(const TunnelView& v) const
{
    return reloadCommands(connection(v));
}

QStringList RacoonGenerator::unloadCommands(const TunnelView& v) const
{
    return unloadCommands(connection(v));
}

QStringList RacoonGenerator::checkCommands(const TunnelView&) const
{
    return {QStringLiteral("setkey -DP"), QStringLiteral("setkey -D")};
}

} // namespace ipsecwiz
