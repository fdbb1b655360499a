#include "GatewayMonitorPane.h"

#include "RawOutputView.h"
#include "SaTableModel.h"
#include "SnapshotParser.h"
#include "SpTableModel.h"
#include "Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

    QTableView* makeTable(QAbstractItemModel* model, const QString& name)
    {
        auto* view = new QTableView;
        view->setModel(model);
        view->setSortingEnabled(true);
        view->sortByColumn(-1, Qt::AscendingOrder); // the order the tool printed, until a header is clicked
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setAlternatingRowColors(true);
        view->setWordWrap(false);
        view->verticalHeader()->hide();
        view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
        view->horizontalHeader()->setStretchLastSection(true);
        view->setAccessibleName(name);
        return view;
    }

    QSortFilterProxyModel* makeProxy(QAbstractItemModel* source, QObject* parent)
    {
        auto* proxy = new QSortFilterProxyModel(parent);
        proxy->setSourceModel(source);
        proxy->setFilterKeyColumn(-1); // any column
        proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy->setSortRole(Qt::UserRole); // numbers sort as numbers
        // Rows that change are re-sorted and re-filtered in place, never reset.
        proxy->setDynamicSortFilter(true);
        return proxy;
    }

    QLineEdit* makeFilter(const QString& placeholder, QSortFilterProxyModel* proxy)
    {
        auto* filter = new QLineEdit;
        filter->setPlaceholderText(placeholder);
        filter->setClearButtonEnabled(true);
        filter->setAccessibleName(placeholder);
        filter->setToolTip(GatewayMonitorPane::tr("Shows only the rows with this text in any column"));
        QObject::connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
        return filter;
    }

    QWidget* tableTab(QLineEdit* filter, QTableView* view)
    {
        auto* page = new QWidget;
        auto* layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 4, 0, 0);
        layout->addWidget(filter);
        layout->addWidget(view, 1);
        return page;
    }

    QString sourceTitle(MonitorSource source)
    {
        switch (source) {
        case MonitorSource::Setkey:
            return QStringLiteral("setkey -D / -DP");
        case MonitorSource::Xfrm:
            return QStringLiteral("ip -s xfrm state / policy");
        case MonitorSource::Swanctl:
            return QStringLiteral("swanctl --list-sas");
        case MonitorSource::Auto:
            break;
        }
        return {};
    }

} // namespace

GatewayMonitorPane::GatewayMonitorPane(const QString& id, const QString& title, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title))
    , m_status(new QLabel)
    , m_tabs(new QTabWidget)
    , m_saModel(new SaTableModel(this))
    , m_spModel(new SpTableModel(this))
    , m_saProxy(makeProxy(m_saModel, this))
    , m_spProxy(makeProxy(m_spModel, this))
    , m_saView(makeTable(m_saProxy, tr("Security associations of %1").arg(title)))
    , m_spView(makeTable(m_spProxy, tr("Security policies of %1").arg(title)))
    , m_saFilter(makeFilter(tr("Filter SAs (address, SPI, algorithm, state…)"), m_saProxy))
    , m_spFilter(makeFilter(tr("Filter policies (address, direction, action…)"), m_spProxy))
    , m_raw(new RawOutputView)
    , m_notes(new QPlainTextEdit)
{
    setObjectName(id);
    m_saView->setObjectName(id + QStringLiteral("SaTable"));
    m_spView->setObjectName(id + QStringLiteral("SpTable"));
    m_saFilter->setObjectName(id + QStringLiteral("SaFilter"));
    m_spFilter->setObjectName(id + QStringLiteral("SpFilter"));
    m_raw->setObjectName(id + QStringLiteral("RawOutput"));
    m_notes->setObjectName(id + QStringLiteral("Notes"));
    m_tabs->setObjectName(id + QStringLiteral("Tabs"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setReadOnly(true);
    m_notes->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_notes->setAccessibleName(tr("Parser notes"));

    m_tabs->addTab(tableTab(m_saFilter, m_saView), QString());
    m_tabs->addTab(tableTab(m_spFilter, m_spView), QString());
    m_tabs->addTab(m_raw, tr("Raw output"));
    m_tabs->addTab(m_notes, QString());
    updateTabTitles();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    setStatus(tr("Not connected."), false);
    setMinimumWidth(320);
}

GatewayMonitorPane::~GatewayMonitorPane() = default;

void GatewayMonitorPane::setTitle(const QString& title)
{
    m_title->setText(title);
    m_saView->setAccessibleName(tr("Security associations of %1").arg(title));
    m_spView->setAccessibleName(tr("Security policies of %1").arg(title));
}

void GatewayMonitorPane::apply(const MonitorUpdate& update, qint64 nowMs)
{
    m_snapshot = update.snapshot;
    m_hasSnapshot = true;
    m_source = update.poll.source;
    m_roundTripMs = update.poll.roundTripMs;
    m_saModel->apply(saRowsOf(update.snapshot), nowMs);
    m_spModel->apply(update.snapshot.policies);
    QByteArray raw = update.poll.states;
    if (!update.poll.policies.isEmpty())
        raw += update.poll.policies;
    // Only what the view can show (one byte more keeps it marked as cut) is kept for Reveal keys.
    m_rawShown = raw.size() > RawOutputView::MaxShownBytes ? raw.left(RawOutputView::MaxShownBytes + 1) : raw;
    m_rawTruncated = update.poll.truncated;
    showRaw();

    QStringList notes;
    for (const QString& w : update.snapshot.warnings)
        notes << tr("warning: %1").arg(w);
    if (update.poll.truncated)
        notes << tr("warning: the output passed %1 MB and was cut there").arg(MonitorSession::MaxOutputBytes >> 20);
    for (const QString& u : update.snapshot.unknownLines)
        notes << tr("not understood: %1").arg(u);
    if (update.snapshot.unknownLineCount > update.snapshot.unknownLines.size())
        notes << tr("… and %1 more lines not understood").arg(update.snapshot.unknownLineCount - update.snapshot.unknownLines.size());
    m_notes->setPlainText(notes.join(QLatin1Char('\n')));
    updateTabTitles();

    if (!m_paused) {
        QString text = tr("%1, round trip %2 ms").arg(sourceTitle(m_source)).arg(m_roundTripMs);
        if (!m_where.isEmpty())
            text = tr("%1 — %2", "where, then how polling goes").arg(m_where, text);
        if (update.poll.truncated)
            text += tr(" — output truncated");
        setStatus(text, update.poll.truncated);
    }
}

void GatewayMonitorPane::setConnecting(const QString& where)
{
    if (m_where.isEmpty())
        m_where = where;
    if (!m_paused)
        setStatus(tr("Connecting to %1…").arg(where), false);
}

void GatewayMonitorPane::setConnected(const QString& where, MonitorSource source)
{
    m_where = where;
    m_source = source;
    if (!m_paused)
        setStatus(tr("%1 — %2, connected").arg(where, sourceTitle(source)), false);
}

void GatewayMonitorPane::setFailed(const QString& message, int retryInMs)
{
    setStatus(tr("%1 — retrying in %2 s").arg(message).arg((retryInMs + 999) / 1000), true);
}

void GatewayMonitorPane::setRefused(const QString& message)
{
    setStatus(message, true);
}

void GatewayMonitorPane::setPaused(bool paused)
{
    m_paused = paused;
    if (paused)
        setStatus(tr("Paused — the tables show the last poll."), false);
    else
        setStatus(tr("Resuming…"), false);
}

void GatewayMonitorPane::setKeysRevealed(bool revealed)
{
    m_saModel->setKeysRevealed(revealed);
    m_keysRevealed = revealed;
    if (m_hasSnapshot)
        showRaw();
}

void GatewayMonitorPane::showRaw()
{
    // The raw output holds the live SAs' keys (setkey -D, ip xfrm state): masked like the table.
    m_raw->setOutput(m_keysRevealed ? m_rawShown : SnapshotParser::maskKeyMaterial(m_rawShown), m_rawTruncated);
}

QString GatewayMonitorPane::statusText() const
{
    return m_status->text();
}

void GatewayMonitorPane::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    QPalette p = palette();
    if (problem)
        p.setColor(QPalette::WindowText, Theme::isDark(p) ? QColor(0xf0, 0x80, 0x80) : QColor(0xb0, 0x20, 0x20));
    m_status->setPalette(p);
    m_status->setAccessibleDescription(text);
}

void GatewayMonitorPane::updateTabTitles()
{
    m_tabs->setTabText(0, tr("SAs (%1)").arg(m_saModel->rowCount()));
    m_tabs->setTabText(1, tr("Policies (%1)").arg(m_spModel->rowCount()));
    const int notes = m_notes->document()->isEmpty() ? 0 : m_notes->document()->blockCount();
    m_tabs->setTabText(3, tr("Notes (%1)").arg(notes));
}

} // namespace ipsecwiz
