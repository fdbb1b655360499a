// The importers read only through an ImportSource: regular files inside the folder they were asked
// to read. A symlink or a ".." out of it, a device (/dev/zero), a FIFO, a file over the size limit
// and a glob that names too many files are each refused with a message naming the path; an
// absolute path in a config ("/etc/swanctl/conf.d/a.conf") is found in a copied folder.

#include "Importer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ipsecwiz;

namespace {

void write(const QString& path, const QByteArray& data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

} // namespace

class TestImportSource : public QObject
{
    Q_OBJECT

private slots:
    void absolutePathsFindTheCopy()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("swanctl/swanctl.conf")), "include conf.d/*.conf\n");
        write(dir.filePath(QStringLiteral("swanctl/conf.d/b.conf")), "b");
        write(dir.filePath(QStringLiteral("swanctl/conf.d/a.conf")), "a");
        write(dir.filePath(QStringLiteral("swanctl/conf.d/a.txt")), "not matched");
        const LocalFolderSource etc(dir.path());
        QCOMPARE(etc.read(QStringLiteral("/etc/swanctl/conf.d/a.conf")).value(), QByteArray("a"));
        QCOMPARE(etc.read(QStringLiteral("swanctl/conf.d/b.conf")).value(), QByteArray("b"));
        QCOMPARE(etc.glob(QStringLiteral("/etc/swanctl/conf.d/*.conf")).value(), (QStringList{QStringLiteral("swanctl/conf.d/a.conf"), QStringLiteral("swanctl/conf.d/b.conf")}));
        QCOMPARE(findMainFile(ImportFormat::Swanctl, etc).value(), QStringLiteral("swanctl/swanctl.conf"));
        QCOMPARE(detectFormat(etc), std::optional(ImportFormat::Swanctl));

        // The folder /etc/swanctl itself, copied.
        const LocalFolderSource swanctl(dir.filePath(QStringLiteral("swanctl")));
        QCOMPARE(swanctl.read(QStringLiteral("/etc/swanctl/conf.d/b.conf")).value(), QByteArray("b"));
        QCOMPARE(swanctl.glob(QStringLiteral("conf.d/*.conf")).value().size(), 2);
        QCOMPARE(findMainFile(ImportFormat::Swanctl, swanctl).value(), QStringLiteral("swanctl.conf"));
        QVERIFY(!detectFormat(LocalFolderSource(dir.filePath(QStringLiteral("swanctl/conf.d")))).has_value());

        const auto missing = findMainFile(ImportFormat::RacoonTool, swanctl);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QStringLiteral("racoon-tool.conf")), qPrintable(missing.error().toString()));
    }

    void refusesWhatLeavesTheFolder()
    {
        QTemporaryDir outside;
        write(outside.filePath(QStringLiteral("secret")), "not yours");
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("racoon/racoon.conf")), "x");
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret")), dir.filePath(QStringLiteral("racoon/psk.txt"))));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), dir.filePath(QStringLiteral("racoon/zero.conf"))));
        QVERIFY(QFile::link(outside.path(), dir.filePath(QStringLiteral("racoon/out"))));
        const LocalFolderSource source(dir.filePath(QStringLiteral("racoon")));

        for (const QString& path : {QStringLiteral("psk.txt"), QStringLiteral("/etc/racoon/psk.txt"), QStringLiteral("zero.conf"), QStringLiteral("../racoon/racoon.conf"),
                                    QStringLiteral("out/secret"), outside.filePath(QStringLiteral("secret")), QStringLiteral("/dev/zero")}) {
            const auto r = source.read(path);
            QVERIFY2(!r.ok(), qPrintable(path));
            QVERIFY2(!r.error().field.isEmpty() && !r.error().message.isEmpty(), qPrintable(path));
            QVERIFY2(!r.error().toString().contains(QStringLiteral("not yours")), qPrintable(path));
        }
        QVERIFY(source.read(QStringLiteral("psk.txt")).error().message.contains(QStringLiteral("outside")));
        // A glob lists a link out of the folder by its name; reading it is refused.
        QCOMPARE(source.glob(QStringLiteral("*.txt")).value(), QStringList{QStringLiteral("psk.txt")});
        QVERIFY(source.read(source.glob(QStringLiteral("*.txt")).value().first()).error().message.contains(QStringLiteral("outside")));
        QCOMPARE(source.glob(QStringLiteral("out/*")).value(), QStringList{}); // the folder it names is outside: nothing
    }

    void refusesDevicesPipesAndHugeFiles()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo.conf"));
        QCOMPARE(mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QDir().mkpath(dir.filePath(QStringLiteral("folder.conf")));
        write(dir.filePath(QStringLiteral("huge.conf")), QByteArray(ImportSource::MaxFileSize + 1, 'x'));
        write(dir.filePath(QStringLiteral("limit.conf")), QByteArray(ImportSource::MaxFileSize, 'x'));
        const LocalFolderSource source(dir.path());
        // A FIFO with no writer would block a reader forever: it must be refused before opening.
        QVERIFY(source.read(QStringLiteral("fifo.conf")).error().message.contains(QStringLiteral("regular file")));
        QVERIFY(source.read(QStringLiteral("folder.conf")).error().message.contains(QStringLiteral("regular file")));
        QVERIFY(source.read(QStringLiteral("huge.conf")).error().message.contains(QString::number(ImportSource::MaxFileSize)));
        QCOMPARE(source.read(QStringLiteral("limit.conf")).value().size(), ImportSource::MaxFileSize);
        QVERIFY(!source.glob(QStringLiteral("*.conf")).value().contains(QStringLiteral("fifo.conf")));

        QVERIFY(!LocalFolderSource(dir.filePath(QStringLiteral("nowhere"))).read(QStringLiteral("x")).ok());
    }

    void tooManyFiles()
    {
        QTemporaryDir dir;
        for (int i = 0; i <= ImportSource::MaxFiles; ++i)
            write(dir.filePath(QStringLiteral("d/%1.conf").arg(i)), "x");
        const auto r = LocalFolderSource(dir.path()).glob(QStringLiteral("d/*.conf"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QString::number(ImportSource::MaxFiles)));
    }

    void memorySource()
    {
        const MemorySource source({{QStringLiteral("swanctl/swanctl.conf"), "m"}, {QStringLiteral("swanctl/conf.d/x.conf"), "x"}, {QStringLiteral("swanctl/conf.d/y.conf"), "y"}});
        QCOMPARE(source.read(QStringLiteral("/etc/swanctl/swanctl.conf")).value(), QByteArray("m"));
        QCOMPARE(source.glob(QStringLiteral("/etc/swanctl/conf.d/*.conf")).value(), (QStringList{QStringLiteral("swanctl/conf.d/x.conf"), QStringLiteral("swanctl/conf.d/y.conf")}));
        QVERIFY(!source.read(QStringLiteral("../etc/swanctl/swanctl.conf")).ok());
        QCOMPARE(detectFormat(source), std::optional(ImportFormat::Swanctl));
    }
};

QTEST_GUILESS_MAIN(TestImportSource)
#include "TestImportSource.moc"
