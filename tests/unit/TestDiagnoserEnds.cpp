// The ends a diagnosis reads and what each is compared with for drift (Diagnoser::gatewaysOf,
// expectProfile), for the GUI's Diagnose… as for `diagnose`: a pair is compared with the pair
// generators' files (the ones its push wrote), a network's tunnel with that tunnel's own files
// of each managed end only, and an end someone else runs is not read at all.

#include "Diagnoser.h"
#include "Generator.h"
#include "TestSupport.h"

#include <QTest>

using namespace ipsecwiz;

class TestDiagnoserEnds : public QObject
{
    Q_OBJECT

private slots:
    void pairIsComparedWithThePairGenerators()
    {
        TunnelProfile p = test::seedProfile();
        p.gatewayA.flavour = p.gatewayB.flavour = Flavour::StrongSwan;
        p.ike.version = 2;
        p.psk = test::fixedPsk();
        const NetworkProfile n = Network::fromTunnelProfile(p);
        auto ends = Diagnoser::gatewaysOf(n, 0, QStringLiteral("/tmp"), {});
        QVERIFY(ends.ok());
        Diagnoser::expectProfile(ends.value(), n, 0, QStringLiteral("/tmp"));
        for (auto [end, side] : {std::pair{&ends.value().first, Side::A}, std::pair{&ends.value().second, Side::B}}) {
            QVERIFY(end->expected.has_value());
            const auto cfg = Generate::side(p, side, test::fixedPsk());
            QVERIFY(cfg.ok());
            QCOMPARE(end->expected->expected.files.size(), cfg.value().files.size());
            for (qsizetype i = 0; i < cfg.value().files.size(); ++i) {
                QCOMPARE(end->expected->expected.files.at(i).path, cfg.value().files.at(i).path);
                QCOMPARE(end->expected->expected.files.at(i).content, cfg.value().files.at(i).content);
            }
            QCOMPARE(end->expected->keys, QList<QByteArray>{test::fixedPsk()});
            QCOMPARE(end->expected->connections, QStringList{p.name});
            QCOMPARE(end->expected->label, end->label);
        }
    }

    void networkTunnelIsComparedWithItsOwnFiles()
    {
        NetworkProfile n = test::withKeys(test::exampleNetwork());
        const int tunnel = n.tunnelIndex(QStringLiteral("hq-branch2"));
        QVERIFY(tunnel >= 0);
        auto ends = Diagnoser::gatewaysOf(n, tunnel, QStringLiteral("/tmp"), {});
        QVERIFY(ends.ok());
        Diagnoser::expectProfile(ends.value(), n, tunnel, QStringLiteral("/tmp"));
        for (const DiagnoseGateway* end : {&ends.value().first, &ends.value().second}) {
            if (!end->ssh) {
                QVERIFY(!end->expected.has_value()); // someone else's gateway: not read
                continue;
            }
            QVERIFY2(end->expected.has_value(), qPrintable(end->label));
            QVERIFY(!end->expected->expected.files.isEmpty());
            for (const GeneratedFile& f : end->expected->expected.files)
                QVERIFY2(f.path.contains(QStringLiteral("hq-branch2")), qPrintable(f.path)); // not hq-branch1's or hq-branch3's
        }
    }
};

QTEST_GUILESS_MAIN(TestDiagnoserEnds)
#include "TestDiagnoserEnds.moc"
