#pragma once

// A server's public host key as OpenSSH shows it to people: the key type and the SHA256
// fingerprint ("ssh-ed25519", "SHA256:…" without padding), so what the wizard asks about
// can be compared with `ssh-keygen -lf` on the gateway.

#include "Result.h"

#include <QString>

namespace ipsecwiz {

struct HostKeyInfo
{
    QString type;        // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString fingerprint; // "SHA256:…"
};

namespace HostKey {

// Reads an OpenSSH public key file (e.g. /etc/ssh/ssh_host_ed25519_key.pub).
Result<HostKeyInfo> fromPublicKeyFile(const QString& path);
// From one line "TYPE BASE64 [comment]".
Result<HostKeyInfo> fromPublicKeyLine(const QByteArray& line);

} // namespace HostKey

} // namespace ipsecwiz
