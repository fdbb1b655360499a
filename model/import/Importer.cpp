#include "Importer.h"

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

Result<ImportResult> importConfig(ImportFormat format, const ImportSource& source, const ImportOptions& options)
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

QString Import::maskedLine(const QString& line, const QByteArray& key)
{
    if (key.isEmpty())
        return line;
    QString out = line;
    out.replace(QString::fromUtf8(key), QStringLiteral("(key)"));
    return out;
}

} // namespace ipsecwiz
