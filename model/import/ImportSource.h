#pragma once

// Where an importer reads a gateway's config files from. Every read goes through a source, so the
// importers never open a path themselves: a local folder and (later) a gateway over SSH give the
// same guarantees. A source reads only regular files inside the folder it was asked to read (a
// path outside it, a symlink out of it, a device such as /dev/zero or a FIFO is an error, not a
// hang), and no file larger than maxFileSize.

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace ipsecwiz {

class ImportSource
{
public:
    static constexpr qint64 MaxFileSize = 1 << 20; // a gateway's config is kilobytes; a MiB is hostile
    static constexpr int MaxIncludeDepth = 8;      // include loops end here with an error
    static constexpr int MaxFiles = 256;           // globs and includes together

    virtual ~ImportSource() = default;

    // PATH is absolute (as the config files name it, "/etc/swanctl/conf.d/x.conf") or relative to
    // the source's root. The error names the path and says why it was refused.
    [[nodiscard]] virtual Result<QByteArray> read(const QString& path) const = 0;
    // The regular files a shell-style glob names ("conf.d/*.conf", as swanctl's and racoon's
    // include take them), sorted; no match is an empty list, not an error. A name that links out
    // of the folder is listed too, so that read() refuses it by name and the rest still count.
    [[nodiscard]] virtual Result<QStringList> glob(const QString& pattern) const = 0;
    // The root (a folder on this computer, or "/etc" on a gateway): what messages name.
    [[nodiscard]] virtual QString root() const = 0;
};

// A folder on this computer. Absolute paths in the files ("/etc/racoon/psk.txt") are looked up
// under the folder by their file name's path below the folder's own name when that exists, else by
// their last components ("/etc/swanctl/conf.d/a.conf" in a folder "swanctl" → "conf.d/a.conf"),
// so an admin can copy /etc/swanctl or /etc/racoon to a desktop and import it.
class LocalFolderSource final : public ImportSource
{
public:
    explicit LocalFolderSource(const QString& folder);

    [[nodiscard]] Result<QByteArray> read(const QString& path) const override;
    [[nodiscard]] Result<QStringList> glob(const QString& pattern) const override;
    [[nodiscard]] QString root() const override { return m_root; }

    // The path inside the folder that PATH means, or an empty string when it would leave it.
    [[nodiscard]] QString resolve(const QString& path) const;

private:
    QString m_root; // canonical, no trailing slash
};

// Files held in memory, by path: the fuzzers and the round-trip test feed importers through it.
class MemorySource final : public ImportSource
{
public:
    explicit MemorySource(QHash<QString, QByteArray> files, QString root = QStringLiteral("/etc"));

    [[nodiscard]] Result<QByteArray> read(const QString& path) const override;
    [[nodiscard]] Result<QStringList> glob(const QString& pattern) const override;
    [[nodiscard]] QString root() const override { return m_root; }

private:
    [[nodiscard]] QString key(const QString& path) const;
    QHash<QString, QByteArray> m_files; // relative to m_root
    QString m_root;
};

} // namespace ipsecwiz
