#include "TestSupport.h"
#include "TunnelProfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <sys/stat.h>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

QJsonObject seedObject()
{
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
    if (!doc.isObject())
        qFatal("the example profile is not a JSON object");
    return doc.object();
}

// Sets (or, with nullopt, removes) the value at a dotted path such as "gatewayA.ssh.port".
QJsonObject setAt(QJsonObject object, QStringList path, const std::optional<QJsonValue>& value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (value)
            object.insert(key, *value);
        else
            object.remove(key);
    } else {
        object.insert(key, setAt(object.value(key).toObject(), path, value));
    }
    return object;
}

// The seed profile as JSON text with one value changed or removed.
QByteArray seedWith(const QString& path, const std::optional<QJsonValue>& value)
{
    return QJsonDocument(setAt(seedObject(), path.split(QLatin1Char('.')), value)).toJson();
}

QByteArray seedWithout(const QString& path)
{
    return seedWith(path, std::nullopt);
}

// The permission bits of a file, as `stat -c %a` shows them; -1 if it does not exist.
int fileMode(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Everything optional filled in, so a round trip exercises every key.
TunnelProfile fullProfile()
{
    TunnelProfile p = seedProfile();
    p.name = QStringLiteral("office-to-branch");
    p.gatewayA.publicAddress = QStringLiteral("203.0.113.1");
    p.gatewayA.defaultRouter = QStringLiteral("203.0.113.254");
    p.gatewayA.identity = QStringLiteral("gw-a@example.net");
    p.gatewayA.flavour = Flavour::StrongSwan;
    p.gatewayA.ssh = SshTarget { QStringLiteral("gw-a.example.net"), 2222, QStringLiteral("admin"), QStringLiteral("keys/gw-a") };
    p.gatewayB.publicAddress = QStringLiteral("198.51.100.2/24");
    p.gatewayB.defaultRouter = QStringLiteral("198.51.100.1");
    p.gatewayB.flavour = Flavour::Racoon;
    p.gatewayB.ssh.host.clear();
    p.ike = IkeProposal { 1, QStringLiteral("aes256"), QStringLiteral("sha512"), QStringLiteral("sha512"), QStringLiteral("modp4096"),
        3600 * 12 };
    p.esp = EspProposal { QStringLiteral("aes192"), QStringLiteral("sha384"), QStringLiteral("none"), 1800 };
    p.psk = fixedPsk();
    p.knownHostsFile = QStringLiteral("/home/admin/.ssh/lab_known_hosts");
    return p;
}

} // namespace

class TestProfileJson : public QObject
{
    Q_OBJECT

private slots:
    void loadsSeedExample();
    void seedRoundTrips_data();
    void seedRoundTrips();
    void everyFieldRoundTrips();
    void optionalSectionsTakeDefaults();
    void emptyPskIsKeptAsEmpty();
    void pskWrittenOnlyWhenAsked_data();
    void pskWrittenOnlyWhenAsked();
    void saveSetsModeByContent_data();
    void saveSetsModeByContent();
    void saveWithPskTightensAnExistingFile();
    void saveIntoMissingFolderFails();
    void loadMissingFileNamesThePath();
    void loadRefusesLargeFile();
    void errorsNamePathAndExpectation_data();
    void errorsNamePathAndExpectation();
    void misspeltRequiredKeyIsRefused();
    void versionZeroIsNotReportedAsMissing();
    void errorToStringStartsWithPath();
};

void TestProfileJson::loadsSeedExample()
{
    const auto loaded = ProfileJson::load(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE));
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const TunnelProfile& p = loaded.value();
    QCOMPARE(p.name, QStringLiteral("seed"));
    QCOMPARE(p.networkA, QStringLiteral("192.168.1.0/24"));
    QCOMPARE(p.networkB, QStringLiteral("192.168.2.0/24"));
    QCOMPARE(p.gatewayA.publicAddress, QStringLiteral("203.0.113.1/24"));
    QCOMPARE(p.gatewayA.internalAddress, QStringLiteral("192.168.1.1"));
    QCOMPARE(p.gatewayA.flavour, Flavour::RacoonTool);
    QCOMPARE(p.gatewayA.ssh, (SshTarget { QStringLiteral("203.0.113.1"), 22, QStringLiteral("root"), QString() }));
    QCOMPARE(p.gatewayB.publicAddress, QStringLiteral("203.0.113.2/24"));
    QCOMPARE(p.gatewayB.internalAddress, QStringLiteral("192.168.2.1"));
    QCOMPARE(p.gatewayB.flavour, Flavour::RacoonTool);
    QVERIFY(p.gatewayB.defaultRouter.isEmpty());
    QVERIFY(p.gatewayB.identity.isEmpty());
    QCOMPARE(p.ike,
        (IkeProposal {
            1, QStringLiteral("aes128"), QStringLiteral("sha256"), QStringLiteral("sha256"), QStringLiteral("modp2048"), 28800 }));
    QCOMPARE(p.esp, (EspProposal { QStringLiteral("aes128"), QStringLiteral("sha256"), QStringLiteral("modp2048"), 3600 }));
    QVERIFY(!p.psk.has_value());
    QVERIFY(p.knownHostsFile.isEmpty());

    // load() and fromJson() of the same bytes agree.
    const auto parsed = ProfileJson::fromJson(readFile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value(), p);
}

void TestProfileJson::seedRoundTrips_data()
{
    QTest::addColumn<PskInFile>("mode");
    QTest::newRow("omit") << PskInFile::Omit;
    QTest::newRow("include") << PskInFile::Include;
    QTest::newRow("redact") << PskInFile::Redact;
}

void TestProfileJson::seedRoundTrips()
{
    QFETCH(PskInFile, mode);

    const TunnelProfile seed = seedProfile();
    const QByteArray json = ProfileJson::toJson(seed, mode);
    const auto back = ProfileJson::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back.value(), seed);
    // Writing what was read gives the same bytes: saving twice does not churn the file.
    QCOMPARE(ProfileJson::toJson(back.value(), mode), json);
}

void TestProfileJson::everyFieldRoundTrips()
{
    const TunnelProfile full = fullProfile();
    const auto back = ProfileJson::fromJson(ProfileJson::toJson(full, PskInFile::Include));
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back.value().gatewayA, full.gatewayA);
    QCOMPARE(back.value().gatewayB, full.gatewayB);
    QCOMPARE(back.value().ike, full.ike);
    QCOMPARE(back.value().esp, full.esp);
    QCOMPARE(back.value().psk, full.psk);
    QCOMPARE(back.value().knownHostsFile, full.knownHostsFile);
    QCOMPARE(back.value(), full);

    // Without the PSK everything else still survives, and no PSK comes back.
    const auto omitted = ProfileJson::fromJson(ProfileJson::toJson(full, PskInFile::Omit));
    QVERIFY(omitted.ok());
    TunnelProfile expected = full;
    expected.psk.reset();
    QCOMPARE(omitted.value(), expected);
}

void TestProfileJson::optionalSectionsTakeDefaults()
{
    QJsonObject o = seedObject();
    o.remove(QStringLiteral("ike"));
    o.remove(QStringLiteral("esp"));
    o = setAt(o, { QStringLiteral("gatewayA"), QStringLiteral("ssh") }, std::nullopt);
    o = setAt(o, { QStringLiteral("gatewayB"), QStringLiteral("flavour") }, std::nullopt);
    const auto parsed = ProfileJson::fromJson(QJsonDocument(o).toJson());
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().ike, IkeProposal {});
    QCOMPARE(parsed.value().esp, EspProposal {});
    QCOMPARE(parsed.value().gatewayA.ssh, SshTarget {});
    QCOMPARE(parsed.value().gatewayB.flavour, Gateway {}.flavour);
    // Keys inside a section that is present are optional too.
    const auto partialSsh = ProfileJson::fromJson(seedWithout(QStringLiteral("gatewayB.ssh.port")));
    QVERIFY(partialSsh.ok());
    QCOMPARE(partialSsh.value().gatewayB.ssh.port, 22);
    QCOMPARE(partialSsh.value().gatewayB.ssh.host, QStringLiteral("203.0.113.2"));
}

void TestProfileJson::emptyPskIsKeptAsEmpty()
{
    // "psk": "" is a profile that says the key is empty (validation refuses it), not "no key".
    const auto parsed = ProfileJson::fromJson(seedWith(QStringLiteral("psk"), QJsonValue(QString())));
    QVERIFY(parsed.ok());
    QVERIFY(parsed.value().psk.has_value());
    QVERIFY(parsed.value().psk->isEmpty());

    const auto back = ProfileJson::fromJson(ProfileJson::toJson(parsed.value(), PskInFile::Include));
    QVERIFY(back.ok());
    QVERIFY(back.value().psk.has_value());
    QVERIFY(back.value().psk->isEmpty());
}

void TestProfileJson::pskWrittenOnlyWhenAsked_data()
{
    QTest::addColumn<bool>("hasPsk");
    QTest::addColumn<PskInFile>("mode");
    QTest::addColumn<bool>("expectKey");
    QTest::addColumn<QByteArray>("expectedValue");

    QTest::newRow("omit-has-no-psk-key") << true << PskInFile::Omit << false << QByteArray();
    QTest::newRow("include-writes-the-key") << true << PskInFile::Include << true << fixedPsk();
    QTest::newRow("redact-writes-placeholder-not-key") << true << PskInFile::Redact << true << ProfileJson::redactedPlaceholder();
    QTest::newRow("include-without-a-key-writes-nothing") << false << PskInFile::Include << false << QByteArray();
    QTest::newRow("redact-without-a-key-writes-nothing") << false << PskInFile::Redact << false << QByteArray();
}

void TestProfileJson::pskWrittenOnlyWhenAsked()
{
    QFETCH(bool, hasPsk);
    QFETCH(PskInFile, mode);
    QFETCH(bool, expectKey);
    QFETCH(QByteArray, expectedValue);

    TunnelProfile p = seedProfile();
    if (hasPsk)
        p.psk = fixedPsk();
    const QByteArray json = ProfileJson::toJson(p, mode);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().contains(QStringLiteral("psk")), expectKey);
    if (expectKey)
        QCOMPARE(doc.object().value(QStringLiteral("psk")).toString().toUtf8(), expectedValue);
    // The secret appears in the bytes only when it was asked for, under any key.
    QCOMPARE(json.contains(fixedPsk()), hasPsk && mode == PskInFile::Include);
    QVERIFY(ProfileJson::redactedPlaceholder() != fixedPsk());
}

void TestProfileJson::saveSetsModeByContent_data()
{
    QTest::addColumn<bool>("hasPsk");
    QTest::addColumn<PskInFile>("mode");
    QTest::addColumn<int>("expectedMode");

    QTest::newRow("include-psk-is-0600") << true << PskInFile::Include << 0600;
    QTest::newRow("omit-psk-is-0644") << true << PskInFile::Omit << 0644;
    QTest::newRow("redact-psk-is-0644") << true << PskInFile::Redact << 0644;
    QTest::newRow("include-without-psk-is-0644") << false << PskInFile::Include << 0644;
}

void TestProfileJson::saveSetsModeByContent()
{
    QFETCH(bool, hasPsk);
    QFETCH(PskInFile, mode);
    QFETCH(int, expectedMode);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tunnel.json"));
    TunnelProfile p = seedProfile();
    if (hasPsk)
        p.psk = fixedPsk();

    const Status saved = ProfileJson::save(p, path, mode);
    QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));
    QCOMPARE(fileMode(path), expectedMode);
    QCOMPARE(readFile(path), ProfileJson::toJson(p, mode));
    // Written atomically: no temporary file is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList { QStringLiteral("tunnel.json") });

    const auto loaded = ProfileJson::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().psk.has_value(), hasPsk && mode != PskInFile::Omit);
}

void TestProfileJson::saveWithPskTightensAnExistingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tunnel.json"));
    TunnelProfile p = seedProfile();
    p.psk = fixedPsk();

    QVERIFY(ProfileJson::save(p, path, PskInFile::Omit).ok());
    QCOMPARE(fileMode(path), 0644);
    QVERIFY(ProfileJson::save(p, path, PskInFile::Include).ok());
    QCOMPARE(fileMode(path), 0600);
    QVERIFY(readFile(path).contains(fixedPsk()));
    // And back: saving without the secret does not need to keep the file private.
    QVERIFY(ProfileJson::save(p, path, PskInFile::Omit).ok());
    QCOMPARE(fileMode(path), 0644);
    QVERIFY(!readFile(path).contains(fixedPsk()));
}

void TestProfileJson::saveIntoMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("no-such-folder/tunnel.json"));
    const Status saved = ProfileJson::save(seedProfile(), path, PskInFile::Omit);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().field, path);
    QVERIFY(!saved.error().message.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestProfileJson::loadMissingFileNamesThePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("missing.json"));
    const auto loaded = ProfileJson::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().field, path);
    QVERIFY2(loaded.error().message.contains(QStringLiteral("Cannot open the profile")), qPrintable(loaded.error().message));
}

void TestProfileJson::loadRefusesLargeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArrayLiteral("{\"name\": \"") + QByteArray(2 * 1024 * 1024, 'x') + QByteArrayLiteral("\"}"));
    f.close();

    const auto loaded = ProfileJson::load(path);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error().field, QStringLiteral("$"));
    QVERIFY2(loaded.error().message.contains(QStringLiteral("a profile is at most 1048576 bytes")), qPrintable(loaded.error().message));
}

void TestProfileJson::errorsNamePathAndExpectation_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("messageFragments");

    const auto v = [](const char* s) { return QJsonValue(QString::fromUtf8(s)); };

    // Wrong types
    QTest::newRow("ssh-port-given-a-string") << seedWith(QStringLiteral("gatewayA.ssh.port"), v("22"))
                                             << QStringLiteral("$.gatewayA.ssh.port")
                                             << QStringList { QStringLiteral("expected a whole number from 1 to 65535, found a string") };
    QTest::newRow("ssh-port-zero") << seedWith(QStringLiteral("gatewayB.ssh.port"), 0) << QStringLiteral("$.gatewayB.ssh.port")
                                   << QStringList { QStringLiteral("from 1 to 65535, found 0") };
    QTest::newRow("ssh-port-too-large") << seedWith(QStringLiteral("gatewayB.ssh.port"), 65536) << QStringLiteral("$.gatewayB.ssh.port")
                                        << QStringList { QStringLiteral("found 65536") };
    QTest::newRow("ssh-port-fraction") << seedWith(QStringLiteral("gatewayA.ssh.port"), 22.5) << QStringLiteral("$.gatewayA.ssh.port")
                                       << QStringList { QStringLiteral("whole number"), QStringLiteral("found 22.5") };
    QTest::newRow("ssh-port-beyond-any-integer")
        << seedWith(QStringLiteral("gatewayA.ssh.port"), 1e20) << QStringLiteral("$.gatewayA.ssh.port")
        << QStringList { QStringLiteral("expected a whole number from 1 to 65535") };
    QTest::newRow("ssh-port-negative") << seedWith(QStringLiteral("gatewayA.ssh.port"), -22) << QStringLiteral("$.gatewayA.ssh.port")
                                       << QStringList { QStringLiteral("found -22") };
    QTest::newRow("ike-version-3") << seedWith(QStringLiteral("ike.version"), 3) << QStringLiteral("$.ike.version")
                                   << QStringList { QStringLiteral("expected a whole number from 1 to 2, found 3") };
    QTest::newRow("ike-version-given-a-string") << seedWith(QStringLiteral("ike.version"), v("2")) << QStringLiteral("$.ike.version")
                                                << QStringList { QStringLiteral("from 1 to 2, found a string") };
    QTest::newRow("ike-lifetime-under-a-minute") << seedWith(QStringLiteral("ike.lifetime"), 10) << QStringLiteral("$.ike.lifetime")
                                                 << QStringList { QStringLiteral("from 60 to 604800, found 10") };
    QTest::newRow("esp-lifetime-over-a-week") << seedWith(QStringLiteral("esp.lifetime"), 604801) << QStringLiteral("$.esp.lifetime")
                                              << QStringList { QStringLiteral("from 60 to 604800, found 604801") };
    QTest::newRow("networkA-given-a-number") << seedWith(QStringLiteral("networkA"), 192) << QStringLiteral("$.networkA")
                                             << QStringList { QStringLiteral("expected a string, found a number") };
    QTest::newRow("networkB-null") << seedWith(QStringLiteral("networkB"), QJsonValue::Null) << QStringLiteral("$.networkB")
                                   << QStringList { QStringLiteral("expected a string, found null") };
    QTest::newRow("name-a-boolean") << seedWith(QStringLiteral("name"), true) << QStringLiteral("$.name")
                                    << QStringList { QStringLiteral("expected a string, found a boolean") };
    QTest::newRow("esp-encryption-an-object") << seedWith(QStringLiteral("esp.encryption"), QJsonObject {})
                                              << QStringLiteral("$.esp.encryption")
                                              << QStringList { QStringLiteral("expected a string, found an object") };
    QTest::newRow("psk-a-number") << seedWith(QStringLiteral("psk"), 1234) << QStringLiteral("$.psk")
                                  << QStringList { QStringLiteral("expected a string, found a number") };
    QTest::newRow("gatewayA-an-array") << seedWith(QStringLiteral("gatewayA"), QJsonArray {}) << QStringLiteral("$.gatewayA")
                                       << QStringList { QStringLiteral("expected an object, found an array") };
    QTest::newRow("ike-a-string") << seedWith(QStringLiteral("ike"), v("ikev2")) << QStringLiteral("$.ike")
                                  << QStringList { QStringLiteral("expected an object, found a string") };
    QTest::newRow("ssh-a-string") << seedWith(QStringLiteral("gatewayB.ssh"), v("root@203.0.113.2")) << QStringLiteral("$.gatewayB.ssh")
                                  << QStringList { QStringLiteral("expected an object, found a string") };
    QTest::newRow("unknown-flavour") << seedWith(QStringLiteral("gatewayA.flavour"), v("openswan")) << QStringLiteral("$.gatewayA.flavour")
                                     << QStringList { QStringLiteral("expected one of racoon-tool, racoon, strongswan, found “openswan”") };

    // Missing required keys
    QTest::newRow("gatewayB-publicAddress-missing")
        << seedWithout(QStringLiteral("gatewayB.publicAddress")) << QStringLiteral("$.gatewayB.publicAddress")
        << QStringList { QStringLiteral("is missing; expected a string") };
    QTest::newRow("gatewayA-internalAddress-missing")
        << seedWithout(QStringLiteral("gatewayA.internalAddress")) << QStringLiteral("$.gatewayA.internalAddress")
        << QStringList { QStringLiteral("is missing; expected a string") };
    QTest::newRow("networkA-missing") << seedWithout(QStringLiteral("networkA")) << QStringLiteral("$.networkA")
                                      << QStringList { QStringLiteral("is missing; expected a string") };
    QTest::newRow("name-missing") << seedWithout(QStringLiteral("name")) << QStringLiteral("$.name")
                                  << QStringList { QStringLiteral("is missing; expected a string") };
    QTest::newRow("gatewayB-missing") << seedWithout(QStringLiteral("gatewayB")) << QStringLiteral("$.gatewayB")
                                      << QStringList { QStringLiteral("is missing; expected an object") };

    // Unknown keys: a typo is caught, not silently ignored
    QTest::newRow("misspelt-key-in-gateway") << seedWith(QStringLiteral("gatewayA.publicAdress"), v("203.0.113.9"))
                                             << QStringLiteral("$.gatewayA.publicAdress")
                                             << QStringList { QStringLiteral("is not a known setting") };
    QTest::newRow("unknown-top-level-key") << seedWith(QStringLiteral("comment"), v("hello")) << QStringLiteral("$.comment")
                                           << QStringList { QStringLiteral("is not a known setting") };
    QTest::newRow("unknown-key-in-ssh") << seedWith(QStringLiteral("gatewayB.ssh.hots"), v("x")) << QStringLiteral("$.gatewayB.ssh.hots")
                                        << QStringList { QStringLiteral("is not a known setting") };
    QTest::newRow("unknown-key-in-ike") << seedWith(QStringLiteral("ike.mode"), v("aggressive")) << QStringLiteral("$.ike.mode")
                                        << QStringList { QStringLiteral("is not a known setting") };
    QTest::newRow("prf-is-not-an-esp-setting") << seedWith(QStringLiteral("esp.prf"), v("sha256")) << QStringLiteral("$.esp.prf")
                                               << QStringList { QStringLiteral("is not a known setting") };

    // Format and version
    QTest::newRow("format-wrong") << seedWith(QStringLiteral("format"), v("strongswan-config")) << QStringLiteral("$.format")
                                  << QStringList { QStringLiteral("Expected “ipsec-wizard-profile”, found “strongswan-config”"),
                                         QStringLiteral("not an IPsec Wizard profile") };
    QTest::newRow("format-missing") << seedWithout(QStringLiteral("format")) << QStringLiteral("$.format")
                                    << QStringList { QStringLiteral("is missing; expected a string") };
    QTest::newRow("format-a-number") << seedWith(QStringLiteral("format"), 1) << QStringLiteral("$.format")
                                     << QStringList { QStringLiteral("expected a string, found a number") };
    QTest::newRow("version-newer-asks-to-update")
        << seedWith(QStringLiteral("version"), 3) << QStringLiteral("$.version")
        << QStringList { QStringLiteral("newer IPsec Wizard (format version 3)"), QStringLiteral("this one reads version 2"),
               QStringLiteral("Update IPsec Wizard") };
    QTest::newRow("version-newer-wins-over-unknown-keys")
        << QJsonDocument(setAt(setAt(seedObject(), { QStringLiteral("version") }, 7), { QStringLiteral("tunnels") }, QJsonArray {}))
               .toJson()
        << QStringLiteral("$.version") << QStringList { QStringLiteral("newer"), QStringLiteral("Update") };
    QTest::newRow("version-missing") << seedWithout(QStringLiteral("version")) << QStringLiteral("$.version")
                                     << QStringList { QStringLiteral("expected 1") };
    QTest::newRow("version-a-string") << seedWith(QStringLiteral("version"), v("1")) << QStringLiteral("$.version")
                                      << QStringList { QStringLiteral("found a string") };
    QTest::newRow("version-a-fraction") << seedWith(QStringLiteral("version"), 1.5) << QStringLiteral("$.version")
                                        << QStringList { QStringLiteral("whole number"), QStringLiteral("found 1.5") };

    // Not a profile at all
    QTest::newRow("empty-file") << QByteArray() << QStringLiteral("$") << QStringList { QStringLiteral("The file is empty") };
    QTest::newRow("whitespace-only-file") << QByteArrayLiteral(" \n\t\n") << QStringLiteral("$")
                                          << QStringList { QStringLiteral("The file is empty") };
    QTest::newRow("not-json") << QByteArrayLiteral("conn office\n  left=203.0.113.1\n") << QStringLiteral("$")
                              << QStringList { QStringLiteral("Not valid JSON at byte") };
    QTest::newRow("truncated-json") << readFile(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)).left(120) << QStringLiteral("$")
                                    << QStringList { QStringLiteral("Not valid JSON") };
    QTest::newRow("top-level-array") << QByteArrayLiteral("[{\"format\": \"ipsec-wizard-profile\"}]") << QStringLiteral("$")
                                     << QStringList { QStringLiteral("Expected a JSON object at the top level") };
    const QByteArray huge = QByteArrayLiteral("{\"name\": \"") + QByteArray(2 * 1024 * 1024, 'x') + QByteArrayLiteral("\"}");
    QTest::newRow("two-megabytes-refused-before-parsing")
        << huge << QStringLiteral("$")
        << QStringList { QStringLiteral("The file is %1 bytes; a profile is at most 1048576 bytes").arg(huge.size()) };
}

void TestProfileJson::errorsNamePathAndExpectation()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QStringList, messageFragments);

    const auto parsed = ProfileJson::fromJson(json);
    QVERIFY2(!parsed.ok(), "a broken profile was accepted");
    QCOMPARE(parsed.error().field, field);
    for (const QString& fragment : messageFragments)
        QVERIFY2(parsed.error().message.contains(fragment), qPrintable(parsed.error().message));
}

void TestProfileJson::misspeltRequiredKeyIsRefused()
{
    // The typo replaces the real key: the profile must be refused, pointing at that key.
    QJsonObject o = setAt(seedObject(), { QStringLiteral("gatewayA"), QStringLiteral("publicAddress") }, std::nullopt);
    o = setAt(o, { QStringLiteral("gatewayA"), QStringLiteral("publicAdress") }, QJsonValue(QStringLiteral("203.0.113.1/24")));
    const auto parsed = ProfileJson::fromJson(QJsonDocument(o).toJson());
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().field.startsWith(QStringLiteral("$.gatewayA.publicAd")), qPrintable(parsed.error().toString()));
}

void TestProfileJson::versionZeroIsNotReportedAsMissing()
{
    // The key is there, with a value no IPsec Wizard ever wrote; saying "is missing" sends the
    // reader looking for a key they can see.
    const auto parsed = ProfileJson::fromJson(seedWith(QStringLiteral("version"), 0));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().field, QStringLiteral("$.version"));
    QVERIFY2(!parsed.error().message.contains(QStringLiteral("missing")), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(QStringLiteral("0")), qPrintable(parsed.error().message));
}

void TestProfileJson::errorToStringStartsWithPath()
{
    const auto parsed = ProfileJson::fromJson(seedWith(QStringLiteral("ike.version"), 3));
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().toString(), QStringLiteral("$.ike.version: expected a whole number from 1 to 2, found 3."));
}

QTEST_GUILESS_MAIN(TestProfileJson)
#include "TestProfileJson.moc"
