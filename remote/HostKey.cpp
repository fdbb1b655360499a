#include "HostKey.h"

#include "SshHandles.h"

#include <QCoreApplication>
#include <QFile>

namespace ipsecwiz::HostKey {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::HostKey", text);
}

Result<HostKeyInfo> describe(ssh_key key)
{
    unsigned char* hash = nullptr;
    size_t hashLen = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLen) != SSH_OK)
        return Error{{}, tr("Cannot compute the key's fingerprint.")};
    const SshHash hashGuard(hash);
    // OpenSSH's format: "SHA256:" + base64 without the trailing '='.
    const QByteArray b64 = QByteArray(reinterpret_cast<const char*>(hash), qsizetype(hashLen)).toBase64(QByteArray::OmitTrailingEquals);
    return HostKeyInfo{QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key))), QStringLiteral("SHA256:") + QString::fromLatin1(b64)};
}

} // namespace

Result<HostKeyInfo> fromPublicKeyLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.trimmed().split(' ');
    if (parts.size() < 2)
        return Error{{}, tr("Not an OpenSSH public key line (expected “TYPE BASE64”).")};
    const enum ssh_keytypes_e type = ssh_key_type_from_name(parts[0].constData());
    if (type == SSH_KEYTYPE_UNKNOWN)
        return Error{{}, tr("Unknown key type “%1”.").arg(QString::fromLatin1(parts[0]))};
    ssh_key raw = nullptr;
    if (ssh_pki_import_pubkey_base64(parts[1].constData(), type, &raw) != SSH_OK)
        return Error{{}, tr("The key data is not valid base64 for %1.").arg(QString::fromLatin1(parts[0]))};
    const SshKey key(raw);
    return describe(key.get());
}

Result<HostKeyInfo> fromPublicKeyFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{path, tr("Cannot read the key: %1.").arg(file.errorString())};
    auto info = fromPublicKeyLine(file.readLine(64 * 1024));
    if (!info)
        return Error{path, info.error().message};
    return info;
}

} // namespace ipsecwiz::HostKey
