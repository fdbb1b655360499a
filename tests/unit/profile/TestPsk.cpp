// Psk: keys from the kernel CSPRNG in the "0x" + hex form racoon's psk.txt and swanctl both read.

#include "Psk.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

using namespace ipsecwiz;

class TestPsk : public QObject
{
    Q_OBJECT

private slots:
    void defaultKeyIs32BytesOfLowercaseHex();
    void lengthFollowsByteCount_data();
    void lengthFollowsByteCount();
    void byteCountOutsideBoundsIsRefused_data();
    void byteCountOutsideBoundsIsRefused();
    void twoKeysDiffer();
    void hundredKeysAllDiffer();
    void wipeLeavesArrayEmpty();
    void wipeOfSharedArrayLeavesOtherHolderIntact();
    void wipeOfEmptyArrayIsHarmless();
};

namespace {

QRegularExpression keyPattern(int bytes)
{
    return QRegularExpression(QStringLiteral("^0x[0-9a-f]{%1}$").arg(2 * bytes));
}

} // namespace

void TestPsk::defaultKeyIs32BytesOfLowercaseHex()
{
    QCOMPARE(Psk::DefaultBytes, 32);
    const auto key = Psk::generate();
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    QCOMPARE(key.value().size(), 2 + 64);
    QVERIFY(key.value().startsWith("0x"));
    QVERIFY2(keyPattern(32).match(QString::fromLatin1(key.value())).hasMatch(), key.value().constData());
    QCOMPARE(QByteArray::fromHex(key.value().mid(2)).size(), 32);
}

void TestPsk::lengthFollowsByteCount_data()
{
    QTest::addColumn<int>("bytes");

    QTest::newRow("16-bytes-the-least-allowed") << 16;
    QTest::newRow("20-bytes-as-the-seed-used") << 20;
    QTest::newRow("32-bytes-the-default") << 32;
    QTest::newRow("64-bytes") << 64;
    QTest::newRow("128-bytes-the-most-allowed") << 128;
}

void TestPsk::lengthFollowsByteCount()
{
    QFETCH(int, bytes);

    const auto key = Psk::generate(bytes);
    QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
    const QByteArray& k = key.value();
    QCOMPARE(k.size(), 2 + 2 * bytes);
    QVERIFY2(keyPattern(bytes).match(QString::fromLatin1(k)).hasMatch(), k.constData());

    // The hex decodes to exactly that many bytes, and encodes back to the same digits (so no
    // character was skipped by fromHex as "not hex").
    const QByteArray raw = QByteArray::fromHex(k.mid(2));
    QCOMPARE(raw.size(), bytes);
    QCOMPARE(raw.toHex(), k.mid(2));
}

void TestPsk::byteCountOutsideBoundsIsRefused_data()
{
    QTest::addColumn<int>("bytes");

    QTest::newRow("15-bytes-one-too-few") << 15;
    QTest::newRow("129-bytes-one-too-many") << 129;
    QTest::newRow("zero-bytes") << 0;
    QTest::newRow("negative") << -1;
    QTest::newRow("int-min") << std::numeric_limits<int>::min();
    QTest::newRow("int-max") << std::numeric_limits<int>::max();
}

void TestPsk::byteCountOutsideBoundsIsRefused()
{
    QFETCH(int, bytes);

    const auto key = Psk::generate(bytes);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().field, QStringLiteral("--bytes"));
    // The message says what is allowed and what was asked for, so a person can fix the call.
    QVERIFY2(key.error().message.contains(QStringLiteral("16 to 128")), qPrintable(key.error().message));
    QVERIFY2(key.error().message.contains(QString::number(bytes)), qPrintable(key.error().message));
    QCOMPARE(key.error().toString(), QStringLiteral("--bytes: ") + key.error().message);
}

void TestPsk::twoKeysDiffer()
{
    const auto a = Psk::generate();
    const auto b = Psk::generate();
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a.value() != b.value());
}

void TestPsk::hundredKeysAllDiffer()
{
    // Short keys make a collision from a broken generator (fixed seed, zero fill) likelier to show.
    for (int bytes : {Psk::MinBytes, Psk::DefaultBytes}) {
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i) {
            const auto key = Psk::generate(bytes);
            QVERIFY(key.ok());
            QVERIFY2(!seen.contains(key.value()),
                     qPrintable(QStringLiteral("key %1 of %2 bytes repeats an earlier one").arg(i).arg(bytes)));
            seen.insert(key.value());
        }
        QCOMPARE(seen.size(), 100);
    }
}

void TestPsk::wipeLeavesArrayEmpty()
{
    auto key = Psk::generate();
    QVERIFY(key.ok());
    QByteArray secret = key.value();
    key = Psk::generate(); // drop the Result's reference, so `secret` is the only holder
    QVERIFY(secret.isDetached());
    Psk::wipe(secret);
    QVERIFY(secret.isEmpty());
    QCOMPARE(secret.size(), 0);
}

void TestPsk::wipeOfSharedArrayLeavesOtherHolderIntact()
{
    // wipe() must not detach and scribble over a copy it cannot release; the other holder keeps
    // its (still valid) value, and the wiped one is empty.
    const auto key = Psk::generate();
    QVERIFY(key.ok());
    QByteArray mine = key.value();
    const QByteArray other = mine;
    QVERIFY(!mine.isDetached());
    Psk::wipe(mine);
    QVERIFY(mine.isEmpty());
    QCOMPARE(other, key.value());
    QVERIFY(keyPattern(32).match(QString::fromLatin1(other)).hasMatch());
}

void TestPsk::wipeOfEmptyArrayIsHarmless()
{
    QByteArray empty;
    Psk::wipe(empty);
    QVERIFY(empty.isEmpty());

    QByteArray cleared = QByteArrayLiteral("0x00");
    cleared.clear();
    Psk::wipe(cleared);
    QVERIFY(cleared.isEmpty());
}

QTEST_GUILESS_MAIN(TestPsk)
#include "TestPsk.moc"
