// The data path's facts (DataPath): nftables rules read from `nft list ruleset`, the source NAT
// rule that catches a tunnel's traffic (and the exemptions that keep it out), the dropping rule
// of a hook, and what ping says when a packet is too big for the sender's own route.

#include "DataPath.h"

#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::DataPath;

namespace {

// As nft 1.0.6 lists it: a table of the program's (with a set), the admin's NAT and filter.
const QString Ruleset = QStringLiteral(
    "table inet ipsec_wizard {\n"
    "\tset peers {\n"
    "\t\ttype ipv4_addr\n"
    "\t\telements = { 198.51.100.2 }\n"
    "\t}\n"
    "\n"
    "\tchain input {\n"
    "\t\ttype filter hook input priority filter; policy accept;\n"
    "\t\tip saddr @peers udp dport { 500, 4500 } accept\n"
    "\t}\n"
    "}\n"
    "table ip nat {\n"
    "\tchain postrouting {\n"
    "\t\ttype nat hook postrouting priority srcnat; policy accept;\n"
    "\t\tip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept\n"
    "\t\tip saddr 10.1.0.0/24 oifname \"wan0\" masquerade\n"
    "\t}\n"
    "}\n"
    "table inet admin {\n"
    "\tchain input {\n"
    "\t\ttype filter hook input priority -10; policy accept;\n"
    "\t\tudp dport 4500 @th,64,32 != 0 counter packets 12 bytes 1872 drop\n"
    "\t}\n"
    "\tchain forward {\n"
    "\t\ttype filter hook forward priority filter; policy accept;\n"
    "\t\tiifname \"lan0\" oifname \"wan0\" accept\n"
    "\t}\n"
    "}\n");

} // namespace

class TestDataPath : public QObject
{
    Q_OBJECT

private slots:
    void rulesetIsReadRuleByRule()
    {
        const QList<NftRule> rules = parseRuleset(Ruleset);
        QCOMPARE(rules.size(), 5); // the set's lines and the chains' own lines are not rules
        QCOMPARE(rules.at(0).text, QStringLiteral("ip saddr @peers udp dport { 500, 4500 } accept"));
        QCOMPARE(rules.at(0).where(), QStringLiteral("table inet ipsec_wizard, chain input"));
        QCOMPARE(rules.at(0).hook, QStringLiteral("input"));
        QCOMPARE(rules.at(2).type, QStringLiteral("nat"));
        QCOMPARE(rules.at(2).hook, QStringLiteral("postrouting"));
        QCOMPARE(rules.at(2).line, 16);
        QCOMPARE(rules.at(4).chain, QStringLiteral("forward"));
    }

    void masqueradeThatCatchesTheTunnel_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("egress");
        QTest::addColumn<bool>("catches");
        QTest::newRow("any source, no interface") << QStringLiteral("masquerade") << QStringLiteral("ipsec0") << true;
        QTest::newRow("the site's network") << QStringLiteral("ip saddr 10.1.0.0/24 masquerade") << QStringLiteral("ipsec0") << true;
        QTest::newRow("another network") << QStringLiteral("ip saddr 10.9.0.0/24 masquerade") << QStringLiteral("ipsec0") << false;
        QTest::newRow("not to the far network") << QStringLiteral("ip daddr != 10.2.0.0/16 masquerade") << QStringLiteral("wan0") << false;
        QTest::newRow("to anywhere else") << QStringLiteral("ip daddr != 192.168.0.0/16 masquerade") << QStringLiteral("wan0") << true;
        QTest::newRow("out of the WAN, tunnel leaves by ipsec0") << QStringLiteral("oifname \"wan0\" masquerade") << QStringLiteral("ipsec0") << false;
        QTest::newRow("out of the WAN, tunnel leaves by the WAN") << QStringLiteral("oifname \"wan0\" masquerade") << QStringLiteral("wan0") << true;
        QTest::newRow("not out of the LAN") << QStringLiteral("oifname != \"lan0\" masquerade") << QStringLiteral("ipsec0") << true;
        QTest::newRow("a set of interfaces") << QStringLiteral("oifname { \"wan*\", \"ppp0\" } snat ip to 198.51.100.1") << QStringLiteral("wan0") << true;
        QTest::newRow("IPsec policy excluded") << QStringLiteral("rt ipsec missing masquerade") << QStringLiteral("wan0") << false;
        QTest::newRow("a named set") << QStringLiteral("ip saddr @inside masquerade") << QStringLiteral("wan0") << true;
        QTest::newRow("a range") << QStringLiteral("ip saddr 10.1.0.1-10.1.0.9 masquerade") << QStringLiteral("wan0") << true;
    }

    void masqueradeThatCatchesTheTunnel()
    {
        QFETCH(QString, rule);
        QFETCH(QString, egress);
        QFETCH(bool, catches);
        const QString listing = QStringLiteral("table ip nat {\n\tchain post {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\t%1\n\t}\n}\n").arg(rule);
        const auto r = natCatching(parseRuleset(listing), QStringLiteral("10.1.0.1"), QStringLiteral("10.2.0.1"), egress);
        QCOMPARE(r.has_value(), catches);
        if (catches)
            QCOMPARE(r->text, rule);
    }

    void anExemptionBeforeTheRuleLetsTheTunnelBy()
    {
        const QList<NftRule> rules = parseRuleset(Ruleset);
        // The admin's exemption (ip saddr … ip daddr 10.2.0.0/24 accept) comes first.
        QVERIFY(!natCatching(rules, QStringLiteral("10.1.0.1"), QStringLiteral("10.2.0.1"), QStringLiteral("wan0")));
        // To a network the exemption does not name, the masquerade catches it.
        const auto r = natCatching(rules, QStringLiteral("10.1.0.1"), QStringLiteral("10.3.0.1"), QStringLiteral("wan0"));
        QVERIFY(r);
        QCOMPARE(r->text, QStringLiteral("ip saddr 10.1.0.0/24 oifname \"wan0\" masquerade"));
        // An exemption in another chain does not count.
        QString other = Ruleset;
        other.replace(QStringLiteral("\t\tip saddr 10.1.0.0/24 ip daddr 10.2.0.0/24 accept\n"), QString());
        other += QStringLiteral("table ip other {\n\tchain post {\n\t\ttype nat hook postrouting priority 50; policy accept;\n"
                                "\t\tip daddr 10.2.0.0/24 accept\n\t}\n}\n");
        QVERIFY(natCatching(parseRuleset(other), QStringLiteral("10.1.0.1"), QStringLiteral("10.2.0.1"), QStringLiteral("wan0")));
    }

    void droppingRuleOfAHook()
    {
        const QList<NftRule> rules = parseRuleset(Ruleset);
        const auto esp = dropping(rules, QStringLiteral("input"), {QStringLiteral("4500"), QStringLiteral("esp")});
        QVERIFY(esp);
        QCOMPARE(esp->where(), QStringLiteral("table inet admin, chain input"));
        QVERIFY(!dropping(rules, QStringLiteral("forward")));
        QVERIFY(!dropping(rules, QStringLiteral("input"), {QStringLiteral("500")})); // a word, not part of 4500
    }

    void addresses()
    {
        QVERIFY(addressMatches(QStringLiteral("10.1.0.7"), QStringLiteral("{ 10.9.0.0/16, 10.1.0.0/24 }")));
        QVERIFY(!addressMatches(QStringLiteral("10.1.0.7"), QStringLiteral("!= { 10.9.0.0/16, 10.1.0.0/24 }")));
        QVERIFY(addressMatches(QStringLiteral("10.1.0.7"), QStringLiteral("10.1.0.7")));
        QVERIFY(!addressMatches(QStringLiteral("10.1.0.7"), QStringLiteral("10.1.0.8")));
        QVERIFY(addressMatches(QStringLiteral("2001:db8::5"), QStringLiteral("2001:db8::/64")));
    }

    void pingSaysWhatHappened()
    {
        QCOMPARE(pingOutcome(1, QStringLiteral("ping: local error: message too long, mtu=1400\n")).kind, PingOutcome::TooBigHere);
        QCOMPARE(pingOutcome(1, QStringLiteral("ping: local error: message too long, mtu=1400\n")).mtu, 1400);
        QCOMPARE(pingOutcome(1, QStringLiteral("From 10.1.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1300)\n")).mtu, 1300);
        QCOMPARE(pingOutcome(0, QStringLiteral("1 packets transmitted, 1 received")).kind, PingOutcome::Answered);
        QCOMPARE(pingOutcome(1, QStringLiteral("1 packets transmitted, 0 received, 100% packet loss")).kind, PingOutcome::Lost);
        QCOMPARE(routeDevice(QStringLiteral("10.2.0.1 from 10.1.0.1 dev ipsec0 table 220 uid 0 \\    cache")), QStringLiteral("ipsec0"));
        QCOMPARE(routeDevice(QStringLiteral("RTNETLINK answers: Network is unreachable")), QString());
    }
};

QTEST_GUILESS_MAIN(TestDataPath)
#include "TestDataPath.moc"
