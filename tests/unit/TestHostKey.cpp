// Host-key fingerprints must read exactly as OpenSSH prints them, so an admin can compare what
// the wizard asks about with `ssh-keygen -lf` on the gateway. Checked against the real ssh-keygen.

#include "HostKey.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;

class TestHostKey : public QObject
{
    Q_OBJECT

private slots:
    void matchesSshKeygen_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("expectedType");
        QTest::newRow("ed25519") << QStringLiteral("ed25519") << QStringLiteral("ssh-ed25519");
        QTest::newRow("ecdsa") << QStringLiteral("ecdsa") << QStringLiteral("ecdsa-sha2-nistp256");
        QTest::newRow("rsa") << QStringLiteral("rsa") << QStringLiteral("ssh-rsa");
    }

    void matchesSshKeygen()
    {
        QFETCH(QString, type);
        QFETCH(QString, expectedType);
        const QString keygen = QStandardPaths::findExecutable(QStringLiteral("ssh-keygen"));
        QVERIFY2(!keygen.isEmpty(), "ssh-keygen (openssh-client) is needed for this test");
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("host_key"));
        QProcess gen;
        gen.start(keygen, {QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), QString(), QStringLiteral("-f"), key});
        QVERIFY(gen.waitForFinished(30000));
        QCOMPARE(gen.exitCode(), 0);

        QProcess fp;
        fp.start(keygen, {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"), key + QStringLiteral(".pub")});
        QVERIFY(fp.waitForFinished(10000));
        // "256 SHA256:abc… comment (ED25519)"
        const QString expected = QString::fromUtf8(fp.readAllStandardOutput()).split(QLatin1Char(' ')).value(1);
        QVERIFY(expected.startsWith(QStringLiteral("SHA256:")));

        const auto info = HostKey::fromPublicKeyFile(key + QStringLiteral(".pub"));
        QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().toString()));
        QCOMPARE(info.value().fingerprint, expected);
        QCOMPARE(info.value().type, expectedType);
    }

    void refusesGarbage_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("Not an OpenSSH public key line");
        QTest::newRow("unknown-type") << QByteArray("ssh-foo AAAA") << QStringLiteral("Unknown key type");
        QTest::newRow("bad-base64") << QByteArray("ssh-ed25519 !!!notbase64") << QStringLiteral("not valid base64");
    }

    void refusesGarbage()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, fragment);
        const auto info = HostKey::fromPublicKeyLine(line);
        QVERIFY(!info.ok());
        QVERIFY2(info.error().message.contains(fragment), qPrintable(info.error().message));
    }
};

QTEST_GUILESS_MAIN(TestHostKey)
#include "TestHostKey.moc"
