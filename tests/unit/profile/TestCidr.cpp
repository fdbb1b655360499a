#include "Cidr.h"

#include <QTest>

using namespace ipsecwiz;

namespace {

// Parses a network the test data holds; a typo in the data is a test bug, so fail loudly.
Cidr cidr(const QString& text)
{
    const auto parsed = Cidr::parse(text, true);
    if (!parsed)
        qFatal("test data is not a network: %s", qPrintable(text));
    return parsed.value();
}

} // namespace

class TestCidr : public QObject
{
    Q_OBJECT

private slots:
    void parseAccepts_data();
    void parseAccepts();
    void parseRefuses_data();
    void parseRefuses();
    void networkClearsHostBits_data();
    void networkClearsHostBits();
    void contains_data();
    void contains();
    void overlaps_data();
    void overlaps();
    void toStringKeepsWhatWasTyped_data();
    void toStringKeepsWhatWasTyped();
    void equalityComparesAddressAndPrefix();
    void parseHostAddressAccepts_data();
    void parseHostAddressAccepts();
    void parseHostAddressRefuses_data();
    void parseHostAddressRefuses();
};

void TestCidr::parseAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowBareAddress");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<bool>("ipv6");

    QTest::newRow("ipv4-network") << QStringLiteral("192.168.1.0/24") << false << QStringLiteral("192.168.1.0") << 24 << false;
    QTest::newRow("ipv4-prefix-0") << QStringLiteral("0.0.0.0/0") << false << QStringLiteral("0.0.0.0") << 0 << false;
    QTest::newRow("ipv4-prefix-32") << QStringLiteral("203.0.113.7/32") << false << QStringLiteral("203.0.113.7") << 32 << false;
    QTest::newRow("ipv4-host-bits-kept-as-typed")
        << QStringLiteral("192.168.1.1/24") << false << QStringLiteral("192.168.1.1") << 24 << false;
    QTest::newRow("ipv4-surrounding-spaces-trimmed")
        << QStringLiteral("  10.0.0.0/8\t") << false << QStringLiteral("10.0.0.0") << 8 << false;
    QTest::newRow("ipv4-with-prefix-and-bare-allowed")
        << QStringLiteral("203.0.113.1/24") << true << QStringLiteral("203.0.113.1") << 24 << false;
    QTest::newRow("ipv6-network") << QStringLiteral("2001:db8:1::/64") << false << QStringLiteral("2001:db8:1::") << 64 << true;
    QTest::newRow("ipv6-upper-case") << QStringLiteral("2001:DB8:1::/48") << false << QStringLiteral("2001:db8:1::") << 48 << true;
    QTest::newRow("ipv6-prefix-0") << QStringLiteral("::/0") << false << QStringLiteral("::") << 0 << true;
    QTest::newRow("ipv6-prefix-128") << QStringLiteral("2001:db8::1/128") << false << QStringLiteral("2001:db8::1") << 128 << true;
    QTest::newRow("ipv6-non-byte-aligned-prefix") << QStringLiteral("2001:db8::/61") << false << QStringLiteral("2001:db8::") << 61 << true;
    QTest::newRow("bare-ipv4-allowed-is-slash-32") << QStringLiteral("203.0.113.1") << true << QStringLiteral("203.0.113.1") << 32 << false;
    QTest::newRow("bare-ipv6-allowed-is-slash-128")
        << QStringLiteral("2001:db8:ff::1") << true << QStringLiteral("2001:db8:ff::1") << 128 << true;
}

void TestCidr::parseAccepts()
{
    QFETCH(QString, text);
    QFETCH(bool, allowBareAddress);
    QFETCH(QString, address);
    QFETCH(int, prefix);
    QFETCH(bool, ipv6);

    const auto parsed = Cidr::parse(text, allowBareAddress);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    const Cidr& c = parsed.value();
    QCOMPARE(c.address(), QHostAddress(address));
    QCOMPARE(c.prefix(), prefix);
    QCOMPARE(c.isIPv6(), ipv6);
    QCOMPARE(c.maxPrefix(), ipv6 ? 128 : 32);
    QCOMPARE(c.addressString(), QHostAddress(address).toString());
}

void TestCidr::parseRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("allowBareAddress");
    QTest::addColumn<QString>("messageFragment");

    const QString badPrefix4 = QStringLiteral("invalid prefix length; it must be 0 to 32");
    const QString badPrefix6 = QStringLiteral("invalid prefix length; it must be 0 to 128");
    const QString notNetwork = QStringLiteral("is not an IPv4 or IPv6 network");

    QTest::newRow("ipv4-mapped-ipv6-network-refused")
        << QStringLiteral("::ffff:192.168.1.0/120") << false << QStringLiteral("is an IPv4-mapped IPv6 address; give the IPv4 network (192.168.1.0) itself.");
    QTest::newRow("bare-ipv4-without-allow-suggests-slash-24") << QStringLiteral(
        "10.0.0.1") << false << QStringLiteral("“10.0.0.1” has no prefix length; give it as ADDRESS/PREFIX, e.g. 10.0.0.1/24.");
    QTest::newRow("bare-ipv6-without-allow-suggests-slash-64")
        << QStringLiteral("2001:db8::") << false << QStringLiteral("e.g. 2001:db8::/64");
    QTest::newRow("ipv4-prefix-33") << QStringLiteral("10.0.0.0/33") << false << badPrefix4;
    QTest::newRow("ipv4-prefix-33-even-with-bare-allowed") << QStringLiteral("10.0.0.0/33") << true << badPrefix4;
    QTest::newRow("ipv4-prefix-128") << QStringLiteral("10.0.0.0/128") << false << badPrefix4;
    QTest::newRow("ipv6-prefix-129") << QStringLiteral("2001:db8::/129") << false << badPrefix6;
    QTest::newRow("negative-prefix") << QStringLiteral("10.0.0.0/-1") << false << badPrefix4;
    QTest::newRow("plus-sign-prefix") << QStringLiteral("10.0.0.0/+8") << false << badPrefix4;
    QTest::newRow("space-before-prefix") << QStringLiteral("10.0.0.0/ 24") << false << badPrefix4;
    QTest::newRow("trailing-junk-after-prefix") << QStringLiteral("10.0.0.0/24x") << false << badPrefix4;
    QTest::newRow("empty-prefix") << QStringLiteral("10.0.0.0/") << false << badPrefix4;
    QTest::newRow("hex-prefix") << QStringLiteral("10.0.0.0/0x18") << false << badPrefix4;
    QTest::newRow("second-slash") << QStringLiteral("10.0.0.0/24/8") << false << badPrefix4;
    QTest::newRow("netmask-instead-of-prefix") << QStringLiteral("10.0.0.0/255.0.0.0") << false << badPrefix4;
    QTest::newRow("short-ipv4-form") << QStringLiteral("10.1/16") << false << notNetwork;
    QTest::newRow("short-ipv4-form-bare") << QStringLiteral("10.1") << true << notNetwork;
    QTest::newRow("word") << QStringLiteral("abc") << true << notNetwork;
    QTest::newRow("word-with-prefix") << QStringLiteral("abc/24") << false << notNetwork;
    QTest::newRow("five-octets") << QStringLiteral("1.2.3.4.5") << true << notNetwork;
    QTest::newRow("five-octets-with-prefix") << QStringLiteral("1.2.3.4.5/24") << false << notNetwork;
    QTest::newRow("octet-over-255") << QStringLiteral("192.168.256.0/24") << false << notNetwork;
    QTest::newRow("host-name") << QStringLiteral("gw.example.net/24") << false << notNetwork;
    QTest::newRow("ipv6-with-scope-id") << QStringLiteral("fe80::1%eth0/64") << false << notNetwork;
    QTest::newRow("ipv6-two-double-colons") << QStringLiteral("2001::db8::1/64") << false << notNetwork;
    QTest::newRow("lone-colon") << QStringLiteral(":/64") << false << notNetwork;
    QTest::newRow("prefix-only") << QStringLiteral("/24") << false << notNetwork;
    QTest::newRow("space-inside") << QStringLiteral("10.0.0.0 /24") << false << notNetwork;
    // "$" in a pattern also matches before a final newline, and QHostAddress drops the newline.
    QTest::newRow("newline-before-prefix") << QStringLiteral("10.0.0.0\n/24") << false << notNetwork;
    QTest::newRow("ipv6-newline-before-prefix") << QStringLiteral("2001:db8::\n/64") << false << notNetwork;
    QTest::newRow("empty") << QString() << true << QStringLiteral("The network is empty");
    QTest::newRow("only-spaces") << QStringLiteral("   ") << true << QStringLiteral("The network is empty");
}

void TestCidr::parseRefuses()
{
    QFETCH(QString, text);
    QFETCH(bool, allowBareAddress);
    QFETCH(QString, messageFragment);

    const auto parsed = Cidr::parse(text, allowBareAddress);
    QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("accepted as %1").arg(parsed.ok() ? parsed.value().toString() : QString())));
    QVERIFY2(parsed.error().message.contains(messageFragment), qPrintable(parsed.error().message));
    // The caller knows which field this is; Cidr itself must not invent one.
    QVERIFY(parsed.error().field.isEmpty());
}

void TestCidr::networkClearsHostBits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("network");
    QTest::addColumn<bool>("hasHostBits");

    QTest::newRow("ipv4-network-unchanged") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0/24") << false;
    QTest::newRow("ipv4-host-bits-set-suggests-network") << QStringLiteral("192.168.1.1/24") << QStringLiteral("192.168.1.0/24") << true;
    QTest::newRow("ipv4-last-address-of-slash-24") << QStringLiteral("192.168.1.255/24") << QStringLiteral("192.168.1.0/24") << true;
    QTest::newRow("ipv4-non-octet-prefix") << QStringLiteral("10.1.2.3/20") << QStringLiteral("10.1.0.0/20") << true;
    QTest::newRow("ipv4-slash-25-upper-half") << QStringLiteral("192.168.1.200/25") << QStringLiteral("192.168.1.128/25") << true;
    QTest::newRow("ipv4-slash-25-upper-half-network") << QStringLiteral("192.168.1.128/25") << QStringLiteral("192.168.1.128/25") << false;
    QTest::newRow("ipv4-slash-31") << QStringLiteral("10.0.0.1/31") << QStringLiteral("10.0.0.0/31") << true;
    QTest::newRow("ipv4-slash-32-never-has-host-bits") << QStringLiteral("10.0.0.1/32") << QStringLiteral("10.0.0.1/32") << false;
    QTest::newRow("ipv4-slash-0-clears-everything") << QStringLiteral("10.0.0.0/0") << QStringLiteral("0.0.0.0/0") << true;
    QTest::newRow("ipv4-slash-1") << QStringLiteral("200.1.1.1/1") << QStringLiteral("128.0.0.0/1") << true;
    QTest::newRow("ipv4-default-route") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0") << false;
    QTest::newRow("ipv6-network-unchanged") << QStringLiteral("2001:db8:1::/64") << QStringLiteral("2001:db8:1::/64") << false;
    QTest::newRow("ipv6-host-bits-set") << QStringLiteral("2001:db8:1::1/64") << QStringLiteral("2001:db8:1::/64") << true;
    QTest::newRow("ipv6-slash-61-clears-low-3-bits-of-byte-7")
        << QStringLiteral("2001:db8:0:ff::/61") << QStringLiteral("2001:db8:0:f8::/61") << true;
    QTest::newRow("ipv6-slash-61-network") << QStringLiteral("2001:db8:0:f8::/61") << QStringLiteral("2001:db8:0:f8::/61") << false;
    QTest::newRow("ipv6-slash-60-nibble") << QStringLiteral("2001:db8:0:1234::/60") << QStringLiteral("2001:db8:0:1230::/60") << true;
    QTest::newRow("ipv6-slash-0-clears-everything") << QStringLiteral("2001:db8::1/0") << QStringLiteral("::/0") << true;
    QTest::newRow("ipv6-slash-1") << QStringLiteral("ffff::/1") << QStringLiteral("8000::/1") << true;
    QTest::newRow("ipv6-slash-127") << QStringLiteral("2001:db8::3/127") << QStringLiteral("2001:db8::2/127") << true;
    QTest::newRow("ipv6-slash-128-never-has-host-bits") << QStringLiteral("2001:db8::3/128") << QStringLiteral("2001:db8::3/128") << false;
}

void TestCidr::networkClearsHostBits()
{
    QFETCH(QString, text);
    QFETCH(QString, network);
    QFETCH(bool, hasHostBits);

    const Cidr c = cidr(text);
    QCOMPARE(c.hasHostBits(), hasHostBits);
    const Cidr n = c.network();
    QCOMPARE(n, cidr(network));
    QCOMPARE(n.toString(), network);
    QCOMPARE(n.prefix(), c.prefix());
    QVERIFY(!n.hasHostBits());
    QCOMPARE(n.network(), n); // idempotent
}

void TestCidr::contains_data()
{
    QTest::addColumn<QString>("network");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    QTest::newRow("ipv4-inside") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.77") << true;
    QTest::newRow("ipv4-network-address") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0") << true;
    QTest::newRow("ipv4-broadcast-address") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.255") << true;
    QTest::newRow("ipv4-just-outside") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.2.0") << false;
    QTest::newRow("ipv4-just-below") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.0.255") << false;
    QTest::newRow("ipv4-host-bits-in-cidr-still-mean-the-subnet")
        << QStringLiteral("203.0.113.1/24") << QStringLiteral("203.0.113.2") << true;
    QTest::newRow("ipv4-slash-25-lower-half-excludes-upper")
        << QStringLiteral("192.168.1.0/25") << QStringLiteral("192.168.1.128") << false;
    QTest::newRow("ipv4-slash-32-itself") << QStringLiteral("10.0.0.1/32") << QStringLiteral("10.0.0.1") << true;
    QTest::newRow("ipv4-slash-32-neighbour") << QStringLiteral("10.0.0.1/32") << QStringLiteral("10.0.0.2") << false;
    QTest::newRow("ipv4-slash-0-everything") << QStringLiteral("0.0.0.0/0") << QStringLiteral("198.51.100.9") << true;
    QTest::newRow("ipv4-slash-0-not-ipv6") << QStringLiteral("0.0.0.0/0") << QStringLiteral("2001:db8::1") << false;
    QTest::newRow("ipv4-network-not-ipv4-mapped-ipv6") << QStringLiteral("192.168.1.0/24") << QStringLiteral("::ffff:192.168.1.1") << false;
    QTest::newRow("ipv6-inside") << QStringLiteral("2001:db8:1::/64") << QStringLiteral("2001:db8:1::1") << true;
    QTest::newRow("ipv6-outside") << QStringLiteral("2001:db8:1::/64") << QStringLiteral("2001:db8:2::1") << false;
    QTest::newRow("ipv6-slash-61-inside") << QStringLiteral("2001:db8:0:f8::/61") << QStringLiteral("2001:db8:0:ff::1") << true;
    QTest::newRow("ipv6-slash-61-outside") << QStringLiteral("2001:db8:0:f8::/61") << QStringLiteral("2001:db8:0:f7::1") << false;
    QTest::newRow("ipv6-slash-0-everything") << QStringLiteral("::/0") << QStringLiteral("2001:db8::1") << true;
    QTest::newRow("ipv6-slash-0-not-ipv4") << QStringLiteral("::/0") << QStringLiteral("10.0.0.1") << false;
}

void TestCidr::contains()
{
    QFETCH(QString, network);
    QFETCH(QString, address);
    QFETCH(bool, expected);

    const QHostAddress a(address);
    QVERIFY(!a.isNull());
    QCOMPARE(cidr(network).contains(a), expected);
}

void TestCidr::overlaps_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("expected");

    QTest::newRow("equal") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0/24") << true;
    QTest::newRow("b-nested-in-a") << QStringLiteral("192.168.0.0/16") << QStringLiteral("192.168.1.0/24") << true;
    QTest::newRow("a-nested-in-b") << QStringLiteral("10.1.2.0/24") << QStringLiteral("10.0.0.0/8") << true;
    QTest::newRow("disjoint-neighbours") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.2.0/24") << false;
    QTest::newRow("disjoint-halves-of-a-slash-24") << QStringLiteral("192.168.1.0/25") << QStringLiteral("192.168.1.128/25") << false;
    QTest::newRow("host-bits-set-overlap-through-network")
        << QStringLiteral("192.168.1.200/16") << QStringLiteral("192.168.77.0/24") << true;
    QTest::newRow("host-bits-set-nested-the-other-way") << QStringLiteral("192.168.77.0/24") << QStringLiteral("192.168.1.200/16") << true;
    QTest::newRow("everything-overlaps-any-ipv4") << QStringLiteral("0.0.0.0/0") << QStringLiteral("203.0.113.0/24") << true;
    QTest::newRow("host-in-network") << QStringLiteral("10.0.0.5/32") << QStringLiteral("10.0.0.0/24") << true;
    QTest::newRow("ipv6-equal") << QStringLiteral("2001:db8:1::/64") << QStringLiteral("2001:db8:1::/64") << true;
    QTest::newRow("ipv6-nested") << QStringLiteral("2001:db8::/32") << QStringLiteral("2001:db8:1::/64") << true;
    QTest::newRow("ipv6-disjoint") << QStringLiteral("2001:db8:1::/64") << QStringLiteral("2001:db8:2::/64") << false;
    QTest::newRow("ipv6-slash-61-neighbours-disjoint")
        << QStringLiteral("2001:db8:0:f0::/61") << QStringLiteral("2001:db8:0:f8::/61") << false;
    QTest::newRow("different-families-never-overlap") << QStringLiteral("0.0.0.0/0") << QStringLiteral("::/0") << false;
}

void TestCidr::overlaps()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, expected);

    QCOMPARE(cidr(a).overlaps(cidr(b)), expected);
    QCOMPARE(cidr(b).overlaps(cidr(a)), expected); // symmetric
}

void TestCidr::toStringKeepsWhatWasTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QStringLiteral("192.168.1.0/24") << QStringLiteral("192.168.1.0/24");
    QTest::newRow("ipv4-host-bits-kept") << QStringLiteral("192.168.1.1/24") << QStringLiteral("192.168.1.1/24");
    QTest::newRow("ipv4-spaces-dropped") << QStringLiteral(" 10.0.0.0/8 ") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("ipv4-leading-zero-prefix-normalised") << QStringLiteral("10.0.0.0/08") << QStringLiteral("10.0.0.0/8");
    QTest::newRow("bare-ipv4-gets-slash-32") << QStringLiteral("203.0.113.1") << QStringLiteral("203.0.113.1/32");
    QTest::newRow("ipv6-compressed-lower-case") << QStringLiteral("2001:DB8:0:0:0:0:0:0/32") << QStringLiteral("2001:db8::/32");
    QTest::newRow("bare-ipv6-gets-slash-128") << QStringLiteral("2001:db8::1") << QStringLiteral("2001:db8::1/128");
}

void TestCidr::toStringKeepsWhatWasTyped()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(cidr(text).toString(), expected);
    // What toString() writes parses back to the same value.
    QCOMPARE(cidr(cidr(text).toString()), cidr(text));
}

void TestCidr::equalityComparesAddressAndPrefix()
{
    QCOMPARE(cidr(QStringLiteral("192.168.1.0/24")), Cidr(QHostAddress(QStringLiteral("192.168.1.0")), 24));
    QVERIFY(!(cidr(QStringLiteral("192.168.1.0/24")) == cidr(QStringLiteral("192.168.1.0/25"))));
    QVERIFY(!(cidr(QStringLiteral("192.168.1.1/24")) == cidr(QStringLiteral("192.168.1.0/24"))));
    QVERIFY(!(cidr(QStringLiteral("0.0.0.0/0")) == cidr(QStringLiteral("::/0"))));

    const Cidr empty;
    QCOMPARE(empty.prefix(), -1);
    QVERIFY(empty.address().isNull());
    QVERIFY(!empty.hasHostBits());
}

void TestCidr::parseHostAddressAccepts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("ipv4") << QStringLiteral("203.0.113.1") << QStringLiteral("203.0.113.1");
    QTest::newRow("ipv4-spaces-trimmed") << QStringLiteral(" 192.168.1.1 ") << QStringLiteral("192.168.1.1");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8:ff::1") << QStringLiteral("2001:db8:ff::1");
    QTest::newRow("ipv6-long-form") << QStringLiteral("2001:0DB8:0000:0000:0000:0000:0000:0001") << QStringLiteral("2001:db8::1");
    QTest::newRow("ipv6-loopback") << QStringLiteral("::1") << QStringLiteral("::1");
}

void TestCidr::parseHostAddressAccepts()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const auto parsed = parseHostAddress(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed.value(), QHostAddress(expected));
    QCOMPARE(parsed.value().toString(), expected);
}

void TestCidr::parseHostAddressRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messageFragment");

    const QString notAddress = QStringLiteral("is not an IPv4 or IPv6 address");
    QTest::newRow("ipv4-mapped-ipv6-refused") << QStringLiteral("::ffff:203.0.113.1")
                                              << QStringLiteral("is an IPv4-mapped IPv6 address; give the IPv4 address 203.0.113.1 itself.");
    QTest::newRow("ipv4-with-prefix") << QStringLiteral("192.168.1.1/24")
                                      << QStringLiteral("“192.168.1.1/24” has a prefix length; give the address alone.");
    QTest::newRow("ipv4-with-slash-32") << QStringLiteral("192.168.1.1/32") << QStringLiteral("has a prefix length");
    QTest::newRow("ipv6-with-prefix") << QStringLiteral("2001:db8::1/64") << QStringLiteral("has a prefix length");
    QTest::newRow("empty") << QString() << QStringLiteral("The address is empty.");
    QTest::newRow("only-spaces") << QStringLiteral("  ") << QStringLiteral("The address is empty.");
    QTest::newRow("word") << QStringLiteral("abc") << notAddress;
    QTest::newRow("host-name") << QStringLiteral("gw.example.net") << notAddress;
    QTest::newRow("short-ipv4-form") << QStringLiteral("10.1") << notAddress;
    QTest::newRow("decimal-ipv4-form") << QStringLiteral("167772161") << notAddress;
    QTest::newRow("five-octets") << QStringLiteral("1.2.3.4.5") << notAddress;
    QTest::newRow("octet-over-255") << QStringLiteral("1.2.3.256") << notAddress;
    QTest::newRow("ipv6-with-scope-id") << QStringLiteral("fe80::1%eth0") << notAddress;
    QTest::newRow("ipv6-bracketed") << QStringLiteral("[2001:db8::1]") << notAddress;
    QTest::newRow("address-with-port") << QStringLiteral("203.0.113.1:22") << notAddress;
}

void TestCidr::parseHostAddressRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, messageFragment);

    const auto parsed = parseHostAddress(text);
    QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("accepted as %1").arg(parsed.ok() ? parsed.value().toString() : QString())));
    QVERIFY2(parsed.error().message.contains(messageFragment), qPrintable(parsed.error().message));
}

QTEST_GUILESS_MAIN(TestCidr)
#include "TestCidr.moc"
