#pragma once

// One gateway in the monitor: where it is and how polling goes (connected, round trip, lost and
// retrying, paused), its SA and SP tables (sortable, filterable, updated in place), the raw
// output with the changed lines highlighted, and what the parser could not read.

#include "MonitorPoller.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ipsecwiz {

class RawOutputView;
class SaTableModel;
class SpTableModel;

class GatewayMonitorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayMonitorPane)

public:
    // id names the pane's widgets ("gatewayA" → "gatewayASaTable", …) for tests and accessibility tools.
    GatewayMonitorPane(const QString& id, const QString& title, QWidget* parent = nullptr);
    ~GatewayMonitorPane() override;

    void setTitle(const QString& title);
    void apply(const MonitorUpdate& update, qint64 nowMs);
    void setConnecting(const QString& where);
    void setConnected(const QString& where, MonitorSource source);
    void setFailed(const QString& message, int retryInMs);
    void setRefused(const QString& message); // not tried at all, and not retried
    void setPaused(bool paused);
    void setKeysRevealed(bool revealed);

    [[nodiscard]] QString statusText() const;
    [[nodiscard]] SaTableModel* saModel() const { return m_saModel; }
    [[nodiscard]] SpTableModel* spModel() const { return m_spModel; }
    [[nodiscard]] QTableView* saView() const { return m_saView; }
    [[nodiscard]] QTableView* spView() const { return m_spView; }
    [[nodiscard]] QLineEdit* saFilter() const { return m_saFilter; }
    [[nodiscard]] RawOutputView* rawView() const { return m_raw; }
    [[nodiscard]] QTabWidget* tabs() const { return m_tabs; }
    [[nodiscard]] bool hasSnapshot() const { return m_hasSnapshot; }
    [[nodiscard]] const Snapshot& snapshot() const { return m_snapshot; }
    [[nodiscard]] const QString& where() const { return m_where; }
    [[nodiscard]] MonitorSource source() const { return m_source; }

private:
    void setStatus(const QString& text, bool problem);
    void updateTabTitles();

    QLabel* m_title;
    QLabel* m_status;
    QTabWidget* m_tabs;
    SaTableModel* m_saModel;
    SpTableModel* m_spModel;
    QSortFilterProxyModel* m_saProxy;
    QSortFilterProxyModel* m_spProxy;
    QTableView* m_saView;
    QTableView* m_spView;
    QLineEdit* m_saFilter;
    QLineEdit* m_spFilter;
    RawOutputView* m_raw;
    QPlainTextEdit* m_notes;
    Snapshot m_snapshot;
    void showRaw();
    QByteArray m_rawShown;
    bool m_rawTruncated = false;
    bool m_keysRevealed = false;
    bool m_hasSnapshot = false;
    bool m_paused = false;
    QString m_where;
    MonitorSource m_source = MonitorSource::Auto;
    qint64 m_roundTripMs = 0;
};

} // namespace ipsecwiz
