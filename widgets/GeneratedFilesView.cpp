#include "GeneratedFilesView.h"

#include "NetworkGenerator.h"

#include <QHash>

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

QString sideFolder(Side side)
{
    return QStringLiteral("gateway-") + sideId(side);
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
    QList<Named> named;
    for (const GatewayConfig& cfg : configs) {
        const QString letter = cfg.side == Side::A ? QStringLiteral("A") : QStringLiteral("B");
        named.append({sideFolder(cfg.side), tr("Gateway %1 — %2").arg(letter, flavourLabel(cfg.flavour)), cfg});
    }
    setGateways(named);
}

void GeneratedFilesView::setGateways(const QList<Named>& gateways)
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
    m_configs.clear();
    m_folders.clear();
    m_named = gateways;

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const Named& g : gateways) {
        const GatewayConfig& cfg = g.config;
        m_configs.append(cfg);
        m_folders.append(g.folder);
        auto* inner = new QTabWidget(this);
        inner->setObjectName(g.folder);
        inner->setAccessibleName(tr("Files for %1").arg(g.title));
        inner->setDocumentMode(true);
        inner->setUsesScrollButtons(true);
        // A name that several files share (every tunnel's firewall.nft) shows its folder too.
        QHash<QString, int> names;
        for (const GeneratedFile& f : cfg.files)
            ++names[f.path.section(QLatin1Char('/'), -1)];
        for (const GeneratedFile& f : cfg.files) {
            auto* view = new QPlainTextEdit(inner);
            view->setObjectName(g.folder + f.path);
            view->setAccessibleName(tr("%1 on %2").arg(f.path, g.title));
            view->setReadOnly(true);
            view->setLineWrapMode(QPlainTextEdit::NoWrap);
            view->setFont(mono);
            view->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 8);
            view->setPlainText(QString::fromUtf8(f.content));
            view->setProperty("content", f.content);
            view->setProperty("mode", f.mode);
            view->setProperty("targetPath", f.path);
            new ConfigHighlighter(ConfigHighlighter::syntaxFor(f.path), isDark(palette()), view->document());
            const QString name = f.path.section(QLatin1Char('/'), -1);
            const int tab = inner->addTab(view, names.value(name) > 1 ? f.path.section(QLatin1Char('/'), -2) : name);
            inner->setTabToolTip(tab, f.secret ? tr("%1, mode %2 — holds the pre-shared key").arg(f.path, QString::number(f.mode, 8))
                                               : tr("%1, mode %2").arg(f.path, QString::number(f.mode, 8)));
        }
        addTab(inner, g.title);
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
    for (qsizetype i = 0; i < m_configs.size(); ++i)
        for (const GeneratedFile& f : m_configs.at(i).files)
            out.append(m_folders.at(i) + f.path);
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

Result<QList<GeneratedFilesView::Named>> networkFiles(const NetworkProfile& network, const QStringList& sites)
{
    QStringList managed;
    for (const QString& name : sites)
        if (const Site* s = network.site(name); s && s->gateway.managed)
            managed << name;
    auto generated = Generate::gateways(network, managed);
    if (!generated)
        return generated.error();
    QList<GeneratedFilesView::Named> out;
    for (const auto& [site, cfg] : Generate::withSettingsSheets(network, generated.value())) {
        const Site* s = network.site(site);
        const QString title = s && s->gateway.managed ? GeneratedFilesView::tr("%1 — %2").arg(site, flavourLabel(cfg.flavour))
                                                      : GeneratedFilesView::tr("%1 — settings sheet for its admin").arg(site);
        out.append({site, title, cfg});
    }
    return out;
}

} // namespace ipsecwiz
