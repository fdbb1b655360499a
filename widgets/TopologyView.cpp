#include "TopologyView.h"

#include "FileWriter.h"

#include <QBuffer>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QMenu>
#include <QMessageBox>

#include <algorithm>
#include <cmath>

namespace ipsecwiz {

TopologyView::TopologyView(QWidget* parent) : QGraphicsView(parent), m_scene(new TopologyScene(this))
{
    setObjectName(QStringLiteral("topologyView"));
    setAccessibleName(tr("Topology drawing"));
    setToolTip(tr("The tunnel as it will be built. Right-click to save the drawing as SVG or PNG."));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::StyledPanel);
    // Clicks and the wheel only: the keys of the page stay with its fields.
    setFocusPolicy(Qt::ClickFocus);
    setInteractive(false);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    m_scene->setColours(TopologyColours::forPalette(palette()));
    connect(m_scene, &TopologyScene::rebuilt, this, [this] {
        fitToWindow();
        describe();
    });
    fit();
    describe();
}

TopologyView::~TopologyView() = default;

void TopologyView::setProfile(const TunnelProfile& profile)
{
    m_scene->setProfile(profile);
}

void TopologyView::setNetwork(const NetworkProfile& network, int tunnel)
{
    m_scene->setNetwork(network, tunnel);
}

void TopologyView::setTunnelState(TunnelState state, const QString& rate)
{
    m_scene->setTunnelState(state, rate);
}

Status TopologyView::exportSvg(const QString& path)
{
    // Exports in the light colours whatever the screen shows: the file is for documents and print.
    TopologyScene copy;
    copy.setColours(TopologyColours::forLight());
    copy.setProfile(m_scene->profile());
    copy.setTunnelState(m_scene->tunnelState(), m_scene->rate());
    return FileWriter::writeAtomically(path, copy.toSvg(tr("IPsec tunnel %1").arg(m_scene->profile().name)), 0644);
}

Status TopologyView::exportPng(const QString& path, qreal scale)
{
    TopologyScene copy;
    copy.setColours(TopologyColours::forLight());
    copy.setProfile(m_scene->profile());
    copy.setTunnelState(m_scene->tunnelState(), m_scene->rate());
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!copy.toImage(scale).save(&buffer, "PNG"))
        return Error{path, tr("The drawing could not be encoded as PNG.")};
    return FileWriter::writeAtomically(path, bytes, 0644);
}

void TopologyView::saveAs()
{
    QString selected;
    const QString name = m_scene->profile().name.isEmpty() ? QStringLiteral("topology") : m_scene->profile().name;
    QString path = QFileDialog::getSaveFileName(this, tr("Save drawing"), name + QStringLiteral("-topology.svg"),
                                                tr("SVG drawing (*.svg);;PNG image (*.png)"), &selected);
    if (path.isEmpty())
        return;
    // The name's suffix decides; without one, the chosen filter does.
    QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        suffix = selected.contains(QLatin1String("*.png")) ? QStringLiteral("png") : QStringLiteral("svg");
        path += QLatin1Char('.') + suffix;
    }
    const bool png = suffix == QLatin1String("png");
    const Status st = png ? exportPng(path) : exportSvg(path);
    if (!st)
        QMessageBox::warning(this, tr("Cannot save the drawing"), st.error().toString());
}

QSize TopologyView::sizeHint() const
{
    return {640, 210};
}

QSize TopologyView::minimumSizeHint() const
{
    return {320, 110};
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (!m_zoomed)
        fit();
}

void TopologyView::showEvent(QShowEvent* event)
{
    QGraphicsView::showEvent(event);
    fit();
}

void TopologyView::changeEvent(QEvent* event)
{
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_scene->setColours(TopologyColours::forPalette(palette()));
}

void TopologyView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("&Fit to window"), this, &TopologyView::fitToWindow);
    menu.addAction(tr("Zoom &in"), this, [this] { zoomBy(1.25); });
    menu.addAction(tr("Zoom &out"), this, [this] { zoomBy(0.8); });
    menu.addSeparator();
    menu.addAction(tr("&Save drawing as SVG or PNG…"), this, &TopologyView::saveAs);
    menu.exec(event->globalPos());
}

void TopologyView::fit()
{
    fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    m_fitScale = transform().m11() > 0 ? transform().m11() : 1.0;
}

void TopologyView::fitToWindow()
{
    m_zoomed = false;
    fit();
}

void TopologyView::zoomBy(qreal factor)
{
    // From the whole drawing up to 8 times its size, where a 50-site network's labels are large.
    const qreal next = std::clamp(zoom() * factor, 1.0, 8.0 * std::max<qreal>(1.0, 1.0 / m_fitScale));
    if (qFuzzyCompare(next, zoom()))
        return;
    scale(next / zoom(), next / zoom());
    m_zoomed = !qFuzzyCompare(next, 1.0);
}

void TopologyView::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.25, steps));
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent* event)
{
    m_pressedAt = event->position().toPoint();
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->position().toPoint() - m_pressedAt).manhattanLength() > 4)
        return;
    // A few pixels of the view, whatever the zoom: thin lines stay easy to hit.
    const qreal tolerance = 5 / std::max<qreal>(transform().m11(), 0.01);
    const QString what = m_scene->itemAt(mapToScene(event->position().toPoint()), tolerance);
    if (what.startsWith(QLatin1String("site:")))
        Q_EMIT siteClicked(what.mid(5));
    else if (what.startsWith(QLatin1String("tunnel:")))
        Q_EMIT tunnelClicked(what.mid(7));
}

void TopologyView::mouseDoubleClickEvent(QMouseEvent* event)
{
    fitToWindow();
    event->accept();
}

void TopologyView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25); break;
    case Qt::Key_Minus: zoomBy(0.8); break;
    case Qt::Key_0: fitToWindow(); break;
    default: QGraphicsView::keyPressEvent(event); return;
    }
    event->accept();
}

void TopologyView::describe()
{
    setAccessibleDescription(m_scene->texts().join(QStringLiteral(", ")));
}

} // namespace ipsecwiz
