#include "GeneratedFilesView.h"

#include "NetworkGenerator.h"

#include <QHash>

#include "ConfigHighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QVBoxLayout>

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

// One file's tab. Its viewer is made when the tab is first shown or asked for: a 50-site mesh has
// about 5,000 files, and an editor with syntax colours for each took seconds before the window
// could paint, for files nobody had looked at yet.
class GeneratedFilesView::FilePage final : public QWidget
{
public:
    FilePage(const GeneratedFile& file, const QString& name, const QString& accessibleName, QWidget* parent)
        : QWidget(parent), m_file(file), m_name(name)
    {
        setAccessibleName(accessibleName);
    }

    QPlainTextEdit* view()
    {
        if (m_view)
            return m_view;
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        m_view = new QPlainTextEdit(this);
        m_view->setObjectName(m_name);
        m_view->setAccessibleName(accessibleName());
        m_view->setReadOnly(true);
        m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_view->setFont(mono);
        m_view->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 8);
        m_view->setPlainText(QString::fromUtf8(m_file.content));
        m_view->setProperty("content", m_file.content);
        m_view->setProperty("mode", m_file.mode);
        m_view->setProperty("targetPath", m_file.path);
        new ConfigHighlighter(ConfigHighlighter::syntaxFor(m_file.path), isDark(palette()), m_view->document());
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        setFocusProxy(m_view);
        // Made while the page is being shown: its children were shown already.
        if (isVisible())
            m_view->show();
        return m_view;
    }

protected:
    void showEvent(QShowEvent* event) override
    {
        view();
        QWidget::showEvent(event);
    }

private:
    GeneratedFile m_file;
    QString m_name;
    QPlainTextEdit* m_view = nullptr;
};

namespace {

// QTabBar (Qt 6.4) lays out all its tabs again for each tab inserted, measuring each with the
// style: 5,000 measurements for a gateway with a hundred files, 250,000 for a 50-site mesh. While
// the tabs are added nothing shows them, so they are not measured; then all are measured once.
class FileTabBar final : public QTabBar
{
public:
    using QTabBar::QTabBar;

    void setFilling(bool filling)
    {
        m_filling = filling;
        if (!filling) {
            // What makes QTabBar forget its layout and measure every tab again.
            QEvent relayout(QEvent::FontChange);
            changeEvent(&relayout);
        }
    }

protected:
    QSize tabSizeHint(int index) const override { return m_filling ? QSize(1, 1) : QTabBar::tabSizeHint(index); }

private:
    bool m_filling = false;
};

class FileTabs final : public QTabWidget
{
public:
    explicit FileTabs(QWidget* parent) : QTabWidget(parent), m_bar(new FileTabBar(this)) { setTabBar(m_bar); }

    [[nodiscard]] FileTabBar* fileTabBar() const { return m_bar; }

private:
    FileTabBar* m_bar;
};

} // namespace

GeneratedFilesView::GeneratedFilesView(QWidget* parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("files"));
    setAccessibleName(tr("Generated files"));
    setTabBar(new FileTabBar(this));
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
    auto* bar = static_cast<FileTabBar*>(tabBar());
    bar->setFilling(true);
    while (count() > 0) {
        QWidget* w = widget(0);
        removeTab(0);
        delete w;
    }
    m_configs.clear();
    m_folders.clear();
    m_pages.clear();
    m_named = gateways;

    for (const Named& g : gateways) {
        const GatewayConfig& cfg = g.config;
        m_configs.append(cfg);
        m_folders.append(g.folder);
        auto* inner = new FileTabs(this);
        inner->setObjectName(g.folder);
        inner->setAccessibleName(tr("Files for %1").arg(g.title));
        inner->setDocumentMode(true);
        inner->setUsesScrollButtons(true);
        // A name that several files share (every tunnel's firewall.nft) shows its folder too.
        QHash<QString, int> names;
        for (const GeneratedFile& f : cfg.files)
            ++names[f.path.section(QLatin1Char('/'), -1)];
        inner->fileTabBar()->setFilling(true);
        for (const GeneratedFile& f : cfg.files) {
            auto* page = new FilePage(f, g.folder + f.path, tr("%1 on %2").arg(f.path, g.title), inner);
            m_pages.insert(g.folder + f.path, page);
            const QString name = f.path.section(QLatin1Char('/'), -1);
            const int tab = inner->addTab(page, names.value(name) > 1 ? f.path.section(QLatin1Char('/'), -2) : name);
            inner->setTabToolTip(tab, f.secret ? tr("%1, mode %2 — holds the pre-shared key").arg(f.path, QString::number(f.mode, 8))
                                               : tr("%1, mode %2").arg(f.path, QString::number(f.mode, 8)));
        }
        inner->fileTabBar()->setFilling(false);
        addTab(inner, g.title);
    }
    bar->setFilling(false);
    if (gateway >= 0 && gateway < count())
        setCurrentIndex(gateway);
    for (int i = 0; i < count() && i < fileTabs.size(); ++i)
        if (auto* inner = qobject_cast<QTabWidget*>(widget(i)); inner && fileTabs.at(i) < inner->count())
            inner->setCurrentIndex(fileTabs.at(i));
}

QPlainTextEdit* GeneratedFilesView::fileView(const QString& relative) const
{
    FilePage* page = m_pages.value(relative);
    return page ? page->view() : nullptr;
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
