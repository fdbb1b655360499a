#pragma once

// A password or passphrase asked for a worker thread (blocking libssh): the dialog opens on the
// GUI thread over PARENT while the worker waits. None when the admin cancels.

#include <QByteArray>
#include <QString>

#include <optional>

#include "HostKey.h"

class QWidget;

namespace ipsecwiz {

std::optional<QByteArray> askSecretFromWorker(QWidget* parent, const QString& prompt);

// An unknown host key, asked about on the GUI thread over PARENT while the worker waits: true
// when the admin accepts it (it is then recorded in known_hosts). No is the default.
bool askHostKeyFromWorker(QWidget* parent, const HostKeyInfo& key, const QString& host);

} // namespace ipsecwiz
