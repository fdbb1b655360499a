// The gateway-side commit-confirmed script: valid shell, every file handled in order, the
// reload and verification before "committed", rollback on every failure path, and never the
// key. Its behaviour on real gateways is tested in the lab (tests/e2e/lab-push-test.sh).

#include "CommitScript.h"
#include "Generator.h"
#include "TestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

CommitPlan planFor(Flavour flavour, bool firewall)
{
    TunnelProfile p = seedProfile();
    p.gatewayA.flavour = p.gatewayB.flavour = flavour;
    p.ike.version = flavour == Flavour::StrongSwan ? 2 : 1;
    CommitPlan plan;
    plan.name = p.name;
    plan.config = Generate::side(p, Side::A, fixedPsk()).value();
    plan.remoteNet = p.networkB;
    plan.verifyCommand = CommitScript::verifyCommandFor(plan.config, p.name);
    plan.applyFirewall = firewall;
    plan.confirmTimeoutSec = 42;
    return plan;
}

} // namespace

class TestCommitScript : public QObject
{
    Q_OBJECT

private slots:
    void validShell_data()
    {
        QTest::addColumn<Flavour>("flavour");
        QTest::addColumn<bool>("firewall");
        for (Flavour f : allFlavours()) {
            QTest::newRow(qPrintable(flavourId(f))) << f << false;
            QTest::newRow(qPrintable(flavourId(f) + QStringLiteral("-with-firewall"))) << f << true;
        }
    }

    void validShell()
    {
        QFETCH(Flavour, flavour);
        QFETCH(bool, firewall);
        const QByteArray script = CommitScript::script(planFor(flavour, firewall));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("commit.sh")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(script);
        f.close();
        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-n"), f.fileName()});
        QVERIFY(sh.waitForFinished());
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());

        QVERIFY(!script.contains(fixedPsk()));
        QVERIFY(script.contains("T=/etc/ipsec-wizard/seed/.transaction\n"));
        // The reload and verification come before "committed", the wait after it.
        const qsizetype reload = script.indexOf("reload || rollback");
        const qsizetype verify = script.indexOf("verify || rollback");
        const qsizetype committed = script.indexOf("state committed");
        const qsizetype wait = script.indexOf("while [ $i -lt 2100 ]");
        QVERIFY(reload > 0 && verify > reload && committed > verify && wait > committed);
        QVERIFY(script.contains("rollback \"no confirmation within 42 s\""));
        QCOMPARE(script.contains("nft -f '/etc/ipsec-wizard/seed/firewall.nft'"), firewall);
        QCOMPARE(script.contains("nft delete table inet ipsec_wizard_seed"), firewall);
    }

    void everyFileBackedUpAndSwapped()
    {
        const CommitPlan plan = planFor(Flavour::StrongSwan, false);
        const QByteArray script = CommitScript::script(plan);
        for (const GeneratedFile& f : plan.config.files)
            QVERIFY2(script.contains(f.path.toUtf8()), qPrintable(f.path));
        QVERIFY(script.contains("cp -p \"$f\" \"$f.ipsec-wizard-bak\""));
        QVERIFY(script.contains("mv -f \"$f.ipsec-wizard-new\" \"$f\""));
        QVERIFY(script.contains("\tswanctl --load-all >> \"$T/log\" 2>&1 || return 1\n"));
        QVERIFY(script.contains("verify() { swanctl --list-conns | grep -q '^seed: '"));
    }
};

QTEST_GUILESS_MAIN(TestCommitScript)
#include "TestCommitScript.moc"
