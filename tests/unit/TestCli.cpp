// The command-line interface, driven through the real binary the way an admin or a script runs it:
// exit status, what lands on stdout/stderr, which files appear (and which must not), and that the
// pre-shared key never shows up in the output.

#include "NetworkProfile.h"
#include "SetkeyDump.h"
#include "SnapshotExport.h"
#include "SnapshotJson.h"
#include "SnapshotParser.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtEndian>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <sys/stat.h>

using namespace ipsecwiz;
using ipsecwiz::test::fixedPsk;
using ipsecwiz::test::readFile;

namespace {

// What one run of the binary did.
struct Run
{
    bool finished = false; // exited by itself (not crashed, not killed after the time limit)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] bool exitedWith(int code) const { return finished && exitCode == code; }
    [[nodiscard]] QString stdErr() const { return QString::fromUtf8(err); }
    [[nodiscard]] QString stdOut() const { return QString::fromUtf8(out); }
    // For failure messages: everything a person needs to see why the expectation failed.
    [[nodiscard]] QByteArray what() const
    {
        return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (did not exit by itself)") + "\n--- stdout:\n" + out
               + "--- stderr:\n" + err + "---";
    }
};

QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    return env;
}

// Every logging category at debug level: what a user hunting a problem would switch on.
QProcessEnvironment verboseEnvironment()
{
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    return env;
}

Run runProgram(const QString& program, const QStringList& args, const QProcessEnvironment& env = cliEnvironment(),
               const QString& workDir = {}, int timeoutMs = 60000)
{
    Run r;
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.err = "cannot start " + program.toUtf8() + ": " + p.errorString().toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.out = p.readAllStandardOutput();
        r.err = "(still running after " + QByteArray::number(timeoutMs) + " ms; killed)\n" + p.readAllStandardError();
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// What a user runs: the launcher, which execs the whole program (IPSECWIZ_PROGRAM) for all but
// the summary of a setkey dump.
Run runCli(const QStringList& args, const QProcessEnvironment& env = cliEnvironment(), const QString& workDir = {},
           int timeoutMs = 60000)
{
    return runProgram(QStringLiteral(IPSECWIZ_BINARY), args, env, workDir, timeoutMs);
}

QString exampleProfilePath()
{
    return QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE);
}

QJsonObject exampleProfile()
{
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(exampleProfilePath()));
    if (!doc.isObject())
        qFatal("the example profile %s is not a JSON object", IPSECWIZ_EXAMPLE_PROFILE);
    return doc.object();
}

QJsonObject withValue(QJsonObject object, QStringList path, const QJsonValue& value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty())
        object.insert(key, value);
    else
        object.insert(key, withValue(object.value(key).toObject(), path, value));
    return object;
}

// The example profile with the value at a dotted JSON path ("gatewayA.ssh.port") set or added.
QByteArray exampleWith(const QString& dottedPath, const QJsonValue& value)
{
    return QJsonDocument(withValue(exampleProfile(), dottedPath.split(QLatin1Char('.')), value)).toJson();
}

QByteArray exampleWithKey(const QByteArray& psk)
{
    return exampleWith(QStringLiteral("psk"), QString::fromLatin1(psk));
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size() && f.flush();
}

// The permission bits as `ls -l` shows them (0644, 0600), or -1 when the file is missing.
int fileMode(const QString& path)
{
    struct stat st{};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QString octal(int mode)
{
    return QString::number(mode, 8).rightJustified(4, QLatin1Char('0'));
}

// Every entry of a folder, hidden ones (half-written ".…tmp-XXXXXX" files) included.
QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// Every file below a folder, relative to it, sorted.
QStringList filesBelow(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

struct PskLine
{
    QByteArray peer;
    QByteArray key;
};

// racoon's psk.txt: comment lines, then "PEER<TAB>KEY".
std::optional<PskLine> readPskTxt(const QString& path)
{
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray& line : lines) {
        if (line.trimmed().isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() != 2)
            return std::nullopt;
        return PskLine{parts.at(0), parts.at(1)};
    }
    return std::nullopt;
}

const QRegularExpression& freshKeyPattern()
{
    static const QRegularExpression re(QStringLiteral("^0x[0-9a-f]{64}$"));
    return re;
}

QString pskTxt(const QString& out, const char* side)
{
    return out + QStringLiteral("/gateway-") + QLatin1String(side) + QStringLiteral("/etc/racoon/psk.txt");
}

QString racoonToolConf(const QString& out, const char* side)
{
    return out + QStringLiteral("/gateway-") + QLatin1String(side) + QStringLiteral("/etc/racoon/racoon-tool.conf");
}

const QString MarkerName = QStringLiteral("marker.txt");
const QByteArray MarkerContent = QByteArrayLiteral("left here by the test; must survive a failed run\n");

// DIR with one marker file, to show a failed run left DIR exactly as it was.
bool makeMarkedFolder(const QString& dir)
{
    return QDir().mkpath(dir) && writeFile(dir + QLatin1Char('/') + MarkerName, MarkerContent);
}

bool onlyMarkerIn(const QString& dir)
{
    return entriesOf(dir) == QStringList{MarkerName} && readFile(dir + QLatin1Char('/') + MarkerName) == MarkerContent;
}

// Replaces @PROFILE@, @OUT@ and @KEYFILE@ in a row's arguments.
QStringList expand(QStringList args, const QString& profile, const QString& out, const QString& keyFile = {})
{
    for (QString& a : args) {
        a.replace(QStringLiteral("@PROFILE@"), profile);
        a.replace(QStringLiteral("@OUT@"), out);
        a.replace(QStringLiteral("@KEYFILE@"), keyFile);
    }
    return args;
}

struct BadInput
{
    const char* name;
    QByteArray profile;
    QString field;
    QString fragment;
};

// Profiles every command must refuse with exit 1, naming the field.
QList<BadInput> badInputs()
{
    const auto s = [](const char* text) { return QJsonValue(QString::fromUtf8(text)); };
    return {
        {"networkA-malformed", exampleWith(QStringLiteral("networkA"), s("192.168.1/24")), QStringLiteral("networkA"),
         QStringLiteral("is not an IPv4 or IPv6 network")},
        {"networkA-host-bits-set", exampleWith(QStringLiteral("networkA"), s("192.168.1.1/24")), QStringLiteral("networkA"),
         QStringLiteral("has host bits set")},
        {"networks-overlap", exampleWith(QStringLiteral("networkB"), s("192.168.0.0/16")), QStringLiteral("networkB"),
         QStringLiteral("overlaps network A")},
        {"public-address-inside-protected-network", exampleWith(QStringLiteral("gatewayB.publicAddress"), s("192.168.1.200/24")),
         QStringLiteral("gatewayB.publicAddress"), QStringLiteral("lies inside network A")},
        {"internal-address-outside-its-network", exampleWith(QStringLiteral("gatewayB.internalAddress"), s("192.168.1.2")),
         QStringLiteral("gatewayB.internalAddress"), QStringLiteral("is outside network B")},
        {"racoon-tool-with-ikev2", exampleWith(QStringLiteral("ike.version"), 2), QStringLiteral("ike.version"),
         QStringLiteral("racoon speaks IKEv1 only")},
        {"ike-des", exampleWith(QStringLiteral("ike.encryption"), s("des")), QStringLiteral("ike.encryption"),
         QStringLiteral("DES must not be used")},
        {"esp-des", exampleWith(QStringLiteral("esp.encryption"), s("des")), QStringLiteral("esp.encryption"),
         QStringLiteral("DES must not be used")},
        {"empty-psk", exampleWith(QStringLiteral("psk"), s("")), QStringLiteral("psk"), QStringLiteral("The pre-shared key is empty")},
        {"connection-name-with-space", exampleWith(QStringLiteral("name"), s("seed tunnel")), QStringLiteral("name"),
         QStringLiteral("may only hold letters")},
        {"ssh-port-is-a-string", exampleWith(QStringLiteral("gatewayA.ssh.port"), s("22")), QStringLiteral("$.gatewayA.ssh.port"),
         QStringLiteral("expected a whole number from 1 to 65535, found a string")},
        {"unknown-key-typo", exampleWith(QStringLiteral("gatewayA.publicAdress"), s("203.0.113.1/24")),
         QStringLiteral("$.gatewayA.publicAdress"), QStringLiteral("is not a known setting")},
        {"newer-format-version", exampleWith(QStringLiteral("version"), 3), QStringLiteral("$.version"),
         QStringLiteral("newer IPsec Wizard")},
        {"empty-file", QByteArray(), QStringLiteral("$"), QStringLiteral("The file is empty")},
        {"not-json", QByteArrayLiteral("{ \"format\": \"ipsec-wizard-profile\", "), QStringLiteral("$"), QStringLiteral("Not valid JSON")},
    };
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void versionPrintsNameAndVersion_data();
    void versionPrintsNameAndVersion();
    void helpListsEveryCommand_data();
    void helpListsEveryCommand();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void unknownCommandWordIsUsageError_data();
    void unknownCommandWordIsUsageError();

    void validateAcceptsGoodProfile_data();
    void validateAcceptsGoodProfile();
    void missingProfileFileIsBadInput();
    void ansibleAndCheckRefuseWrongInput();

    void pskPrintsOneKey_data();
    void pskPrintsOneKey();
    void pskRunsGiveDifferentKeys();

    void generateWritesBothGateways();
    void generateMakesFreshKeyEachRun();
    void generateUsesProfileKey_data();
    void generateUsesProfileKey();
    void generateOneSideWithoutKeyIsRefused_data();
    void generateOneSideWithoutKeyIsRefused();
    void generateOneSideWithKeyFile_data();
    void generateOneSideWithKeyFile();
    void generateWriteFailureLeavesFolderAsItWas();
    void unusableKeyFileIsRefused_data();
    void unusableKeyFileIsRefused();
    void unreadablePasswordFileIsRefused_data();
    void unreadablePasswordFileIsRefused();
    void monitorValidatesTheProfile();
    void firewallRulesMustBeTheTunnelsTableOnly_data();
    void firewallRulesMustBeTheTunnelsTableOnly();
    void noCoreFile();
    void removeNamesItsTunnel();
    void upgradeConvertsVersion1InPlace();
    void validateChecksANetworkWhole();
    void generateWritesEveryGatewayOfANetwork();
    void bundleOfANetworkHasAFolderPerGateway();
    void everyNetworkMistakeIsNamedAndWritesNothing_data();
    void everyNetworkMistakeIsNamedAndWritesNothing();
    void drawWritesSvgAndPngWithoutADisplay();
    void diagnoseDecodesBothGatewaysLogs();
    void parseJsonIsWhatQJsonDocumentPrints_data();
    void parseJsonIsWhatQJsonDocumentPrints();
    void parseReadsAllOfAPipe();
    void parseTextIsTheCountsThenEveryLine();
    void launcherPrintsWhatTheProgramPrints();
    void launcherParsesItselfOnlyWhenSure();
    void pushOfANetworkRefusesWhatItCannotDo_data();
    void pushOfANetworkRefusesWhatItCannotDo();
    void labUpFromHandsPlanAndProfileToTheScript();
    void labUpFromRefusesWhatTheLabCannotBuild();

    void bundleWrites_data();
    void bundleWrites();
    void bundleRefusesNonEmptyFolder();

    void badInputChangesNothing_data();
    void badInputChangesNothing();

    void keyNeverInOutput_data();
    void keyNeverInOutput();
    void importFolderAndFiles();
    void importWrongInput();
    void importSeveralGatewaysMerges();
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(IPSECWIZ_BINARY)).isExecutable(), "build the ipsec-wizard target first: " IPSECWIZ_BINARY);
    // The example must itself be good, or every "bad input" row below proves nothing.
    const Run r = runCli({QStringLiteral("validate"), exampleProfilePath()});
    QVERIFY2(r.exitedWith(0), r.what().constData());
}

// --- usage --------------------------------------------------------------------------------------

void TestCli::versionPrintsNameAndVersion_data()
{
    QTest::addColumn<QString>("option");

    QTest::newRow("--version") << QStringLiteral("--version");
    QTest::newRow("-v") << QStringLiteral("-v");
}

void TestCli::versionPrintsNameAndVersion()
{
    QFETCH(QString, option);

    const Run r = runCli({option});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QCOMPARE(r.stdOut(), QStringLiteral("ipsec-wizard " IPSECWIZ_VERSION "\n"));
    QVERIFY2(QRegularExpression(QStringLiteral("^ipsec-wizard \\d+\\.\\d+\\.\\d+\\n$")).match(r.stdOut()).hasMatch(), r.what().constData());
    QVERIFY2(r.err.isEmpty(), r.what().constData());
}

void TestCli::helpListsEveryCommand_data()
{
    QTest::addColumn<QStringList>("args");

    QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")};
    QTest::newRow("generate --help") << QStringList{QStringLiteral("generate"), QStringLiteral("--help")};
    QTest::newRow("psk --help") << QStringList{QStringLiteral("psk"), QStringLiteral("--help")};
}

void TestCli::helpListsEveryCommand()
{
    QFETCH(QStringList, args);

    const Run r = runCli(args);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    const QString text = r.stdOut();
    QVERIFY2(text.startsWith(QStringLiteral("Usage: ipsec-wizard")), r.what().constData());
    const QStringList commands{QStringLiteral("validate"), QStringLiteral("generate"), QStringLiteral("bundle"), QStringLiteral("psk")};
    for (const QString& command : commands) {
        const QRegularExpression listed(QStringLiteral("^  %1 ").arg(command), QRegularExpression::MultilineOption);
        QVERIFY2(listed.match(text).hasMatch(), qPrintable(QStringLiteral("%1 is not listed:\n%2").arg(command, text)));
    }
    for (const QString& option : {QStringLiteral("--out DIR"), QStringLiteral("--side a|b|both"), QStringLiteral("--psk-file FILE"),
                                  QStringLiteral("--bytes N"), QStringLiteral("--version")})
        QVERIFY2(text.contains(option), qPrintable(QStringLiteral("%1 is not mentioned:\n%2").arg(option, text)));
    QVERIFY2(r.err.isEmpty(), r.what().constData());
}

void TestCli::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("fragment");

    const QString P = QStringLiteral("@PROFILE@");
    const QString O = QStringLiteral("@OUT@");
    const auto L = [](const char* s) { return QString::fromUtf8(s); };

    QTest::newRow("unknown-option") << QStringList{L("--frobnicate")} << L("unknown option or command");
    QTest::newRow("generate-without-out") << QStringList{L("generate"), P} << L("--out");
    QTest::newRow("generate-side-x") << QStringList{L("generate"), P, L("--out"), O, L("--side"), L("x")}
                                     << L("--side must be a, b or both");
    QTest::newRow("generate-side-empty") << QStringList{L("generate"), P, L("--out"), O, L("--side"), QString()}
                                         << L("--side must be a, b or both");
    QTest::newRow("generate-unknown-option") << QStringList{L("generate"), P, L("--out"), O, L("--force")} << L("Unknown option 'force'");
    QTest::newRow("generate-without-profile") << QStringList{L("generate"), L("--out"), O} << L("generate needs one PROFILE");
    QTest::newRow("validate-without-profile") << QStringList{L("validate")} << L("validate needs one PROFILE");
    QTest::newRow("validate-two-profiles") << QStringList{L("validate"), P, P} << L("validate needs one PROFILE");
    QTest::newRow("bundle-without-out") << QStringList{L("bundle"), P} << L("bundle needs -o OUT");
    QTest::newRow("psk-bytes-3") << QStringList{L("psk"), L("--bytes"), L("3")} << L("--bytes");
    QTest::newRow("psk-bytes-15") << QStringList{L("psk"), L("--bytes"), L("15")} << L("--bytes");
    QTest::newRow("psk-bytes-129") << QStringList{L("psk"), L("--bytes"), L("129")} << L("--bytes");
    QTest::newRow("psk-bytes-not-a-number") << QStringList{L("psk"), L("--bytes"), L("many")} << L("--bytes needs a number");
    QTest::newRow("psk-with-argument") << QStringList{L("psk"), L("extra")} << L("psk takes no arguments");
    QTest::newRow("ansible-without-out") << QStringList{L("ansible"), P} << L("ansible needs -o DIR");
    QTest::newRow("ansible-without-profile") << QStringList{L("ansible"), L("-o"), O} << L("ansible needs one PROFILE");
    QTest::newRow("ansible-timeout-5") << QStringList{L("ansible"), P, L("-o"), O, L("--confirm-timeout"), L("5")} << L("--confirm-timeout must be");
    QTest::newRow("ansible-timeout-word") << QStringList{L("ansible"), P, L("-o"), O, L("--confirm-timeout"), L("soon")} << L("--confirm-timeout must be");
    QTest::newRow("check-without-profile") << QStringList{L("check")} << L("check needs one PROFILE");
    QTest::newRow("check-pair-gateway-x") << QStringList{L("check"), P, L("--gateway"), L("x")} << L("--gateway of a tunnel between two gateways is a or b");
}

void TestCli::usageErrorsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, fragment);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    const Run r = runCli(expand(args, exampleProfilePath(), out));
    QVERIFY2(r.exitedWith(2), r.what().constData());
    QVERIFY2(r.stdErr().contains(fragment), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("Try 'ipsec-wizard --help'.")), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(!QFileInfo::exists(out), "a usage error created the output folder");
}

void TestCli::unknownCommandWordIsUsageError_data()
{
    QTest::addColumn<QStringList>("args");

    QTest::newRow("typo-with-arguments") << QStringList{QStringLiteral("genrate"), QStringLiteral("@PROFILE@"), QStringLiteral("--out"),
                                                        QStringLiteral("@OUT@")};
    QTest::newRow("lone-word-that-is-no-file") << QStringList{QStringLiteral("genrate")};
}

void TestCli::unknownCommandWordIsUsageError()
{
    // A first word that is neither a command nor an existing profile is a typo, and a script must
    // get exit 2 at once, not a wizard window (or a crash when there is no display).
    QFETCH(QStringList, args);

    QTemporaryDir tmp; // the working directory, so no file named "genrate" can exist
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    const Run r = runCli(expand(args, exampleProfilePath(), out), cliEnvironment(), tmp.path(), 10000);
    QVERIFY2(r.exitedWith(2), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("genrate")), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("Try 'ipsec-wizard --help'.")), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(!QFileInfo::exists(out), "an unknown command wrote output");
}

// --- validate -----------------------------------------------------------------------------------

void TestCli::validateAcceptsGoodProfile_data()
{
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("warning");

    QTest::newRow("example-profile") << readFile(exampleProfilePath()) << QStringLiteral(": valid (0 warning(s))") << QString();
    QTest::newRow("example-with-strong-key") << exampleWithKey(fixedPsk()) << QStringLiteral(": valid (0 warning(s))") << QString();
    QTest::newRow("esp-lifetime-not-shorter-warns-but-passes")
        << exampleWith(QStringLiteral("esp.lifetime"), 28800) << QStringLiteral(": valid (1 warning(s))")
        << QStringLiteral("warning: esp.lifetime: ");
    QTest::newRow("3des-warns-but-passes") << exampleWith(QStringLiteral("esp.encryption"), QStringLiteral("3des"))
                                           << QStringLiteral(": valid (1 warning(s))") << QStringLiteral("warning: esp.encryption: ");
}

void TestCli::validateAcceptsGoodProfile()
{
    QFETCH(QByteArray, profile);
    QFETCH(QString, summary);
    QFETCH(QString, warning);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeFile(path, profile));
    const Run r = runCli({QStringLiteral("validate"), path});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QCOMPARE(r.stdOut(), path + summary + QLatin1Char('\n'));
    QVERIFY2(!r.stdErr().contains(QStringLiteral("error")), r.what().constData());
    if (warning.isEmpty())
        QVERIFY2(r.err.isEmpty(), r.what().constData());
    else
        QVERIFY2(r.stdErr().startsWith(warning), r.what().constData());
}

void TestCli::missingProfileFileIsBadInput()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString missing = tmp.filePath(QStringLiteral("no-such-profile.json"));
    const Run r = runCli({QStringLiteral("validate"), missing});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(missing), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("Cannot open the profile")), r.what().constData());
}

// --- psk ----------------------------------------------------------------------------------------

void TestCli::pskPrintsOneKey_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("bytes");

    QTest::newRow("default-32-bytes") << QStringList{QStringLiteral("psk")} << 32;
    QTest::newRow("bytes-20-as-the-seed") << QStringList{QStringLiteral("psk"), QStringLiteral("--bytes"), QStringLiteral("20")} << 20;
    QTest::newRow("bytes-16-the-least") << QStringList{QStringLiteral("psk"), QStringLiteral("--bytes"), QStringLiteral("16")} << 16;
    QTest::newRow("bytes-128-the-most") << QStringList{QStringLiteral("psk"), QStringLiteral("--bytes"), QStringLiteral("128")} << 128;
    QTest::newRow("bytes=20") << QStringList{QStringLiteral("psk"), QStringLiteral("--bytes=20")} << 20;
}

void TestCli::pskPrintsOneKey()
{
    QFETCH(QStringList, args);
    QFETCH(int, bytes);

    const Run r = runCli(args);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY2(r.out.endsWith('\n') && r.out.count('\n') == 1, r.what().constData());
    const QByteArray key = r.out.chopped(1);
    QCOMPARE(key.size(), 2 + 2 * bytes); // 66 for the default, 42 for 20 bytes
    const QRegularExpression pattern(QStringLiteral("^0x[0-9a-f]{%1}$").arg(2 * bytes));
    QVERIFY2(pattern.match(QString::fromLatin1(key)).hasMatch(), key.constData());
    QCOMPARE(QByteArray::fromHex(key.mid(2)).size(), bytes);
    QVERIFY2(r.err.isEmpty(), r.what().constData());
}

void TestCli::pskRunsGiveDifferentKeys()
{
    const Run a = runCli({QStringLiteral("psk")});
    const Run b = runCli({QStringLiteral("psk")});
    QVERIFY2(a.exitedWith(0), a.what().constData());
    QVERIFY2(b.exitedWith(0), b.what().constData());
    QVERIFY(a.out != b.out);
}

// --- generate -----------------------------------------------------------------------------------

void TestCli::generateWritesBothGateways()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out")); // does not exist yet: generate makes it
    const Run r = runCli({QStringLiteral("generate"), exampleProfilePath(), QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(0), r.what().constData());

    for (const char* side : {"a", "b"}) {
        QCOMPARE(octal(fileMode(racoonToolConf(out, side))), QStringLiteral("0644"));
        QCOMPARE(octal(fileMode(pskTxt(out, side))), QStringLiteral("0600"));
        // stdout lists what was written, with its mode.
        QVERIFY2(r.stdOut().contains(QStringLiteral("0644  ") + racoonToolConf(out, side) + QLatin1Char('\n')), r.what().constData());
        QVERIFY2(r.stdOut().contains(QStringLiteral("0600  ") + pskTxt(out, side) + QLatin1Char('\n')), r.what().constData());
        // The program's block only: install.sh (or the push) merges it into the admin's file.
        QVERIFY(readFile(racoonToolConf(out, side)).startsWith("# BEGIN ipsec-wizard seed\n"));
        QVERIFY(readFile(racoonToolConf(out, side)).endsWith("# END ipsec-wizard seed\n"));
    }

    // The example holds no key: one fresh key, the same on both gateways, each naming the other.
    const auto a = readPskTxt(pskTxt(out, "a"));
    const auto b = readPskTxt(pskTxt(out, "b"));
    QVERIFY2(a && b, readFile(pskTxt(out, "a")).constData());
    QVERIFY2(freshKeyPattern().match(QString::fromLatin1(a->key)).hasMatch(), a->key.constData());
    QCOMPARE(a->key, b->key);
    QCOMPARE(a->peer, QByteArrayLiteral("203.0.113.2"));
    QCOMPARE(b->peer, QByteArrayLiteral("203.0.113.1"));
    QVERIFY2(r.stdErr().contains(QStringLiteral("fresh pre-shared key")), r.what().constData());

    // Only the psk.txt files carry the key, and no half-written temporary file is left behind.
    const QStringList files = filesBelow(out);
    QVERIFY(files.contains(QStringLiteral("gateway-a/etc/racoon/racoon-tool.conf")));
    QVERIFY(files.contains(QStringLiteral("gateway-b/etc/racoon/psk.txt")));
    for (const QString& f : files) {
        QVERIFY2(!f.contains(QStringLiteral(".tmp-")), qPrintable(f));
        if (!f.endsWith(QStringLiteral("/psk.txt")))
            QVERIFY2(!readFile(out + QLatin1Char('/') + f).contains(a->key), qPrintable(f + QStringLiteral(" holds the key")));
    }
    QCOMPARE(entriesOf(out), (QStringList{QStringLiteral("gateway-a"), QStringLiteral("gateway-b")}));
}

void TestCli::generateMakesFreshKeyEachRun()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QByteArray keys[2];
    for (int i = 0; i < 2; ++i) {
        const QString out = tmp.filePath(QStringLiteral("out%1").arg(i));
        const Run r = runCli({QStringLiteral("generate"), exampleProfilePath(), QStringLiteral("--out"), out});
        QVERIFY2(r.exitedWith(0), r.what().constData());
        const auto psk = readPskTxt(pskTxt(out, "a"));
        QVERIFY(psk);
        keys[i] = psk->key;
    }
    QVERIFY(keys[0] != keys[1]);
}

void TestCli::generateUsesProfileKey_data()
{
    QTest::addColumn<QString>("side");
    QTest::addColumn<QStringList>("written");

    QTest::newRow("side-a") << QStringLiteral("a") << QStringList{QStringLiteral("gateway-a")};
    QTest::newRow("side-b") << QStringLiteral("b") << QStringList{QStringLiteral("gateway-b")};
    QTest::newRow("both") << QStringLiteral("both") << QStringList{QStringLiteral("gateway-a"), QStringLiteral("gateway-b")};
}

void TestCli::generateUsesProfileKey()
{
    QFETCH(QString, side);
    QFETCH(QStringList, written);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profile = tmp.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeFile(profile, exampleWithKey(fixedPsk())));
    const QString out = tmp.filePath(QStringLiteral("out"));
    const Run r = runCli({QStringLiteral("generate"), profile, QStringLiteral("--out"), out, QStringLiteral("--side"), side});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QCOMPARE(entriesOf(out), written);
    for (const QString& dir : written) {
        const auto psk = readPskTxt(out + QLatin1Char('/') + dir + QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(psk);
        QCOMPARE(psk->key, fixedPsk());
    }
    QVERIFY2(!r.stdErr().contains(QStringLiteral("fresh")), r.what().constData());
}

void TestCli::generateOneSideWithoutKeyIsRefused_data()
{
    QTest::addColumn<QString>("side");

    QTest::newRow("side-a") << QStringLiteral("a");
    QTest::newRow("side-b") << QStringLiteral("b");
}

void TestCli::generateOneSideWithoutKeyIsRefused()
{
    // Two separate runs would make two different fresh keys, and the tunnel would never come up.
    QFETCH(QString, side);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(makeMarkedFolder(out));
    const Run r = runCli({QStringLiteral("generate"), exampleProfilePath(), QStringLiteral("--side"), side, QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: psk: ")), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("--psk-file")), r.what().constData()); // says how to fix it
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(onlyMarkerIn(out), qPrintable(entriesOf(out).join(QLatin1Char(' '))));
}

void TestCli::generateOneSideWithKeyFile_data()
{
    QTest::addColumn<QString>("side");
    QTest::addColumn<QByteArray>("keyFile");
    QTest::addColumn<QStringList>("written");

    const QByteArray key = fixedPsk();
    QTest::newRow("side-a") << QStringLiteral("a") << key + '\n' << QStringList{QStringLiteral("gateway-a")};
    QTest::newRow("side-b") << QStringLiteral("b") << key + '\n' << QStringList{QStringLiteral("gateway-b")};
    QTest::newRow("side-a-no-final-newline") << QStringLiteral("a") << key << QStringList{QStringLiteral("gateway-a")};
    QTest::newRow("side-a-only-first-line-counts") << QStringLiteral("a") << key + "\nsomething else\n"
                                                   << QStringList{QStringLiteral("gateway-a")};
    QTest::newRow("both-sides-take-the-file-not-a-fresh-key")
        << QStringLiteral("both") << key + '\n' << QStringList{QStringLiteral("gateway-a"), QStringLiteral("gateway-b")};
}

void TestCli::generateOneSideWithKeyFile()
{
    QFETCH(QString, side);
    QFETCH(QByteArray, keyFile);
    QFETCH(QStringList, written);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString keyPath = tmp.filePath(QStringLiteral("key.txt"));
    QVERIFY(writeFile(keyPath, keyFile));
    const QString out = tmp.filePath(QStringLiteral("out"));
    const Run r = runCli({QStringLiteral("generate"), exampleProfilePath(), QStringLiteral("--side"), side, QStringLiteral("--psk-file"),
                          keyPath, QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QCOMPARE(entriesOf(out), written);
    for (const QString& dir : written) {
        QCOMPARE(octal(fileMode(out + QLatin1Char('/') + dir + QStringLiteral("/etc/racoon/psk.txt"))), QStringLiteral("0600"));
        const auto psk = readPskTxt(out + QLatin1Char('/') + dir + QStringLiteral("/etc/racoon/psk.txt"));
        QVERIFY(psk);
        QCOMPARE(psk->key, fixedPsk());
    }
    QVERIFY2(!r.stdErr().contains(QStringLiteral("fresh")), r.what().constData());
}

void TestCli::generateWriteFailureLeavesFolderAsItWas()
{
    // A file named gateway-b blocks gateway B's folders. Half a tunnel (gateway A with a fresh key
    // nobody else has) must not be left behind: DIR stays as it was, as generate promises.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    QVERIFY(writeFile(out + QStringLiteral("/gateway-b"), MarkerContent));
    const Run r = runCli({QStringLiteral("generate"), exampleProfilePath(), QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: --out: ")), r.what().constData());
    QVERIFY2(entriesOf(out) == QStringList{QStringLiteral("gateway-b")},
             qPrintable(QStringLiteral("the output folder changed: ") + filesBelow(out).join(QLatin1Char(' '))));
    QCOMPARE(readFile(out + QStringLiteral("/gateway-b")), MarkerContent);
}

void TestCli::unusableKeyFileIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("exists");
    QTest::addColumn<QByteArray>("keyFile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");

    const QString generate = QStringLiteral("generate");
    const QString bundle = QStringLiteral("bundle");
    const QString option = QStringLiteral("--psk-file");
    const QString psk = QStringLiteral("psk");
    const QByteArray none;

    QTest::newRow("generate-missing-key-file") << generate << false << none << option << QStringLiteral("Cannot read");
    QTest::newRow("generate-empty-key-file") << generate << true << none << option << QStringLiteral("holds no key");
    QTest::newRow("generate-blank-first-line") << generate << true << QByteArrayLiteral("   \n0x00112233\n") << option
                                               << QStringLiteral("holds no key");
    QTest::newRow("generate-key-with-space") << generate << true << QByteArrayLiteral("0x0011 2233445566778899aabbccddeeff\n") << psk
                                             << QStringLiteral("spaces");
    QTest::newRow("bundle-missing-key-file") << bundle << false << none << option << QStringLiteral("Cannot read");
    QTest::newRow("bundle-empty-key-file") << bundle << true << none << option << QStringLiteral("holds no key");
    QTest::newRow("bundle-key-with-hash") << bundle << true << QByteArrayLiteral("0x0011#2233445566778899aabbccddeeff\n") << psk
                                          << QStringLiteral("psk.txt and swanctl.conf cannot carry");
}

void TestCli::unusableKeyFileIsRefused()
{
    QFETCH(QString, command);
    QFETCH(bool, exists);
    QFETCH(QByteArray, keyFile);
    QFETCH(QString, field);
    QFETCH(QString, fragment);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString keyPath = tmp.filePath(QStringLiteral("key.txt"));
    if (exists)
        QVERIFY(writeFile(keyPath, keyFile));
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(makeMarkedFolder(out));
    QStringList args{command, exampleProfilePath(), QStringLiteral("--psk-file"), keyPath};
    if (command == QLatin1String("generate"))
        args << QStringLiteral("--side") << QStringLiteral("a") << QStringLiteral("--out") << out;
    else
        args << QStringLiteral("-o") << out + QStringLiteral("/bundle.tar.gz");
    const Run r = runCli(args);
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: ") + field + QStringLiteral(": ")), r.what().constData());
    QVERIFY2(r.stdErr().contains(fragment), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(onlyMarkerIn(out), qPrintable(entriesOf(out).join(QLatin1Char(' '))));
    if (!keyFile.trimmed().isEmpty()) // a refused key is not repeated back
        QVERIFY2(!r.err.contains(keyFile.trimmed()), r.what().constData());
}

void TestCli::unreadablePasswordFileIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::newRow("push") << QStringLiteral("push");
    QTest::newRow("monitor") << QStringLiteral("monitor");
}

// Checked before anything connects: a mistyped file is named, not left to the gateway's
// "Permission denied".
void TestCli::unreadablePasswordFileIsRefused()
{
    QFETCH(QString, command);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString missing = tmp.filePath(QStringLiteral("no-such-password"));
    const Run r = runCli({command, exampleProfilePath(), QStringLiteral("--password-file"), missing});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: --password-file: Cannot read ") + missing), r.what().constData());
    QVERIFY2(!r.stdErr().contains(QStringLiteral("Permission denied")), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
}

// Security review, finding 4: monitor validates like every other command, before anything
// connects (the user would reach a ProxyCommand of the admin's ssh config).
void TestCli::monitorValidatesTheProfile()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString marker = tmp.filePath(QStringLiteral("PWNED"));
    const QString profile = tmp.filePath(QStringLiteral("p.json"));
    QVERIFY(writeFile(profile, exampleWith(QStringLiteral("gatewayA.ssh.user"), QStringLiteral("x$(touch %1)").arg(marker))));
    const Run r = runCli({QStringLiteral("monitor"), profile, QStringLiteral("--once")});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("gatewayA.ssh.user")), r.what().constData());
    QVERIFY(!QFile::exists(marker));
}

void TestCli::firewallRulesMustBeTheTunnelsTableOnly_data()
{
    QTest::addColumn<QByteArray>("rules");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a longer name") << QByteArray("table inet ipsec_wizard_seed2 {\n}\n") << QStringLiteral("ipsec_wizard_seed2");
    QTest::newRow("flush ruleset") << QByteArray("flush ruleset\ntable inet ipsec_wizard_seed {\n}\n") << QStringLiteral("flush ruleset");
    QTest::newRow("another table too") << QByteArray("table inet ipsec_wizard_seed {\n}\ntable inet filter {\n}\n")
                                       << QStringLiteral("table inet filter");
}

// The check was a substring match; a rollback deletes only the tunnel's table. Refused before
// anything connects (the example's gateways do not exist).
void TestCli::firewallRulesMustBeTheTunnelsTableOnly()
{
    QFETCH(QByteArray, rules);
    QFETCH(QString, problem);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profile = tmp.filePath(QStringLiteral("p.json"));
    QVERIFY(writeFile(profile, exampleWithKey("0x" + QByteArray(64, 'a'))));
    const QString nft = tmp.filePath(QStringLiteral("rules.nft"));
    QVERIFY(writeFile(nft, rules));
    const Run r = runCli({QStringLiteral("push"), profile, QStringLiteral("--yes"), QStringLiteral("--firewall"), nft});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: --firewall: ")), r.what().constData());
    QVERIFY2(r.stdErr().contains(problem), r.what().constData());
    QVERIFY2(!r.stdOut().contains(QStringLiteral("connecting")), r.what().constData());
}

// remove takes one named tunnel off its gateways: without --tunnel it is a usage error, with
// another tunnel's name bad input naming --tunnel; nothing connects. The dry run says what goes
// (files deleted, blocks taken out, the firewall table) and sends no key.
void TestCli::removeNamesItsTunnel()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profile = tmp.filePath(QStringLiteral("p.json"));
    const QByteArray key = "0x" + QByteArray(64, 'b');
    QVERIFY(writeFile(profile, exampleWithKey(key)));
    Run r = runCli({QStringLiteral("remove"), profile, QStringLiteral("--yes")});
    QVERIFY2(r.exitedWith(2) && r.stdErr().contains(QStringLiteral("--tunnel NAME")), r.what().constData());
    r = runCli({QStringLiteral("remove"), profile, QStringLiteral("--yes"), QStringLiteral("--tunnel"), QStringLiteral("other")});
    QVERIFY2(r.exitedWith(1) && r.stdErr().contains(QStringLiteral("error: --tunnel: ")), r.what().constData());
    QVERIFY2(!r.stdOut().contains(QStringLiteral("connecting")), r.what().constData());
    r = runCli({QStringLiteral("remove"), profile, QStringLiteral("--dry-run"), QStringLiteral("--tunnel"), QStringLiteral("seed")});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("take the block seed out of it")), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("remove /etc/ipsec-wizard/seed/firewall.nft")), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("nft delete table inet ipsec_wizard_seed")), r.what().constData());
    QVERIFY2(!r.stdOut().contains(QStringLiteral(".ipsec-wizard-new  mode")), r.what().constData()); // nothing but the commit script goes up
    QVERIFY(!r.out.contains(key));
}

// The process holds keys and passwords: it makes no core file. Seen in /proc while `monitor`
// waits for a gateway that accepts the connection and never says a word.
void TestCli::noCoreFile()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QJsonObject o = withValue(exampleProfile(), {QStringLiteral("gatewayA"), QStringLiteral("ssh"), QStringLiteral("host")}, QStringLiteral("127.0.0.1"));
    o = withValue(o, {QStringLiteral("gatewayA"), QStringLiteral("ssh"), QStringLiteral("port")}, int(silent.serverPort()));
    const QString profile = tmp.filePath(QStringLiteral("p.json"));
    QVERIFY(writeFile(profile, QJsonDocument(o).toJson()));
    QProcess p;
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("HOME"), tmp.path());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(IPSECWIZ_BINARY), {QStringLiteral("monitor"), profile, QStringLiteral("--gateway"), QStringLiteral("a")});
    QVERIFY(p.waitForStarted(10000));
    QVERIFY(silent.waitForNewConnection(10000));
    QFile limits(QStringLiteral("/proc/%1/limits").arg(p.processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    p.kill();
    p.waitForFinished(5000);
    static const QRegularExpression coreLimit(QStringLiteral("Max core file size +0 +0 "));
    QVERIFY2(coreLimit.match(QString::fromLatin1(text)).hasMatch(), text.constData());
}

// Profile format version 2: `upgrade` converts a version 1 file in place and keeps the old one;
// every command still reads the result (one tunnel between two sites, as before).
void TestCli::upgradeConvertsVersion1InPlace()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profile = tmp.filePath(QStringLiteral("seed.json"));
    const QByteArray v1 = exampleWithKey("0x" + QByteArray(64, 'b'));
    QVERIFY(writeFile(profile, v1));
    QVERIFY(QFile::setPermissions(profile, QFile::ReadOwner | QFile::WriteOwner));
    const QString before = tmp.filePath(QStringLiteral("before"));
    QVERIFY(makeMarkedFolder(before));
    Run r = runCli({QStringLiteral("generate"), profile, QStringLiteral("--out"), before + QStringLiteral("/out")});
    QVERIFY2(r.exitedWith(0), r.what().constData());

    r = runCli({QStringLiteral("upgrade"), profile});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("upgraded to format version 2 (2 sites, 1 tunnels)")), r.what().constData());
    QCOMPARE(readFile(profile + QStringLiteral(".v1")), v1);
    QCOMPARE(fileMode(profile + QStringLiteral(".v1")), 0600);
    QCOMPARE(fileMode(profile), 0600); // it holds the key
    const QByteArray v2 = readFile(profile);
    QVERIFY(v2.contains("\"version\": 2"));
    QVERIFY(v2.contains("\"sites\""));

    // The same files as before the upgrade.
    const QString after = tmp.filePath(QStringLiteral("after"));
    QVERIFY(makeMarkedFolder(after));
    r = runCli({QStringLiteral("generate"), profile, QStringLiteral("--out"), after + QStringLiteral("/out")});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QDirIterator it(before + QStringLiteral("/out"), QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString f = it.next();
        const QString rel = f.mid(before.size());
        QCOMPARE(readFile(after + rel), readFile(f));
        ++files;
    }
    QVERIFY(files >= 4);

    // Bad input: named, and nothing written (no PROFILE.v1, the file as it was).
    const QString broken = tmp.filePath(QStringLiteral("broken.json"));
    const QByteArray brokenBytes = exampleWith(QStringLiteral("gatewayA.publicAdress"), QStringLiteral("203.0.113.1/24"));
    QVERIFY(writeFile(broken, brokenBytes));
    r = runCli({QStringLiteral("upgrade"), broken});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: $.gatewayA.publicAdress: is not a known setting")), r.what().constData());
    QVERIFY(!QFileInfo::exists(broken + QStringLiteral(".v1")));
    QCOMPARE(readFile(broken), brokenBytes);

    // Again: nothing to do, and the kept file is not touched.
    r = runCli({QStringLiteral("upgrade"), profile});
    QVERIFY2(r.exitedWith(0) && r.stdOut().contains(QStringLiteral("already format version 2")), r.what().constData());
    QCOMPARE(readFile(profile + QStringLiteral(".v1")), v1);
}

void TestCli::validateChecksANetworkWhole()
{
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    Run r = runCli({QStringLiteral("validate"), example});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("valid")), r.what().constData());

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QByteArray overlapping = readFile(example);
    overlapping.replace("\"10.2.0.0/24\"", "\"10.1.0.0/24\""); // branch2 takes branch1's network
    const QString bad = tmp.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(bad, overlapping));
    r = runCli({QStringLiteral("validate"), bad});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("sites[2].networks[0]")), r.what().constData());
    // The network is not something the one-tunnel commands take yet: said, and nothing written.
    const QString out = tmp.filePath(QStringLiteral("out"));
    r = runCli({QStringLiteral("generate"), example, QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("$.tunnels")), r.what().constData());
    QVERIFY(!QFileInfo::exists(out));
}

// ansible and check name a site the network does not manage, or a file where the project's folder
// goes: exit 1, the option named, nothing written and nothing contacted.
void TestCli::ansibleAndCheckRefuseWrongInput()
{
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("project"));
    Run r = runCli({QStringLiteral("ansible"), example, QStringLiteral("-o"), out, QStringLiteral("--gateway"), QStringLiteral("nowhere")});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("--gateway")) && r.stdErr().contains(QStringLiteral("nowhere")), r.what().constData());
    QVERIFY(!QFileInfo::exists(out));
    QFile file(out);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    r = runCli({QStringLiteral("ansible"), example, QStringLiteral("-o"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("is a file; the project needs a folder")), r.what().constData());
    r = runCli({QStringLiteral("check"), example, QStringLiteral("--gateway"), QStringLiteral("nowhere")});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("“nowhere” is not a managed site of the network")), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
}

// A network of sites: every managed gateway under OUT/SITE/; a wrong site or a mix with the
// version 1 options is refused with nothing written.
void TestCli::generateWritesEveryGatewayOfANetwork()
{
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    Run r = runCli({QStringLiteral("generate"), example, QStringLiteral("--all"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    for (const QString& f : {QStringLiteral("hq/etc/swanctl/conf.d/hq-branch1.conf"), QStringLiteral("hq/etc/swanctl/conf.d/hq-branch2.conf"),
                             QStringLiteral("hq/etc/swanctl/conf.d/hq-branch3.conf"), QStringLiteral("branch1/etc/swanctl/conf.d/hq-branch1.conf"),
                             QStringLiteral("branch2/etc/swanctl/conf.d/hq-branch2.conf"), QStringLiteral("branch3/etc/swanctl/conf.d/hq-branch3.conf")})
        QCOMPARE(fileMode(out + QLatin1Char('/') + f), 0600);
    // Fresh keys, each tunnel its own, the same at both ends, and said so.
    QVERIFY2(r.stdErr().contains(QStringLiteral("a fresh pre-shared key was generated")), r.what().constData());
    const auto secret = [&](const QString& f) {
        const QByteArray c = readFile(out + QLatin1Char('/') + f);
        return c.mid(c.indexOf("secret = ") + 9, 66);
    };
    QCOMPARE(secret(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch1.conf")), secret(QStringLiteral("branch1/etc/swanctl/conf.d/hq-branch1.conf")));
    QVERIFY(secret(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch1.conf")) != secret(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch2.conf")));
    QVERIFY(!r.out.contains(secret(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch1.conf"))));

    // A partner's gateway (not managed): nothing of its own, a settings sheet for its admin, no key in it.
    QByteArray partner = readFile(example);
    partner.replace("\"ssh\": { \"host\": \"198.51.100.20\", \"port\": 22, \"user\": \"root\" }",
                    "\"ssh\": { \"host\": \"198.51.100.20\", \"port\": 22, \"user\": \"root\" }, \"managed\": false");
    QVERIFY(partner.contains("\"managed\": false"));
    const QString partnerProfile = tmp.filePath(QStringLiteral("partner.json"));
    QVERIFY(writeFile(partnerProfile, partner));
    const QString withPartner = tmp.filePath(QStringLiteral("partner"));
    r = runCli({QStringLiteral("generate"), partnerProfile, QStringLiteral("--all"), QStringLiteral("--out"), withPartner});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY(!QFileInfo::exists(withPartner + QStringLiteral("/branch3/etc")));
    const QString sheet = withPartner + QStringLiteral("/branch3/settings-hq-branch3.txt");
    QCOMPARE(fileMode(sheet), 0644);
    QVERIFY(readFile(sheet).contains("Networks:         10.3.0.0/24, 10.30.0.0/24"));
    const QByteArray hqFile = readFile(withPartner + QStringLiteral("/hq/etc/swanctl/conf.d/hq-branch3.conf"));
    QVERIFY(!readFile(sheet).contains(hqFile.mid(hqFile.indexOf("secret = ") + 9, 66)));

    // racoon on the hub: its tunnels' keys in one psk.txt, a block each; racoon-tool cannot wait
    // for the dynamic branch, and says so by the tunnel's field, writing nothing.
    QByteArray racoon = readFile(example);
    racoon.replace("\"flavour\": \"strongswan\",\n                \"identity\": { \"kind\": \"fqdn\", \"value\": \"hq.example.net\" }",
                   "\"flavour\": \"racoon\",\n                \"identity\": { \"kind\": \"fqdn\", \"value\": \"hq.example.net\" }");
    racoon.replace("\"version\": 2,\n        \"encryption\": \"aes256gcm16\",\n        \"integrity\": \"none\"",
                   "\"version\": 1,\n        \"encryption\": \"aes256\",\n        \"integrity\": \"sha256\"");
    racoon.replace("\"dhGroup\": \"curve25519\"", "\"dhGroup\": \"modp2048\"");
    racoon.replace("\"encryption\": \"aes256gcm16\",\n        \"integrity\": \"none\",\n        \"pfsGroup\": \"curve25519\"",
                   "\"encryption\": \"aes256\",\n        \"integrity\": \"sha256\",\n        \"pfsGroup\": \"modp2048\"");
    QVERIFY(racoon.contains("\"racoon\"") && racoon.contains("\"pfsGroup\": \"modp2048\""));
    const QString racoonProfile = tmp.filePath(QStringLiteral("racoon.json"));
    QVERIFY(writeFile(racoonProfile, racoon));
    const QString racoonOut = tmp.filePath(QStringLiteral("racoon"));
    r = runCli({QStringLiteral("generate"), racoonProfile, QStringLiteral("--all"), QStringLiteral("--out"), racoonOut});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QCOMPARE(readFile(racoonOut + QStringLiteral("/hq/etc/racoon/psk.txt")).count("# BEGIN ipsec-wizard hq-branch"), 3);
    QCOMPARE(fileMode(racoonOut + QStringLiteral("/hq/etc/racoon/psk.txt")), 0600);
    QVERIFY(QFileInfo::exists(racoonOut + QStringLiteral("/hq/etc/racoon/ipsec-wizard.d/hq-branch3.conf")));
    racoon.replace("\"flavour\": \"racoon\"", "\"flavour\": \"racoon-tool\"");
    racoon.replace("\"aes256\"", "\"aes128\"");
    QVERIFY(writeFile(racoonProfile, racoon));
    const QString toolOut = tmp.filePath(QStringLiteral("racoon-tool"));
    r = runCli({QStringLiteral("generate"), racoonProfile, QStringLiteral("--all"), QStringLiteral("--out"), toolOut});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("tunnels[\"hq-branch2\"].sites")) && r.stdErr().contains(QStringLiteral("racoon-tool")), r.what().constData());
    QVERIFY(!QFileInfo::exists(toolOut));

    const QString none = tmp.filePath(QStringLiteral("none"));
    QVERIFY(makeMarkedFolder(none));
    r = runCli({QStringLiteral("generate"), example, QStringLiteral("--gateway"), QStringLiteral("nowhere"), QStringLiteral("--out"), none});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: --gateway: There is no site")), r.what().constData());
    // One gateway alone needs the tunnels' keys in the profile.
    r = runCli({QStringLiteral("generate"), example, QStringLiteral("--gateway"), QStringLiteral("hq"), QStringLiteral("--out"), none});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("tunnels[\"hq-branch1\"].psk")), r.what().constData());
    r = runCli({QStringLiteral("generate"), example, QStringLiteral("--all"), QStringLiteral("--side"), QStringLiteral("a"), QStringLiteral("--out"), none});
    QVERIFY2(r.exitedWith(2), r.what().constData());
    QVERIFY(onlyMarkerIn(none));
}

// --- lab up --from -------------------------------------------------------------------------------

// A stand-in for lab/lab.sh (IPSECWIZ_LAB_SCRIPT) that keeps what the CLI hands it: no root, no lab.
static QString fakeLabScript(const QTemporaryDir& tmp)
{
    const QString script = tmp.filePath(QStringLiteral("lab.sh"));
    writeFile(script, "echo \"$*\" > \"$(dirname \"$0\")/args\"\n"
                      "[ \"$1\" = up ] && [ \"$2\" = --plan ] || exit 0\n"
                      "cp \"$3\" \"$(dirname \"$0\")/got-plan\"\n"
                      "stat -c %a \"$5\" > \"$(dirname \"$0\")/got-mode\"\n"
                      "cp \"$5\" \"$(dirname \"$0\")/got-profile\"\n");
    return script;
}

void TestCli::labUpFromHandsPlanAndProfileToTheScript()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("IPSECWIZ_LAB_SCRIPT"), fakeLabScript(tmp));
    env.insert(QStringLiteral("IPSECWIZ_LAB_DIR"), tmp.filePath(QStringLiteral("lab")));
    const Run r = runCli({QStringLiteral("lab"), QStringLiteral("up"), QStringLiteral("--from"),
                          QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json")}, env);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    const QStringList args = QString::fromUtf8(readFile(tmp.filePath(QStringLiteral("args")))).trimmed().split(QLatin1Char(' '));
    QCOMPARE(args.size(), 5);
    QCOMPARE(args.at(0), QStringLiteral("up"));
    QCOMPARE(args.at(3), QStringLiteral("--profile"));
    // The private folder they were in is gone once lab.sh has taken them.
    QVERIFY(!QFileInfo::exists(args.at(2)));
    QVERIFY(!QFileInfo::exists(QFileInfo(args.at(2)).path()));

    const QByteArray plan = readFile(tmp.filePath(QStringLiteral("got-plan")));
    QVERIFY2(plan.contains("\nnat nat-branch1 wan0 172.16.1.2\n"), plan.constData());
    QVERIFY2(plan.contains("\nmgmt gw-branch3 ipsecwiz-mgmt4 10.99.4.1/30 10.99.4.2/30\n"), plan.constData());
    QVERIFY2(plan.contains("\nrenumber branch2 gw-branch2 wan0 wan2 192.0.2.50 "), plan.constData());

    QCOMPARE(readFile(tmp.filePath(QStringLiteral("got-mode"))).trimmed(), QByteArray("600"));
    const QJsonObject profile = QJsonDocument::fromJson(readFile(tmp.filePath(QStringLiteral("got-profile")))).object();
    QCOMPARE(profile.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(profile.value(QStringLiteral("knownHostsFile")).toString(), tmp.filePath(QStringLiteral("lab/known_hosts")));
    const QJsonArray sites = profile.value(QStringLiteral("sites")).toArray();
    QCOMPARE(sites.size(), 4);
    const QJsonObject ssh = sites.at(1).toObject().value(QStringLiteral("gateway")).toObject().value(QStringLiteral("ssh")).toObject();
    QCOMPARE(ssh.value(QStringLiteral("host")).toString(), QStringLiteral("10.99.2.2"));
    QCOMPARE(ssh.value(QStringLiteral("user")).toString(), QStringLiteral("root"));
    QCOMPARE(ssh.value(QStringLiteral("identityFile")).toString(), tmp.filePath(QStringLiteral("lab/admin_ed25519")));
    const QJsonArray tunnels = profile.value(QStringLiteral("tunnels")).toArray();
    QCOMPARE(tunnels.size(), 3);
    for (const QJsonValue& t : tunnels) {
        const QByteArray key = t.toObject().value(QStringLiteral("psk")).toString().toUtf8();
        QVERIFY2(key.startsWith("0x") && key.size() == 66, key.constData());
        QVERIFY(!r.out.contains(key.mid(2)) && !r.err.contains(key.mid(2)));
    }
}

void TestCli::labUpFromRefusesWhatTheLabCannotBuild()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QProcessEnvironment env = cliEnvironment();
    env.insert(QStringLiteral("IPSECWIZ_LAB_SCRIPT"), fakeLabScript(tmp));
    env.insert(QStringLiteral("IPSECWIZ_LAB_DIR"), tmp.filePath(QStringLiteral("lab")));
    QByteArray json = readFile(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json"));
    QVERIFY(json.contains("\"10.30.0.0/24\""));
    json.replace("\"10.30.0.0/24\"", "\"10.99.30.0/24\"");
    const QString profile = tmp.filePath(QStringLiteral("clash.json"));
    QVERIFY(writeFile(profile, json));
    Run r = runCli({QStringLiteral("lab"), QStringLiteral("up"), QStringLiteral("--from"), profile}, env);
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: sites[3].networks[1]: 10.99.30.0/24 lies in 10.99.0.0/16")), r.what().constData());
    QVERIFY2(!QFileInfo::exists(tmp.filePath(QStringLiteral("args"))), "lab.sh ran for a profile the lab cannot build");

    r = runCli({QStringLiteral("lab"), QStringLiteral("up"), QStringLiteral("--form"), profile}, env);
    QVERIFY2(r.exitedWith(2), r.what().constData());
    QVERIFY2(!QFileInfo::exists(tmp.filePath(QStringLiteral("args"))), "lab.sh ran for a misspelt option");
}

// bundle of a network: a folder per managed gateway with its install.sh, which installs that
// gateway's files into a scratch root; each tunnel's two ends get one fresh key, which is not in
// profile.json (no --include-psk) nor on the terminal.
void TestCli::bundleOfANetworkHasAFolderPerGateway()
{
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("bundle"));
    Run r = runCli({QStringLiteral("bundle"), example, QStringLiteral("-o"), out});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    for (const QString& site : {QStringLiteral("hq"), QStringLiteral("branch1"), QStringLiteral("branch2"), QStringLiteral("branch3")})
        QCOMPARE(fileMode(out + QLatin1Char('/') + site + QStringLiteral("/install.sh")), 0755);
    QVERIFY(readFile(out + QStringLiteral("/README.txt")).contains("hq/ goes to the gateway of site hq"));
    const QByteArray profile = readFile(out + QStringLiteral("/profile.json"));
    QVERIFY(profile.contains("\"version\": 2") && !profile.contains("\"psk\""));
    const auto secret = [&](const QString& f) {
        const QByteArray c = readFile(out + QLatin1Char('/') + f);
        return c.mid(c.indexOf("secret = ") + 9, 66);
    };
    const QByteArray key = secret(QStringLiteral("hq/etc/swanctl/conf.d/hq-branch2.conf"));
    QVERIFY(key.startsWith("0x"));
    QCOMPARE(secret(QStringLiteral("branch2/etc/swanctl/conf.d/hq-branch2.conf")), key);
    QVERIFY(!r.out.contains(key));
    // hq's install.sh puts its three tunnels' files under a scratch root, and nothing else.
    const QString root = tmp.filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(root));
    QProcess sh;
    sh.start(QStringLiteral("sh"), {out + QStringLiteral("/hq/install.sh"), QStringLiteral("--root"), root});
    QVERIFY(sh.waitForFinished(20000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardOutput().constData());
    for (const QString& t : {QStringLiteral("hq-branch1"), QStringLiteral("hq-branch2"), QStringLiteral("hq-branch3")})
        QCOMPARE(readFile(root + QStringLiteral("/etc/swanctl/conf.d/") + t + QStringLiteral(".conf")),
                 readFile(out + QStringLiteral("/hq/etc/swanctl/conf.d/") + t + QStringLiteral(".conf")));
}

// Each kind of mistake the network checks know, made in the example's JSON: generate --all
// names the field by its path, exits 1, and writes nothing.
void TestCli::everyNetworkMistakeIsNamedAndWritesNothing_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("path");
    QTest::newRow("overlap at the hub") << QByteArray("\"10.2.0.0/24\"") << QByteArray("\"10.1.0.0/24\"") << QStringLiteral("sites[2].networks[0]");
    QTest::newRow("overlap across a tunnel") << QByteArray("\"10.3.0.0/24\"") << QByteArray("\"10.0.3.0/24\"") << QStringLiteral("sites[3].networks[0]");
    QTest::newRow("duplicate site name") << QByteArray("\"name\": \"branch3\"") << QByteArray("\"name\": \"branch1\"") << QStringLiteral("sites[3].name");
    QTest::newRow("both ends dynamic") << QByteArray("\"localAddress\": \"203.0.113.1\",") << QByteArray("\"localAddress\": \"203.0.113.1\", \"dynamic\": true,")
                                       << QStringLiteral("tunnels[\"hq-branch2\"]");
    QTest::newRow("NAT with an address identity") << QByteArray("\"identity\": { \"kind\": \"fqdn\", \"value\": \"branch1.example.net\" },") << QByteArray()
                                                  << QStringLiteral("sites[1].gateway.identity");
    QTest::newRow("racoon on a dynamic site") << QByteArray("\"dynamic\": true,\n                \"internalAddress\": \"10.2.0.1\",\n                \"flavour\": \"strongswan\"")
                                              << QByteArray("\"dynamic\": true,\n                \"internalAddress\": \"10.2.0.1\",\n                \"flavour\": \"racoon\"")
                                              << QStringLiteral("sites[2].gateway.flavour");
    QTest::newRow("an algorithm no flavour may use") << QByteArray("\"dhGroup\": \"curve25519\"") << QByteArray("\"dhGroup\": \"modp768\"")
                                                     << QStringLiteral("tunnels[\"hq-branch1\"].ike.dhGroup");
}

void TestCli::everyNetworkMistakeIsNamedAndWritesNothing()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, path);
    QByteArray json = readFile(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json"));
    QVERIFY2(json.contains(from), from.constData());
    json.replace(from, to);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profile = tmp.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(profile, json));
    const QString out = tmp.filePath(QStringLiteral("out"));
    const Run r = runCli({QStringLiteral("generate"), profile, QStringLiteral("--all"), QStringLiteral("--out"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(path), r.what().constData());
    QVERIFY(!QFileInfo::exists(out));
}

// draw PROFILE -o FILE.svg|.png renders offscreen (no DISPLAY): every site of a network in the
// SVG, a real PNG; a wrong -o or a broken profile writes nothing. Bundles carry the drawing.
void TestCli::drawWritesSvgAndPngWithoutADisplay()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QProcessEnvironment env = cliEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    const QString svg = tmp.filePath(QStringLiteral("corp.svg"));
    Run r = runCli({QStringLiteral("draw"), example, QStringLiteral("-o"), svg}, env);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    const QByteArray drawing = readFile(svg);
    QVERIFY(drawing.startsWith("<?xml"));
    for (const char* site : {"hq", "branch1", "branch2", "branch3", "10.30.0.0/24", "NAT 198.51.100.10"})
        QVERIFY2(drawing.contains(site), site);
    const QString png = tmp.filePath(QStringLiteral("seed.png"));
    r = runCli({QStringLiteral("draw"), exampleProfilePath(), QStringLiteral("-o"), png}, env);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    // A PNG: its signature, then the IHDR chunk with the width and height (big-endian).
    const QByteArray image = readFile(png);
    QVERIFY(image.startsWith("\x89PNG\r\n\x1a\n") && image.mid(12, 4) == "IHDR");
    QVERIFY(qFromBigEndian<quint32>(image.constData() + 16) > 400 && qFromBigEndian<quint32>(image.constData() + 20) > 100);

    const QString wrong = tmp.filePath(QStringLiteral("corp.pdf"));
    r = runCli({QStringLiteral("draw"), example, QStringLiteral("-o"), wrong}, env);
    QVERIFY2(r.exitedWith(2) && r.stdErr().contains(QStringLiteral("FILE.svg")), r.what().constData());
    QVERIFY(!QFileInfo::exists(wrong));
    QByteArray broken = readFile(example);
    broken.replace("\"10.2.0.0/24\"", "\"10.1.0.0/24\"");
    const QString bad = tmp.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(bad, broken));
    const QString notWritten = tmp.filePath(QStringLiteral("bad.svg"));
    r = runCli({QStringLiteral("draw"), bad, QStringLiteral("-o"), notWritten}, env);
    QVERIFY2(r.exitedWith(1) && r.stdErr().contains(QStringLiteral("sites[2].networks[0]")), r.what().constData());
    QVERIFY(!QFileInfo::exists(notWritten));

    // The bundle of a network and of a pair: topology.svg beside the gateways' folders.
    for (const QString& profile : {example, exampleProfilePath()}) {
        const QString out = tmp.filePath(QFileInfo(profile).baseName() + QStringLiteral("-bundle"));
        r = runCli({QStringLiteral("bundle"), profile, QStringLiteral("-o"), out}, env);
        QVERIFY2(r.exitedWith(0), r.what().constData());
        QVERIFY2(readFile(out + QStringLiteral("/topology.svg")).startsWith("<?xml"), qPrintable(out));
    }
}

// diagnose --log A --log B: the recorded charon logs of a failed attempt give its cause (exit 4),
// as text and JSON; a working attempt gives none (exit 0); an unreadable log is bad input; one
// log with a profile whose two ends are both managed is a usage error.
void TestCli::diagnoseDecodesBothGatewaysLogs()
{
    const QString dir = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/logs/charon/");
    Run r = runCli({QStringLiteral("diagnose"), QStringLiteral("--log"), dir + QStringLiteral("ts.a.log"), QStringLiteral("--log"), dir + QStringLiteral("ts.b.log")});
    QVERIFY2(r.exitedWith(4), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("1. The networks differ: B was asked to carry 10.2.0.0/24")), r.what().constData());
    QVERIFY2(r.stdOut().contains(QStringLiteral("field: networks")), r.what().constData());
    r = runCli({QStringLiteral("diagnose"), QStringLiteral("--json"), QStringLiteral("--log"), dir + QStringLiteral("psk.a.log"), QStringLiteral("--log"),
                dir + QStringLiteral("psk.b.log")});
    QVERIFY2(r.exitedWith(4), r.what().constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("findings")).toArray().first().toObject().value(QStringLiteral("field")).toString(), QStringLiteral("psk"));
    QCOMPARE(o.value(QStringLiteral("events")).toArray().at(1).toInt(), 15);
    r = runCli({QStringLiteral("diagnose"), QStringLiteral("--log"), dir + QStringLiteral("ok.a.log"), QStringLiteral("--log"), dir + QStringLiteral("ok.b.log")});
    QVERIFY2(r.exitedWith(0) && r.stdOut().contains(QStringLiteral("No cause found")), r.what().constData());
    r = runCli({QStringLiteral("diagnose"), QStringLiteral("--log"), dir + QStringLiteral("nonexistent.log")});
    QVERIFY2(r.exitedWith(1) && r.stdErr().contains(QStringLiteral("--log")), r.what().constData());
    r = runCli({QStringLiteral("diagnose")});
    QVERIFY2(r.exitedWith(2), r.what().constData());
    // One log with a PROFILE is for a peer someone else runs: both ends managed is a usage error
    // that says what to give instead.
    r = runCli({QStringLiteral("diagnose"), exampleProfilePath(), QStringLiteral("--log"), dir + QStringLiteral("ts.a.log")});
    QVERIFY2(r.exitedWith(2) && r.stdErr().contains(QStringLiteral("both ends of")) && r.stdErr().contains(QStringLiteral("diagnose --log A --log B")),
             r.what().constData());
}

// parse --json writes its JSON itself; the bytes are the ones QJsonDocument printed of the
// snapshot's QJsonObject, and keys stay masked unless --reveal-keys.
void TestCli::parseJsonIsWhatQJsonDocumentPrints_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<bool>("reveal");
    for (const char* name : {"setkey-D-linux-tunnel-ipcomp-dying-larval.txt", "setkey-DP-linux-fwd-prio-per-socket.txt",
                             "xfrm-state-s-aead-transport.txt", "swanctl-list-sas-rancher-5.3.txt"}) {
        QTest::addRow("%s", name) << QString::fromLatin1(name) << false;
        QTest::addRow("%s --reveal-keys", name) << QString::fromLatin1(name) << true;
    }
}

void TestCli::parseJsonIsWhatQJsonDocumentPrints()
{
    QFETCH(QString, fixture);
    QFETCH(bool, reveal);
    const QString path = QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + fixture;
    QStringList args{QStringLiteral("parse"), QStringLiteral("--json"), path};
    if (reveal)
        args << QStringLiteral("--reveal-keys");
    const Run r = runCli(args);
    QVERIFY2(r.exitedWith(0), r.what().constData());
    const Snapshot s = SnapshotParser::parse(readFile(path));
    QCOMPARE(r.out, QJsonDocument(SnapshotJson::toJson(s, reveal)).toJson());
}

// `parse -` reads standard input to its end: one read() of a pipe gives only what the pipe held
// (64 KB), which used to be parsed as a poll cut short.
void TestCli::parseReadsAllOfAPipe()
{
    const QByteArray one = readFile(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/setkey-D-linux-tunnel-ipcomp-dying-larval.txt"));
    QByteArray many;
    while (many.size() < 512 * 1024)
        many += one;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("setkey-D.txt"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(many) == many.size());
    f.close();
    const Run fromFile = runCli({QStringLiteral("parse"), path});
    QVERIFY2(fromFile.exitedWith(0), fromFile.what().constData());
    const qsizetype sas = SnapshotParser::parse(many).sas.size();
    QVERIFY(sas > 0 && sas == SnapshotParser::parse(one).sas.size() * (many.size() / one.size()));
    QVERIFY2(fromFile.stdOut().startsWith(QStringLiteral("setkey: %1 SAs,").arg(sas)), fromFile.what().constData());

    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(IPSECWIZ_BINARY), {QStringLiteral("parse"), QStringLiteral("-")});
    QVERIFY(p.waitForStarted(10000));
    p.write(many);
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), fromFile.out);
}

// The text summary: the counts, then SnapshotExport's lines, in that order although the two go
// out through different writers.
// bin/ipsec-wizard (the launcher) and the whole program give the same bytes, exit code and
// errors, whether the launcher prints the summary itself or hands the command over.
void TestCli::launcherPrintsWhatTheProgramPrints()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString big = tmp.filePath(QStringLiteral("setkey-10k.txt"));
    QFile f(big);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bench::setkeyDump(10000)) > 0);
    f.close();
    QStringList files{big, tmp.filePath(QStringLiteral("missing.txt")), tmp.path()};
    for (const char* name : {"setkey-D-empty.txt", "setkey-D-linux-transport-blowfish.txt", "setkey-D-reconstructed-esp-udp-dead-ah.txt",
             "setkey-D-netbsd-redacted.txt", "setkey-D-linux-tunnel-ipcomp-dying-larval.txt", "setkey-DP-seed-reconstructed.txt",
             "lab-gateway-a-swanctl-list-sas.txt", "xfrm-state-s-aead-transport.txt"})
        files << QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + QLatin1String(name);
    QProcessEnvironment german = cliEnvironment();
    german.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
    german.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    for (const QString& file : std::as_const(files)) {
        const QList<QStringList> commands{{QStringLiteral("parse"), file},
            {QStringLiteral("parse"), QStringLiteral("--format"), QStringLiteral("setkey"), file},
            {QStringLiteral("parse"), QStringLiteral("--format=auto"), file},
            {QStringLiteral("parse"), QStringLiteral("--format=swanctl"), file},
            {QStringLiteral("parse"), QStringLiteral("--json"), file}};
        for (const QStringList& args : commands) {
            for (const QProcessEnvironment& env : {cliEnvironment(), german}) {
                const Run viaLauncher = runCli(args, env);
                const Run program = runProgram(QStringLiteral(IPSECWIZ_PROGRAM), args, env);
                const QByteArray what = args.join(QLatin1Char(' ')).toUtf8() + " (LANG=" + env.value(QStringLiteral("LANG")).toUtf8()
                    + ")\n--- launcher:\n" + viaLauncher.what().left(3000) + "\n--- program:\n" + program.what().left(3000);
                QVERIFY2(program.finished, what.constData());
                QVERIFY2(viaLauncher.exitCode == program.exitCode, what.constData());
                QVERIFY2(viaLauncher.out == program.out, what.constData());
                QVERIFY2(viaLauncher.err == program.err, what.constData());
            }
        }
    }
    for (const QStringList& args : {QStringList{QStringLiteral("--version")}, QStringList{QStringLiteral("--help")},
             QStringList{QStringLiteral("parse")}, QStringList{QStringLiteral("validate"), exampleProfilePath()}}) {
        const Run viaLauncher = runCli(args);
        const Run program = runProgram(QStringLiteral(IPSECWIZ_PROGRAM), args);
        QVERIFY2(viaLauncher.exitCode == program.exitCode && viaLauncher.out == program.out && viaLauncher.err == program.err,
            (viaLauncher.what() + "\n" + program.what()).constData());
    }
}

// A copy of the launcher without the program beside it prints the summary of a setkey dump (so
// the test above saw the launcher's own bytes there), and for everything else tries to run the
// program and cannot: it never guesses.
void TestCli::launcherParsesItselfOnlyWhenSure()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir(tmp.path()).mkdir(QStringLiteral("bin")));
    const QString alone = tmp.filePath(QStringLiteral("bin/ipsec-wizard"));
    QVERIFY(QFile::copy(QStringLiteral(IPSECWIZ_BINARY), alone));
    const QString dump = QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/setkey-D-reconstructed-esp-udp-dead-ah.txt");
    const Run program = runProgram(QStringLiteral(IPSECWIZ_PROGRAM), {QStringLiteral("parse"), dump});
    QVERIFY2(program.exitedWith(0), program.what().constData());
    for (const QStringList& args : {QStringList{QStringLiteral("parse"), dump},
             QStringList{QStringLiteral("parse"), QStringLiteral("--format"), QStringLiteral("auto"), dump},
             QStringList{QStringLiteral("parse"), QStringLiteral("--format=setkey"), dump}}) {
        const Run r = runProgram(alone, args);
        QVERIFY2(r.exitedWith(0) && r.out == program.out && r.err.isEmpty(), r.what().constData());
    }
    const auto handsOver = [&](const QStringList& args, const QProcessEnvironment& env) {
        const Run r = runProgram(alone, args, env);
        QVERIFY2(r.exitedWith(127) && r.out.isEmpty() && r.stdErr().startsWith(QStringLiteral("ipsec-wizard: cannot run ")),
            (args.join(QLatin1Char(' ')).toUtf8() + "\n" + r.what()).constData());
    };
    const QString policies = QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/setkey-DP-seed-reconstructed.txt");
    for (const QStringList& args : {QStringList{QStringLiteral("--version")}, QStringList{},
             QStringList{QStringLiteral("parse"), QStringLiteral("--json"), dump},
             QStringList{QStringLiteral("parse"), dump, QStringLiteral("--json")},
             QStringList{QStringLiteral("parse"), QStringLiteral("--reveal-keys"), dump},
             QStringList{QStringLiteral("parse"), QStringLiteral("-F"), QStringLiteral("setkey"), dump},
             QStringList{QStringLiteral("parse"), QStringLiteral("--format"), QStringLiteral("setkey-spd"), dump},
             QStringList{QStringLiteral("parse"), QStringLiteral("-")}, QStringList{QStringLiteral("parse"), policies},
             QStringList{QStringLiteral("parse"), tmp.path()}})
        handsOver(args, cliEnvironment());
    for (const auto& [name, value] : {std::pair{"LC_ALL", "de_DE.UTF-8"}, std::pair{"LC_MESSAGES", "de_DE"}, std::pair{"LANGUAGE", "en:de"}}) {
        QProcessEnvironment env = cliEnvironment();
        env.remove(QStringLiteral("LC_ALL"));
        env.insert(QLatin1String(name), QLatin1String(value));
        handsOver({QStringLiteral("parse"), dump}, env);
    }
}

void TestCli::parseTextIsTheCountsThenEveryLine()
{
    for (const char* name : {"setkey-D-reconstructed-esp-udp-dead-ah.txt", "setkey-DP-freebsd-scope-ifnet-icmp6.txt",
                             "lab-gateway-a-swanctl-list-sas.txt", "setkey-D-empty.txt"}) {
        const QString path = QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + QLatin1String(name);
        const Run r = runCli({QStringLiteral("parse"), path});
        QVERIFY2(r.exitedWith(0), r.what().constData());
        const Snapshot s = SnapshotParser::parse(readFile(path));
        const QString expected = QStringLiteral("%1: %2 SAs, %3 policies, %4 IKE SAs\n")
                                     .arg(formatName(s.format))
                                     .arg(s.sas.size())
                                     .arg(s.policies.size())
                                     .arg(s.ikeSas.size())
            + SnapshotExport::text(s);
        QCOMPARE(r.stdOut(), expected);
    }
}

// push NETWORK stops before connecting anywhere when: a tunnel has no key in the profile (its two
// ends would not get the same one every time), an option is for a pair only, a named gateway is
// not a managed site. Each names what is wrong; the exit code says which kind it is.
void TestCli::pushOfANetworkRefusesWhatItCannotDo_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<bool>("withKeys");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no keys in the profile") << QStringList{} << false << 1
                                            << QStringLiteral("tunnels[\"hq-branch1\"].psk: Tunnel “hq-branch1” has no pre-shared key in the profile");
    QTest::newRow("--psk-file") << QStringList{QStringLiteral("--psk-file"), QStringLiteral("/nonexistent")} << true << 2
                                << QStringLiteral("--psk-file is for a tunnel between two gateways");
    QTest::newRow("--firewall") << QStringList{QStringLiteral("--firewall"), QStringLiteral("/nonexistent")} << true << 2
                                << QStringLiteral("--firewall is for a tunnel between two gateways");
    QTest::newRow("unknown gateway") << QStringList{QStringLiteral("--gateway"), QStringLiteral("nowhere")} << true << 1
                                     << QStringLiteral("nowhere");
}

void TestCli::pushOfANetworkRefusesWhatItCannotDo()
{
    QFETCH(QStringList, extra);
    QFETCH(bool, withKeys);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto network = NetworkJson::load(QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json"));
    QVERIFY(network.ok());
    NetworkProfile n = network.value();
    if (withKeys)
        QVERIFY(Network::giveFreshKeys(n).ok());
    const QString path = tmp.filePath(QStringLiteral("net.json"));
    QVERIFY(NetworkJson::save(n, path, PskInFile::Include).ok());
    const QByteArray before = readFile(path);
    const Run r = runCli(QStringList{QStringLiteral("push"), path, QStringLiteral("--yes")} + extra);
    QVERIFY2(r.exitedWith(exitCode), r.what().constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.what().constData());
    QVERIFY2(!r.out.contains("connecting to") && !r.err.contains("connecting to"), r.what().constData());
    QCOMPARE(readFile(path), before);
    for (const Tunnel& t : n.tunnels)
        if (t.psk)
            QVERIFY(!r.out.contains(*t.psk) && !r.err.contains(*t.psk));
}

// --- bundle -------------------------------------------------------------------------------------

void TestCli::bundleWrites_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("magic"); // empty: a folder

    QTest::newRow("tar.gz") << QStringLiteral("site.tar.gz") << QByteArrayLiteral("\x1f\x8b");
    QTest::newRow("tgz") << QStringLiteral("site.tgz") << QByteArrayLiteral("\x1f\x8b");
    QTest::newRow("zip") << QStringLiteral("site.zip") << QByteArrayLiteral("PK\x03\x04");
    QTest::newRow("new-folder") << QStringLiteral("site") << QByteArray();
}

void TestCli::bundleWrites()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, magic);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("out"));
    QVERIFY(makeMarkedFolder(dir));
    const QString target = dir + QLatin1Char('/') + name;
    const Run r = runCli({QStringLiteral("bundle"), exampleProfilePath(), QStringLiteral("-o"), target});
    QVERIFY2(r.exitedWith(0), r.what().constData());
    QVERIFY2(r.stdOut().startsWith(QStringLiteral("Wrote ") + target + QStringLiteral(" (")), r.what().constData());
    // The bundle and the marker, nothing half-written beside them.
    QCOMPARE(entriesOf(dir), (QStringList{MarkerName, name}));
    QCOMPARE(readFile(dir + QLatin1Char('/') + MarkerName), MarkerContent);
    if (!magic.isEmpty()) {
        QVERIFY(QFileInfo(target).isFile());
        QVERIFY2(readFile(target).startsWith(magic), qPrintable(target));
        return;
    }
    const QStringList files = filesBelow(target);
    for (const QString& f : {QStringLiteral("README.txt"), QStringLiteral("profile.json"), QStringLiteral("gateway-a/install.sh"),
                             QStringLiteral("gateway-a/etc/racoon/racoon-tool.conf"), QStringLiteral("gateway-b/etc/racoon/psk.txt")})
        QVERIFY2(files.contains(f), qPrintable(f + QStringLiteral(" is missing from: ") + files.join(QLatin1Char(' '))));
    QCOMPARE(octal(fileMode(pskTxt(target, "a"))), QStringLiteral("0600"));
    QCOMPARE(octal(fileMode(pskTxt(target, "b"))), QStringLiteral("0600"));
    const auto a = readPskTxt(pskTxt(target, "a"));
    const auto b = readPskTxt(pskTxt(target, "b"));
    QVERIFY(a && b);
    QVERIFY2(freshKeyPattern().match(QString::fromLatin1(a->key)).hasMatch(), a->key.constData());
    QCOMPARE(a->key, b->key);
    // Without --include-psk the profile in the bundle does not carry the key.
    QVERIFY(!readFile(target + QStringLiteral("/profile.json")).contains(a->key));
}

void TestCli::bundleRefusesNonEmptyFolder()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(makeMarkedFolder(out));
    const Run r = runCli({QStringLiteral("bundle"), exampleProfilePath(), QStringLiteral("-o"), out});
    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: --out: ")), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(onlyMarkerIn(out), qPrintable(entriesOf(out).join(QLatin1Char(' '))));
    QCOMPARE(entriesOf(tmp.path()), QStringList{QStringLiteral("out")}); // no staging folder left beside it
}

// --- bad input ----------------------------------------------------------------------------------

void TestCli::badInputChangesNothing_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");

    const QList<BadInput> inputs = badInputs();
    for (const char* command : {"validate", "generate", "bundle"})
        for (const BadInput& b : inputs)
            QTest::addRow("%s-refuses-%s", command, b.name) << QString::fromLatin1(command) << b.profile << b.field << b.fragment;
}

void TestCli::badInputChangesNothing()
{
    QFETCH(QString, command);
    QFETCH(QByteArray, profile);
    QFETCH(QString, field);
    QFETCH(QString, fragment);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString profilePath = tmp.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeFile(profilePath, profile));
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(makeMarkedFolder(out));

    QStringList args{command, profilePath};
    if (command == QLatin1String("generate"))
        args << QStringLiteral("--out") << out;
    else if (command == QLatin1String("bundle"))
        args << QStringLiteral("-o") << out + QStringLiteral("/out.tar.gz");
    const Run r = runCli(args);

    QVERIFY2(r.exitedWith(1), r.what().constData());
    QVERIFY2(r.stdErr().contains(QStringLiteral("error: ") + field + QStringLiteral(": ")),
             qPrintable(QStringLiteral("stderr does not name %1\n").arg(field) + QString::fromUtf8(r.what())));
    QVERIFY2(r.stdErr().contains(fragment), r.what().constData());
    QVERIFY2(r.out.isEmpty(), r.what().constData());
    QVERIFY2(onlyMarkerIn(out), qPrintable(QStringLiteral("the output folder changed: ") + entriesOf(out).join(QLatin1Char(' '))));
    QCOMPARE(entriesOf(tmp.path()), (QStringList{QStringLiteral("out"), QStringLiteral("profile.json")}));
}

// --- secrets ------------------------------------------------------------------------------------

void TestCli::keyNeverInOutput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("profileKey"); // put into the profile when not empty
    QTest::addColumn<QByteArray>("fileKey");    // written to @KEYFILE@ when not empty
    QTest::addColumn<QString>("readBack");      // psk.txt below @OUT@ to read the key from, if any
    QTest::addColumn<int>("exitCode");

    const auto L = [](const char* s) { return QString::fromUtf8(s); };
    const QString P = L("@PROFILE@");
    const QString O = L("@OUT@");
    const QString K = L("@KEYFILE@");
    const QString psk = L("gateway-a/etc/racoon/psk.txt");
    const QByteArray key = fixedPsk();
    const QByteArray none;
    const QByteArray weak = QByteArrayLiteral("0x7e57ab1e7e57");
    const QByteArray withSpace = QByteArrayLiteral("0x7e57ab1e7e57 ab1e7e57ab1e7e57ab1e");
    const QByteArray withQuote = QByteArrayLiteral("0x7e57ab1e7e57\"ab1e7e57ab1e7e57ab1e");

    QTest::newRow("generate-fresh-key") << QStringList{L("generate"), P, L("--out"), O} << none << none << psk << 0;
    QTest::newRow("generate-key-from-file")
        << QStringList{L("generate"), P, L("--out"), O, L("--side"), L("a"), L("--psk-file"), K} << none << key << psk << 0;
    QTest::newRow("generate-key-from-profile") << QStringList{L("generate"), P, L("--out"), O} << key << none << psk << 0;
    QTest::newRow("bundle-folder-fresh-key") << QStringList{L("bundle"), P, L("-o"), O + L("/bundle")} << none << none
                                             << L("bundle/") + psk << 0;
    QTest::newRow("bundle-folder-key-from-file-include-psk")
        << QStringList{L("bundle"), P, L("-o"), O + L("/bundle"), L("--include-psk"), L("--psk-file"), K} << none << key
        << L("bundle/") + psk << 0;
    QTest::newRow("bundle-tar-key-from-file") << QStringList{L("bundle"), P, L("-o"), O + L("/b.tar.gz"), L("--psk-file"), K} << none
                                              << key << QString() << 0;
    QTest::newRow("bundle-zip-key-from-profile-include-psk")
        << QStringList{L("bundle"), P, L("-o"), O + L("/b.zip"), L("--include-psk")} << key << none << QString() << 0;
    QTest::newRow("bundle-redacted") << QStringList{L("bundle"), P, L("-o"), O + L("/b.tar.gz"), L("--redact"), L("--psk-file"), K}
                                     << none << key << QString() << 0;
    QTest::newRow("validate-profile-key") << QStringList{L("validate"), P} << key << none << QString() << 0;
    QTest::newRow("validate-weak-profile-key") << QStringList{L("validate"), P} << weak << none << QString() << 0;
    QTest::newRow("validate-unsafe-profile-key") << QStringList{L("validate"), P} << withSpace << none << QString() << 1;
    QTest::newRow("generate-unsafe-key-file") << QStringList{L("generate"), P, L("--out"), O, L("--psk-file"), K} << none << withQuote
                                              << QString() << 1;
}

void TestCli::keyNeverInOutput()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, profileKey);
    QFETCH(QByteArray, fileKey);
    QFETCH(QString, readBack);
    QFETCH(int, exitCode);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString profile = exampleProfilePath();
    if (!profileKey.isEmpty()) {
        profile = tmp.filePath(QStringLiteral("profile.json"));
        QVERIFY(writeFile(profile, exampleWithKey(profileKey)));
    }
    const QString keyFile = tmp.filePath(QStringLiteral("key.txt"));
    if (!fileKey.isEmpty())
        QVERIFY(writeFile(keyFile, fileKey + '\n'));
    const QString out = tmp.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));

    const Run r = runCli(expand(args, profile, out, keyFile), verboseEnvironment());
    QVERIFY2(r.exitedWith(exitCode), r.what().constData());

    QList<QByteArray> secrets;
    if (!profileKey.isEmpty())
        secrets << profileKey;
    if (!fileKey.isEmpty())
        secrets << fileKey;
    if (!readBack.isEmpty()) {
        const auto written = readPskTxt(out + QLatin1Char('/') + readBack);
        QVERIFY2(written, qPrintable(readBack + QStringLiteral(" is missing or malformed")));
        if (!secrets.isEmpty())
            QCOMPARE(written->key, secrets.constFirst());
        secrets << written->key;
    }
    QVERIFY(!secrets.isEmpty());
    for (const QByteArray& secret : std::as_const(secrets)) {
        // The key as written, its hex digits without "0x", and any long enough piece of it.
        QList<QByteArray> forms{secret, secret.mid(2), secret.mid(2).toUpper()};
        for (const QByteArray& piece : secret.split(' ') + secret.split('"'))
            if (piece.size() >= 8)
                forms << piece;
        for (const QByteArray& form : std::as_const(forms)) {
            QVERIFY2(!r.out.contains(form), qPrintable(QStringLiteral("stdout shows the key (%1)").arg(QString::fromLatin1(form))));
            QVERIFY2(!r.err.contains(form), qPrintable(QStringLiteral("stderr shows the key (%1)").arg(QString::fromLatin1(form))));
        }
    }
}

// import: a copy of a gateway's config folder, or its files named one by one (any names), gives a
// profile and the lines it did not use; the key read goes into the profile only with
// --include-psk (and then 0600), and never to stdout, not even with --json.
void TestCli::importFolderAndFiles()
{
    const QString seed = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/import/racoon/seed");
    const QByteArray key = [&] {
        const QByteArray psk = readFile(seed + QStringLiteral("/psk.txt"));
        for (const QByteArray& line : psk.split('\n'))
            if (!line.trimmed().isEmpty() && !line.startsWith('#'))
                return line.simplified().split(' ').value(1);
        return QByteArray();
    }();
    QVERIFY(key.size() >= 8);

    QTemporaryDir dir;
    const QString with = dir.filePath(QStringLiteral("with.json"));
    const Run folder = runCli({QStringLiteral("import"), seed, QStringLiteral("--site"), QStringLiteral("venus"), QStringLiteral("-o"), with,
                               QStringLiteral("--include-psk")});
    QVERIFY2(folder.exitedWith(0), folder.what());
    QVERIFY2(folder.stdOut().contains(QStringLiteral("Imported racoon")) && folder.stdOut().contains(QStringLiteral("tunnels: 1")), folder.what());
    QVERIFY2(folder.stdOut().contains(QStringLiteral("racoon.conf:4")), folder.what()); // "log notify;", not used, with its line
    QVERIFY(!folder.out.contains(key) && !folder.err.contains(key));
    QCOMPARE(QFileInfo(with).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    QVERIFY(readFile(with).contains(key));
    const auto network = NetworkJson::load(with);
    QVERIFY2(network.ok(), qPrintable(network.ok() ? QString() : network.error().toString()));
    QCOMPARE(network.value().sites.first().name, QStringLiteral("venus"));
    QCOMPARE(network.value().sites.first().gateway.flavour, Flavour::Racoon);
    QVERIFY(!network.value().sites.at(1).gateway.managed); // the peer, until its own files are imported
    QCOMPARE(network.value().tunnels.size(), 1);
    QCOMPARE(network.value().tunnels.first().psk, std::optional(key));
    const Run valid = runCli({QStringLiteral("validate"), with});
    QVERIFY2(valid.exitedWith(0), valid.what());

    // The same files under other names, named one by one; without --include-psk the key is not kept.
    QFile::copy(seed + QStringLiteral("/racoon.conf"), dir.filePath(QStringLiteral("venus-racoon")));
    QFile::copy(seed + QStringLiteral("/psk.txt"), dir.filePath(QStringLiteral("keys")));
    QFile::copy(seed + QStringLiteral("/ipsec-tools.conf"), dir.filePath(QStringLiteral("policies")));
    const QString without = dir.filePath(QStringLiteral("without.json"));
    const Run files = runCli({QStringLiteral("import"), dir.filePath(QStringLiteral("venus-racoon")), dir.filePath(QStringLiteral("keys")),
                              dir.filePath(QStringLiteral("policies")), QStringLiteral("-o"), without, QStringLiteral("--json")});
    QVERIFY2(files.exitedWith(0), files.what());
    QVERIFY(!files.out.contains(key));
    QVERIFY(!readFile(without).contains(key));
    const QJsonObject o = QJsonDocument::fromJson(files.out).object();
    QCOMPARE(o.value(QStringLiteral("format")).toString(), QStringLiteral("racoon"));
    QCOMPARE(o.value(QStringLiteral("network")).toObject().value(QStringLiteral("tunnels")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("unused")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 4);
    const auto second = NetworkJson::load(without);
    QVERIFY(second.ok());
    QCOMPARE(second.value().tunnels.first().networksB.isEmpty() ? second.value().networksOf(second.value().tunnels.first(), Side::B)
                                                                : second.value().tunnels.first().networksB,
             network.value().networksOf(network.value().tunnels.first(), Side::B));
}

void TestCli::importWrongInput()
{
    QTemporaryDir dir;
    const QString seed = QStringLiteral(IPSECWIZ_SOURCE_DIR "/tests/fixtures/import/racoon/seed");
    const Run none = runCli({QStringLiteral("import")});
    QVERIFY2(none.exitedWith(2), none.what());
    const Run format = runCli({QStringLiteral("import"), seed, QStringLiteral("--format"), QStringLiteral("openswan")});
    QVERIFY2(format.exitedWith(2) && format.stdErr().contains(QStringLiteral("--format")), format.what());
    const Run keyToStdout = runCli({QStringLiteral("import"), seed, QStringLiteral("--include-psk")});
    QVERIFY2(keyToStdout.exitedWith(2) && keyToStdout.stdErr().contains(QStringLiteral("-o PROFILE")), keyToStdout.what());

    // Nothing to import: an empty folder, a file no importer knows; each error names the path.
    const Run empty = runCli({QStringLiteral("import"), dir.path()});
    QVERIFY2(empty.exitedWith(1) && empty.stdErr().contains(dir.path()), empty.what());
    const QString notes = dir.filePath(QStringLiteral("notes.txt"));
    QFile f(notes);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("just some notes\n");
    f.close();
    const Run unknown = runCli({QStringLiteral("import"), notes});
    QVERIFY2(unknown.exitedWith(1) && unknown.stdErr().contains(notes) && unknown.stdErr().contains(QStringLiteral("--format")), unknown.what());
    // A device is refused, not read forever.
    const Run zero = runCli({QStringLiteral("import"), QStringLiteral("/dev/zero"), QStringLiteral("--format"), QStringLiteral("swanctl")}, cliEnvironment(), {}, 20000);
    QVERIFY2(zero.exitedWith(1) && zero.stdErr().contains(QStringLiteral("regular file")), zero.what());
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out.json"))));
    // A gateway that is not USER@HOST[:PORT] is refused before anything connects, naming what was given.
    for (const QString& target : {QStringLiteral("root@"), QStringLiteral("a@b@c"), QStringLiteral("root@gw:0"), QStringLiteral("root@gw:70000"),
                                  QStringLiteral("root@gw:port"), QStringLiteral("root@two words")}) {
        const Run bad = runCli({QStringLiteral("import"), QStringLiteral("--from-gateway"), target});
        QVERIFY2(bad.exitedWith(2) && bad.stdErr().contains(QStringLiteral("USER@HOST[:PORT]")) && bad.stdErr().contains(target), bad.what());
    }
}

// Several gateways' folders (one per gateway, named after it) are imported and merged: the
// example network's generated files give back its sites, all managed, and its tunnels, with no
// disagreement; one half edited (branch2's ESP proposal) is a finding that names the tunnel's
// field and both values.
void TestCli::importSeveralGatewaysMerges()
{
    QTemporaryDir dir;
    const QString example = QStringLiteral(IPSECWIZ_SOURCE_DIR "/resources/examples/hub-and-spoke.json");
    const Run gen = runCli({QStringLiteral("generate"), example, QStringLiteral("--all"), QStringLiteral("--out"), dir.filePath(QStringLiteral("gen"))});
    QVERIFY2(gen.exitedWith(0), gen.what());
    QStringList folders;
    for (const char* site : {"hq", "branch1", "branch2", "branch3"}) {
        const QString etc = dir.filePath(QStringLiteral("gen/%1/etc").arg(QLatin1String(site)));
        QFile main(etc + QStringLiteral("/swanctl/swanctl.conf")); // as Debian's strongswan-swanctl has it
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write("include conf.d/*.conf\n");
        folders << etc;
    }
    const Run merged = runCli(QStringList{QStringLiteral("import")} + folders + QStringList{QStringLiteral("--json")});
    QVERIFY2(merged.exitedWith(0), merged.what());
    const QJsonObject o = QJsonDocument::fromJson(merged.out).object();
    const QJsonObject network = o.value(QStringLiteral("network")).toObject();
    QStringList sites, tunnels;
    for (const QJsonValue& v : network.value(QStringLiteral("sites")).toArray()) {
        sites << v.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(v.toObject().value(QStringLiteral("gateway")).toObject().value(QStringLiteral("managed")).toBool(true), merged.what());
    }
    for (const QJsonValue& v : network.value(QStringLiteral("tunnels")).toArray())
        tunnels << v.toObject().value(QStringLiteral("name")).toString();
    sites.sort();
    tunnels.sort();
    QCOMPARE(sites, (QStringList{QStringLiteral("branch1"), QStringLiteral("branch2"), QStringLiteral("branch3"), QStringLiteral("hq")}));
    QCOMPARE(tunnels, (QStringList{QStringLiteral("hq-branch1"), QStringLiteral("hq-branch2"), QStringLiteral("hq-branch3")}));
    for (const QJsonValue& f : o.value(QStringLiteral("findings")).toArray())
        QVERIFY2(f.toObject().value(QStringLiteral("severity")).toString() != QLatin1String("error"), merged.what());

    // branch2's half edited by hand: its ESP proposal no longer matches hq's.
    const QString conf = dir.filePath(QStringLiteral("gen/branch2/etc/swanctl/conf.d/hq-branch2.conf"));
    QByteArray text = readFile(conf);
    QVERIFY(text.contains("esp_proposals = aes256gcm16-curve25519"));
    text.replace("esp_proposals = aes256gcm16-curve25519", "esp_proposals = aes128-sha256-modp2048");
    QFile f(conf);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    const Run broken = runCli(QStringList{QStringLiteral("import")} + folders);
    QVERIFY2(broken.exitedWith(0), broken.what());
    QVERIFY2(broken.stdOut().contains(QStringLiteral("tunnels[\"hq-branch2\"].esp.encryption")), broken.what());
    QVERIFY2(broken.stdOut().contains(QStringLiteral("aes128")) && broken.stdOut().contains(QStringLiteral("aes256gcm16")), broken.what());

    const Run site = runCli(QStringList{QStringLiteral("import")} + folders + QStringList{QStringLiteral("--site"), QStringLiteral("x")});
    QVERIFY2(site.exitedWith(2), site.what());
}

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
