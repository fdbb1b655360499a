// Format version 2: a managed site's gateway from all its tunnels (strongSwan, racoon, racoon-tool). Every tunnel of
// the example hub-and-spoke network and of a mesh of five sites is a mirror: one end's local
// traffic selectors, identity and addresses are the other end's remote ones, with the same key;
// NAT, a dynamic peer and two networks come out as strongSwan needs them. Golden files for the
// example; what this step cannot generate is refused with its field.

#include "NetworkGenerator.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

NetworkProfile mesh(int sites)
{
    NetworkProfile n;
    n.name = QStringLiteral("mesh");
    for (int i = 1; i <= sites; ++i) {
        Site s;
        s.name = QStringLiteral("s%1").arg(i);
        s.networks = {QStringLiteral("10.%1.0.0/24").arg(i)};
        s.gateway.localAddress = QStringLiteral("198.51.100.%1").arg(i);
        s.gateway.internalAddress = QStringLiteral("10.%1.0.1").arg(i);
        n.sites.append(s);
    }
    n.topology.kind = TopologyKind::Mesh;
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    return withKeys(n);
}

// The values of KEY ("local_ts", "id", …) in a swanctl file, in order.
QStringList values(const QByteArray& conf, const QString& key)
{
    QStringList out;
    const QRegularExpression line(QStringLiteral("^\\s*%1 = (.*)$").arg(QRegularExpression::escape(key)), QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(QString::fromUtf8(conf)); it.hasNext();)
        out << it.next().captured(1);
    return out;
}

QByteArray fileOf(const GatewayConfig& cfg, const QString& tunnel)
{
    const GeneratedFile* f = cfg.file(QStringLiteral("/etc/swanctl/conf.d/") + tunnel + QStringLiteral(".conf"));
    return f ? f->content : QByteArray();
}


// What one end's files say about a tunnel, whatever its flavour: the peer's address, both
// identities, the network pairs it protects (local>remote), the key, NAT traversal, mode.
struct TunnelFacts
{
    QString peer, localId, remoteId;
    QStringList pairs;
    QString key;
    bool natt = false;
    bool aggressive = false;
};

QString capture(const QByteArray& text, const QString& pattern)
{
    const auto m = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(QString::fromUtf8(text));
    return m.hasMatch() ? m.captured(1) : QString();
}

TunnelFacts factsOf(const GatewayConfig& cfg, const QString& tunnel)
{
    TunnelFacts f;
    if (cfg.flavour == Flavour::StrongSwan) {
        const QByteArray c = fileOf(cfg, tunnel);
        f.peer = values(c, QStringLiteral("remote_addrs")).value(0);
        // swanctl writes an FQDN as @fqdn (so it is not resolved); racoon names its kind instead.
        const auto bare = [](QString id) { return id.startsWith(QLatin1Char('@')) ? id.mid(1) : id; };
        f.localId = bare(values(c, QStringLiteral("id")).value(0));
        f.remoteId = bare(values(c, QStringLiteral("id")).value(1));
        for (const QString& l : values(c, QStringLiteral("local_ts")).value(0).split(QStringLiteral(", ")))
            for (const QString& r : values(c, QStringLiteral("remote_ts")).value(0).split(QStringLiteral(", ")))
                f.pairs << l + QLatin1Char('>') + r;
        f.key = values(c, QStringLiteral("secret")).value(0);
        f.natt = true; // strongSwan detects NAT by itself
        f.aggressive = c.contains("aggressive = yes");
        return f;
    }
    const QByteArray c = cfg.file(QStringLiteral("/etc/racoon/ipsec-wizard.d/") + tunnel + QStringLiteral(".conf"))->content;
    f.peer = capture(c, QStringLiteral("^remote (\\S+) \\{$"));
    if (f.peer == QLatin1String("anonymous"))
        f.peer = QStringLiteral("%any");
    f.localId = capture(c, QStringLiteral("^\\tmy_identifier \\S+ (\\S+);$"));
    f.remoteId = capture(c, QStringLiteral("^\\tpeers_identifier \\S+ (\\S+);$"));
    static const QRegularExpression sainfo(QStringLiteral("^sainfo address (\\S+) any address (\\S+) any \\{$"), QRegularExpression::MultilineOption);
    // A sainfo per direction: keep those whose source is one of ours (the first of each pair).
    QStringList all;
    for (auto it = sainfo.globalMatch(QString::fromUtf8(c)); it.hasNext();) {
        const auto m = it.next();
        all << m.captured(1) + QLatin1Char('>') + m.captured(2);
    }
    for (qsizetype i = 0; i + 1 < all.size(); i += 2)
        f.pairs << all.at(i);
    const QByteArray psk = cfg.file(QStringLiteral("/etc/racoon/psk.txt"))->content;
    for (const QByteArray& line : psk.split('\n'))
        if (line.startsWith(f.remoteId.toUtf8() + '\t'))
            f.key = QString::fromUtf8(line.mid(f.remoteId.size() + 1));
    f.natt = c.contains("\tnat_traversal on;\n");
    f.aggressive = c.contains("\texchange_mode aggressive;\n");
    return f;
}

} // namespace

class TestNetworkGenerator : public QObject
{
    Q_OBJECT

private slots:
    void everyTunnelIsAMirror_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("hub-and-spoke example") << QStringLiteral("hub");
        QTest::newRow("mesh of 5 sites") << QStringLiteral("mesh");
    }

    void everyTunnelIsAMirror()
    {
        QFETCH(QString, which);
        const NetworkProfile n = which == QLatin1String("hub") ? hubAndSpoke() : mesh(5);
        QHash<QString, GatewayConfig> gateways;
        for (const QString& site : Generate::managedSites(n)) {
            auto cfg = Generate::gateway(n, site);
            QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
            gateways.insert(site, cfg.value());
        }
        QCOMPARE(gateways.size(), n.sites.size());
        int checked = 0;
        for (const Tunnel& t : n.tunnels) {
            const QByteArray a = fileOf(gateways.value(t.siteA), t.name);
            const QByteArray b = fileOf(gateways.value(t.siteB), t.name);
            QVERIFY2(!a.isEmpty() && !b.isEmpty(), qPrintable(t.name));
            QCOMPARE(values(a, QStringLiteral("local_ts")), values(b, QStringLiteral("remote_ts")));
            QCOMPARE(values(a, QStringLiteral("remote_ts")), values(b, QStringLiteral("local_ts")));
            const QStringList idsA = values(a, QStringLiteral("id"));
            const QStringList idsB = values(b, QStringLiteral("id"));
            QCOMPARE(idsA.size(), 2);
            QCOMPARE(idsA.at(0), idsB.at(1));
            QCOMPARE(idsA.at(1), idsB.at(0));
            QCOMPARE(values(a, QStringLiteral("id-local")), values(b, QStringLiteral("id-remote")));
            QCOMPARE(values(a, QStringLiteral("secret")), QStringList{QString::fromLatin1(*t.psk)});
            QCOMPARE(values(a, QStringLiteral("secret")), values(b, QStringLiteral("secret")));
            QCOMPARE(values(a, QStringLiteral("proposals")), values(b, QStringLiteral("proposals")));
            QCOMPARE(values(a, QStringLiteral("esp_proposals")), values(b, QStringLiteral("esp_proposals")));
            // Exactly one end starts the tunnel at once.
            QCOMPARE(values(a, QStringLiteral("start_action")).value(0).contains(QStringLiteral("start"))
                         + values(b, QStringLiteral("start_action")).value(0).contains(QStringLiteral("start")),
                     1);
            ++checked;
        }
        QCOMPARE(checked, n.tunnels.size());
    }

    void natDynamicAndTwoNetworks()
    {
        const NetworkProfile n = hubAndSpoke();
        const GatewayConfig hq = Generate::gateway(n, QStringLiteral("hq")).value();
        const GatewayConfig branch1 = Generate::gateway(n, QStringLiteral("branch1")).value();
        const GatewayConfig branch2 = Generate::gateway(n, QStringLiteral("branch2")).value();
        // Behind NAT: the branch binds its interface address; the hub sends to its public one.
        QCOMPARE(values(fileOf(branch1, QStringLiteral("hq-branch1")), QStringLiteral("local_addrs")), QStringList{QStringLiteral("172.16.1.2")});
        QCOMPARE(values(fileOf(hq, QStringLiteral("hq-branch1")), QStringLiteral("remote_addrs")), QStringList{QStringLiteral("198.51.100.10")});
        // Dynamic: the hub accepts it from anywhere and waits; the branch starts it.
        QCOMPARE(values(fileOf(hq, QStringLiteral("hq-branch2")), QStringLiteral("remote_addrs")), QStringList{QStringLiteral("%any")});
        QCOMPARE(values(fileOf(hq, QStringLiteral("hq-branch2")), QStringLiteral("start_action")), QStringList{QStringLiteral("none")});
        QCOMPARE(values(fileOf(branch2, QStringLiteral("hq-branch2")), QStringLiteral("local_addrs")), QStringList{QStringLiteral("%any")});
        QCOMPARE(values(fileOf(branch2, QStringLiteral("hq-branch2")), QStringLiteral("start_action")), QStringList{QStringLiteral("trap|start")});
        QCOMPARE(values(fileOf(branch2, QStringLiteral("hq-branch2")), QStringLiteral("id")).value(0), QStringLiteral("gw@branch2.example.net"));
        // Two networks: one selector list.
        QCOMPARE(values(fileOf(hq, QStringLiteral("hq-branch3")), QStringLiteral("remote_ts")), QStringList{QStringLiteral("10.3.0.0/24, 10.30.0.0/24")});
        // Each swanctl file holds the key: 0600, and only its own tunnel's; each tunnel has its
        // firewall rules, with no key.
        QCOMPARE(hq.files.size(), 6);
        for (const GeneratedFile& f : hq.files) {
            const bool rules = f.path.endsWith(QLatin1String("/firewall.nft"));
            QCOMPARE(f.mode, rules ? 0644 : 0600);
            QCOMPARE(f.secret, !rules);
        }
        // The hub's rules: the NATed branch's public address is its peer, the dynamic branch is
        // admitted from anywhere, and the two networks of branch3 are one set.
        const auto rules = [&](const GatewayConfig& cfg, const QString& tunnel) {
            const GeneratedFile* f = cfg.file(QStringLiteral("/etc/ipsec-wizard/%1/firewall.nft").arg(tunnel));
            return f ? QString::fromUtf8(f->content) : QString();
        };
        QVERIFY(rules(hq, QStringLiteral("hq-branch1")).contains(QStringLiteral("add element inet ipsec_wizard ike_peers4 { 198.51.100.10 }\n")));
        QVERIFY(rules(hq, QStringLiteral("hq-branch2")).contains(QStringLiteral("add element inet ipsec_wizard ike_open4 { 0.0.0.0/0 }\n")));
        QVERIFY(rules(branch2, QStringLiteral("hq-branch2")).contains(QStringLiteral("add element inet ipsec_wizard ike_peers4 { 203.0.113.1 }\n")));
        QVERIFY2(rules(hq, QStringLiteral("hq-branch3")).contains(QStringLiteral("ip saddr { 10.3.0.0/24, 10.30.0.0/24 } ip daddr 10.0.0.0/16 meta ipsec exists accept")),
                 qPrintable(rules(hq, QStringLiteral("hq-branch3"))));
        for (const GeneratedFile& f : hq.files)
            QVERIFY(!f.path.endsWith(QLatin1String("/firewall.nft")) || !f.content.contains(*n.tunnels.at(0).psk));
    }

    // A peer someone else runs: our side is generated, and its admin's settings sheet holds
    // everything to match it. Shown by building the peer's side from the sheet's values alone and
    // checking that it mirrors ours.
    void settingsSheetMatchesOurSide()
    {
        NetworkProfile n = hubAndSpoke();
        n.sites[3].gateway.managed = false; // branch3: a partner's appliance
        const Tunnel& t = n.tunnels.at(2);
        QCOMPARE(t.name, QStringLiteral("hq-branch3"));
        const QByteArray ours = fileOf(Generate::gateway(n, QStringLiteral("hq")).value(), t.name);
        QVERIFY(!Generate::gateway(n, QStringLiteral("branch3")).ok());
        const QByteArray sheet = Generate::settingsSheet(n, t);
        QVERIFY(!sheet.contains(*t.psk));
        QVERIFY(sheet.contains("exchanged separately"));
        QVERIFY(Generate::settingsSheet(n, t, true).contains(*t.psk));

        // What the sheet says, section by section ("Label: value", ids in brackets).
        QHash<QString, QString> v;
        QString section;
        for (const QByteArray& raw : sheet.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (!line.startsWith(QLatin1Char(' ')) && !line.isEmpty()) {
                section = line.section(QLatin1Char(' '), 0, 0);
                continue;
            }
            const QString label = line.section(QLatin1Char(':'), 0, 0).trimmed();
            QString value = line.section(QLatin1Char(':'), 1).trimmed();
            static const QRegularExpression id(QStringLiteral("\\[([^\\]]+)\\]$"));
            if (const auto m = id.match(value); m.hasMatch())
                value = m.captured(1);
            v.insert(section + QLatin1Char('/') + label, value);
        }
        // The peer's admin configures branch3 from the sheet alone.
        NetworkProfile peer = n;
        Site& b3 = peer.sites[3];
        b3.gateway = SiteGateway{};
        b3.gateway.localAddress = v.value(QStringLiteral("Your/Address"));
        b3.gateway.internalAddress = QStringLiteral("10.3.0.1");
        const QString idKind = v.value(QStringLiteral("Your/IKE identity")).section(QLatin1Char(' '), 0, 0);
        for (IdentityKind k : {IdentityKind::Address, IdentityKind::Fqdn, IdentityKind::UserFqdn, IdentityKind::KeyId})
            if (identityKindId(k) == idKind)
                b3.gateway.identity = Identity{k, v.value(QStringLiteral("Your/IKE identity")).section(QLatin1Char(' '), 1)};
        b3.networks = v.value(QStringLiteral("Your/Networks")).split(QStringLiteral(", "));
        Tunnel& pt = peer.tunnels[2];
        pt.networksB = b3.networks;
        pt.ike.version = v.value(QStringLiteral("IKE/Version")).mid(4).toInt();
        pt.ike.encryption = v.value(QStringLiteral("IKE/Encryption"));
        pt.ike.integrity = v.value(QStringLiteral("IKE/Integrity"));
        pt.ike.prf = v.value(QStringLiteral("IKE/PRF"));
        pt.ike.dhGroup = v.value(QStringLiteral("IKE/DH group"));
        pt.ike.lifetime = v.value(QStringLiteral("IKE/Lifetime")).section(QLatin1Char(' '), 0, 0).toInt();
        pt.esp.encryption = v.value(QStringLiteral("ESP/Encryption"));
        pt.esp.integrity = v.value(QStringLiteral("ESP/Integrity"));
        pt.esp.pfsGroup = v.value(QStringLiteral("ESP/PFS group"));
        pt.esp.lifetime = v.value(QStringLiteral("ESP/Lifetime")).section(QLatin1Char(' '), 0, 0).toInt();
        QCOMPARE(v.value(QStringLiteral("Our/Address")), QStringLiteral("203.0.113.1"));
        QCOMPARE(v.value(QStringLiteral("Our/Networks")), QStringLiteral("10.0.0.0/16"));
        auto theirs = Generate::gateway(peer, QStringLiteral("branch3"));
        QVERIFY2(theirs.ok(), qPrintable(theirs.ok() ? QString() : theirs.error().toString()));
        const QByteArray built = fileOf(theirs.value(), t.name);
        QCOMPARE(values(built, QStringLiteral("local_ts")), values(ours, QStringLiteral("remote_ts")));
        QCOMPARE(values(built, QStringLiteral("remote_ts")), values(ours, QStringLiteral("local_ts")));
        QCOMPARE(values(built, QStringLiteral("id")).value(0), values(ours, QStringLiteral("id")).value(1));
        QCOMPARE(values(built, QStringLiteral("id")).value(1), values(ours, QStringLiteral("id")).value(0));
        QCOMPARE(values(built, QStringLiteral("remote_addrs")), values(ours, QStringLiteral("local_addrs")));
        QCOMPARE(values(built, QStringLiteral("local_addrs")), values(ours, QStringLiteral("remote_addrs")));
        QCOMPARE(values(built, QStringLiteral("proposals")), values(ours, QStringLiteral("proposals")));
        QCOMPARE(values(built, QStringLiteral("esp_proposals")), values(ours, QStringLiteral("esp_proposals")));
        QCOMPARE(values(built, QStringLiteral("rekey_time")), values(ours, QStringLiteral("rekey_time")));
    }

    void golden_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("strongswan") << QString();
        QTest::newRow("racoon") << QStringLiteral("-racoon");
    }

    // Every flavour that can express the example: strongSwan everywhere, and racoon on every site
    // but the dynamic one (racoon-tool cannot wait for a dynamic peer: refused below).
    void golden()
    {
        QFETCH(QString, variant);
        const NetworkProfile n = variant.isEmpty() ? hubAndSpoke() : hubAndSpokeRacoon();
        const QString dir = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/golden/hub-and-spoke%1/").arg(variant);
        for (const QString& site : Generate::managedSites(n)) {
            const auto built = Generate::gateway(n, site);
            QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
            const GatewayConfig& cfg = built.value();
            for (const GeneratedFile& f : cfg.files) {
                const QString path = dir + site + f.path;
                if (qEnvironmentVariableIsSet("UPDATE_GOLDEN")) {
                    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
                    QFile out(path);
                    QVERIFY(out.open(QIODevice::WriteOnly));
                    out.write(f.content);
                    continue;
                }
                QFile in(path);
                QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(" is missing; UPDATE_GOLDEN=1 writes it")));
                QCOMPARE(f.content, in.readAll());
            }
        }
    }

    // With racoon on the hub and two branches, strongSwan on the dynamic one: each tunnel's two
    // ends mirror each other whatever their flavours, and say what NAT and a dynamic peer need.
    void racoonTunnelsAreMirrors()
    {
        const NetworkProfile n = hubAndSpokeRacoon();
        QHash<QString, GatewayConfig> cfg;
        for (const QString& site : Generate::managedSites(n)) {
            const auto built = Generate::gateway(n, site);
            QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
            cfg.insert(site, built.value());
        }
        for (const Tunnel& t : n.tunnels) {
            const TunnelFacts a = factsOf(cfg.value(t.siteA), t.name);
            const TunnelFacts b = factsOf(cfg.value(t.siteB), t.name);
            QCOMPARE(a.localId, b.remoteId);
            QCOMPARE(a.remoteId, b.localId);
            QCOMPARE(a.key, QString::fromLatin1(*t.psk));
            QCOMPARE(b.key, a.key);
            QStringList mirrored;
            for (const QString& p : b.pairs)
                mirrored << p.section(QLatin1Char('>'), 1) + QLatin1Char('>') + p.section(QLatin1Char('>'), 0, 0);
            QCOMPARE(a.pairs, mirrored);
            QVERIFY2(!a.pairs.isEmpty(), qPrintable(t.name));
        }
        // branch3's two networks: two network pairs, a sainfo pair and a policy triple each.
        const TunnelFacts hq3 = factsOf(cfg.value(QStringLiteral("hq")), QStringLiteral("hq-branch3"));
        QCOMPARE(hq3.pairs, (QStringList{QStringLiteral("10.0.0.0/16>10.3.0.0/24"), QStringLiteral("10.0.0.0/16>10.30.0.0/24")}));
        QCOMPARE(cfg.value(QStringLiteral("hq")).file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-hq-branch3.conf"))->content.count("\nspdupdate "), 6);
        // branch1 is behind NAT: NAT traversal on both ends; its policies use its interface address.
        QVERIFY(factsOf(cfg.value(QStringLiteral("hq")), QStringLiteral("hq-branch1")).natt);
        QVERIFY(factsOf(cfg.value(QStringLiteral("branch1")), QStringLiteral("hq-branch1")).natt);
        QVERIFY(cfg.value(QStringLiteral("branch1")).file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-hq-branch1.conf"))
                    ->content.contains("esp/tunnel/172.16.1.2-203.0.113.1/require;"));
        QVERIFY(cfg.value(QStringLiteral("hq")).file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-hq-branch1.conf"))
                    ->content.contains("esp/tunnel/203.0.113.1-198.51.100.10/require;"));
        // branch2 is dynamic: the hub's anonymous remote with generate_policy, aggressive mode on both ends.
        const TunnelFacts hq2 = factsOf(cfg.value(QStringLiteral("hq")), QStringLiteral("hq-branch2"));
        QCOMPARE(hq2.peer, QStringLiteral("%any"));
        QVERIFY(hq2.aggressive && factsOf(cfg.value(QStringLiteral("branch2")), QStringLiteral("hq-branch2")).aggressive);
        QVERIFY(cfg.value(QStringLiteral("hq")).file(QStringLiteral("/etc/racoon/ipsec-wizard.d/hq-branch2.conf"))->content.contains("\tgenerate_policy on;\n"));
        QVERIFY(!cfg.value(QStringLiteral("hq")).file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-hq-branch2.conf")));
        // The hub's racoon.conf include and its placeholder come once, its key file has a block per tunnel.
        const GatewayConfig& hq = cfg.value(QStringLiteral("hq"));
        QCOMPARE(std::count_if(hq.files.cbegin(), hq.files.cend(), [](const GeneratedFile& f) { return f.block == QLatin1String("%include"); }), 1);
        const GeneratedFile* keys = hq.file(QStringLiteral("/etc/racoon/psk.txt"));
        QCOMPARE(std::count_if(hq.files.cbegin(), hq.files.cend(), [](const GeneratedFile& f) { return f.path == QLatin1String("/etc/racoon/psk.txt"); }), 1);
        QCOMPARE(keys->block, QStringLiteral("hq-branch1 hq-branch2 hq-branch3"));
        QCOMPARE(keys->content.count("# BEGIN ipsec-wizard "), 3);
        QCOMPARE(hq.reloadCommands.count(QStringLiteral("/etc/init.d/racoon reload")), 1);
        QVERIFY(hq.reloadCommands.indexOf(QStringLiteral("/etc/init.d/racoon reload")) > hq.reloadCommands.indexOf(QStringLiteral("setkey -f /etc/ipsec-tools.d/ipsec-wizard-hq-branch3.conf")));
    }

    void refused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("field");
        QTest::newRow("no key") << QStringLiteral("nokey") << QStringLiteral("hq") << QStringLiteral("tunnels[\"hq-branch1\"].psk");
        QTest::newRow("racoon-tool facing a dynamic peer") << QStringLiteral("racoon-tool-hub") << QStringLiteral("hq")
                                                           << QStringLiteral("tunnels[\"hq-branch2\"].sites");
        QTest::newRow("racoon on a dynamic site") << QStringLiteral("racoon-dynamic") << QStringLiteral("branch2")
                                                  << QStringLiteral("sites[2].gateway.flavour");
        QTest::newRow("not managed") << QStringLiteral("unmanaged") << QStringLiteral("branch3") << QStringLiteral("sites[3].gateway.managed");
        QTest::newRow("no such site") << QString() << QStringLiteral("nowhere") << QStringLiteral("--gateway");
        QTest::newRow("invalid network") << QStringLiteral("overlap") << QStringLiteral("hq") << QStringLiteral("sites[1].networks[0]");
    }

    void refused()
    {
        QFETCH(QString, change);
        QFETCH(QString, site);
        QFETCH(QString, field);
        NetworkProfile n = hubAndSpoke();
        if (change == QLatin1String("nokey"))
            n.tunnels[0].psk.reset();
        else if (change == QLatin1String("racoon-tool-hub")) {
            n = hubAndSpokeRacoon();
            n.sites[0].gateway.flavour = Flavour::RacoonTool;
            for (Tunnel& t : n.tunnels)
                t.ike.encryption = t.esp.encryption = QStringLiteral("aes128");
        } else if (change == QLatin1String("racoon-dynamic")) {
            n = hubAndSpokeRacoon();
            n.sites[2].gateway.flavour = Flavour::Racoon;
        } else if (change == QLatin1String("unmanaged"))
            n.sites[3].gateway.managed = false;
        else if (change == QLatin1String("overlap")) {
            n.sites[1].networks = {QStringLiteral("10.0.1.0/24")};
            n.sites[1].gateway.internalAddress = QStringLiteral("10.0.1.1");
        }
        const auto cfg = Generate::gateway(n, site);
        QVERIFY(!cfg.ok());
        QCOMPARE(cfg.error().field, field);
        // The CLI and the GUI refuse it through validation, with the same field.
        const QList<Finding> findings = Network::validate(n);
        if (!change.isEmpty() && change != QLatin1String("nokey") && change != QLatin1String("unmanaged"))
            QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [&](const Finding& f) { return f.field == field && f.severity == Severity::Error; }));
    }
};

QTEST_GUILESS_MAIN(TestNetworkGenerator)
#include "TestNetworkGenerator.moc"
