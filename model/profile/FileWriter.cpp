#include "FileWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ipsecwiz::FileWriter {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::FileWriter", text);
}

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

} // namespace

Status makeFolders(const QString& path)
{
    if (QDir().mkpath(path))
        return {};
    return Error{path, tr("Cannot create the folder.")};
}

Status syncFolder(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error{path, tr("Cannot open the folder: %1.").arg(errnoText(errno))};
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return Error{path, tr("Cannot flush the files to disk: %1.").arg(errnoText(err))};
    return {};
}

Status writeAtomically(const QString& path, const QByteArray& data, int mode, Sync sync)
{
    const QFileInfo info(path);
    QByteArray tmpl = QFile::encodeName(info.absolutePath() + QLatin1Char('/') + QLatin1Char('.') + info.fileName()
                                        + QStringLiteral(".tmp-XXXXXX"));
    // mkstemp creates 0600; fchmod narrows or widens to the final mode before any byte is written.
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0)
        return Error{path, tr("Cannot create a file in %1: %2.").arg(info.absolutePath(), errnoText(errno))};
    auto fail = [&](const QString& what) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmpl.constData());
        return Status(Error{path, tr("%1: %2.").arg(what, errnoText(err))});
    };
    if (::fchmod(fd, mode_t(mode)) != 0)
        return fail(tr("Cannot set the file mode"));
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(tr("Cannot write the file"));
        }
        written += n;
    }
    if (sync == Sync::Now && ::fsync(fd) != 0)
        return fail(tr("Cannot flush the file to disk"));
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmpl.constData());
        return Error{path, tr("Cannot close the file: %1.").arg(errnoText(err))};
    }
    if (::rename(tmpl.constData(), QFile::encodeName(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tmpl.constData());
        return Error{path, tr("Cannot put the file in place: %1.").arg(errnoText(err))};
    }
    return {};
}

} // namespace ipsecwiz::FileWriter
