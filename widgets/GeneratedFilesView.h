#pragma once

// The files generated for both gateways: one tab per gateway, one tab per file inside, each file
// read-only with syntax colours. Each file view carries the exact bytes ("content") and mode.

#include "Generator.h"

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
    [[nodiscard]] const QList<GatewayConfig>& configs() const { return m_configs; }

    // The viewer of one file: "gateway-a/etc/racoon/psk.txt" (the layout `generate --out` writes).
    [[nodiscard]] QPlainTextEdit* fileView(const QString& relativePath) const;
    [[nodiscard]] QStringList relativePaths() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    QList<GatewayConfig> m_configs;
};

} // namespace ipsecwiz
