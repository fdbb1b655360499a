// Drift (`ipsec-wizard check`): only what the program writes is compared (its files whole, its
// marked blocks in the admin's files); a changed key shows as "(key)" against "(another key)"
// and is never printed; the unified diff is GNU diff -u's, hunk for hunk (checked against diff
// itself on seeded random edits).

#include "Drift.h"
#include "MarkedBlock.h"
#include "SnapshotParser.h"
#include "TestConfig.h"
#include "TestSupport.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;

namespace {

const QByteArray Key = "0x" + QByteArray("ab").repeated(32);
const QByteArray OtherKey = "0x" + QByteArray("cd").repeated(32);

GatewayConfig config()
{
    GatewayConfig c;
    c.files << GeneratedFile{QStringLiteral("/etc/swanctl/conf.d/t.conf"), 0600, "connections {\n    t {\n        version = 2\n    }\n}\nsecrets {\n    secret = " + Key + "\n}\n", true};
    c.files << GeneratedFile{QStringLiteral("/etc/racoon/psk.txt"), 0600,
                             MarkedBlock::wrap(QStringLiteral("t"), "198.51.100.2\t" + Key + "\n") + MarkedBlock::wrap(QStringLiteral("u"), "198.51.100.3\t" + Key + "\n"),
                             true, QStringLiteral("t u")};
    return c;
}

// The hunks of `diff -u A B` (from the first "@@"), or a failed test when diff is missing.
QString gnuDiff(const QByteArray& a, const QByteArray& b)
{
    QTemporaryDir dir;
    QFile fa(dir.filePath(QStringLiteral("a"))), fb(dir.filePath(QStringLiteral("b")));
    if (!fa.open(QIODevice::WriteOnly) || !fb.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write");
    fa.write(a);
    fb.write(b);
    fa.close();
    fb.close();
    QProcess p;
    p.start(QStringLiteral("diff"), {QStringLiteral("-u"), fa.fileName(), fb.fileName()});
    p.waitForFinished();
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    return out.mid(out.indexOf(QStringLiteral("\n@@")) + 1);
}

} // namespace

class TestDrift : public QObject
{
    Q_OBJECT

private slots:
    void sameIsNoDrift()
    {
        const GatewayConfig c = config();
        QHash<QString, std::optional<QByteArray>> live;
        live.insert(c.files[0].path, c.files[0].content);
        // The admin's lines around our blocks are theirs: never drift.
        live.insert(c.files[1].path, "# the admin's\n10.0.0.1 0xadminkey\n" + c.files[1].content + "# more of theirs\n");
        const QList<FileDrift> d = Drift::compare(c, live, {Key});
        QCOMPARE(d.size(), 3); // one file, two blocks
        for (const FileDrift& f : d)
            QCOMPARE(f.state, FileDrift::State::Same);
        QCOMPARE(d[1].block, QStringLiteral("t"));
        QCOMPARE(d[2].block, QStringLiteral("u"));
    }

    void aChangedKeyIsSeenButNotShown()
    {
        const GatewayConfig c = config();
        QHash<QString, std::optional<QByteArray>> live;
        QByteArray edited = c.files[0].content;
        edited.replace(Key, OtherKey);
        live.insert(c.files[0].path, edited);
        live.insert(c.files[1].path, c.files[1].content);
        const QList<FileDrift> d = Drift::compare(c, live, {Key});
        QCOMPARE(d[0].state, FileDrift::State::Differs);
        QVERIFY(d[0].diff.contains(QStringLiteral("-    secret = (key)\n+    secret = (another key)\n")));
        QVERIFY(!d[0].diff.contains(QString::fromLatin1(Key)) && !d[0].diff.contains(QString::fromLatin1(OtherKey)));
        // Without the profile's key (none saved), keys are not compared: both read "(another key)".
        QCOMPARE(Drift::masked(edited, {}), Drift::masked(c.files[0].content, {}));
    }

    void missingFilesAndBlocks()
    {
        const GatewayConfig c = config();
        QHash<QString, std::optional<QByteArray>> live;
        live.insert(c.files[0].path, std::nullopt);
        live.insert(c.files[1].path, "# only the admin's\n" + MarkedBlock::wrap(QStringLiteral("u"), "198.51.100.3\t" + Key + "\n"));
        const QList<FileDrift> d = Drift::compare(c, live, {Key});
        QCOMPARE(d[0].state, FileDrift::State::Missing);
        QCOMPARE(d[1].state, FileDrift::State::BlockMissing);
        QCOMPARE(d[2].state, FileDrift::State::Same);
        QCOMPARE(driftStateId(d[1].state), QStringLiteral("block-missing"));
    }

    // Seeded random edits of a 60-line file: our hunks are diff -u's.
    void unifiedDiffIsGnuDiffs()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("diff")).isEmpty(), "diff (diffutils) is missing");
        QRandomGenerator rng(20261204);
        for (int round = 0; round < 200; ++round) {
            QList<QByteArray> lines;
            for (int i = 0; i < 60; ++i)
                lines << "line " + QByteArray::number(rng.bounded(40)) + "\n"; // repeats, as config files have
            QList<QByteArray> edited = lines;
            const int edits = 1 + int(rng.bounded(6));
            for (int e = 0; e < edits; ++e) {
                const int at = int(rng.bounded(edited.size()));
                switch (rng.bounded(3)) {
                case 0: edited.removeAt(at); break;
                case 1: edited.insert(at, "new " + QByteArray::number(rng.bounded(1000)) + "\n"); break;
                default: edited[at] = "changed " + QByteArray::number(rng.bounded(1000)) + "\n"; break;
                }
            }
            const QByteArray a = lines.join(), b = edited.join();
            const QString ours = Drift::unifiedDiff(a, b, QStringLiteral("a"), QStringLiteral("b"));
            if (a == b) {
                QVERIFY(ours.isEmpty());
                continue;
            }
            // Both are minimal diffs, but among equally short ones diff may choose others: compare
            // what each takes out and puts in, and check ours applies.
            const QString gnu = gnuDiff(a, b);
            const auto changes = [](const QString& d) {
                QStringList out;
                for (const QString& l : d.split(QLatin1Char('\n')))
                    if ((l.startsWith(QLatin1Char('-')) && !l.startsWith(QStringLiteral("---"))) || (l.startsWith(QLatin1Char('+')) && !l.startsWith(QStringLiteral("+++"))))
                        out << l;
                return out.size();
            };
            QCOMPARE(changes(ours), changes(gnu));
            QCOMPARE(ours.count(QStringLiteral("\n@@ ")), gnu.count(QStringLiteral("@@ ")) ); // the same hunks
            QProcess patch;
            QTemporaryDir dir;
            QFile f(dir.filePath(QStringLiteral("a")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(a);
            f.close();
            patch.setWorkingDirectory(dir.path());
            patch.start(QStringLiteral("patch"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("b"), QStringLiteral("a")});
            patch.write(ours.toUtf8());
            patch.closeWriteChannel();
            QVERIFY(patch.waitForFinished());
            QVERIFY2(patch.exitCode() == 0, qPrintable(ours + QString::fromUtf8(patch.readAllStandardError())));
            QFile result(dir.filePath(QStringLiteral("b")));
            QVERIFY(result.open(QIODevice::ReadOnly));
            QCOMPARE(result.readAll(), b);
        }
    }

    // racoon's tunnels live as setkey policies: check reads `setkey -DP` and names each missing one.
    void racoonPoliciesAgainstTheKernel()
    {
        NetworkProfile n;
        n.name = QStringLiteral("seed");
        Site a;
        a.name = QStringLiteral("a");
        a.networks = {QStringLiteral("192.168.1.0/24")};
        a.gateway.localAddress = QStringLiteral("203.0.113.1");
        a.gateway.flavour = Flavour::RacoonTool;
        Site b = a;
        b.name = QStringLiteral("b");
        b.networks = {QStringLiteral("192.168.2.0/24"), QStringLiteral("192.168.9.7/32")};
        b.gateway.localAddress = QStringLiteral("203.0.113.2");
        n.sites = {a, b};
        Tunnel t;
        t.name = QStringLiteral("seed");
        t.siteA = QStringLiteral("a");
        t.siteB = QStringLiteral("b");
        n.tunnels = {t};
        const QList<Drift::Policy> expected = Drift::expectedPolicies(n, QStringLiteral("a"));
        QCOMPARE(expected.size(), 4);
        QCOMPARE(expected.at(0).toString(), QStringLiteral("192.168.1.0/24 \u2192 192.168.2.0/24 out"));
        QCOMPARE(expected.at(1).toString(), QStringLiteral("192.168.2.0/24 \u2192 192.168.1.0/24 in"));

        // The seed how-to's kernel holds the first network pair only (its fixture, as setkey -DP prints it).
        QFile f(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/setkey-DP-seed-reconstructed.txt"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray dump = f.readAll();
        Snapshot loaded = SnapshotParser::parse(dump, SnapshotFormat::SetkeySpd);
        QCOMPARE(loaded.policies.size(), 2);
        QList<Drift::Policy> missing = Drift::missingPolicies(expected, loaded.policies);
        QCOMPARE(missing.size(), 2);
        QCOMPARE(missing.at(0).toString(), QStringLiteral("192.168.1.0/24 \u2192 192.168.9.7/32 out"));
        QCOMPARE(missing.at(1).toString(), QStringLiteral("192.168.9.7/32 \u2192 192.168.1.0/24 in"));

        // setkey writes a host without its prefix; a "none" policy does not count.
        dump += "192.168.1.0/24[any] 192.168.9.7[any] any\n\tout ipsec\n\tesp/tunnel/203.0.113.1-203.0.113.2/require\n"
                "\tcreated: Nov 18 23:01:24 2004  lastused:\n\tlifetime: 0(s) validtime: 0(s)\n\tspid=1521 seq=7 pid=9800\n\trefcnt=1\n"
                "192.168.9.7[any] 192.168.1.0/24[any] any\n\tin none\n"
                "\tcreated: Nov 18 23:01:24 2004  lastused:\n\tlifetime: 0(s) validtime: 0(s)\n\tspid=1528 seq=6 pid=9800\n\trefcnt=1\n";
        loaded = SnapshotParser::parse(dump, SnapshotFormat::SetkeySpd);
        QCOMPARE(loaded.policies.size(), 4);
        missing = Drift::missingPolicies(expected, loaded.policies);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.at(0).toString(), QStringLiteral("192.168.9.7/32 \u2192 192.168.1.0/24 in"));
        QVERIFY(Drift::missingPolicies(expected, {}).size() == 4);
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "TestDrift.moc"
