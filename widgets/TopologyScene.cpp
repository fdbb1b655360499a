#include "TopologyScene.h"

#include "Algorithms.h"

#include <QBuffer>
#include <QGraphicsLineItem>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QPen>
#include <QSvgGenerator>

#include <cmath>

namespace ipsecwiz {

namespace {

// Scene units are pixels at 100 % scale; fonts use pixel sizes so the layout does not depend on
// the screen's DPI (the view scales the whole scene, which keeps it sharp on high-DPI screens).
constexpr qreal BoxHeight = 64;
constexpr qreal RowY = 160;       // centre line of the boxes
constexpr qreal TunnelY = 70;     // the tunnel's horizontal run
constexpr qreal ColumnGap = 46;   // the shortest link between two columns
constexpr qreal CloudWidth = 150;
constexpr qreal CloudHeight = 84;
constexpr qreal RowHeight = 19;
constexpr qreal Margin = 14;

QFont pixelFont(QFont font, int pixels, bool bold = false)
{
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

QString shortFlavour(Flavour flavour)
{
    switch (flavour) {
    case Flavour::RacoonTool: return QStringLiteral("racoon-tool");
    case Flavour::Racoon: return QStringLiteral("racoon + setkey");
    case Flavour::StrongSwan: return QStringLiteral("strongSwan");
    }
    return {};
}

QPainterPath cloudPath(const QRectF& r)
{
    // Overlapping ellipses united: the usual picture of "the internet".
    QPainterPath p;
    p.setFillRule(Qt::WindingFill);
    const qreal w = r.width();
    const qreal h = r.height();
    p.addEllipse(QRectF(r.left() + 0.00 * w, r.top() + 0.35 * h, 0.42 * w, 0.55 * h));
    p.addEllipse(QRectF(r.left() + 0.18 * w, r.top() + 0.08 * h, 0.40 * w, 0.62 * h));
    p.addEllipse(QRectF(r.left() + 0.42 * w, r.top() + 0.00 * h, 0.40 * w, 0.66 * h));
    p.addEllipse(QRectF(r.left() + 0.58 * w, r.top() + 0.30 * h, 0.42 * w, 0.58 * h));
    p.addEllipse(QRectF(r.left() + 0.22 * w, r.top() + 0.42 * h, 0.56 * w, 0.58 * h));
    return p.simplified();
}

class Builder
{
public:
    Builder(QGraphicsScene* scene, const TopologyColours& c, QStringList* texts)
        : m_scene(scene), m_c(c), m_texts(texts),
          m_title(pixelFont(QFont(), 15, true)),
          m_small(pixelFont(QFont(), 12)),
          m_mono(pixelFont(QFontDatabase::systemFont(QFontDatabase::FixedFont), 13))
    {
        m_smallItalic = m_small;
        m_smallItalic.setItalic(true);
    }

    const QFont& titleFont() const { return m_title; }
    const QFont& smallFont() const { return m_small; }
    QFont valueFont(bool set) const { return set ? m_mono : m_smallItalic; }

    static qreal width(const QFont& font, const QString& text) { return QFontMetricsF(font).horizontalAdvance(text); }

    // A text item whose anchor point is `at`, aligned as asked (left/centre/right, top/centre).
    QGraphicsSimpleTextItem* text(const QString& s, const QFont& font, const QColor& colour, QPointF at, Qt::Alignment align,
                                  const QString& name)
    {
        auto* item = m_scene->addSimpleText(s, font);
        item->setBrush(colour);
        item->setData(0, name);
        const QRectF r = item->boundingRect();
        qreal x = at.x();
        if (align & Qt::AlignHCenter)
            x -= r.width() / 2;
        else if (align & Qt::AlignRight)
            x -= r.width();
        qreal y = at.y();
        if (align & Qt::AlignVCenter)
            y -= r.height() / 2;
        item->setPos(x, y);
        item->setZValue(3);
        m_texts->append(s);
        return item;
    }

    void box(const QRectF& r, const QColor& fill, const QColor& border, qreal radius, Qt::PenStyle style = Qt::SolidLine)
    {
        QPainterPath p;
        p.addRoundedRect(r, radius, radius);
        auto* item = m_scene->addPath(p, QPen(border, 1.6, style), fill);
        item->setZValue(1);
    }

    void line(QPointF a, QPointF b, Qt::PenStyle style = Qt::SolidLine)
    {
        auto* item = m_scene->addLine(QLineF(a, b), QPen(m_c.link, 2.2, style, Qt::RoundCap));
        item->setZValue(0);
    }

private:
    QGraphicsScene* m_scene;
    const TopologyColours& m_c;
    QStringList* m_texts;
    QFont m_title;
    QFont m_small;
    QFont m_smallItalic;
    QFont m_mono;
};

} // namespace

TopologyColours TopologyColours::forLight()
{
    TopologyColours c;
    c.background = QColor(0xff, 0xff, 0xff);
    c.text = QColor(0x1d, 0x24, 0x33);
    c.muted = QColor(0x55, 0x60, 0x6e);
    c.networkFill = QColor(0xee, 0xf6, 0xe9);
    c.networkBorder = QColor(0x4f, 0x87, 0x32);
    c.gatewayFill = QColor(0xe8, 0xef, 0xfb);
    c.gatewayBorder = QColor(0x3b, 0x63, 0xad);
    c.cloudFill = QColor(0xf1, 0xf2, 0xf5);
    c.cloudBorder = QColor(0x8b, 0x94, 0xa1);
    c.link = QColor(0x6b, 0x75, 0x83);
    c.dark = false;
    return c;
}

TopologyColours TopologyColours::forDark()
{
    TopologyColours c;
    c.background = QColor(0x23, 0x26, 0x2c);
    c.text = QColor(0xe8, 0xeb, 0xf0);
    c.muted = QColor(0xa9, 0xb1, 0xbd);
    c.networkFill = QColor(0x27, 0x3a, 0x25);
    c.networkBorder = QColor(0x8c, 0xc4, 0x6a);
    c.gatewayFill = QColor(0x24, 0x33, 0x4d);
    c.gatewayBorder = QColor(0x82, 0xa6, 0xe6);
    c.cloudFill = QColor(0x30, 0x33, 0x3a);
    c.cloudBorder = QColor(0x8a, 0x93, 0x9f);
    c.link = QColor(0x95, 0x9f, 0xad);
    c.dark = true;
    return c;
}

TopologyColours TopologyColours::forPalette(const QPalette& palette)
{
    TopologyColours c = palette.color(QPalette::Base).lightness() < 128 ? forDark() : forLight();
    c.background = palette.color(QPalette::Base);
    return c;
}

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent), m_colours(TopologyColours::forLight())
{
    // The drawing is made whole and then only painted, mostly all at once: a BSP tree over a
    // mesh's long crossing lines cost more to build at the first paint than it ever saved.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    rebuild();
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::setProfile(const TunnelProfile& profile)
{
    m_whole.reset();
    m_profile = profile;
    m_look[0] = {};
    m_look[1] = {};
    rebuild();
}

void TopologyScene::setNetwork(const NetworkProfile& network, int tunnel)
{
    m_whole.reset();
    m_profile = Network::pageView(network, tunnel);
    const bool pair = network.sites.size() == 2;
    for (Side side : {Side::A, Side::B}) {
        SiteLook& look = m_look[side == Side::A ? 0 : 1];
        look = {};
        const Tunnel* t = tunnel >= 0 && tunnel < network.tunnels.size() ? &network.tunnels.at(tunnel) : nullptr;
        const Site* s = t ? network.site(side == Side::A ? t->siteA : t->siteB) : nullptr;
        if (!s)
            continue;
        // A pair's sites keep the A/B titles the simple path has always shown.
        if (!pair || (s->name != QLatin1String("site-a") && s->name != QLatin1String("site-b")))
            look.name = s->name;
        look.reach = s->gateway.reach;
        look.natAddress = s->gateway.publicAddress;
        look.managed = s->gateway.managed;
    }
    rebuild();
}

void TopologyScene::setTunnelState(TunnelState state, const QString& rate)
{
    m_state = state;
    m_rate = rate;
    rebuild();
}

void TopologyScene::setColours(const TopologyColours& colours)
{
    m_colours = colours;
    rebuild();
}

QColor TopologyScene::stateColour(TunnelState state, bool dark)
{
    switch (state) {
    case TunnelState::Up: return dark ? QColor(0x4c, 0xc2, 0x63) : QColor(0x2b, 0x9a, 0x48);
    case TunnelState::Partial: return dark ? QColor(0xf0, 0xb4, 0x29) : QColor(0xd9, 0x8e, 0x04);
    case TunnelState::Down: return dark ? QColor(0xf0, 0x64, 0x64) : QColor(0xd0, 0x36, 0x36);
    case TunnelState::Unknown: break;
    }
    return dark ? QColor(0x8a, 0x93, 0x9f) : QColor(0x8b, 0x94, 0xa1);
}

QString TopologyScene::stateName(TunnelState state)
{
    switch (state) {
    case TunnelState::Up: return tr("up");
    case TunnelState::Partial: return tr("partly up");
    case TunnelState::Down: return tr("down");
    case TunnelState::Unknown: break;
    }
    return tr("state unknown");
}

void TopologyScene::setWholeNetwork(const NetworkProfile& network)
{
    m_whole = network;
    m_profile = Network::pageView(network, 0);
    m_profile.name = network.name;
    rebuild();
}

void TopologyScene::setTunnelStates(const QHash<QString, TunnelState>& states)
{
    if (states == m_states)
        return;
    m_states = states;
    if (!m_whole)
        return;
    for (QGraphicsItem* item : items()) {
        const QString what = item->data(0).toString();
        auto* line = qgraphicsitem_cast<QGraphicsLineItem*>(item);
        if (!line || !what.startsWith(QLatin1String("tunnel:")) || what.mid(7) == m_selectedTunnel)
            continue;
        QPen pen = line->pen();
        pen.setColor(stateColour(tunnelState(what.mid(7)), m_colours.dark));
        line->setPen(pen);
    }
}

void TopologyScene::setWholeNetwork(const NetworkProfile& network, const QString& selected)
{
    m_selectedTunnel = selected;
    setWholeNetwork(network);
}

void TopologyScene::setSelectedTunnel(const QString& name)
{
    if (name == m_selectedTunnel)
        return;
    m_selectedTunnel = name;
    if (m_whole)
        rebuild();
}

QString TopologyScene::itemAt(QPointF scenePos, qreal tolerance) const
{
    const QRectF around(scenePos - QPointF(tolerance, tolerance), QSizeF(2 * tolerance, 2 * tolerance));
    QString tunnel;
    for (const QGraphicsItem* item : items(around)) {
        const QString what = item->data(0).toString();
        if (what.startsWith(QLatin1String("site:")))
            return what;
        if (what.startsWith(QLatin1String("tunnel:")) && tunnel.isEmpty())
            tunnel = what;
    }
    return tunnel;
}

QList<QRectF> TopologyScene::textRects() const
{
    QList<QRectF> out;
    for (const QGraphicsItem* item : items())
        if (item->type() == QGraphicsSimpleTextItem::Type)
            out.append(item->sceneBoundingRect());
    return out;
}

void TopologyScene::rebuildNetwork()
{
    const NetworkProfile& n = *m_whole;
    clear();
    setBackgroundBrush(m_colours.background);
    QStringList texts;
    Builder b(this, m_colours, &texts);
    const TopologyColours& c = m_colours;
    constexpr int MaxNetworkLines = 3;

    // Each site's box: its name, up to three networks (then "+N more"), and its gateway.
    struct Node
    {
        const Site* site = nullptr;
        QStringList lines;
        QSizeF size;
        QPointF centre;
    };
    QList<Node> nodes;
    for (const Site& site : n.sites) {
        Node node;
        node.site = &site;
        for (int k = 0; k < site.networks.size() && k < MaxNetworkLines; ++k)
            node.lines << site.networks.at(k);
        if (site.networks.size() > MaxNetworkLines)
            node.lines << tr("+%1 more").arg(site.networks.size() - MaxNetworkLines);
        QString gateway = site.gateway.managed ? shortFlavour(site.gateway.flavour) : tr("managed elsewhere");
        if (site.gateway.reach == Reachability::Nat)
            gateway = tr("%1, NAT %2").arg(gateway, site.gateway.publicAddress);
        else if (site.gateway.reach == Reachability::Dynamic)
            gateway = tr("%1, dynamic").arg(gateway);
        else
            gateway = tr("%1, %2").arg(gateway, site.gateway.localAddress.section(QLatin1Char('/'), 0, 0));
        node.lines << gateway;
        qreal w = Builder::width(b.titleFont(), site.name);
        for (const QString& line : std::as_const(node.lines))
            w = std::max(w, Builder::width(line == gateway ? b.smallFont() : b.valueFont(true), line));
        node.size = QSizeF(w + 24, 30 + node.lines.size() * RowHeight + 8);
        nodes << node;
    }
    if (nodes.isEmpty()) {
        setSceneRect(QRectF(0, 0, 100, 50));
        m_texts = texts;
        Q_EMIT rebuilt();
        return;
    }

    // Placement: the hub in the middle of the others (hub and spoke), else all on one circle. The
    // radius gives every box room: the circle is at least as long as the boxes' diagonals side by
    // side, and spokes clear the hub.
    const int hub = n.topology.kind == TopologyKind::HubAndSpoke ? n.siteIndex(n.topology.hub) : -1;
    QList<int> ring;
    qreal widest = 0;
    for (int i = 0; i < nodes.size(); ++i) {
        if (i == hub)
            continue;
        ring << i;
        const QSizeF sz = nodes.at(i).size;
        widest = std::max(widest, std::hypot(sz.width(), sz.height()));
    }
    // Neighbours on the circle are a chord apart: at least the widest box's diagonal and a gap.
    qreal radius = ring.size() < 2 ? 0 : (widest + 16) / (2 * std::sin(M_PI / ring.size()));
    if (hub >= 0) {
        const QSizeF hs = nodes.at(hub).size;
        radius = std::max(radius, std::hypot(hs.width(), hs.height()) / 2 + widest / 2 + 40);
        nodes[hub].centre = QPointF(0, 0);
    }
    if (ring.size() == 2 && hub < 0) {
        // Two sites: side by side.
        nodes[ring.at(0)].centre = QPointF(-radius, 0);
        nodes[ring.at(1)].centre = QPointF(radius, 0);
    } else {
        // An ellipse wider than high suits the wide panes it is shown in; stretching one axis
        // only moves boxes apart, so none comes to overlap.
        for (int k = 0; k < ring.size(); ++k) {
            const qreal angle = -M_PI / 2 + 2 * M_PI * k / ring.size();
            nodes[ring.at(k)].centre = QPointF(1.6 * radius * std::cos(angle), radius * std::sin(angle));
        }
    }

    // Tunnels under the boxes, centre to centre.
    const QColor stateColour = TopologyScene::stateColour(m_state, c.dark);
    for (const Tunnel& t : n.tunnels) {
        const int a = n.siteIndex(t.siteA);
        const int z = n.siteIndex(t.siteB);
        if (a < 0 || z < 0)
            continue;
        const bool dynamic = n.sites.at(a).gateway.reach == Reachability::Dynamic || n.sites.at(z).gateway.reach == Reachability::Dynamic;
        const bool selected = t.name == m_selectedTunnel;
        const QColor colour = m_states.contains(t.name) ? TopologyScene::stateColour(m_states.value(t.name), c.dark) : stateColour;
        auto* line = addLine(QLineF(nodes.at(a).centre, nodes.at(z).centre),
                             QPen(selected ? c.gatewayBorder : colour, selected ? 6 : 3, dynamic ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
        line->setZValue(0);
        line->setData(0, QStringLiteral("tunnel:") + t.name);
        line->setToolTip(tr("Tunnel %1: %2 ⇄ %3").arg(t.name, t.siteA, t.siteB));
    }

    for (const Node& node : std::as_const(nodes)) {
        const QRectF r(node.centre - QPointF(node.size.width() / 2, node.size.height() / 2), node.size);
        if (node.site->gateway.managed)
            b.box(r, c.gatewayFill, c.gatewayBorder, 8);
        else
            b.box(r, c.background, c.muted, 8, Qt::DashLine);
        // The whole box answers a click for its site.
        auto* hit = addRect(r, Qt::NoPen, Qt::NoBrush);
        hit->setZValue(2);
        hit->setData(0, QStringLiteral("site:") + node.site->name);
        hit->setToolTip(tr("Site %1").arg(node.site->name));
        b.text(node.site->name, b.titleFont(), c.text, {r.center().x(), r.top() + 6}, Qt::AlignHCenter, QStringLiteral("site:") + node.site->name);
        qreal y = r.top() + 30;
        for (qsizetype k = 0; k < node.lines.size(); ++k) {
            const bool last = k == node.lines.size() - 1;
            b.text(node.lines.at(k), last ? b.smallFont() : b.valueFont(true), last ? c.muted : c.text, {r.center().x(), y}, Qt::AlignHCenter,
                   last ? QStringLiteral("gateway") : QStringLiteral("network"));
            y += RowHeight;
        }
    }

    setSceneRect(itemsBoundingRect().adjusted(-Margin, -Margin, Margin, Margin));
    m_texts = texts;
    Q_EMIT rebuilt();
}

void TopologyScene::rebuild()
{
    if (m_whole) {
        rebuildNetwork();
        return;
    }
    clear();
    setBackgroundBrush(m_colours.background);
    QStringList texts;
    Builder b(this, m_colours, &texts);
    const TopologyColours& c = m_colours;
    const QString notSet = tr("not set");

    struct Row
    {
        QString caption;
        QString value;
        QString name;
    };
    const auto valueOr = [&](const QString& v) { return v.trimmed().isEmpty() ? notSet : v.trimmed(); };
    const auto rows = [&](Side side) {
        const Gateway& gw = m_profile.gateway(side);
        const SiteLook& look = m_look[side == Side::A ? 0 : 1];
        const QString key = sideKey(side) + QLatin1Char('.');
        QList<Row> out{{tr("internal"), valueOr(gw.internalAddress), key + QStringLiteral("internalAddress")},
                       {look.reach == Reachability::Direct ? tr("public") : tr("local"), valueOr(gw.publicAddress), key + QStringLiteral("publicAddress")}};
        if (look.reach == Reachability::Nat)
            out.append({tr("NAT"), valueOr(look.natAddress), key + QStringLiteral("natAddress")});
        else if (look.reach == Reachability::Dynamic)
            out.append({tr("public"), tr("changes (dynamic)"), key + QStringLiteral("dynamic")});
        if (!gw.defaultRouter.trimmed().isEmpty())
            out.append({tr("router"), gw.defaultRouter.trimmed(), key + QStringLiteral("defaultRouter")});
        return out;
    };
    const QList<Row> rowsA = rows(Side::A);
    const QList<Row> rowsB = rows(Side::B);

    // Column widths from the text they hold.
    const auto blockWidths = [&](const QList<Row>& rs) {
        qreal cap = 0;
        qreal val = 0;
        for (const Row& r : rs) {
            cap = std::max(cap, Builder::width(b.smallFont(), r.caption));
            val = std::max(val, Builder::width(b.valueFont(r.value != notSet), r.value));
        }
        return std::pair{cap, val};
    };
    const auto [capA, valA] = blockWidths(rowsA);
    const auto [capB, valB] = blockWidths(rowsB);

    const QString netTitle[2] = {m_look[0].name.isEmpty() ? tr("Network A") : m_look[0].name, m_look[1].name.isEmpty() ? tr("Network B") : m_look[1].name};
    const QString gwTitle[2] = {m_look[0].name.isEmpty() ? tr("Gateway A") : tr("Gateway"), m_look[1].name.isEmpty() ? tr("Gateway B") : tr("Gateway")};
    // A site's networks, one per line.
    QStringList netLines[2];
    for (int i = 0; i < 2; ++i) {
        netLines[i] = Network::splitNetworks(m_profile.network(i == 0 ? Side::A : Side::B));
        if (netLines[i].isEmpty())
            netLines[i] = {notSet};
    }
    const QString flavour[2] = {m_look[0].managed ? shortFlavour(m_profile.gatewayA.flavour) : tr("managed elsewhere"),
                                m_look[1].managed ? shortFlavour(m_profile.gatewayB.flavour) : tr("managed elsewhere")};

    qreal netW[2];
    qreal gwW[2];
    qreal gwCol[2];
    const qreal capW[2] = {capA, capB};
    const qreal valW[2] = {valA, valB};
    for (int i = 0; i < 2; ++i) {
        qreal widest = Builder::width(b.titleFont(), netTitle[i]);
        for (const QString& line : std::as_const(netLines[i]))
            widest = std::max(widest, Builder::width(b.valueFont(line != notSet), line));
        netW[i] = std::max<qreal>(150, widest + 28);
        gwW[i] = std::max<qreal>(130, std::max(Builder::width(b.titleFont(), gwTitle[i]), Builder::width(b.smallFont(), flavour[i])) + 28);
        gwCol[i] = std::max(gwW[i], capW[i] + 8 + valW[i]);
    }

    // x centres, left to right.
    qreal x = 0;
    const qreal netACx = x + netW[0] / 2;
    x += netW[0] + ColumnGap;
    const qreal gwACx = x + gwCol[0] / 2;
    // A NAT box needs room on its link.
    const auto gap = [&](int i) { return m_look[i].reach == Reachability::Nat ? ColumnGap + 36 : ColumnGap; };
    x += gwCol[0] + gap(0);
    const qreal cloudCx = x + CloudWidth / 2;
    x += CloudWidth + gap(1);
    const qreal gwBCx = x + gwCol[1] / 2;
    x += gwCol[1] + ColumnGap;
    const qreal netBCx = x + netW[1] / 2;

    const qreal top = RowY - BoxHeight / 2;
    const QRectF netRect[2] = {QRectF(netACx - netW[0] / 2, top, netW[0], BoxHeight + (netLines[0].size() - 1) * RowHeight),
                               QRectF(netBCx - netW[1] / 2, top, netW[1], BoxHeight + (netLines[1].size() - 1) * RowHeight)};
    const QRectF gwRect[2] = {QRectF(gwACx - gwW[0] / 2, top, gwW[0], BoxHeight), QRectF(gwBCx - gwW[1] / 2, top, gwW[1], BoxHeight)};
    const QRectF cloud(cloudCx - CloudWidth / 2, RowY - CloudHeight / 2, CloudWidth, CloudHeight);

    // Links first, so boxes sit on top of their ends.
    b.line({netRect[0].right(), RowY}, {gwRect[0].left(), RowY});
    // A site whose address changes is reached over a dashed link.
    const auto linkStyle = [&](int i) { return m_look[i].reach == Reachability::Dynamic ? Qt::DashLine : Qt::SolidLine; };
    b.line({gwRect[0].right(), RowY}, {cloud.left() + 4, RowY}, linkStyle(0));
    b.line({cloud.right() - 4, RowY}, {gwRect[1].left(), RowY}, linkStyle(1));
    b.line({gwRect[1].right(), RowY}, {netRect[1].left(), RowY});

    for (int i = 0; i < 2; ++i) {
        b.box(netRect[i], c.networkFill, c.networkBorder, 10);
        b.text(netTitle[i], b.titleFont(), c.text, {netRect[i].center().x(), top + 10}, Qt::AlignHCenter, QStringLiteral("title"));
        for (qsizetype k = 0; k < netLines[i].size(); ++k) {
            const QString& line = netLines[i].at(k);
            b.text(line, b.valueFont(line != notSet), line == notSet ? c.muted : c.text, {netRect[i].center().x(), top + 35 + k * RowHeight},
                   Qt::AlignHCenter, i == 0 ? QStringLiteral("networkA") : QStringLiteral("networkB"));
        }

        // A gateway someone else runs: outlined, not filled in our colour.
        if (m_look[i].managed)
            b.box(gwRect[i], c.gatewayFill, c.gatewayBorder, 6);
        else
            b.box(gwRect[i], c.background, c.muted, 6, Qt::DashLine);
        b.text(gwTitle[i], b.titleFont(), c.text, {gwRect[i].center().x(), top + 10}, Qt::AlignHCenter, QStringLiteral("title"));
        b.text(flavour[i], b.smallFont(), c.muted, {gwRect[i].center().x(), top + 36}, Qt::AlignHCenter, sideKey(i == 0 ? Side::A : Side::B) + QStringLiteral(".flavour"));

        // The gateway's addresses, a caption column and a value column centred under the box.
        const QList<Row>& rs = i == 0 ? rowsA : rowsB;
        const qreal blockW = capW[i] + 8 + valW[i];
        const qreal left = gwRect[i].center().x() - blockW / 2;
        qreal y = gwRect[i].bottom() + 10;
        for (const Row& r : rs) {
            b.text(r.caption, b.smallFont(), c.muted, {left + capW[i], y + 1}, Qt::AlignRight, QStringLiteral("caption"));
            b.text(r.value, b.valueFont(r.value != notSet), r.value == notSet ? c.muted : c.text, {left + capW[i] + 8, y}, Qt::AlignLeft, r.name);
            y += RowHeight;
        }

        // A default router sits on the link between its gateway and the internet.
        const Gateway& gw = m_profile.gateway(i == 0 ? Side::A : Side::B);
        const qreal linkL = i == 0 ? gwRect[0].right() : cloud.right();
        const qreal linkR = i == 0 ? cloud.left() : gwRect[1].left();
        const bool nat = m_look[i].reach == Reachability::Nat;
        if (!gw.defaultRouter.trimmed().isEmpty()) {
            const qreal rx = nat ? (i == 0 ? linkL + 9 : linkR - 9) : (linkL + linkR) / 2;
            auto* dot = addEllipse(QRectF(rx - 7, RowY - 7, 14, 14), QPen(c.gatewayBorder, 1.6), c.gatewayFill);
            dot->setZValue(2);
        }
        // The NAT router in front of a site's gateway, on its link to the internet.
        if (nat) {
            const QString label = tr("NAT");
            const qreal w = Builder::width(b.smallFont(), label) + 10;
            const qreal nx = (linkL + linkR) / 2;
            b.box(QRectF(nx - w / 2, RowY - 11, w, 22), c.cloudFill, c.gatewayBorder, 4);
            b.text(label, b.smallFont(), c.text, {nx, RowY}, Qt::AlignHCenter | Qt::AlignVCenter, sideKey(i == 0 ? Side::A : Side::B) + QStringLiteral(".nat"));
        }
    }

    auto* cloudItem = addPath(cloudPath(cloud), QPen(c.cloudBorder, 1.6), c.cloudFill);
    cloudItem->setZValue(1);
    b.text(tr("Internet"), b.titleFont(), c.muted, cloud.center() + QPointF(0, 4), Qt::AlignHCenter | Qt::AlignVCenter, QStringLiteral("internet"));

    // The tunnel: up from gateway A, across above the internet, down into gateway B.
    const QColor stateColour = TopologyScene::stateColour(m_state, c.dark);
    const qreal r = 18;
    QPainterPath tunnel;
    tunnel.moveTo(gwACx, top);
    tunnel.lineTo(gwACx, TunnelY + r);
    tunnel.quadTo(gwACx, TunnelY, gwACx + r, TunnelY);
    tunnel.lineTo(gwBCx - r, TunnelY);
    tunnel.quadTo(gwBCx, TunnelY, gwBCx, TunnelY + r);
    tunnel.lineTo(gwBCx, top);
    auto* pipe = addPath(tunnel, QPen(stateColour, 12, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
    pipe->setZValue(0.5);
    pipe->setData(0, QStringLiteral("tunnel"));
    auto* core = addPath(tunnel, QPen(c.background, 2, Qt::DashLine, Qt::FlatCap, Qt::RoundJoin));
    core->setZValue(0.6);

    const QString ike = m_profile.ike.version == 1 ? QStringLiteral("IKEv1") : QStringLiteral("IKEv2");
    const Algorithm* esp = Algorithms::find(AlgorithmKind::Encryption, m_profile.esp.encryption);
    b.text(tr("IPsec tunnel (%1, ESP %2)").arg(ike, esp ? esp->label.section(QLatin1Char(' '), 0, 0) : m_profile.esp.encryption), b.titleFont(), c.text, {(gwACx + gwBCx) / 2, TunnelY - 32},
           Qt::AlignHCenter, QStringLiteral("tunnelLabel"));
    if (m_state != TunnelState::Unknown || !m_rate.isEmpty()) {
        QString state = stateName(m_state);
        if (!m_rate.isEmpty())
            state = tr("%1, %2").arg(state, m_rate);
        auto* label = b.text(state, b.titleFont(), stateColour, {(gwACx + gwBCx) / 2, TunnelY + 12}, Qt::AlignHCenter, QStringLiteral("tunnelState"));
        label->setZValue(4);
    }

    setSceneRect(itemsBoundingRect().adjusted(-Margin, -Margin, Margin, Margin));
    m_texts = texts;
    Q_EMIT rebuilt();
}

QByteArray TopologyScene::toSvg(const QString& title)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QRectF source = sceneRect();
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setResolution(96);
    svg.setTitle(title);
    svg.setDescription(texts().join(QStringLiteral(", ")));
    QPainter painter(&svg);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return buffer.data();
}

QImage TopologyScene::toImage(qreal scale)
{
    const QRectF source = sceneRect();
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(m_colours.background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    return image;
}

QByteArray topologySvg(const TunnelProfile& profile, TunnelState state, const QString& rate)
{
    TopologyScene scene;
    scene.setColours(TopologyColours::forLight());
    scene.setProfile(profile);
    scene.setTunnelState(state, rate);
    return scene.toSvg(TopologyScene::tr("IPsec tunnel %1").arg(profile.name));
}

void drawNetwork(TopologyScene& scene, const NetworkProfile& network)
{
    if (network.sites.size() == 2 && network.tunnels.size() == 1)
        scene.setNetwork(network, 0);
    else
        scene.setWholeNetwork(network);
}

void drawNetwork(TopologyScene& scene, const NetworkProfile& network, const QString& selected)
{
    if (network.sites.size() == 2 && network.tunnels.size() == 1) {
        scene.setNetwork(network, 0);
        scene.setSelectedTunnel(selected); // not drawn for one tunnel: nothing made again
    } else {
        scene.setWholeNetwork(network, selected);
    }
}

QByteArray topologySvg(const NetworkProfile& network)
{
    TopologyScene scene;
    scene.setColours(TopologyColours::forLight());
    drawNetwork(scene, network);
    return scene.toSvg(TopologyScene::tr("IPsec network %1").arg(network.name));
}

} // namespace ipsecwiz
