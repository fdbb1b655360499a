#pragma once

// The tunnel drawn as an admin would sketch it: network A — gateway A — internet — gateway B —
// network B, the IPsec tunnel arching between the gateways, every address labelled. A tunnel of a
// network (profile format version 2) shows its sites' names, every network of a site, a NAT box
// on the link of a site behind NAT, a dashed link to a site whose address changes, and the
// gateway of a site someone else manages with a dashed outline. Laid out
// from the text it shows, so nothing is clipped whatever the addresses' length.

#include "NetworkProfile.h"
#include "TunnelCorrelation.h"
#include "TunnelProfile.h"

#include <QColor>
#include <QHash>
#include <QGraphicsScene>

class QPalette;

namespace ipsecwiz {

struct TopologyColours
{
    QColor background;
    QColor text;
    QColor muted;
    QColor networkFill;
    QColor networkBorder;
    QColor gatewayFill;
    QColor gatewayBorder;
    QColor cloudFill;
    QColor cloudBorder;
    QColor link;
    bool dark = false;

    static TopologyColours forLight();
    static TopologyColours forDark();
    // Light or dark after the palette's base colour, so the drawing reads on either desktop.
    static TopologyColours forPalette(const QPalette& palette);
};

class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyScene)

public:
    explicit TopologyScene(QObject* parent = nullptr);
    ~TopologyScene() override;

    void setProfile(const TunnelProfile& profile);
    // One tunnel of a network and its two sites.
    void setNetwork(const NetworkProfile& network, int tunnel);
    // Every site and tunnel of a network: a star around the hub of a hub-and-spoke network, a
    // circle otherwise. Each site is one box (name, networks, gateway), sized from its text and
    // placed so no two boxes (and so no two labels) overlap; tunnels are lines between them,
    // dashed to a site whose address changes.
    void setWholeNetwork(const NetworkProfile& network);
    // The same with SELECTED drawn thicker, made once rather than again for the selection.
    void setWholeNetwork(const NetworkProfile& network, const QString& selected);
    [[nodiscard]] bool showsWholeNetwork() const { return m_whole.has_value(); }
    // The tunnel drawn thicker in a whole network (the one the main window acts on).
    void setSelectedTunnel(const QString& name);
    [[nodiscard]] QString selectedTunnel() const { return m_selectedTunnel; }
    // What is drawn at a scene point of a whole network, within TOLERANCE: "site:NAME",
    // "tunnel:NAME", or empty. A site's box wins over a tunnel line under it.
    [[nodiscard]] QString itemAt(QPointF scenePos, qreal tolerance = 4) const;
    // The scene rectangle of each text item, for tests that labels never overlap.
    [[nodiscard]] QList<QRectF> textRects() const;
    [[nodiscard]] const TunnelProfile& profile() const { return m_profile; }

    void setTunnelState(TunnelState state, const QString& rate = {});
    // A whole network's tunnels each in its own state's colour (the network monitor); a tunnel
    // not named keeps tunnelState()'s. Recolours the lines in place: no new layout.
    void setTunnelStates(const QHash<QString, TunnelState>& states);
    [[nodiscard]] TunnelState tunnelState(const QString& tunnel) const { return m_states.value(tunnel, m_state); }
    [[nodiscard]] TunnelState tunnelState() const { return m_state; }
    [[nodiscard]] QString rate() const { return m_rate; }

    void setColours(const TopologyColours& colours);
    [[nodiscard]] const TopologyColours& colours() const { return m_colours; }

    // Every text in the drawing, top to bottom within each column (tests, screen readers).
    [[nodiscard]] QStringList texts() const { return m_texts; }

    static QColor stateColour(TunnelState state, bool dark);
    static QString stateName(TunnelState state);

    // The drawing as SVG 1.2 Tiny or as an image `scale` times the scene size.
    [[nodiscard]] QByteArray toSvg(const QString& title);
    [[nodiscard]] QImage toImage(qreal scale = 2.0);

Q_SIGNALS:
    void rebuilt();

private:
    void rebuild();
    void rebuildNetwork();

    // What a site adds to version 1's gateway in the drawing.
    struct SiteLook
    {
        QString name; // empty: "Network A", "Gateway A"
        Reachability reach = Reachability::Direct;
        QString natAddress;
        bool managed = true;
    };

    TunnelProfile m_profile;
    SiteLook m_look[2];
    std::optional<NetworkProfile> m_whole;
    QString m_selectedTunnel;
    TunnelState m_state = TunnelState::Unknown;
    QHash<QString, TunnelState> m_states;
    QString m_rate;
    TopologyColours m_colours;
    QStringList m_texts;
};

// The drawing of a profile as SVG bytes, in the light colours: for bundles (topology.svg) and
// anything else without a view. Needs a QGuiApplication (fonts); same input, same bytes.
QByteArray topologySvg(const TunnelProfile& profile, TunnelState state = TunnelState::Unknown, const QString& rate = {});
// A network: two sites and one tunnel as above, any other network whole (setWholeNetwork).
void drawNetwork(TopologyScene& scene, const NetworkProfile& network);
// The same with the tunnel SELECTED drawn thicker in a whole network.
void drawNetwork(TopologyScene& scene, const NetworkProfile& network, const QString& selected);
QByteArray topologySvg(const NetworkProfile& network);

} // namespace ipsecwiz
