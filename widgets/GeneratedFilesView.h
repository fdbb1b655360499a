#pragma once

// The files generated for both gateways: one tab per gateway, one tab per file inside, each file
// read-only with syntax colours. Each file view carries the exact bytes ("content") and mode.

#include "Generator.h"
#include "NetworkProfile.h"

#include <QHash>
#include <QTabWidget>

class QPlainTextEdit;

namespace ipsecwiz {

class GeneratedFilesView final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneratedFilesView)

public:
    explicit GeneratedFilesView(QWidget* parent = nullptr);
    ~GeneratedFilesView() override;

    void setConfigs(const QList<GatewayConfig>& configs);
    // A network's gateways, each under its site's name: "hq/etc/swanctl/…" (the layout
    // `generate NETWORK --all --out` writes), and its tab titled TITLE.
    struct Named
    {
        QString folder;
        QString title;
        GatewayConfig config;
    };
    void setGateways(const QList<Named>& gateways);
    [[nodiscard]] const QList<Named>& gateways() const { return m_named; }
    [[nodiscard]] const QList<GatewayConfig>& configs() const { return m_configs; }

    // The viewer of one file: "gateway-a/etc/racoon/psk.txt" (the layout `generate --out` writes).
    // Made when its tab is first shown, or here.
    [[nodiscard]] QPlainTextEdit* fileView(const QString& relativePath) const;
    [[nodiscard]] QStringList relativePaths() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    class FilePage;

    QList<GatewayConfig> m_configs;
    QStringList m_folders;
    QList<Named> m_named;
    QHash<QString, FilePage*> m_pages; // by relative path, as fileView() is asked
};

// The files of the managed sites among SITES, each followed by the settings sheet for the admin of
// every peer of it that someone else runs (as `generate` writes them). Every tunnel needs its key.
Result<QList<GeneratedFilesView::Named>> networkFiles(const NetworkProfile& network, const QStringList& sites);

} // namespace ipsecwiz
