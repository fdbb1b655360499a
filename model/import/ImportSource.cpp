#include "ImportSource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

// "/etc/swanctl/conf.d/a.conf" → "etc/swanctl/conf.d/a.conf", "swanctl/conf.d/a.conf",
// "conf.d/a.conf", "a.conf": where a copied config folder may hold it, longest first. A relative
// path means itself alone. Nothing with a ".." component: it could only lead out.
std::optional<QStringList> candidatesFor(const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.contains(QStringLiteral("..")))
        return std::nullopt;
    if (!path.startsWith(QLatin1Char('/')))
        return QStringList{parts.join(QLatin1Char('/'))};
    QStringList out;
    for (qsizetype i = 0; i < parts.size(); ++i)
        out << parts.mid(i).join(QLatin1Char('/'));
    return out;
}

Error refused(const QString& path, const QString& why)
{
    return Error{shown(path), why};
}

} // namespace

LocalFolderSource::LocalFolderSource(const QString& folder)
    : m_root(QFileInfo(folder).canonicalFilePath())
{
}

QString LocalFolderSource::resolve(const QString& path) const
{
    if (m_root.isEmpty())
        return {};
    const auto candidates = candidatesFor(path);
    if (!candidates)
        return {};
    for (const QString& c : *candidates) {
        const QFileInfo info(m_root + QLatin1Char('/') + c);
        if (!info.exists())
            continue;
        // A symlink may point anywhere: judge where it ends.
        const QString canonical = info.canonicalFilePath();
        if (canonical == m_root || canonical.startsWith(m_root + QLatin1Char('/')))
            return canonical;
        return {};
    }
    return {};
}

Result<QByteArray> LocalFolderSource::read(const QString& path) const
{
    if (m_root.isEmpty())
        return refused(path, QStringLiteral("The folder to import from does not exist."));
    const QString local = resolve(path);
    if (local.isEmpty()) {
        const auto candidates = candidatesFor(path);
        if (candidates && !candidates->isEmpty() && QFileInfo::exists(m_root + QLatin1Char('/') + candidates->constLast()))
            return refused(path, QStringLiteral("It leads outside the folder %1; only files inside it are read.").arg(m_root));
        return refused(path, QStringLiteral("No such file in %1.").arg(m_root));
    }
    const QFileInfo info(local);
    if (!info.isFile())
        return refused(path, QStringLiteral("It is not a regular file (a folder, a device or a pipe); only regular files are read."));
    if (info.size() > MaxFileSize)
        return refused(path, QStringLiteral("It is %1 bytes; a config file larger than %2 bytes is not read.").arg(info.size()).arg(MaxFileSize));
    QFile file(local);
    if (!file.open(QIODevice::ReadOnly))
        return refused(path, QStringLiteral("It cannot be read: %1.").arg(file.errorString()));
    // The size may change between the check and the read: never read more than the limit.
    QByteArray data = file.read(MaxFileSize + 1);
    if (data.size() > MaxFileSize)
        return refused(path, QStringLiteral("It grew beyond %1 bytes while being read.").arg(MaxFileSize));
    return data;
}

Result<QStringList> LocalFolderSource::glob(const QString& pattern) const
{
    const qsizetype slash = pattern.lastIndexOf(QLatin1Char('/'));
    const QString dirPart = slash < 0 ? QString() : pattern.left(slash);
    const QString namePart = pattern.mid(slash + 1);
    if (dirPart.contains(QLatin1Char('*')) || dirPart.contains(QLatin1Char('?')) || dirPart.contains(QLatin1Char('[')))
        return refused(pattern, QStringLiteral("Only the file name of an include may hold a wildcard."));
    const QString dir = dirPart.isEmpty() ? (pattern.startsWith(QLatin1Char('/')) ? QString() : m_root) : resolve(dirPart);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        return QStringList{};
    QStringList out;
    const QDir d(dir);
    for (const QFileInfo& entry : d.entryInfoList({namePart}, QDir::Files | QDir::Hidden | QDir::System, QDir::Name)) {
        const QString canonical = entry.canonicalFilePath();
        if (!entry.isFile() && canonical.startsWith(m_root + QLatin1Char('/')))
            continue; // a pipe or a device inside the folder: never a config file
        // A link out of the folder is listed under its own name: reading it is refused, and the
        // importer says so for that file while the others are read.
        if (!canonical.startsWith(m_root + QLatin1Char('/')))
            out << QDir(m_root).relativeFilePath(entry.absoluteFilePath());
        else
            out << canonical.mid(m_root.size() + 1);
        if (out.size() > MaxFiles)
            return refused(pattern, QStringLiteral("It names more than %1 files.").arg(MaxFiles));
    }
    return out;
}

MemorySource::MemorySource(QHash<QString, QByteArray> files, QString root)
    : m_files(std::move(files))
    , m_root(std::move(root))
{
}

QString MemorySource::key(const QString& path) const
{
    const auto candidates = candidatesFor(path);
    if (!candidates)
        return {};
    for (const QString& c : *candidates)
        if (m_files.contains(c))
            return c;
    return {};
}

Result<QByteArray> MemorySource::read(const QString& path) const
{
    const QString k = key(path);
    if (k.isEmpty())
        return refused(path, QStringLiteral("No such file in %1.").arg(m_root));
    const QByteArray& data = m_files[k];
    if (data.size() > MaxFileSize)
        return refused(path, QStringLiteral("It is %1 bytes; a config file larger than %2 bytes is not read.").arg(data.size()).arg(MaxFileSize));
    return data;
}

Result<QStringList> MemorySource::glob(const QString& pattern) const
{
    const auto candidates = candidatesFor(pattern);
    if (!candidates)
        return QStringList{};
    QStringList out;
    // The longest reading of the pattern that matches anything, as LocalFolderSource does.
    for (const QString& c : *candidates) {
        // Qt's conversion is anchored, and its "*" stops at a slash as a shell's does.
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(c));
        if (!re.isValid())
            continue; // a pattern no file name can match (say, bytes that are not UTF-8)
        for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
            if (re.match(it.key()).hasMatch())
                out << it.key();
        if (!out.isEmpty())
            break;
    }
    out.sort();
    if (out.size() > MaxFiles)
        return refused(pattern, QStringLiteral("It names more than %1 files.").arg(MaxFiles));
    return out;
}

} // namespace ipsecwiz
