#pragma once

// A gateway's /etc over SSH, as an ImportSource: `ipsec-wizard import --from-gateway` reads a
// gateway's config with the push's host-key rules and writes nothing there. The same limits as a
// local folder hold, checked on the gateway before a byte is sent: only regular files whose real
// path (symlinks followed) is inside /etc, no file over ImportSource::MaxFileSize, no more than
// MaxFiles per glob. A user other than root reads through `sudo -n` (never a password prompt).

#include "ImportSource.h"

namespace ipsecwiz {

class SshSession;

class GatewayImportSource final : public ImportSource
{
public:
    // SESSION must outlive the source; it is used from the calling thread only.
    GatewayImportSource(SshSession* session, bool sudo);

    [[nodiscard]] Result<QByteArray> read(const QString& path) const override;
    [[nodiscard]] Result<QStringList> glob(const QString& pattern) const override;
    [[nodiscard]] QString root() const override;

    // PATH as an absolute path under /etc, or empty when it could only lead out ("..").
    [[nodiscard]] static QString absolute(const QString& path);

private:
    SshSession* m_session;
    bool m_sudo;
};

} // namespace ipsecwiz
