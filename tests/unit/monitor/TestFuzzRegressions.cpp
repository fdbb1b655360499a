// Every input a fuzzer once crashed on (tests/fixtures/*/fuzz-crash-*) is parsed by every
// parser, under the sanitizers in ./test.sh, and must come back as a snapshot, not a crash.

#include "SnapshotParser.h"
#include "TestSupport.h"

#include <QDirIterator>
#include <QTest>

using namespace ipsecwiz;

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void crashInputsParse_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(IPSECWIZ_FIXTURES_DIR), {QStringLiteral("fuzz-crash-*")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
        }
    }

    void crashInputsParse()
    {
        QFETCH(QString, path);
        const QByteArray data = test::readFile(path);
        QVERIFY(!data.isEmpty());
        for (SnapshotFormat f : {SnapshotFormat::Auto, SnapshotFormat::SetkeySad, SnapshotFormat::SetkeySpd, SnapshotFormat::XfrmState,
                                 SnapshotFormat::XfrmPolicy, SnapshotFormat::Swanctl}) {
            const Snapshot s = SnapshotParser::parse(QByteArrayView(data), f);
            QVERIFY(s.unknownLines.size() <= Snapshot::MaxReportedLines);
        }
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "TestFuzzRegressions.moc"
