// The launcher's own `parse FILE` summary (app/launcher/SetkeySummary.cpp) against the whole
// program's: for every monitor fixture, generated dumps of several sizes and thousands of
// seeded random mutations of both, the scanner either says no or gives exactly the bytes of the
// header line plus SnapshotExport::text(SnapshotParser::parse(…)), for --format auto and setkey.

#include "SetkeyDump.h"
#include "SetkeySummary.h"
#include "SnapshotExport.h"
#include "SnapshotParser.h"
#include "TestConfig.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace ipsecwiz;

namespace {

// What app/Cli.cpp's parseCommand prints without --json (its header is tr()'d; English here).
QByteArray programOutput(QByteArrayView text, SnapshotFormat format)
{
    const Snapshot s = SnapshotParser::parse(text, format);
    return (QStringLiteral("%1: %2 SAs, %3 policies, %4 IKE SAs\n")
                .arg(formatName(s.format))
                .arg(s.sas.size())
                .arg(s.policies.size())
                .arg(s.ikeSas.size())
        + SnapshotExport::text(s))
        .toUtf8();
}

// Whether the scanner took TEXT; fails the test when it took it and printed anything else.
bool sameOrDeclined(const QByteArray& text, const QByteArray& label)
{
    SetkeySummary::Summary summary;
    if (!SetkeySummary::summary(std::string_view(text.constData(), size_t(text.size())), summary))
        return false;
    const QByteArray fast = QByteArray::fromStdString(summary.header + summary.lines);
    for (SnapshotFormat format : {SnapshotFormat::Auto, SnapshotFormat::SetkeySad}) {
        const QByteArray expected = programOutput(text, format);
        if (fast != expected) {
            qWarning().noquote() << "input" << label << "(" << text.size() << "bytes, format" << formatName(format) << "):\n"
                                 << QString::fromLatin1(text.left(3000)) << "\n--- launcher:\n"
                                 << QString::fromLatin1(fast.left(2000)) << "\n--- program:\n"
                                 << QString::fromUtf8(expected.left(2000));
            QTest::qFail("the launcher's summary differs from the program's", __FILE__, __LINE__);
            return false;
        }
    }
    return true;
}

QByteArray readFixture(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// One random edit of the kind that trips a parser: a byte changed, added or taken out (from the
// characters the format is made of), a line doubled, dropped, moved or cut, the end cut off.
QByteArray mutate(QByteArray text, QRandomGenerator& rng)
{
    static const QByteArray alphabet = QByteArrayLiteral(" \t\n=:()[]x0179af.-_E A:Cspiybsn\r\x80\x7f\x0b");
    const auto at = [&](qsizetype size) { return size > 0 ? qsizetype(rng.bounded(quint32(size))) : 0; };
    const auto lineAt = [&](qsizetype pos, qsizetype& begin, qsizetype& end) {
        begin = text.lastIndexOf('\n', pos - 1) + 1;
        end = text.indexOf('\n', pos);
        end = end < 0 ? text.size() : end + 1;
    };
    const int edits = 1 + int(rng.bounded(3));
    for (int e = 0; e < edits && !text.isEmpty(); ++e) {
        const qsizetype pos = at(text.size());
        const char c = alphabet[at(alphabet.size())];
        qsizetype begin = 0;
        qsizetype end = 0;
        switch (rng.bounded(9)) {
        case 0:
            text[pos] = c;
            break;
        case 1:
            text.insert(pos, c);
            break;
        case 2:
            text.remove(pos, 1);
            break;
        case 3: // a digit changed: SPIs, byte counts, ports
            if (text[pos] >= '0' && text[pos] <= '9')
                text[pos] = char('0' + rng.bounded(10));
            else
                text.insert(pos, char('0' + rng.bounded(10)));
            break;
        case 4:
            lineAt(pos, begin, end);
            text.insert(end, text.mid(begin, end - begin));
            break;
        case 5:
            lineAt(pos, begin, end);
            text.remove(begin, end - begin);
            break;
        case 6: {
            lineAt(pos, begin, end);
            const QByteArray line = text.mid(begin, end - begin);
            text.remove(begin, end - begin);
            text.insert(at(text.size()), line);
            break;
        }
        case 7:
            text.truncate(pos);
            break;
        default: // indentation and spacing
            lineAt(pos, begin, end);
            text.insert(begin, rng.bounded(2) ? ' ' : '\t');
            break;
        }
    }
    return text;
}

QStringList monitorFixtures()
{
    const QDir dir(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor"));
    QStringList paths;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name))
        if (name != QLatin1String("README.md"))
            paths << dir.filePath(name);
    return paths;
}

} // namespace

class TestSetkeySummary : public QObject
{
    Q_OBJECT

private slots:
    void everyFixture();
    void fixturesItMustTake_data();
    void fixturesItMustTake();
    void generatedDumps_data();
    void generatedDumps();
    void randomMutations();
    void declines_data();
    void declines();
};

void TestSetkeySummary::everyFixture()
{
    int taken = 0;
    for (const QString& path : monitorFixtures()) {
        const QByteArray text = readFixture(path);
        taken += sameOrDeclined(text, QFileInfo(path).fileName().toUtf8());
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(taken >= 5);
}

void TestSetkeySummary::fixturesItMustTake_data()
{
    QTest::addColumn<QString>("name");
    for (const char* name : {"setkey-D-empty.txt", "setkey-D-freebsd-tcp-md5.txt", "setkey-D-linux-transport-blowfish.txt",
             "setkey-D-reconstructed-esp-udp-dead-ah.txt"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// Real dumps from Linux and FreeBSD, tabs and spaces, wrapped keys, ports, IPv6: the fast path
// is worth having only if it takes what setkey prints.
void TestSetkeySummary::fixturesItMustTake()
{
    QFETCH(QString, name);
    const QByteArray text = readFixture(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + name);
    QVERIFY2(sameOrDeclined(text, name.toUtf8()), "declined");
}

void TestSetkeySummary::generatedDumps_data()
{
    QTest::addColumn<int>("count");
    for (int count : {1, 2, 3, 50, 399, 1000, 10000})
        QTest::newRow(qPrintable(QString::number(count))) << count;
}

void TestSetkeySummary::generatedDumps()
{
    QFETCH(int, count);
    const QByteArray text = bench::setkeyDump(count);
    QVERIFY2(sameOrDeclined(text, "setkeyDump(" + QByteArray::number(count) + ")"), "declined");
}

void TestSetkeySummary::randomMutations()
{
    QList<QByteArray> bases;
    for (int count : {1, 3, 7})
        bases << bench::setkeyDump(count);
    for (const QString& path : monitorFixtures())
        if (QFileInfo(path).fileName().startsWith(QLatin1String("setkey-D-")))
            bases << readFixture(path);
    QRandomGenerator rng(20261205);
    int taken = 0;
    constexpr int Runs = 4000;
    for (int i = 0; i < Runs; ++i) {
        const QByteArray text = mutate(bases[qsizetype(rng.bounded(quint32(bases.size())))], rng);
        taken += sameOrDeclined(text, "mutation " + QByteArray::number(i));
        if (QTest::currentTestFailed())
            return;
    }
    // Most edits of a byte in the keys, dates or counters change nothing the summary shows, and
    // the scanner must still take them; a test where it declined everything would prove nothing.
    qInfo("%d of %d mutated dumps taken by the launcher", taken, Runs);
    QVERIFY(taken > Runs / 10);
}

void TestSetkeySummary::declines_data()
{
    QTest::addColumn<QByteArray>("text");
    const QByteArray sa = bench::setkeyDump(2);
    QTest::newRow("empty file") << QByteArray();
    QTest::newRow("no line break at the end") << sa.chopped(1);
    QTest::newRow("policies") << readFixture(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/setkey-DP-seed-reconstructed.txt"));
    QTest::newRow("CRLF") << QByteArray(sa).replace("\n", "\r\n");
    QTest::newRow("a blank line") << QByteArray(sa).replace("refcnt=0\n", "refcnt=0\n\n");
    QTest::newRow("redacted SPI") << QByteArray(sa).replace("spi=3221225472", "spi=SPISPI");
    QTest::newRow("SPI over 32 bits") << QByteArray(sa).replace("spi=3221225472", "spi=4294967296");
    QTest::newRow("no sadb_seq line") << QByteArray(sa).replace("\tsadb_seq=1 pid=4242 refcnt=0\n", "");
    QTest::newRow("a line it does not know") << QByteArray(sa).replace("\tdiff:", "\tdiff2:");
    QTest::newRow("non-ASCII") << QByteArray(sa).replace("Nov", "N\xc3\xb6v");
    QTest::newRow("swanctl") << readFixture(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/lab-gateway-a-swanctl-list-sas.txt"));
    QTest::newRow("xfrm") << readFixture(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/xfrm-state-aead-no-stats.txt"));
    QByteArray late = "192.0.2.1 192.0.2.2\n\tE: aes-cbc 00112233\n";
    for (int i = 0; i < 400; ++i)
        late += " 00112233 44556677\n";
    late += "\tesp mode=tunnel spi=1(0x00000001) reqid=0(0x00000000)\n\tseq=0x0 state=mature\n\tsadb_seq=0 pid=1 refcnt=0\n";
    QTest::newRow("protocol line after the detection's 400 lines") << late;
    // fuzz_setkey_summary found it: an indented "A:…" line whose first word has two colons is an
    // address to the parser, so the line starts another SA; the launcher read it as a key line.
    QTest::newRow("an indented line that starts an SA") << QByteArray(sa).replace("\tA: hmac-sha1", "\tA::8:2::4 2001:db8:2::3\n\tA: hmac-sha1");
    QTest::newRow("an indented address pair") << QByteArray(sa).replace("\tdiff:", "\t192.0.2.7 192.0.2.8\n\tdiff:");
}

void TestSetkeySummary::declines()
{
    QFETCH(QByteArray, text);
    SetkeySummary::Summary summary;
    QVERIFY(!SetkeySummary::summary(std::string_view(text.constData(), size_t(text.size())), summary));
}

QTEST_GUILESS_MAIN(TestSetkeySummary)
#include "TestSetkeySummary.moc"
