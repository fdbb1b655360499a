// The topology drawing: every address of the profile labelled, the tunnel coloured by state for
// the monitor (green, amber, red, grey) with an optional rate, SVG and PNG export, the same SVG
// bytes for the same profile (bundles stay reproducible), and scaling with the view.

#include "GuiTestSupport.h"
#include "TopologyView.h"

#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QImage>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

namespace {

QStringList sceneTexts(QGraphicsScene* scene)
{
    QStringList out;
    const auto items = scene->items();
    for (QGraphicsItem* item : items)
        if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item))
            out.append(text->text());
    return out;
}

QColor tunnelColour(QGraphicsScene* scene)
{
    const auto items = scene->items();
    for (QGraphicsItem* item : items)
        if (item->data(0).toString() == QLatin1String("tunnel"))
            return static_cast<QGraphicsPathItem*>(item)->pen().color();
    return {};
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private slots:
    void labelsEveryAddress()
    {
        TopologyView view;
        TunnelProfile p = seedProfile();
        p.gatewayA.defaultRouter = QStringLiteral("203.0.113.254");
        view.setProfile(p);
        const QStringList texts = sceneTexts(view.scene());
        for (const QString& s : {p.networkA, p.networkB, p.gatewayA.publicAddress, p.gatewayB.publicAddress, p.gatewayA.internalAddress,
                                 p.gatewayB.internalAddress, p.gatewayA.defaultRouter})
            QVERIFY2(texts.contains(s), qPrintable(s + QStringLiteral(" not in ") + texts.join(QLatin1Char('|'))));
        QCOMPARE(view.topologyScene()->texts().size(), texts.size());
        QVERIFY(view.accessibleDescription().contains(p.gatewayB.publicAddress));

        // Long IPv6 addresses make the drawing wider instead of being cut off.
        const qreal narrow = view.scene()->sceneRect().width();
        p.networkA = QStringLiteral("2001:db8:aaaa:bbbb:cccc:dddd:0:0/96");
        view.setProfile(p);
        QVERIFY(view.scene()->sceneRect().width() > narrow);
        for (QGraphicsItem* item : view.scene()->items())
            QVERIFY(view.scene()->sceneRect().contains(item->sceneBoundingRect()));
    }

    void tunnelStateColoursTheTunnel_data()
    {
        QTest::addColumn<TunnelState>("state");
        QTest::addColumn<QString>("rate");
        QTest::addColumn<QString>("label");
        QTest::newRow("up-with-rate") << TunnelState::Up << QStringLiteral("1.2 Mbit/s") << QStringLiteral("up, 1.2 Mbit/s");
        QTest::newRow("partial") << TunnelState::Partial << QString() << QStringLiteral("partly up");
        QTest::newRow("down") << TunnelState::Down << QString() << QStringLiteral("down");
        QTest::newRow("unknown-shows-no-state") << TunnelState::Unknown << QString() << QString();
    }

    void tunnelStateColoursTheTunnel()
    {
        QFETCH(TunnelState, state);
        QFETCH(QString, rate);
        QFETCH(QString, label);
        TopologyView view;
        view.setProfile(seedProfile());
        view.setTunnelState(state, rate);
        QCOMPARE(view.topologyScene()->tunnelState(), state);
        QCOMPARE(tunnelColour(view.scene()), TopologyScene::stateColour(state, false));
        if (!label.isEmpty())
            QVERIFY2(sceneTexts(view.scene()).contains(label), qPrintable(sceneTexts(view.scene()).join(QLatin1Char('|'))));
        // Green, amber, red and grey are four different colours, in light and in dark.
        for (bool dark : {false, true}) {
            QSet<QRgb> colours;
            for (TunnelState s : {TunnelState::Up, TunnelState::Partial, TunnelState::Down, TunnelState::Unknown})
                colours.insert(TopologyScene::stateColour(s, dark).rgb());
            QCOMPARE(colours.size(), 4);
        }
    }

    void exportsSvgAndPng()
    {
        TopologyView view;
        view.setProfile(seedProfile());
        view.setTunnelState(TunnelState::Up);
        QTemporaryDir tmp;
        QVERIFY(view.exportSvg(tmp.filePath(QStringLiteral("t.svg"))).ok());
        QVERIFY(view.exportPng(tmp.filePath(QStringLiteral("t.png"))).ok());
        const QByteArray svg = readFile(tmp.filePath(QStringLiteral("t.svg")));
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("192.168.2.0/24"));
        const QImage png(tmp.filePath(QStringLiteral("t.png")));
        QVERIFY(!png.isNull());
        // Twice the scene size: sharp when shown on a high-DPI screen or printed.
        QCOMPARE(png.width(), qRound(view.scene()->sceneRect().width() * 2));

        // For bundles: the same profile gives the same bytes, in the light colours.
        QCOMPARE(topologySvg(seedProfile()), topologySvg(seedProfile()));
        TunnelProfile other = seedProfile();
        other.networkB = QStringLiteral("10.0.0.0/8");
        QVERIFY(topologySvg(other) != topologySvg(seedProfile()));
        QVERIFY(topologySvg(other).contains("10.0.0.0/8"));
    }

    void scalesWithTheView()
    {
        TopologyView view;
        view.setProfile(seedProfile());
        view.resize(400, 150);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const qreal small = view.transform().m11();
        view.resize(1200, 450);
        QTRY_VERIFY(view.transform().m11() > small * 2.5);
        // The whole drawing stays in view.
        const QRectF shown = view.mapToScene(view.viewport()->rect()).boundingRect();
        QVERIFY(shown.adjusted(-1, -1, 1, 1).contains(view.scene()->sceneRect()));
    }

    void followsDarkPalette()
    {
        TopologyView view;
        view.setProfile(seedProfile());
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
        view.setPalette(dark);
        QVERIFY(view.topologyScene()->colours().dark);
        QCOMPARE(view.scene()->backgroundBrush().color(), QColor(0x20, 0x20, 0x24));
    }
};

QTEST_MAIN(TestTopologyView)
#include "TestTopologyView.moc"
