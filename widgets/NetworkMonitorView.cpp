#include "NetworkMonitorView.h"

#include "Deployer.h"
#include "MonitorView.h"
#include "NetworkGenerator.h"
#include "Parallel.h"
#include "TopologyView.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ipsecwiz {

namespace {

constexpr int StateRole = Qt::UserRole + 1; // a tunnel's TunnelState, on its state cell
constexpr int SortRole = Qt::UserRole + 2;  // what the column sorts by

// Filters the tunnel table by text (tunnel or site names) and by state.
class TunnelFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString& text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }
    void setState(NetworkMonitorView::StateFilter state)
    {
        m_state = state;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QAbstractItemModel* m = sourceModel();
        const auto state = TunnelState(m->index(row, NetworkMonitorView::StateColumn, parent).data(StateRole).toInt());
        switch (m_state) {
        case NetworkMonitorView::AllStates: break;
        case NetworkMonitorView::UpOnly: if (state != TunnelState::Up) return false; break;
        case NetworkMonitorView::HalfUpOnly: if (state != TunnelState::Partial) return false; break;
        case NetworkMonitorView::DownOnly: if (state != TunnelState::Down) return false; break;
        case NetworkMonitorView::UnknownOnly: if (state != TunnelState::Unknown) return false; break;
        case NetworkMonitorView::NotUp: if (state == TunnelState::Up) return false; break;
        }
        if (m_text.isEmpty())
            return true;
        for (int column : {NetworkMonitorView::TunnelColumn, NetworkMonitorView::SitesColumn})
            if (m->index(row, column, parent).data().toString().contains(m_text, Qt::CaseInsensitive))
                return true;
        return false;
    }

private:
    QString m_text;
    NetworkMonitorView::StateFilter m_state = NetworkMonitorView::AllStates;
};

// Half-up is what admins call a tunnel one of whose ends has lost its SAs.
QString stateText(TunnelState state)
{
    switch (state) {
    case TunnelState::Up: return NetworkMonitorView::tr("up");
    case TunnelState::Partial: return NetworkMonitorView::tr("half-up");
    case TunnelState::Down: return NetworkMonitorView::tr("down");
    case TunnelState::Unknown: return NetworkMonitorView::tr("unknown");
    }
    return {};
}

// Down and unknown first when sorted: what needs looking at.
int stateOrder(TunnelState state)
{
    switch (state) {
    case TunnelState::Down: return 0;
    case TunnelState::Unknown: return 1;
    case TunnelState::Partial: return 2;
    case TunnelState::Up: return 3;
    }
    return 1;
}

QIcon stateIcon(TunnelState state, bool dark)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(TopologyScene::stateColour(state, dark));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

NetworkMonitorView::NetworkMonitorView(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit)
    , m_stateFilter(new QComboBox)
    , m_pause(new QPushButton(tr("&Pause")))
    , m_diagnose(new QPushButton(tr("&Diagnose…")))
    , m_check(new QPushButton(tr("Chec&k for drift…")))
    , m_interval(new QDoubleSpinBox)
    , m_summary(new QLabel)
    , m_topology(new TopologyView)
    , m_tunnels(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new TunnelFilter(this))
    , m_table(new QTableView)
    , m_gateways(new QStandardItemModel(0, 4, this))
    , m_gatewayTable(new QTableView)
    , m_events(new QListWidget)
{
    setObjectName(QStringLiteral("networkMonitorView"));
    m_tunnels->setHorizontalHeaderLabels({tr("Tunnel"), tr("Sites"), tr("State"), tr("A → B"), tr("B → A"), tr("Since"), tr("Why / what was found")});
    m_gateways->setHorizontalHeaderLabels({tr("Gateway"), tr("Answers"), tr("Source"), tr("Round trip")});

    m_filter->setObjectName(QStringLiteral("tunnelFilter"));
    m_filter->setPlaceholderText(tr("Tunnel or site"));
    m_filter->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Filter:"));
    filterLabel->setBuddy(m_filter);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItems({tr("All states"), tr("Up"), tr("Half-up"), tr("Down"), tr("Unknown"), tr("All but up")});
    auto* stateLabel = new QLabel(tr("&Show:"));
    stateLabel->setBuddy(m_stateFilter);
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setCheckable(true);
    m_interval->setObjectName(QStringLiteral("interval"));
    m_interval->setRange(MonitorPoller::MinIntervalMs / 1000.0, 3600);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(0.5);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(MonitorPoller::DefaultIntervalMs / 1000.0);
    auto* intervalLabel = new QLabel(tr("&Every:"));
    intervalLabel->setBuddy(m_interval);
    m_summary->setObjectName(QStringLiteral("networkSummary"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(stateLabel);
    bar->addWidget(m_stateFilter);
    bar->addSpacing(12);
    bar->addWidget(intervalLabel);
    bar->addWidget(m_interval);
    bar->addWidget(m_pause);
    bar->addWidget(m_diagnose);
    bar->addWidget(m_check);

    m_proxy->setSourceModel(m_tunnels);
    m_proxy->setSortRole(SortRole);
    m_table->setObjectName(QStringLiteral("tunnelTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("Double-click a tunnel (or press Enter) for both of its gateways side by side."));
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        Q_EMIT tunnelActivated(m_tunnels->item(source.row(), TunnelColumn)->text());
    });
    m_diagnose->setObjectName(QStringLiteral("diagnoseButton"));
    m_diagnose->setEnabled(false); // until a tunnel is selected
    m_diagnose->setToolTip(tr("Why the selected tunnel is down: look at both of its gateways, start it and read both charon logs of the attempt."));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_diagnose->setEnabled(!selectedTunnel().isEmpty()); });
    m_check->setObjectName(QStringLiteral("checkButton"));
    m_check->setToolTip(tr("Compare every managed gateway's files and loaded connections with what the profile makes (changing nothing)."));
    connect(m_check, &QPushButton::clicked, this, &NetworkMonitorView::checkRequested);
    connect(m_diagnose, &QPushButton::clicked, this, [this] {
        if (const QString tunnel = selectedTunnel(); !tunnel.isEmpty())
            Q_EMIT diagnoseRequested(tunnel);
    });
    m_gatewayTable->setObjectName(QStringLiteral("gatewayTable"));
    m_gatewayTable->setModel(m_gateways);
    m_gatewayTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_gatewayTable->verticalHeader()->hide();
    m_gatewayTable->horizontalHeader()->setStretchLastSection(true);
    m_events->setObjectName(QStringLiteral("networkEvents"));
    m_events->setIconSize(QSize(16, 16));

    m_topology->setObjectName(QStringLiteral("networkMonitorTopology"));
    m_topology->setMinimumHeight(220);
    connect(m_topology, &TopologyView::tunnelClicked, this, [this](const QString& tunnel) {
        const int row = rowOf(tunnel);
        if (row < 0)
            return;
        m_table->selectRow(m_proxy->mapFromSource(m_tunnels->index(row, 0)).row());
    });

    auto* tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("networkMonitorTabs"));
    tabs->addTab(m_events, tr("E&vents"));
    tabs->addTab(m_gatewayTable, tr("&Gateways"));
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_table);
    right->addWidget(tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_topology);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({500, 900}); // the drawing fits any width; the table's columns need room

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &NetworkMonitorView::setTextFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this](int i) { setStateFilter(StateFilter(i)); });
    connect(m_pause, &QPushButton::toggled, this, &NetworkMonitorView::setPaused);
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        for (auto& [site, poller] : m_pollers)
            poller->setIntervalMs(int(seconds * 1000));
    });
}

NetworkMonitorView::~NetworkMonitorView()
{
    stop();
}

void NetworkMonitorView::setNetwork(const NetworkProfile& network, const QString& profileDir)
{
    stop();
    m_network = network;
    m_profileDir = profileDir;
    m_readings.clear();
    m_last.clear();
    m_haveLast = false;
    m_changed.clear();
    m_events->clear();
    m_tunnels->setRowCount(0);
    m_gateways->setRowCount(0);
    m_table->setSortingEnabled(false);
    const bool dark = m_topology->topologyScene()->colours().dark;
    for (const Tunnel& t : network.tunnels) {
        QList<QStandardItem*> row;
        for (int c = 0; c < ColumnCount; ++c)
            row << new QStandardItem;
        row[TunnelColumn]->setText(t.name);
        row[TunnelColumn]->setData(t.name, SortRole);
        row[SitesColumn]->setText(t.siteA + QStringLiteral(" ⇄ ") + t.siteB);
        row[SitesColumn]->setData(row[SitesColumn]->text(), SortRole);
        row[StateColumn]->setText(stateText(TunnelState::Unknown));
        row[StateColumn]->setIcon(stateIcon(TunnelState::Unknown, dark));
        row[StateColumn]->setData(int(TunnelState::Unknown), StateRole);
        row[StateColumn]->setData(stateOrder(TunnelState::Unknown), SortRole);
        row[DetailColumn]->setText(tr("waiting for the first poll"));
        m_tunnels->appendRow(row);
    }
    for (const QString& site : Generate::managedSites(network)) {
        QList<QStandardItem*> row{new QStandardItem(site), new QStandardItem(tr("not yet")), new QStandardItem, new QStandardItem};
        m_gateways->appendRow(row);
    }
    m_table->setSortingEnabled(true);
    m_table->resizeColumnsToContents();
    m_topology->topologyScene()->setTunnelStates({});
    drawNetwork(*m_topology->topologyScene(), network);
    m_topology->fitToWindow();
    m_summary->setText(tr("Tunnels: %1, sites: %2; waiting for the gateways.").arg(network.tunnels.size()).arg(network.sites.size()));
}

void NetworkMonitorView::start(MonitorSource source)
{
    stop();
    const QStringList sites = Generate::managedSites(m_network);
    // One session per gateway, but not one thread: fifty gateways poll on a few threads.
    m_pool = std::make_shared<MonitorPool>(int(std::min<qsizetype>(qsizetype(MonitorPoolThreads), sites.size())));
    for (const QString& site : sites) {
        const Site* s = m_network.site(site);
        SshOptions options = NetworkDeployer::sshOptionsFor(m_network, *s, m_profileDir);
        if (m_connectTimeoutSec > 0)
            options.connectTimeoutSec = m_connectTimeoutSec;
        auto poller = std::make_unique<MonitorPoller>(std::move(options), source, m_pool);
        poller->setIntervalMs(int(m_interval->value() * 1000));
        poller->setPaused(m_paused);
        connect(poller.get(), &MonitorPoller::polled, this, [this, site](const MonitorUpdate& u) {
            applyReading(site, readingOf(u.poll, u.snapshot), QDateTime::currentMSecsSinceEpoch());
        });
        connect(poller.get(), &MonitorPoller::failed, this, [this, site](const QString& message, int) {
            GatewayReading r;
            r.reason = message;
            applyReading(site, r, QDateTime::currentMSecsSinceEpoch());
        });
        m_pollers[site] = std::move(poller);
    }
    for (auto& [site, poller] : m_pollers)
        poller->start();
}

void NetworkMonitorView::stop()
{
    // Each poller queues its session's close on the pool; the pool's threads run what is queued
    // and end once it is let go here. Nothing waits for the network.
    m_pollers.clear();
    m_pool.reset();
}

void NetworkMonitorView::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    for (auto& [site, poller] : m_pollers)
        poller->setPaused(paused);
}

void NetworkMonitorView::setTextFilter(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    static_cast<TunnelFilter*>(m_proxy)->setText(text);
}

void NetworkMonitorView::setStateFilter(StateFilter filter)
{
    if (m_stateFilter->currentIndex() != int(filter))
        m_stateFilter->setCurrentIndex(int(filter));
    static_cast<TunnelFilter*>(m_proxy)->setState(filter);
}

void NetworkMonitorView::applyReading(const QString& site, const GatewayReading& reading, qint64 nowMs)
{
    const auto before = m_readings.constFind(site);
    const bool wasReached = before != m_readings.constEnd() && before->reached;
    const bool known = before != m_readings.constEnd();
    if (!reading.reached && (!known || wasReached || before->reason != reading.reason))
        addEvent(tr("%1: no answer: %2").arg(site, reading.reason), true, nowMs);
    else if (reading.reached && known && !wasReached)
        addEvent(tr("%1: answers again").arg(site), false, nowMs);
    m_readings.insert(site, reading);
    for (int row = 0; row < m_gateways->rowCount(); ++row) {
        if (m_gateways->item(row, 0)->text() != site)
            continue;
        m_gateways->item(row, 1)->setText(reading.reached ? tr("yes") : tr("no: %1").arg(reading.reason));
        m_gateways->item(row, 1)->setIcon(stateIcon(reading.reached ? TunnelState::Up : TunnelState::Unknown, m_topology->topologyScene()->colours().dark));
        m_gateways->item(row, 2)->setText(reading.source);
        m_gateways->item(row, 3)->setText(reading.reached ? tr("%1 ms").arg(reading.roundTripMs) : QString());
    }
    recompute(nowMs);
    // Columns fit their text once each gateway has been heard of; later the admin's widths stay.
    if (!known)
        m_table->resizeColumnsToContents();
}

void NetworkMonitorView::recompute(qint64 nowMs)
{
    const QList<TunnelReading> now = NetworkMonitor::tunnels(m_network, m_readings, m_haveLast ? &m_last : nullptr);
    const bool dark = m_topology->topologyScene()->colours().dark;
    const double seconds = m_lastMs >= 0 && nowMs > m_lastMs ? (nowMs - m_lastMs) / 1000.0 : 0;
    QHash<QString, TunnelState> states;
    int counts[4] = {};
    m_table->setSortingEnabled(false);
    for (const TunnelReading& r : now) {
        states.insert(r.tunnel, r.state);
        ++counts[int(r.state)];
        const int row = rowOf(r.tunnel);
        if (row < 0)
            continue;
        const TunnelReading* old = nullptr;
        for (const TunnelReading& o : std::as_const(m_last))
            if (o.tunnel == r.tunnel)
                old = &o;
        const TunnelState oldState = old ? old->state : TunnelState::Unknown;
        if (!m_haveLast || oldState != r.state) {
            m_changed.insert(r.tunnel, QDateTime::fromMSecsSinceEpoch(nowMs));
            if (m_haveLast)
                addEvent(tr("%1: %2 → %3%4")
                             .arg(r.tunnel, stateText(oldState), stateText(r.state), r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason)),
                         r.state != TunnelState::Up, nowMs);
        }
        QStandardItem* state = m_tunnels->item(row, StateColumn);
        state->setText(stateText(r.state) + (r.oneSided ? tr(" (our end)") : QString()));
        state->setIcon(stateIcon(r.state, dark));
        state->setData(int(r.state), StateRole);
        state->setData(stateOrder(r.state), SortRole);
        // Rates from the byte counters since the last round, when both rounds had them.
        const auto rate = [&](const std::optional<quint64>& bytes, const std::optional<quint64>& then, int column) {
            QStandardItem* item = m_tunnels->item(row, column);
            if (!bytes || !then || seconds <= 0 || *bytes < *then || r.state == TunnelState::Unknown) {
                if (r.state == TunnelState::Unknown || !bytes) {
                    item->setText(QString());
                    item->setData(-1.0, SortRole);
                }
                return;
            }
            const double perSecond = (*bytes - *then) / seconds;
            item->setText(formatRate(perSecond));
            item->setData(perSecond, SortRole);
        };
        rate(r.bytesAToB, old ? old->bytesAToB : std::nullopt, RateAToBColumn);
        rate(r.bytesBToA, old ? old->bytesBToA : std::nullopt, RateBToAColumn);
        const QDateTime since = m_changed.value(r.tunnel);
        m_tunnels->item(row, ChangedColumn)->setText(since.toString(QStringLiteral("HH:mm:ss")));
        m_tunnels->item(row, ChangedColumn)->setData(since.toMSecsSinceEpoch(), SortRole);
        QString detail = r.reason;
        if (detail.isEmpty() && !r.correlation.findings.isEmpty())
            detail = r.correlation.findings.join(QStringLiteral("; "));
        if (detail.isEmpty() && r.state == TunnelState::Down)
            detail = tr("no SA on either end");
        m_tunnels->item(row, DetailColumn)->setText(detail);
        m_tunnels->item(row, DetailColumn)->setToolTip(detail);
    }
    m_table->setSortingEnabled(true);
    m_topology->topologyScene()->setTunnelStates(states);
    m_summary->setText(tr("%1 up · %2 half-up · %3 down · %4 unknown")
                           .arg(counts[int(TunnelState::Up)])
                           .arg(counts[int(TunnelState::Partial)])
                           .arg(counts[int(TunnelState::Down)])
                           .arg(counts[int(TunnelState::Unknown)]));
    m_last = now;
    m_haveLast = true;
    m_lastMs = nowMs;
}

void NetworkMonitorView::addEvent(const QString& text, bool problem, qint64 nowMs)
{
    auto* item = new QListWidgetItem(QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("HH:mm:ss")) + QStringLiteral("  ") + text, m_events);
    item->setIcon(style()->standardIcon(problem ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation));
    // A long session keeps the newest thousand.
    while (m_events->count() > 1000)
        delete m_events->takeItem(0);
    m_events->scrollToBottom();
}

int NetworkMonitorView::rowOf(const QString& tunnel) const
{
    for (int row = 0; row < m_tunnels->rowCount(); ++row)
        if (m_tunnels->item(row, TunnelColumn)->text() == tunnel)
            return row;
    return -1;
}

QString NetworkMonitorView::selectedTunnel() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(TunnelColumn);
    return rows.isEmpty() ? QString() : rows.first().data().toString();
}

QStringList NetworkMonitorView::eventTexts() const
{
    QStringList out;
    for (int i = 0; i < m_events->count(); ++i)
        out << m_events->item(i)->text();
    return out;
}

QString NetworkMonitorView::summaryText() const
{
    return m_summary->text();
}

TunnelState NetworkMonitorView::stateOf(const QString& tunnel) const
{
    const int row = rowOf(tunnel);
    return row < 0 ? TunnelState::Unknown : TunnelState(m_tunnels->item(row, StateColumn)->data(StateRole).toInt());
}

} // namespace ipsecwiz
