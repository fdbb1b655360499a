#pragma once

// A password or passphrase asked for a worker thread (blocking libssh): the dialog opens on the
// GUI thread over PARENT while the worker waits. None when the admin cancels.

#include <QByteArray>
#include <QString>

#include <optional>

class QWidget;

namespace ipsecwiz {

std::optional<QByteArray> askSecretFromWorker(QWidget* parent, const QString& prompt);

} // namespace ipsecwiz
