// libFuzzer: a gateway's swanctl files, the input split at each NUL into swanctl/swanctl.conf and
// then swanctl/conf.d/1.conf, 2.conf, … in a MemorySource, so includes (loops, depth, globs) are
// fuzzed too. The import must not crash, hang or read outside its input (ASan, UBSan), and no
// secret of the input may reach an Error or an ImportNote unmasked.

#include "Importer.h"

#include <QByteArray>
#include <QHash>
#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using namespace ipsecwiz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\0');
    QHash<QString, QByteArray> files;
    for (qsizetype i = 0; i < parts.size() && i < 16; ++i)
        files.insert(i == 0 ? QStringLiteral("swanctl/swanctl.conf") : QStringLiteral("swanctl/conf.d/%1.conf").arg(i), parts.at(i));
    const MemorySource source(files);
    const auto result = Import::swanctl(source, ImportOptions{});
    // A key that is long enough to be unmistakable (the seeds carry it) must not show in an Error, nor
    // in a note about a line where it follows "secret" or "PSK" (in an id it may: that is no key).
    const QByteArray canary = "Fuzz0Canary0Secret0Value";
    if (!input.contains(canary))
        return 0;
    if (!result.ok()) {
        if (result.error().toString().contains(QString::fromLatin1(canary)))
            std::abort();
        return 0;
    }
    // Every canary after the line's first "secret" or ": PSK" is a key; one before it (an id) is
    // not. A note may show no more canaries than the line has before that keyword.
    static const QRegularExpression keyword(QStringLiteral("\\bsecret\\b|:\\s*PSK\\s"), QRegularExpression::CaseInsensitiveOption);
    const QString key = QString::fromLatin1(canary);
    for (const ImportNote& n : result.value().unused) {
        if (!n.text.contains(key))
            continue;
        const QList<QByteArray> lines = files.value(n.file).split('\n');
        if (n.line < 1 || n.line > lines.size())
            continue;
        const QString line = QString::fromUtf8(lines.at(n.line - 1));
        const auto first = keyword.match(line);
        if (!first.hasMatch() || !line.mid(first.capturedStart()).contains(key))
            continue; // no key on this line
        if (n.text.count(key) > line.left(first.capturedStart()).count(key))
            std::abort(); // a key in the report
    }
    return 0;
}
