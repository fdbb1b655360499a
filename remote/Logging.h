#pragma once

// Logging categories of the remote layer. Never a secret in a log line.

#include <QLoggingCategory>

namespace ipsecwiz {
Q_DECLARE_LOGGING_CATEGORY(lcSsh)
Q_DECLARE_LOGGING_CATEGORY(lcSshTrace)
Q_DECLARE_LOGGING_CATEGORY(lcDeploy)
} // namespace ipsecwiz
