#pragma once

// The live monitor: both gateways side by side (each with its SA and SP tables, raw output and
// status), the tunnel drawn in the colour of its state with the traffic rate, what the
// correlation found (half-up, rekey leftovers, one-sided counters) and an event list. The polls
// come from one MonitorPoller per gateway; applyUpdate() is what they call, and what tests feed.

#include "MonitorEvents.h"
#include "MonitorPoller.h"
#include "Result.h"
#include "TunnelProfile.h"

#include <QElapsedTimer>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace ipsecwiz {

class GatewayMonitorPane;
class TopologyView;

class MonitorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitorView)

public:
    explicit MonitorView(QWidget* parent = nullptr);
    ~MonitorView() override;

    // profileDir resolves the profile's relative paths (known_hosts, identity files).
    void setProfile(const TunnelProfile& profile, const QString& profileDir);
    [[nodiscard]] const TunnelProfile& profile() const { return m_profile; }

    // Connects to both gateways and polls until stop() (or the view goes away).
    void start(MonitorSource source = MonitorSource::Auto);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_pollers[0] != nullptr; }
    [[nodiscard]] MonitorPoller* poller(Side side) const { return m_pollers[size_t(side)].get(); }

    void applyUpdate(Side side, const MonitorUpdate& update, qint64 nowMs);
    void applyFailure(Side side, const QString& message, int retryInMs);

    void setPaused(bool paused);
    [[nodiscard]] bool isPaused() const { return m_paused; }

    [[nodiscard]] GatewayMonitorPane* pane(Side side) const { return m_panes[size_t(side)]; }
    [[nodiscard]] TopologyView* topologyView() const { return m_topology; }
    [[nodiscard]] const std::optional<Correlation>& correlation() const { return m_correlation; }
    [[nodiscard]] QStringList eventTexts() const; // "A: SA added: …", newest last
    [[nodiscard]] QString findingsText() const;

    // The snapshot of both gateways: text (for the clipboard) or, by the file's suffix, CSV.
    [[nodiscard]] QString snapshotText() const;
    Status exportTo(const QString& path) const;

public Q_SLOTS:
    void copySnapshot();
    void exportSnapshot();

private:
    void addEvent(const QString& who, const QString& text, bool problem = false);
    void correlateNow(qint64 nowMs);
    std::optional<QByteArray> askSecret(Side side, const QString& prompt);

    TunnelProfile m_profile;
    QString m_profileDir;
    std::array<GatewayMonitorPane*, 2> m_panes {};
    std::array<std::unique_ptr<MonitorPoller>, 2> m_pollers;
    // Asked once per window: reconnects after a lost connection do not ask again.
    std::array<QByteArray, 2> m_passwords;
    std::array<bool, 2> m_askedThisAttempt{};
    TopologyView* m_topology;
    QLabel* m_summary;
    QListWidget* m_findings;
    QTreeWidget* m_events;
    QPushButton* m_pause;
    QDoubleSpinBox* m_interval;
    QCheckBox* m_reveal;
    QPushButton* m_copy;
    QPushButton* m_export;
    bool m_paused = false;
    std::optional<Correlation> m_correlation;
    qint64 m_correlationMs = -1;
    std::array<bool, 2> m_lost {};
    std::array<bool, 2> m_fresh {}; // a poll since the last correlation
};

// "1.2 kB/s" — bytes per second in the units a network admin reads.
QString formatRate(double bytesPerSecond);

} // namespace ipsecwiz
