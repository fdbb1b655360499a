#pragma once

// The topology drawing as a widget: scales the scene to fit whatever room it gets (vector all the
// way, so it stays sharp on high-DPI screens), follows the light or dark palette, and saves
// itself as SVG or PNG.

#include "Result.h"
#include "TopologyScene.h"

#include <QGraphicsView>

namespace ipsecwiz {

class TopologyView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyView)

public:
    explicit TopologyView(QWidget* parent = nullptr);
    ~TopologyView() override;

    [[nodiscard]] TopologyScene* topologyScene() const { return m_scene; }

    void setProfile(const TunnelProfile& profile);
    void setNetwork(const NetworkProfile& network, int tunnel);
    // For the monitor: colours the tunnel (green, amber, red, grey) and shows an optional rate.
    void setTunnelState(TunnelState state, const QString& rate = {});

    Status exportSvg(const QString& path);
    Status exportPng(const QString& path, qreal scale = 2.0);
    // Asks where (SVG or PNG by the chosen name) and saves; for the context menu and buttons.
    void saveAs();

    // Zoom (the wheel, or + and −) about a point, and back to the whole drawing (double-click,
    // 0, or the context menu); dragging pans. A new drawing fits the window again.
    void zoomBy(qreal factor);
    void fitToWindow();
    [[nodiscard]] qreal zoom() const { return transform().m11() / m_fitScale; }

Q_SIGNALS:
    // A click (not a drag) on a site's box or a tunnel's line of a whole network.
    void siteClicked(const QString& site);
    void tunnelClicked(const QString& tunnel);

public:

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void fit();
    void describe();

    TopologyScene* m_scene;
    bool m_zoomed = false;  // the admin zoomed: a resize keeps their view
    qreal m_fitScale = 1.0; // the scale that shows the whole drawing
    QPoint m_pressedAt;     // where a press began: a release near it is a click, else a drag
};

} // namespace ipsecwiz
