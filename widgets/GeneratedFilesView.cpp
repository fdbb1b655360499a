#include "GeneratedFilesView.h"

#include "ConfigHighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPlainTextEdit>

namespace ipsecwiz {

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QString relativePath(Side side, const QString& path)
{
    return QStringLiteral("gateway-") + sideId(side) + path;
}

} // namespace

GeneratedFilesView::GeneratedFilesView(QWidget* parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("files"));
    setAccessibleName(tr("Generated files"));
    setDocumentMode(true);
}

GeneratedFilesView::~GeneratedFilesView() = default;

void GeneratedFilesView::setConfigs(const QList<GatewayConfig>& configs)
{
    const int gateway = currentIndex();
    QList<int> fileTabs;
    for (int i = 0; i < count(); ++i)
        if (auto* inner = qobject_cast<QTabWidget*>(widget(i)))
            fileTabs.append(inner->currentIndex());
    while (count() > 0) {
        QWidget* w = widget(0);
        removeTab(0);
        delete w;
    }
    m_configs = configs;

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const GatewayConfig& cfg : configs) {
        auto* inner = new QTabWidget(this);
        const QString letter = cfg.side == Side::A ? QStringLiteral("A") : QStringLiteral("B");
        inner->setObjectName(QStringLiteral("gateway-") + sideId(cfg.side));
        inner->setAccessibleName(tr("Files for gateway %1").arg(letter));
        inner->setDocumentMode(true);
        inner->setUsesScrollButtons(true);
        for (const GeneratedFile& f : cfg.files) {
            auto* view = new QPlainTextEdit(inner);
            view->setObjectName(relativePath(cfg.side, f.path));
            view->setAccessibleName(tr("%1 on gateway %2").arg(f.path, letter));
            view->setReadOnly(true);
            view->setLineWrapMode(QPlainTextEdit::NoWrap);
            view->setFont(mono);
            view->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 8);
            view->setPlainText(QString::fromUtf8(f.content));
            view->setProperty("content", f.content);
            view->setProperty("mode", f.mode);
            view->setProperty("targetPath", f.path);
            new ConfigHighlighter(ConfigHighlighter::syntaxFor(f.path), isDark(palette()), view->document());
            const int tab = inner->addTab(view, f.path.section(QLatin1Char('/'), -1));
            inner->setTabToolTip(tab, f.secret ? tr("%1, mode %2 — holds the pre-shared key").arg(f.path, QString::number(f.mode, 8))
                                               : tr("%1, mode %2").arg(f.path, QString::number(f.mode, 8)));
        }
        addTab(inner, tr("Gateway %1 — %2").arg(letter, flavourLabel(cfg.flavour)));
    }
    if (gateway >= 0 && gateway < count())
        setCurrentIndex(gateway);
    for (int i = 0; i < count() && i < fileTabs.size(); ++i)
        if (auto* inner = qobject_cast<QTabWidget*>(widget(i)); inner && fileTabs.at(i) < inner->count())
            inner->setCurrentIndex(fileTabs.at(i));
}

QPlainTextEdit* GeneratedFilesView::fileView(const QString& relative) const
{
    return findChild<QPlainTextEdit*>(relative);
}

QStringList GeneratedFilesView::relativePaths() const
{
    QStringList out;
    for (const GatewayConfig& cfg : m_configs)
        for (const GeneratedFile& f : cfg.files)
            out.append(relativePath(cfg.side, f.path));
    return out;
}

void GeneratedFilesView::changeEvent(QEvent* event)
{
    QTabWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        const bool dark = isDark(palette());
        for (auto* h : findChildren<ConfigHighlighter*>())
            h->setDark(dark);
    }
}

} // namespace ipsecwiz
