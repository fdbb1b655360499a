#include "Importer.h"

#include "RacoonSyntax.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ipsecwiz {

QString importFormatId(ImportFormat format)
{
    switch (format) {
    case ImportFormat::RacoonTool:
        return QStringLiteral("racoon-tool");
    case ImportFormat::Racoon:
        return QStringLiteral("racoon");
    case ImportFormat::Swanctl:
        return QStringLiteral("swanctl");
    case ImportFormat::IpsecConf:
        return QStringLiteral("ipsec.conf");
    }
    return {};
}

std::optional<ImportFormat> importFormatFromId(const QString& id)
{
    for (ImportFormat f : {ImportFormat::RacoonTool, ImportFormat::Racoon, ImportFormat::Swanctl, ImportFormat::IpsecConf})
        if (importFormatId(f) == id)
            return f;
    return std::nullopt;
}

QString ImportNote::toString() const
{
    const QString where = line > 0 ? QStringLiteral("%1:%2").arg(file).arg(line) : file;
    return text.isEmpty() ? QStringLiteral("%1: %2").arg(where, reason) : QStringLiteral("%1: %2: %3").arg(where, reason, text.trimmed());
}

QStringList mainFileCandidates(ImportFormat format)
{
    switch (format) {
    case ImportFormat::RacoonTool:
        return {QStringLiteral("racoon/racoon-tool.conf"), QStringLiteral("racoon-tool.conf")};
    case ImportFormat::Racoon:
        return {QStringLiteral("racoon/racoon.conf"), QStringLiteral("racoon.conf")};
    case ImportFormat::Swanctl:
        return {QStringLiteral("swanctl/swanctl.conf"), QStringLiteral("swanctl.conf")};
    case ImportFormat::IpsecConf:
        return {QStringLiteral("ipsec.conf")};
    }
    return {};
}

Result<QString> findMainFile(ImportFormat format, const ImportSource& source)
{
    const QStringList candidates = mainFileCandidates(format);
    for (const QString& c : candidates)
        if (source.read(c).ok())
            return c;
    return Error{source.root(), QStringLiteral("No %1 here (looked for %2).").arg(importFormatId(format), candidates.join(QStringLiteral(", ")))};
}

std::optional<ImportFormat> detectFormat(const ImportSource& source)
{
    // racoon-tool writes racoon.conf from racoon-tool.conf: where both are, the admin edits the latter.
    for (ImportFormat format : {ImportFormat::Swanctl, ImportFormat::IpsecConf, ImportFormat::RacoonTool, ImportFormat::Racoon})
        if (findMainFile(format, source).ok())
            return format;
    return std::nullopt;
}

namespace {

Result<ImportResult> importAs(ImportFormat format, const ImportSource& source, const ImportOptions& options)
{
    switch (format) {
    case ImportFormat::RacoonTool:
        return Import::racoonTool(source, options);
    case ImportFormat::Racoon:
        return Import::racoon(source, options);
    case ImportFormat::Swanctl:
        return Import::swanctl(source, options);
    case ImportFormat::IpsecConf:
        return Import::ipsecConf(source, options);
    }
    return Error{QString(), QStringLiteral("Unknown import format.")};
}

} // namespace

Result<ImportResult> importConfig(ImportFormat format, const ImportSource& source, const ImportOptions& options)
{
    ImportOptions safe = options;
    safe.siteName = Import::safeSiteName(options.siteName);
    auto result = importAs(format, source, safe);
    if (result)
        for (Site& s : result.value().network.sites)
            if (s.gateway.managed) {
                s.gateway.importedFrom = importFormatId(format);
                // Where the files came from is where a push goes.
                if (s.gateway.ssh.host.isEmpty())
                    s.gateway.ssh.host = options.sshHost;
            }
    return result;
}

QString Import::safeSiteName(const QString& text)
{
    return RacoonSyntax::safeName(text);
}

QString Import::siteNameForFolder(const QString& path)
{
    const QFileInfo info(path);
    QString name = info.isDir() ? info.fileName() : info.dir().dirName();
    if (QStringList{QStringLiteral("etc"), QStringLiteral("swanctl"), QStringLiteral("racoon"), QStringLiteral("ipsec.d")}.contains(name))
        name = QFileInfo(info.isDir() ? info.absolutePath() : info.dir().absolutePath()).fileName();
    return name.isEmpty() || name == QLatin1String("/") || name == QLatin1String(".") ? QStringLiteral("local") : name;
}

void Import::assumeInternalAddresses(ImportResult& result)
{
    // The gateway's address inside its network is in no IPsec file (only in routes): the
    // wizard's default, said out loud so the admin checks it.
    for (int i = 0; i < result.network.sites.size(); ++i) {
        Site& site = result.network.sites[i];
        if (!site.gateway.internalAddress.isEmpty())
            continue;
        site.gateway.internalAddress = Network::firstHostOf(site.networks);
        if (!site.gateway.internalAddress.isEmpty())
            result.findings << Finding{Severity::Warning, Network::sitePath(i, QStringLiteral("gateway.internalAddress")),
                                       QStringLiteral("Site “%1”: its gateway's address inside %2 is not in the files; taken as %3.")
                                           .arg(shown(site.name), site.networks.first(), site.gateway.internalAddress),
                                       QStringLiteral("Check it on the gateway (ip -brief address) and change it in the wizard if it differs.")};
    }
}

std::optional<ImportFormat> sniffFormat(const QByteArray& text)
{
    static const std::pair<QRegularExpression, ImportFormat> signs[] = {
        {QRegularExpression(QStringLiteral("^\\s*connections\\s*\\{"), QRegularExpression::MultilineOption), ImportFormat::Swanctl},
        {QRegularExpression(QStringLiteral("^(conn\\s+\\S|config\\s+setup)"), QRegularExpression::MultilineOption), ImportFormat::IpsecConf},
        {QRegularExpression(QStringLiteral("^\\s*(peer|connection)\\([^)]*\\)\\s*:"), QRegularExpression::MultilineOption), ImportFormat::RacoonTool},
        {QRegularExpression(QStringLiteral("^\\s*(remote|sainfo)\\s+[^\\n]*\\{"), QRegularExpression::MultilineOption), ImportFormat::Racoon},
    };
    const QString s = QString::fromUtf8(text.left(ImportSource::MaxFileSize));
    for (const auto& [re, format] : signs)
        if (re.match(s).hasMatch())
            return format;
    return std::nullopt;
}

Result<MemorySource> sourceFromFiles(const QStringList& paths, std::optional<ImportFormat> format)
{
    // The names the importers look a file up by, beyond the main files.
    static const QStringList known{QStringLiteral("swanctl.conf"),    QStringLiteral("ipsec.conf"),      QStringLiteral("ipsec.secrets"),
                                   QStringLiteral("racoon-tool.conf"), QStringLiteral("racoon.conf"),     QStringLiteral("psk.txt"),
                                   QStringLiteral("ipsec-tools.conf"), QStringLiteral("setkey.conf")};
    static const QStringList mains{QStringLiteral("swanctl.conf"), QStringLiteral("ipsec.conf"), QStringLiteral("racoon-tool.conf"), QStringLiteral("racoon.conf")};
    QHash<QString, QByteArray> files;
    bool haveMain = false;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        auto text = LocalFolderSource(info.absolutePath()).read(info.fileName());
        if (!text)
            return Error{path, text.error().message};
        QString name = info.fileName();
        if (!known.contains(name)) {
            std::optional<ImportFormat> as;
            if (!haveMain)
                as = format ? format : sniffFormat(text.value());
            if (!as || haveMain) {
                // Not a main file: a setkey file, ipsec.secrets or psk.txt, told by their lines.
                static const QRegularExpression setkey(QStringLiteral("^\\s*(spdadd|spdflush|flush)\\b"), QRegularExpression::MultilineOption);
                static const QRegularExpression secrets(QStringLiteral(":\\s*PSK\\s"));
                static const QRegularExpression pskTxt(QStringLiteral("^\\s*[^#\\s]\\S*\\s+\\S+"), QRegularExpression::MultilineOption);
                const QString t = QString::fromUtf8(text.value());
                const QString role = setkey.match(t).hasMatch()    ? QStringLiteral("ipsec-tools.conf")
                                     : secrets.match(t).hasMatch() ? QStringLiteral("ipsec.secrets")
                                     : haveMain && pskTxt.match(t).hasMatch() ? QStringLiteral("psk.txt")
                                                                              : QString();
                if (!role.isEmpty() && !files.contains(role)) {
                    files.insert(role, text.value());
                    continue;
                }
            }
            if (!as)
                return Error{path, QStringLiteral("Neither its name nor its text says which config file it is; name it as on the gateway "
                                                  "(swanctl.conf, ipsec.conf, ipsec.secrets, racoon-tool.conf, racoon.conf, psk.txt, "
                                                  "ipsec-tools.conf) or give --format.")};
            name = mainFileCandidates(*as).constLast();
        }
        if (files.contains(name))
            return Error{path, QStringLiteral("A second file for %1.").arg(name)};
        haveMain = haveMain || mains.contains(name);
        files.insert(name, text.value());
    }
    return MemorySource(files, QStringLiteral("/etc"));
}

QString Import::maskedLine(const QString& line, const QByteArray& key)
{
    if (key.isEmpty())
        return line;
    QString out = line;
    out.replace(QString::fromUtf8(key), QStringLiteral("(key)"));
    return out;
}

} // namespace ipsecwiz
