// The topology drawing: every address of the profile labelled, the tunnel coloured by state for
// the monitor (green, amber, red, grey) with an optional rate, SVG and PNG export, the same SVG
// bytes for the same profile (bundles stay reproducible), and scaling with the view. A whole
// network: a star around the hub or a circle, every site and tunnel drawn, and no two labels
// overlapping from 2 to 50 sites.

#include "GuiTestSupport.h"
#include "TopologyView.h"

#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QApplication>
#include <QGraphicsLineItem>
#include <QWheelEvent>
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

// A network of N sites with long-ish names, one or two networks each, some behind NAT or dynamic.
NetworkProfile manySites(int count, TopologyKind kind)
{
    NetworkProfile n;
    n.name = QStringLiteral("many");
    for (int i = 0; i < count; ++i) {
        Site s;
        s.name = i == 0 ? QStringLiteral("headquarters") : QStringLiteral("branch-office-%1").arg(i);
        s.networks = {QStringLiteral("10.%1.%2.0/24").arg(i / 200).arg(i % 200)};
        if (i % 3 == 1)
            s.networks << QStringLiteral("172.%1.%2.0/24").arg(16 + i / 200).arg(i % 200);
        s.gateway.localAddress = QStringLiteral("198.51.%1.%2").arg(i / 200).arg(i % 200 + 1);
        s.gateway.reach = i % 5 == 2 ? Reachability::Nat : i % 7 == 3 ? Reachability::Dynamic : Reachability::Direct;
        s.gateway.publicAddress = QStringLiteral("203.0.%1.%2").arg(i / 200).arg(i % 200 + 1);
        s.gateway.managed = i % 11 != 4;
        n.sites << s;
    }
    n.topology.kind = kind;
    n.topology.hub = n.sites.first().name;
    n.tunnels = Network::tunnelsFor(n.sites, n.topology, n.ike, n.esp);
    return n;
}

} // namespace

class TestTopologyView : public QObject
{
    Q_OBJECT

private slots:
    void aWholeNetworkNeverOverlapsItsLabels_data()
    {
        QTest::addColumn<int>("sites");
        QTest::addColumn<int>("kind");
        for (int count : {2, 3, 5, 12, 25, 50}) {
            QTest::addRow("star of %d", count) << count << int(TopologyKind::HubAndSpoke);
            QTest::addRow("mesh of %d", count) << count << int(TopologyKind::Mesh);
        }
    }

    void aWholeNetworkNeverOverlapsItsLabels()
    {
        QFETCH(int, sites);
        QFETCH(int, kind);
        const NetworkProfile n = manySites(sites, TopologyKind(kind));
        TopologyScene scene;
        scene.setWholeNetwork(n);
        QVERIFY(scene.showsWholeNetwork());
        const QStringList texts = scene.texts();
        for (const Site& s : n.sites)
            QVERIFY2(texts.contains(s.name), qPrintable(s.name));
        QVERIFY(texts.contains(QStringLiteral("172.16.1.0/24"))); // a site's second network
        int tunnels = 0, dashed = 0;
        for (QGraphicsItem* item : scene.items())
            if (item->data(0).toString().startsWith(QLatin1String("tunnel:"))) {
                ++tunnels;
                dashed += static_cast<QGraphicsLineItem*>(item)->pen().style() == Qt::DashLine;
            }
        QCOMPARE(tunnels, int(n.tunnels.size()));
        int toDynamic = 0;
        for (const Tunnel& t : n.tunnels)
            toDynamic += n.site(t.siteA)->gateway.reach == Reachability::Dynamic || n.site(t.siteB)->gateway.reach == Reachability::Dynamic;
        QCOMPARE(dashed, toDynamic);
        const QList<QRectF> rects = scene.textRects();
        QCOMPARE(rects.size(), texts.size());
        for (qsizetype i = 0; i < rects.size(); ++i)
            for (qsizetype j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects.at(i).adjusted(1, 1, -1, -1).intersects(rects.at(j).adjusted(1, 1, -1, -1)),
                         qPrintable(QStringLiteral("“%1” overlaps “%2”").arg(texts.value(int(i)), texts.value(int(j)))));
    }

    // A 50-site mesh in a small view: the wheel zooms in about the pointer, a resize keeps the
    // admin's zoom, a double-click shows the whole drawing again, and a new drawing fits anew.
    void zoomsAndFitsAgain()
    {
        TopologyView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        drawNetwork(*view.topologyScene(), manySites(50, TopologyKind::Mesh));
        QCOMPARE(view.zoom(), 1.0);
        const QRectF whole = view.mapToScene(view.viewport()->rect()).boundingRect();
        QVERIFY(whole.contains(view.topologyScene()->sceneRect().center()));
        const QPointF at = view.viewport()->rect().center();
        QWheelEvent up(at, view.viewport()->mapToGlobal(at), {}, QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view.viewport(), &up);
        QVERIFY2(qAbs(view.zoom() - 1.5625) < 1e-6, qPrintable(QString::number(view.zoom())));
        QVERIFY(view.mapToScene(view.viewport()->rect()).boundingRect().width() < whole.width() * 0.7);
        view.resize(520, 320);
        QTRY_VERIFY(view.viewport()->width() > 500);
        QVERIFY2(qAbs(view.zoom() - 1.5625) < 1e-6, "a resize undid the zoom");
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, at.toPoint());
        QCOMPARE(view.zoom(), 1.0);
        view.zoomBy(0.5); // never smaller than the whole drawing
        QCOMPARE(view.zoom(), 1.0);
        view.zoomBy(4);
        QCOMPARE(view.zoom(), 4.0);
        drawNetwork(*view.topologyScene(), manySites(5, TopologyKind::HubAndSpoke));
        QCOMPARE(view.zoom(), 1.0);
    }

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
