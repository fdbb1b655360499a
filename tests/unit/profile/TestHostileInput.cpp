// Hostile input, by table: every text field of a profile gets what an attacker or a bad paste
// would put there. Each is refused with a finding that names the field, the message stays short
// and free of control characters, and nothing is generated. Hostile profile files are refused
// before they are read whole.

#include "Generator.h"
#include "TestSupport.h"
#include "Validation.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

using Setter = std::function<void(TunnelProfile&, const QString&)>;

struct Field
{
    const char* id;
    Setter set;
};

const QList<Field>& textFields()
{
    static const QList<Field> fields{
        {"name", [](TunnelProfile& p, const QString& v) { p.name = v; }},
        {"networkA", [](TunnelProfile& p, const QString& v) { p.networkA = v; }},
        {"networkB", [](TunnelProfile& p, const QString& v) { p.networkB = v; }},
        {"gatewayA.publicAddress", [](TunnelProfile& p, const QString& v) { p.gatewayA.publicAddress = v; }},
        {"gatewayB.publicAddress", [](TunnelProfile& p, const QString& v) { p.gatewayB.publicAddress = v; }},
        {"gatewayA.internalAddress", [](TunnelProfile& p, const QString& v) { p.gatewayA.internalAddress = v; }},
        {"gatewayB.internalAddress", [](TunnelProfile& p, const QString& v) { p.gatewayB.internalAddress = v; }},
        {"gatewayA.defaultRouter", [](TunnelProfile& p, const QString& v) { p.gatewayA.defaultRouter = v; }},
        {"gatewayB.defaultRouter", [](TunnelProfile& p, const QString& v) { p.gatewayB.defaultRouter = v; }},
        {"gatewayA.identity", [](TunnelProfile& p, const QString& v) { p.gatewayA.identity = v; }},
        {"gatewayB.identity", [](TunnelProfile& p, const QString& v) { p.gatewayB.identity = v; }},
        {"gatewayA.ssh.host", [](TunnelProfile& p, const QString& v) { p.gatewayA.ssh.host = v; }},
        {"gatewayB.ssh.user", [](TunnelProfile& p, const QString& v) { p.gatewayB.ssh.user = v; }},
        {"ike.encryption", [](TunnelProfile& p, const QString& v) { p.ike.encryption = v; }},
        {"ike.integrity", [](TunnelProfile& p, const QString& v) { p.ike.integrity = v; }},
        {"ike.prf", [](TunnelProfile& p, const QString& v) { p.ike.prf = v; }},
        {"ike.dhGroup", [](TunnelProfile& p, const QString& v) { p.ike.dhGroup = v; }},
        {"esp.encryption", [](TunnelProfile& p, const QString& v) { p.esp.encryption = v; }},
        {"esp.integrity", [](TunnelProfile& p, const QString& v) { p.esp.integrity = v; }},
        {"esp.pfsGroup", [](TunnelProfile& p, const QString& v) { p.esp.pfsGroup = v; }},
        {"psk", [](TunnelProfile& p, const QString& v) { p.psk = v.toUtf8(); }},
    };
    return fields;
}

const QList<QPair<const char*, QString>>& hostileValues()
{
    static const QList<QPair<const char*, QString>> values{
        {"spaces", QStringLiteral("a b c")},
        {"newline", QStringLiteral("seed\nspdflush;")},
        {"nul", QStringLiteral("seed") + QChar(0) + QStringLiteral("x")},
        {"semicolon", QStringLiteral("x; reboot")},
        {"command-substitution", QStringLiteral("$(reboot)")},
        {"backticks", QStringLiteral("`reboot`")},
        {"double-quote", QStringLiteral("x\"y")},
        {"single-quote", QStringLiteral("x'y")},
        {"braces", QStringLiteral("} secrets { x")},
        {"very-long", QString(100000, QLatin1Char('7'))},
        {"unicode-look-alike", QStringLiteral("1\u0669\u0662.168.1.0/24")}, // Arabic-Indic digits
        {"cyrillic-look-alike", QStringLiteral("s\u0435\u0435d")},             // "seed" with Cyrillic e
        {"right-to-left-override", QStringLiteral("\u202Edees")},
        {"empty", QString()},
    };
    return values;
}

// Some values are harmless for some fields (an empty default router is allowed, a long digit
// string is a fine PSK): those pairs are skipped, everything else must be refused.
bool harmless(const QString& field, const char* value)
{
    const QString v = QString::fromLatin1(value);
    if (v == QLatin1String("empty") && (field.endsWith(QLatin1String("defaultRouter")) || field.endsWith(QLatin1String("identity"))
                                        || field.endsWith(QLatin1String("ssh.host"))))
        return true;
    if (field == QLatin1String("psk") && (v == QLatin1String("very-long")))
        return true;
    return false;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void everyTextField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        for (const Field& f : textFields())
            for (const auto& [name, value] : hostileValues())
                if (!harmless(QString::fromLatin1(f.id), name))
                    QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(QString::fromLatin1(f.id), QString::fromLatin1(name))))
                        << QString::fromLatin1(f.id) << value;
    }

    void everyTextField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        TunnelProfile p = seedProfile();
        p.psk = fixedPsk();
        for (const Field& f : textFields())
            if (field == QLatin1String(f.id))
                f.set(p, value);
        const QList<Finding> findings = validate(p);
        QVERIFY2(hasErrors(findings), "a hostile value was accepted");
        bool namesField = false;
        for (const Finding& f : findings) {
            namesField = namesField || f.field == field;
            QVERIFY2(f.message.size() < 600, qPrintable(QStringLiteral("message of %1 characters").arg(f.message.size())));
            for (QChar c : f.message + f.fix)
                QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format, "control character in a message");
        }
        QVERIFY2(namesField, qPrintable(findings.first().toString()));
        // Nothing is generated from it.
        QVERIFY(!Generate::side(p, Side::A, *p.psk).ok());
    }

    void dangerousTopologies_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<std::function<void(TunnelProfile&)>>("mutate");
        QTest::newRow("whole-internet-protected") << QStringLiteral("networkB") << QStringLiteral("whole internet")
                                                  << std::function<void(TunnelProfile&)>([](TunnelProfile& p) { p.networkB = QStringLiteral("0.0.0.0/0"); });
        QTest::newRow("both-gateways-the-same") << QStringLiteral("gatewayB.publicAddress") << QStringLiteral("Both gateways")
                                                << std::function<void(TunnelProfile&)>([](TunnelProfile& p) { p.gatewayB.publicAddress = p.gatewayA.publicAddress; });
        QTest::newRow("network-is-a-gateways-public-slash-32")
            << QStringLiteral("gatewayB.publicAddress") << QStringLiteral("lies inside")
            << std::function<void(TunnelProfile&)>([](TunnelProfile& p) {
                   p.networkA = QStringLiteral("203.0.113.2/32");
                   p.gatewayA.internalAddress = QStringLiteral("203.0.113.2");
               });
        QTest::newRow("ipv4-mapped-ipv6-gateway") << QStringLiteral("gatewayA.publicAddress") << QStringLiteral("IPv4-mapped")
                                                  << std::function<void(TunnelProfile&)>([](TunnelProfile& p) { p.gatewayA.publicAddress = QStringLiteral("::ffff:203.0.113.1"); });
    }

    void dangerousTopologies()
    {
        QFETCH(QString, field);
        QFETCH(QString, fragment);
        QFETCH(std::function<void(TunnelProfile&)>, mutate);
        TunnelProfile p = seedProfile();
        mutate(p);
        bool found = false;
        for (const Finding& f : validate(p))
            found = found || (f.severity == Severity::Error && f.field == field && f.message.contains(fragment));
        QVERIFY(found);
    }

    void hostileProfileFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("sparseSize");
        QTest::addColumn<QString>("fragment");
        const QByteArray seed = readFile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE));
        QTest::newRow("empty") << QByteArray() << qint64(0) << QStringLiteral("empty");
        QTest::newRow("truncated") << seed.left(seed.size() / 2) << qint64(0) << QStringLiteral("Not valid JSON");
        QTest::newRow("100-MB") << QByteArray() << qint64(100) * 1024 * 1024 << QStringLiteral("at most");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{\x01", 5) << qint64(0) << QStringLiteral("Not valid JSON");
        QByteArray future = seed;
        future.replace("\"version\": 1,", "\"version\": 99,");
        QTest::newRow("future-version") << future << qint64(0) << QStringLiteral("newer");
        QByteArray wrongType = seed;
        wrongType.replace("\"networkA\": \"192.168.1.0/24\"", "\"networkA\": [1, 2]");
        QTest::newRow("wrong-type") << wrongType << qint64(0) << QStringLiteral("expected a string");
    }

    void hostileProfileFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(qint64, sparseSize);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        if (sparseSize > 0)
            QVERIFY(f.resize(sparseSize)); // a hole: no 100 MB written, but 100 MB to read
        f.close();
        const auto loaded = ProfileJson::load(path);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(fragment), qPrintable(loaded.error().toString()));
        QVERIFY(!loaded.error().field.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
