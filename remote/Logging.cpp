#include "Logging.h"

namespace ipsecwiz {
Q_LOGGING_CATEGORY(lcSsh, "ipsecwiz.ssh", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSshTrace, "ipsecwiz.ssh.trace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDeploy, "ipsecwiz.deploy", QtWarningMsg)
} // namespace ipsecwiz
