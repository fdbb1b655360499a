// Golden files for every flavour and side of the seed's topology, determinism, and the
// mirror: whatever the pair of flavours, A's outbound policy is B's inbound one, with the same
// key and the same proposals.

#include "Algorithms.h"
#include "Generator.h"
#include "TestSupport.h"

#include <QDir>
#include <QHash>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

TunnelProfile seedWith(Flavour a, Flavour b)
{
    TunnelProfile p = seedProfile();
    p.gatewayA.flavour = a;
    p.gatewayB.flavour = b;
    // strongSwan on both ends speaks IKEv2; racoon on either end forces IKEv1 main mode.
    p.ike.version = (isRacoon(a) || isRacoon(b)) ? 1 : 2;
    return p;
}

QString manifest(const GatewayConfig& cfg)
{
    QString s;
    for (const GeneratedFile& f : cfg.files)
        s += QString::number(f.mode, 8).rightJustified(4, QLatin1Char('0')) + QLatin1Char(' ') + f.path + QLatin1Char('\n');
    return s;
}

// Prints a unified diff so a failing golden comparison shows what changed.
QString diff(const QByteArray& expected, const QByteArray& actual)
{
    QTemporaryDir dir;
    QFile e(dir.filePath(QStringLiteral("expected"))), a(dir.filePath(QStringLiteral("actual")));
    if (!e.open(QIODevice::WriteOnly) || !a.open(QIODevice::WriteOnly))
        return {};
    e.write(expected);
    a.write(actual);
    e.close();
    a.close();
    QProcess p;
    p.start(QStringLiteral("diff"), {QStringLiteral("-u"), e.fileName(), a.fileName()});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool compareOrUpdate(const QString& goldenPath, const QByteArray& actual)
{
    if (qEnvironmentVariableIsSet("UPDATE_GOLDEN")) {
        QDir().mkpath(QFileInfo(goldenPath).absolutePath());
        QFile f(goldenPath);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(actual);
        return true;
    }
    const QByteArray expected = readFile(goldenPath);
    if (expected == actual)
        return true;
    qWarning().noquote() << "golden mismatch:" << goldenPath << "(UPDATE_GOLDEN=1 rewrites it; review the diff)\n"
                         << diff(expected, actual);
    return false;
}

// What a side's files say about its policy, whatever the flavour.
struct Policy
{
    QString outSrc, outDst;             // traffic selectors of the outbound policy
    QString tunnelLocal, tunnelRemote;  // outer addresses
    QString inSrc, inDst;               // inbound policy
    QString key;
};

QString capture(const QByteArray& text, const QString& pattern)
{
    const auto m = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(QString::fromUtf8(text));
    return m.hasMatch() ? m.captured(1) : QString();
}

Policy policyOf(const GatewayConfig& cfg, const QString& name)
{
    Policy p;
    switch (cfg.flavour) {
    case Flavour::StrongSwan: {
        const QByteArray c = cfg.file(QStringLiteral("/etc/swanctl/conf.d/") + name + QStringLiteral(".conf"))->content;
        p.outSrc = capture(c, QStringLiteral("^\\s*local_ts = (\\S+)$"));
        p.outDst = capture(c, QStringLiteral("^\\s*remote_ts = (\\S+)$"));
        p.inSrc = p.outDst; // swanctl installs the inbound policy as the mirror of the outbound one
        p.inDst = p.outSrc;
        p.tunnelLocal = capture(c, QStringLiteral("^\\s*local_addrs = (\\S+)$"));
        p.tunnelRemote = capture(c, QStringLiteral("^\\s*remote_addrs = (\\S+)$"));
        p.key = capture(c, QStringLiteral("^\\s*secret = (\\S+)$"));
        break;
    }
    case Flavour::Racoon: {
        const QByteArray spd = cfg.file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-") + name + QStringLiteral(".conf"))->content;
        const QString out = QStringLiteral("^spdupdate (\\S+) (\\S+) any -P out ipsec\\n\\tesp/tunnel/(\\S+)-(\\S+)/require;$");
        const auto m = QRegularExpression(out, QRegularExpression::MultilineOption).match(QString::fromUtf8(spd));
        p.outSrc = m.captured(1);
        p.outDst = m.captured(2);
        p.tunnelLocal = m.captured(3);
        p.tunnelRemote = m.captured(4);
        p.inSrc = capture(spd, QStringLiteral("^spdupdate (\\S+) \\S+ any -P in ipsec$"));
        p.inDst = capture(spd, QStringLiteral("^spdupdate \\S+ (\\S+) any -P in ipsec$"));
        p.key = capture(cfg.file(QStringLiteral("/etc/racoon/psk.txt"))->content, QStringLiteral("^[^#\\s]\\S*\\t(\\S+)$"));
        break;
    }
    case Flavour::RacoonTool: {
        const QByteArray c = cfg.file(QStringLiteral("/etc/racoon/racoon-tool.conf"))->content;
        p.outSrc = capture(c, QStringLiteral("^\\tsrc_range: (\\S+)$"));
        p.outDst = capture(c, QStringLiteral("^\\tdst_range: (\\S+)$"));
        p.inSrc = p.outDst; // racoon-tool writes the in policy as the reverse of the connection
        p.inDst = p.outSrc;
        p.tunnelLocal = capture(c, QStringLiteral("^\\tsrc_ip: (\\S+)$"));
        p.tunnelRemote = capture(c, QStringLiteral("^\\tdst_ip: (\\S+)$"));
        p.key = capture(cfg.file(QStringLiteral("/etc/racoon/psk.txt"))->content, QStringLiteral("^[^#\\s]\\S*\\t(\\S+)$"));
        break;
    }
    }
    return p;
}

// The proposal as the flavour's own files spell it, mapped back to the catalogue ids.
QStringList proposalsOf(const GatewayConfig& cfg, const TunnelProfile& profile)
{
    const auto name = [&](AlgorithmKind k, Usage u, const QString& id) { return Algorithms::find(k, id)->nameFor(cfg.flavour, u); };
    QStringList expected;
    const QByteArray all = [&] {
        QByteArray b;
        for (const GeneratedFile& f : cfg.files)
            b += f.content;
        return b;
    }();
    if (cfg.flavour == Flavour::StrongSwan) {
        QStringList ike{name(AlgorithmKind::Encryption, Usage::Ike, profile.ike.encryption)};
        if (profile.ike.integrity != QLatin1String("none"))
            ike << name(AlgorithmKind::Integrity, Usage::Ike, profile.ike.integrity);
        ike << name(AlgorithmKind::Prf, Usage::Ike, profile.ike.prf) << name(AlgorithmKind::DhGroup, Usage::Ike, profile.ike.dhGroup);
        expected << QStringLiteral("proposals = ") + ike.join(QLatin1Char('-'));
        QStringList esp{name(AlgorithmKind::Encryption, Usage::Esp, profile.esp.encryption)};
        if (profile.esp.integrity != QLatin1String("none"))
            esp << name(AlgorithmKind::Integrity, Usage::Esp, profile.esp.integrity);
        if (profile.esp.pfsGroup != QLatin1String("none"))
            esp << name(AlgorithmKind::DhGroup, Usage::Esp, profile.esp.pfsGroup);
        expected << QStringLiteral("esp_proposals = ") + esp.join(QLatin1Char('-'));
    } else {
        const bool tool = cfg.flavour == Flavour::RacoonTool;
        const QString sep = tool ? QStringLiteral(": ") : QStringLiteral(" ");
        const QString idx = tool ? QStringLiteral("[0]") : QString();
        expected << QStringLiteral("encryption_algorithm") + idx + sep + name(AlgorithmKind::Encryption, Usage::Ike, profile.ike.encryption)
                 << QStringLiteral("hash_algorithm") + idx + sep + name(AlgorithmKind::Integrity, Usage::Ike, profile.ike.integrity)
                 << QStringLiteral("dh_group") + idx + sep + name(AlgorithmKind::DhGroup, Usage::Ike, profile.ike.dhGroup)
                 << QStringLiteral("encryption_algorithm") + sep + name(AlgorithmKind::Encryption, Usage::Esp, profile.esp.encryption)
                 << QStringLiteral("authentication_algorithm") + sep + name(AlgorithmKind::Integrity, Usage::Esp, profile.esp.integrity)
                 << QStringLiteral("pfs_group") + sep + name(AlgorithmKind::DhGroup, Usage::Esp, profile.esp.pfsGroup);
    }
    QStringList missing;
    for (const QString& line : expected)
        if (!all.contains(line.toUtf8()))
            missing << line;
    return missing;
}

} // namespace

class TestGenerators : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<Flavour>("flavour");
        QTest::addColumn<Side>("side");
        for (Flavour f : allFlavours())
            for (Side s : {Side::A, Side::B})
                QTest::newRow(qPrintable(QStringLiteral("seed-%1-gateway-%2").arg(flavourId(f), sideId(s)))) << f << s;
    }

    void golden()
    {
        QFETCH(Flavour, flavour);
        QFETCH(Side, side);
        const auto cfg = Generate::side(seedWith(flavour, flavour), side, fixedPsk());
        QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
        const QString dir = QStringLiteral(IPSECWIZ_GOLDEN_DIR "/seed-%1/gateway-%2").arg(flavourId(flavour), sideId(side));
        QVERIFY(compareOrUpdate(dir + QStringLiteral(".manifest"), manifest(cfg.value()).toUtf8()));
        for (const GeneratedFile& f : cfg.value().files)
            QVERIFY2(compareOrUpdate(dir + f.path, f.content), qPrintable(f.path));
    }

    void secretsAreOwnerOnly()
    {
        for (Flavour f : allFlavours()) {
            const auto cfg = Generate::side(seedWith(f, f), Side::A, fixedPsk());
            QVERIFY(cfg.ok());
            int secrets = 0;
            for (const GeneratedFile& file : cfg.value().files) {
                const bool holdsKey = file.content.contains(fixedPsk());
                QCOMPARE(file.secret, holdsKey);
                if (holdsKey) {
                    QCOMPARE(file.mode, 0600);
                    ++secrets;
                }
            }
            QVERIFY2(secrets >= 1, qPrintable(flavourId(f)));
        }
    }

    void deterministic()
    {
        for (Flavour f : allFlavours()) {
            const auto one = Generate::side(seedWith(f, f), Side::B, fixedPsk());
            const auto two = Generate::side(seedWith(f, f), Side::B, fixedPsk());
            QVERIFY(one.ok() && two.ok());
            QCOMPARE(one.value().files, two.value().files);
        }
    }

    void headerSaysWhatAndWhichProfile()
    {
        for (Flavour f : allFlavours()) {
            const auto cfg = Generate::side(seedWith(f, f), Side::A, fixedPsk());
            QVERIFY(cfg.ok());
            for (const GeneratedFile& file : cfg.value().files) {
                // What every tunnel of a racoon gateway shares names no profile.
                if (file.shared)
                    continue;
                const QByteArray head = file.content.left(400);
                QVERIFY2(head.contains("gateway A (203.0.113.1)"), qPrintable(file.path));
                QVERIFY2(head.contains("Generated by IPsec Wizard from profile \"seed\""), qPrintable(file.path));
            }
        }
    }

    void mirror_data()
    {
        QTest::addColumn<Flavour>("a");
        QTest::addColumn<Flavour>("b");
        for (Flavour a : allFlavours())
            for (Flavour b : allFlavours())
                QTest::newRow(qPrintable(flavourId(a) + QStringLiteral("-with-") + flavourId(b))) << a << b;
    }

    void mirror()
    {
        QFETCH(Flavour, a);
        QFETCH(Flavour, b);
        const TunnelProfile profile = seedWith(a, b);
        const auto ca = Generate::side(profile, Side::A, fixedPsk());
        const auto cb = Generate::side(profile, Side::B, fixedPsk());
        QVERIFY2(ca.ok(), qPrintable(ca.ok() ? QString() : ca.error().toString()));
        QVERIFY2(cb.ok(), qPrintable(cb.ok() ? QString() : cb.error().toString()));
        const Policy pa = policyOf(ca.value(), profile.name);
        const Policy pb = policyOf(cb.value(), profile.name);

        QCOMPARE(pa.outSrc, QStringLiteral("192.168.1.0/24"));
        QCOMPARE(pa.outDst, QStringLiteral("192.168.2.0/24"));
        // A's outbound policy is B's inbound policy, and the other way round.
        QCOMPARE(pb.inSrc, pa.outSrc);
        QCOMPARE(pb.inDst, pa.outDst);
        QCOMPARE(pa.inSrc, pb.outSrc);
        QCOMPARE(pa.inDst, pb.outDst);
        QCOMPARE(pa.tunnelLocal, pb.tunnelRemote);
        QCOMPARE(pa.tunnelRemote, pb.tunnelLocal);
        QCOMPARE(pa.tunnelLocal, QStringLiteral("203.0.113.1"));
        // Same key on both sides.
        QCOMPARE(pa.key, QString::fromLatin1(fixedPsk()));
        QCOMPARE(pb.key, pa.key);
        // Same proposals, each in its own flavour's words.
        QCOMPARE(proposalsOf(ca.value(), profile), QStringList());
        QCOMPARE(proposalsOf(cb.value(), profile), QStringList());
        // racoon on either end: strongSwan must speak IKEv1 main mode.
        for (const GatewayConfig* cfg : {&ca.value(), &cb.value()})
            if (cfg->flavour == Flavour::StrongSwan)
                QVERIFY(cfg->files.first().content.contains((isRacoon(a) || isRacoon(b)) ? "version = 1\n" : "version = 2\n"));
    }

    void routeViaPeerOnOneSubnet()
    {
        const auto cfg = Generate::side(seedProfile(), Side::A, fixedPsk());
        QVERIFY(cfg.ok());
        QVERIFY(cfg.value().file(QStringLiteral("/etc/ipsec-wizard/seed/routes.sh"))
                    ->content.contains("ip route replace 192.168.2.0/24 via 203.0.113.2 src 192.168.1.1\n"));
    }

    void routeViaDefaultRouterOnDifferentSubnets()
    {
        TunnelProfile p = seedProfile();
        p.gatewayB.publicAddress = QStringLiteral("198.51.100.2/24");
        p.gatewayA.defaultRouter = QStringLiteral("203.0.113.254");
        p.gatewayB.defaultRouter = QStringLiteral("198.51.100.254");
        const auto a = Generate::side(p, Side::A, fixedPsk());
        const auto b = Generate::side(p, Side::B, fixedPsk());
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value().file(QStringLiteral("/etc/ipsec-wizard/seed/routes.sh"))
                    ->content.contains("ip route replace 192.168.2.0/24 via 203.0.113.254 src 192.168.1.1\n"));
        QVERIFY(b.value().file(QStringLiteral("/etc/ipsec-wizard/seed/routes.sh"))
                    ->content.contains("ip route replace 192.168.1.0/24 via 198.51.100.254 src 192.168.2.1\n"));
    }

    void refusesInvalidProfile()
    {
        TunnelProfile p = seedProfile();
        p.networkB = p.networkA;
        const auto cfg = Generate::side(p, Side::A, fixedPsk());
        QVERIFY(!cfg.ok());
        QCOMPARE(cfg.error().field, QStringLiteral("networkB"));
    }

    // racoon-tool.conf as racoon-tool itself checks it (racoon-tool.pl of ipsec-tools 0.8.2: the
    // property lists and value syntax it validates each line against). A value outside its grammar
    // makes racoon-tool skip the section and load nothing while exiting 0, so every generated
    // property is checked value by value, over every algorithm racoon-tool is offered.
    void racoonToolConfFollowsItsGrammar_data()
    {
        QTest::addColumn<QString>("encryption");
        QTest::addColumn<QString>("integrity");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("pfs");
        for (const Algorithm& enc : Algorithms::ofKind(AlgorithmKind::Encryption)) {
            if (!enc.supportedBy(Flavour::RacoonTool, Usage::Ike) || enc.strength == Strength::Forbidden)
                continue;
            for (const Algorithm& integ : Algorithms::ofKind(AlgorithmKind::Integrity)) {
                if (!integ.supportedBy(Flavour::RacoonTool, Usage::Ike) || integ.strength == Strength::Forbidden)
                    continue;
                for (const Algorithm& dh : Algorithms::ofKind(AlgorithmKind::DhGroup)) {
                    if (!dh.supportedBy(Flavour::RacoonTool, Usage::Ike) || dh.strength == Strength::Forbidden)
                        continue;
                    const QString pfs = dh.id == QLatin1String("modp2048") ? QStringLiteral("none") : dh.id;
                    QTest::newRow(qPrintable(enc.id + QLatin1Char('-') + integ.id + QLatin1Char('-') + dh.id)) << enc.id << integ.id << dh.id << pfs;
                }
            }
        }
    }

    void racoonToolConfFollowsItsGrammar()
    {
        QFETCH(QString, encryption);
        QFETCH(QString, integrity);
        QFETCH(QString, group);
        QFETCH(QString, pfs);
        TunnelProfile p = seedWith(Flavour::RacoonTool, Flavour::RacoonTool);
        p.ike.encryption = p.esp.encryption = encryption;
        p.ike.integrity = p.ike.prf = p.esp.integrity = integrity;
        p.ike.dhGroup = group;
        p.esp.pfsGroup = pfs;
        const auto cfg = Generate::side(p, Side::A, fixedPsk());
        QVERIFY2(cfg.ok(), qPrintable(cfg.ok() ? QString() : cfg.error().toString()));
        const QByteArray conf = cfg.value().file(QStringLiteral("/etc/racoon/racoon-tool.conf"))->content;

        const QString ip = QStringLiteral("[0-9a-fA-F:.]+");
        const QString lifetime = QStringLiteral("time [0-9]+ (hour|hours|min|mins|minutes|sec|secs|seconds)");
        const QString modp = QStringLiteral("modp768|modp1024|modp1536|modp2048|modp3072|modp4096|modp6144|modp8192|1|2|5|14|15|16|17|18");
        const QString phase2Enc = QStringLiteral("des|3des|des_iv64|des_iv32|rc5|rc4|idea|3idea|cast128|blowfish|null_enc|twofish|rijndael|aes|camellia");
        const QString phase2Auth = QStringLiteral("des|3des|des_iv64|des_iv32|hmac_md5|hmac_sha1|hmac_sha256|hmac_sha384|hmac_sha512|non_auth");
        const QString boolean = QStringLiteral("enabled|disabled|true|false|yes|no|up|down|on|off|0|1");
        const QHash<QString, QHash<QString, QString>> grammar{
            {QStringLiteral("global"),
             {{QStringLiteral("log"), QStringLiteral("notify|debug|debug2")}, {QStringLiteral("path_pre_shared_key"), QStringLiteral("/\\S+")}}},
            {QStringLiteral("peer"),
             {{QStringLiteral("exchange_mode"), QStringLiteral("main|aggressive|base")},
              {QStringLiteral("encryption_algorithm"), QStringLiteral("des|3des|blowfish|cast128|aes|camellia")},
              {QStringLiteral("hash_algorithm"), QStringLiteral("md5|sha1|sha256|sha384|sha512")},
              {QStringLiteral("dh_group"), modp},
              {QStringLiteral("authentication_method"), QStringLiteral("pre_shared_key|rsasig")},
              {QStringLiteral("lifetime"), lifetime},
              {QStringLiteral("verify_identifier"), QStringLiteral("on|off")},
              {QStringLiteral("passive"), QStringLiteral("on|off")},
              {QStringLiteral("generate_policy"), QStringLiteral("on|off")},
              {QStringLiteral("nat_traversal"), QStringLiteral("on|off|force")},
              {QStringLiteral("my_identifier"), QStringLiteral("address %1|fqdn \\S+|user_fqdn \\S+@\\S+|keyid \\S+").arg(ip)},
              {QStringLiteral("peers_identifier"), QStringLiteral("address %1|fqdn \\S+|user_fqdn \\S+@\\S+|keyid \\S+").arg(ip)}}},
            {QStringLiteral("connection"),
             {{QStringLiteral("src_range"), QStringLiteral("%1(/[0-9]+)?").arg(ip)},
              {QStringLiteral("dst_range"), QStringLiteral("%1(/[0-9]+)?").arg(ip)},
              {QStringLiteral("src_ip"), ip},
              {QStringLiteral("dst_ip"), ip},
              {QStringLiteral("admin_status"), boolean},
              {QStringLiteral("encryption_algorithm"), QStringLiteral("(%1)(,(%1))*").arg(phase2Enc)},
              {QStringLiteral("authentication_algorithm"), QStringLiteral("(%1)(,(%1))*").arg(phase2Auth)},
              {QStringLiteral("pfs_group"), QStringLiteral("none|") + modp},
              {QStringLiteral("lifetime"), lifetime},
              {QStringLiteral("mode"), QStringLiteral("tunnel|transport")},
              {QStringLiteral("level"), QStringLiteral("default|use|require|unique")}}},
        };
        // Indexed proposals, as racoon-tool's property lists allow them.
        const QStringList indexed{QStringLiteral("encryption_algorithm"), QStringLiteral("hash_algorithm"), QStringLiteral("dh_group"),
                                  QStringLiteral("authentication_method")};
        static const QRegularExpression sectionLine(QStringLiteral("^(global|peer|connection)(\\(([^)]*)\\))?:$"));
        static const QRegularExpression propertyLine(QStringLiteral("^\t([a-z_]+)(\\[[-_0-9a-z]+\\])?: (.*)$"));
        static const QRegularExpression peerName(QStringLiteral("^(%default|%anonymous|[a-f0-9:.]+)$"));
        static const QRegularExpression connectionName(QStringLiteral("^(%default|%anonymous|[-_a-z0-9]+)$"), QRegularExpression::CaseInsensitiveOption);
        QString section;
        int properties = 0;
        for (const QByteArray& raw : conf.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            if (const auto m = sectionLine.match(line); m.hasMatch()) {
                section = m.captured(1);
                if (section == QLatin1String("peer"))
                    QVERIFY2(peerName.match(m.captured(3)).hasMatch(), qPrintable(line));
                if (section == QLatin1String("connection"))
                    QVERIFY2(connectionName.match(m.captured(3)).hasMatch(), qPrintable(line));
                continue;
            }
            const auto m = propertyLine.match(line);
            QVERIFY2(m.hasMatch() && !section.isEmpty(), qPrintable(QStringLiteral("not a property of a section: ") + line));
            const QString name = m.captured(1);
            QVERIFY2(grammar.value(section).contains(name), qPrintable(QStringLiteral("%1 has no property %2").arg(section, name)));
            QVERIFY2(m.captured(2).isEmpty() || (section == QLatin1String("peer") && indexed.contains(name)), qPrintable(line));
            const QRegularExpression value(QStringLiteral("^(") + grammar.value(section).value(name) + QStringLiteral(")$"));
            QVERIFY2(value.match(m.captured(3)).hasMatch(), qPrintable(QStringLiteral("racoon-tool refuses “%1” for %2.%3").arg(m.captured(3), section, name)));
            ++properties;
        }
        QVERIFY(properties >= 15);
    }

    // What racoon-tool.conf cannot say is refused, with what to do instead.
    void racoonToolRefusesAesKeyLengths_data()
    {
        QTest::addColumn<QString>("encryption");
        QTest::newRow("aes192") << QStringLiteral("aes192");
        QTest::newRow("aes256") << QStringLiteral("aes256");
    }

    void racoonToolRefusesAesKeyLengths()
    {
        QFETCH(QString, encryption);
        TunnelProfile p = seedWith(Flavour::RacoonTool, Flavour::Racoon);
        p.esp.encryption = encryption;
        const auto cfg = Generate::side(p, Side::A, fixedPsk());
        QVERIFY(!cfg.ok());
        QCOMPARE(cfg.error().field, QStringLiteral("esp.encryption"));
        QVERIFY2(cfg.error().message.contains(QStringLiteral("racoon-tool (on gateway A) cannot use")), qPrintable(cfg.error().message));
        // The same on racoon (which names the key length) is fine.
        p.gatewayA.flavour = Flavour::Racoon;
        QVERIFY(Generate::side(p, Side::A, fixedPsk()).ok());
    }

    void ipv6()
    {
        TunnelProfile p = seedWith(Flavour::StrongSwan, Flavour::Racoon);
        p.networkA = QStringLiteral("2001:db8:1::/64");
        p.networkB = QStringLiteral("2001:db8:2::/64");
        p.gatewayA.publicAddress = QStringLiteral("2001:db8:ff::1/64");
        p.gatewayB.publicAddress = QStringLiteral("2001:db8:ff::2/64");
        p.gatewayA.internalAddress = QStringLiteral("2001:db8:1::1");
        p.gatewayB.internalAddress = QStringLiteral("2001:db8:2::1");
        p.gatewayA.ssh.host.clear();
        p.gatewayB.ssh.host.clear();
        const auto a = Generate::side(p, Side::A, fixedPsk());
        const auto b = Generate::side(p, Side::B, fixedPsk());
        QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().toString()));
        QVERIFY(b.ok());
        QVERIFY(a.value().file(QStringLiteral("/etc/ipsec-wizard/seed/routes.sh"))
                    ->content.contains("ip -6 route replace 2001:db8:2::/64 via 2001:db8:ff::2 src 2001:db8:1::1\n"));
        QVERIFY(a.value().file(QStringLiteral("/etc/ipsec-wizard/seed/firewall.nft"))->content.contains("add element inet ipsec_wizard ike_peers6 { 2001:db8:ff::2 }\n"));
        QVERIFY(b.value().file(QStringLiteral("/etc/ipsec-tools.d/ipsec-wizard-seed.conf"))
                    ->content.contains("spdupdate 2001:db8:2::/64 2001:db8:1::/64 any -P out ipsec\n\tesp/tunnel/2001:db8:ff::2-2001:db8:ff::1/require;"));
    }
};

QTEST_GUILESS_MAIN(TestGenerators)
#include "TestGenerators.moc"
