#pragma once

// The monitor of a whole network: every tunnel a row (state, both directions' rates, when its
// state last changed, why), and on the drawing a link in its state's colour; every managed gateway
// with whether it answers (one that does not is "unknown" with the reason, and its tunnels too,
// while the others go on updating); the events of the whole network in one list. Filter by text
// and state, sort by any column; a double-click opens the two-sided view of that tunnel.
// Each gateway is polled by its own MonitorPoller (one persistent session each), all on one
// MonitorPool of at most MonitorPoolThreads threads; applyReading() is what they call, and what
// tests feed.

#include "MonitorPoller.h"
#include "NetworkMonitor.h"
#include "NetworkProfile.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

#include <map>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace ipsecwiz {

class TopologyView;

class NetworkMonitorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkMonitorView)

public:
    // The tunnel table's columns.
    enum Column { TunnelColumn, SitesColumn, StateColumn, RateAToBColumn, RateBToAColumn, ChangedColumn, DetailColumn, ColumnCount };
    // The state filter's choices, in the combo's order.
    enum StateFilter { AllStates, UpOnly, HalfUpOnly, DownOnly, UnknownOnly, NotUp };

    explicit NetworkMonitorView(QWidget* parent = nullptr);
    ~NetworkMonitorView() override;

    // profileDir resolves the profile's relative paths (known_hosts, identity files).
    void setNetwork(const NetworkProfile& network, const QString& profileDir);
    [[nodiscard]] const NetworkProfile& network() const { return m_network; }

    // A poller for every managed gateway, each on its own session, until stop(). Their polls
    // share a pool of min(MonitorPoolThreads, gateways) threads: while that many gateways hang in
    // connect (up to the connect timeout), the others' polls wait for a free thread.
    void start(MonitorSource source = MonitorSource::Auto);
    // Returns at once: polls under way are told to stop (a connect runs on to its timeout, on a
    // pool thread) and the sessions are closed on the pool's threads.
    void stop();
    [[nodiscard]] bool isRunning() const { return !m_pollers.empty(); }
    // The pool the running monitor polls on; null when stopped.
    [[nodiscard]] const MonitorPool* pool() const { return m_pool.get(); }
    // For the next start(): tests use a short one. The default is the SSH connect timeout's.
    void setConnectTimeoutSec(int seconds) { m_connectTimeoutSec = seconds; }
    void setPaused(bool paused);

    // What a poll of SITE brought (reached), or why it could not be reached.
    void applyReading(const QString& site, const GatewayReading& reading, qint64 nowMs);

    void setTextFilter(const QString& text);
    void setStateFilter(StateFilter filter);

    [[nodiscard]] QStandardItemModel* tunnelModel() const { return m_tunnels; }
    [[nodiscard]] QSortFilterProxyModel* tunnelProxy() const { return m_proxy; }
    [[nodiscard]] QTableView* tunnelTable() const { return m_table; }
    [[nodiscard]] QStandardItemModel* gatewayModel() const { return m_gateways; }
    [[nodiscard]] TopologyView* topologyView() const { return m_topology; }
    [[nodiscard]] QStringList eventTexts() const; // "HH:mm:ss  hq-branch2: up → unknown (…)", oldest first
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] TunnelState stateOf(const QString& tunnel) const;
    // The tunnel of the selected row; empty when none is selected.
    [[nodiscard]] QString selectedTunnel() const;
    [[nodiscard]] QPushButton* diagnoseButton() const { return m_diagnose; }
    [[nodiscard]] QPushButton* checkButton() const { return m_check; }

Q_SIGNALS:
    // A tunnel's row double-clicked (or Enter on it): the caller opens its two-sided view.
    void tunnelActivated(const QString& tunnel);
    // Diagnose… with a tunnel's row selected: the caller diagnoses it from both of its gateways.
    void diagnoseRequested(const QString& tunnel);
    // Check for drift…: the caller checks every managed gateway (as `ipsec-wizard check`).
    void checkRequested();

private:
    void recompute(qint64 nowMs);
    void addEvent(const QString& text, bool problem, qint64 nowMs);
    int rowOf(const QString& tunnel) const;

    NetworkProfile m_network;
    QString m_profileDir;
    QHash<QString, GatewayReading> m_readings;
    QList<TunnelReading> m_last;
    bool m_haveLast = false;
    qint64 m_lastMs = -1;
    QHash<QString, QDateTime> m_changed; // when each tunnel's state last changed
    std::shared_ptr<MonitorPool> m_pool;
    std::map<QString, std::unique_ptr<MonitorPoller>> m_pollers;
    int m_connectTimeoutSec = 0; // 0: as the SSH options say
    bool m_paused = false;

    QLineEdit* m_filter;
    QComboBox* m_stateFilter;
    QPushButton* m_pause;
    QPushButton* m_diagnose;
    QPushButton* m_check;
    QDoubleSpinBox* m_interval;
    QLabel* m_summary;
    TopologyView* m_topology;
    QStandardItemModel* m_tunnels;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QStandardItemModel* m_gateways;
    QTableView* m_gatewayTable;
    QListWidget* m_events;
};

} // namespace ipsecwiz
