#include "GatewayImportSource.h"

#include "SshSession.h"

#include <QRegularExpression>

namespace ipsecwiz {

namespace {

const QString Etc = QStringLiteral("/etc");

// What the read script's exit status means (its own codes, above what head and stat return).
QString readRefusal(int status)
{
    switch (status) {
    case 10: return QStringLiteral("No such file on the gateway.");
    case 11: return QStringLiteral("It leads outside /etc on the gateway; only files inside it are read.");
    case 12: return QStringLiteral("It is not a regular file (a folder, a device or a pipe); only regular files are read.");
    case 13: return QStringLiteral("It is larger than %1 bytes; a config file that large is not read.").arg(ImportSource::MaxFileSize);
    default: return QStringLiteral("It cannot be read on the gateway (exit status %1; reading another user's file needs root).").arg(status);
    }
}

} // namespace

GatewayImportSource::GatewayImportSource(SshSession* session, bool sudo)
    : m_session(session)
    , m_sudo(sudo)
{
}

QString GatewayImportSource::root() const
{
    return m_session->describe() + QLatin1Char(':') + Etc;
}

QString GatewayImportSource::absolute(const QString& path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.contains(QStringLiteral("..")))
        return {};
    if (path.startsWith(QLatin1Char('/')))
        return QLatin1Char('/') + parts.join(QLatin1Char('/'));
    return Etc + QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

Result<QByteArray> GatewayImportSource::read(const QString& path) const
{
    const QString file = absolute(path);
    if (file.isEmpty())
        return Error{shown(path), QStringLiteral("It could only lead outside /etc (“..”); it is not read.")};
    // Every check runs on the gateway, on the real path, before the file is sent: a symlink to
    // /root or /dev/zero is refused there, and head never sends more than the limit plus one.
    const QString script = QStringLiteral("p=%1; [ -e \"$p\" ] || exit 10; r=$(readlink -f -- \"$p\") || exit 10; "
                                          "case \"$r\" in /etc/*) ;; *) exit 11;; esac; [ -f \"$r\" ] || exit 12; "
                                          "[ \"$(stat -c %s -- \"$r\")\" -le %2 ] || exit 13; exec head -c %3 -- \"$r\"")
                               .arg(shellQuote(file), QString::number(MaxFileSize), QString::number(MaxFileSize + 1));
    const QString command = m_sudo ? QStringLiteral("sudo -n sh -c %1").arg(shellQuote(script)) : QStringLiteral("sh -c %1").arg(shellQuote(script));
    auto ran = m_session->exec(command, {}, {}, 30000, MaxFileSize + 4096);
    if (!ran)
        return Error{file, ran.error().message};
    if (ran.value().exitStatus != 0)
        return Error{file, readRefusal(ran.value().exitStatus)};
    if (ran.value().truncated || ran.value().out.size() > MaxFileSize)
        return Error{file, readRefusal(13)};
    return ran.value().out;
}

Result<QStringList> GatewayImportSource::glob(const QString& pattern) const
{
    const QString full = absolute(pattern);
    if (full.isEmpty())
        return Error{shown(pattern), QStringLiteral("It could only lead outside /etc (“..”); it is not read.")};
    const qsizetype slash = full.lastIndexOf(QLatin1Char('/'));
    const QString dir = full.left(slash);
    const QString name = full.mid(slash + 1);
    static const QRegularExpression wild(QStringLiteral("[*?\\[]"));
    static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9._*?+@%=,:\\[\\]-]+$"));
    if (wild.match(dir).hasMatch())
        return Error{shown(pattern), QStringLiteral("Only the file name of an include may hold a wildcard.")};
    if (!safeName.match(name).hasMatch())
        return Error{shown(pattern), QStringLiteral("The file name pattern holds characters an include does not need; it is not expanded.")};
    // The pattern is expanded by the gateway's shell inside DIR (quoted), its name part checked
    // above to hold nothing a shell would act on but the wildcards.
    const QString script = QStringLiteral("cd -- %1 2>/dev/null || exit 0; for f in %2; do [ -e \"$f\" ] || continue; "
                                          "r=$(readlink -f -- \"$f\"); case \"$r\" in /etc/*) ;; *) echo \"OUT $f\"; continue;; esac; "
                                          "[ -f \"$r\" ] && echo \"IN $f\"; done")
                               .arg(shellQuote(dir), name);
    const QString command = m_sudo ? QStringLiteral("sudo -n sh -c %1").arg(shellQuote(script)) : QStringLiteral("sh -c %1").arg(shellQuote(script));
    auto ran = m_session->exec(command, {}, {}, 30000, 256 * 1024);
    if (!ran)
        return Error{full, ran.error().message};
    QStringList out;
    for (const QByteArray& line : ran.value().out.split('\n')) {
        const QString l = QString::fromUtf8(line);
        // A name that links out of /etc is listed too: read() refuses it by name, the rest count.
        if (l.startsWith(QLatin1String("OUT ")) || l.startsWith(QLatin1String("IN ")))
            out << dir + QLatin1Char('/') + l.section(QLatin1Char(' '), 1);
        if (out.size() > MaxFiles)
            return Error{shown(pattern), QStringLiteral("It names more than %1 files.").arg(MaxFiles)};
    }
    return out;
}

} // namespace ipsecwiz
