#pragma once

// What the importers' fuzz targets share: the input split into files at NUL bytes, and the
// checks on a report (its notes point at real lines; no key of psk.txt in any of them).

#include "Importer.h"

#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

namespace ipsecwiz::fuzzimport {

inline QList<QByteArray> split(const uint8_t* data, size_t size, int parts)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    QList<QByteArray> out = input.split('\0');
    while (out.size() > parts) // the last part keeps any further NULs
        out[out.size() - 2] += '\0' + out.takeLast();
    return out;
}

inline void check(const ImportResult& r, const ImportSource& source, const QByteArray& psk)
{
    // The keys as the importer reads them: the rest of a line after the identity.
    QList<QString> keys;
    for (const QByteArray& line : psk.split('\n')) {
        const QString l = QString::fromUtf8(line).trimmed();
        if (l.startsWith(QLatin1Char('#')))
            continue;
        static const QRegularExpression space(QStringLiteral("\\s"));
        const qsizetype ws = l.indexOf(space);
        const QString key = ws < 0 ? QString() : l.mid(ws).trimmed();
        if (key.size() >= 8 && !key.contains(QStringLiteral("(key)")))
            keys << key;
    }
    for (const ImportNote& n : r.unused) {
        for (const QString& k : keys)
            if (n.text.contains(k) || n.reason.contains(k))
                std::abort(); // a key in a note
        if (n.line == 0)
            continue;
        const auto data = source.read(n.file);
        if (!data || n.line > data.value().count('\n') + 1)
            std::abort(); // a note about a line that is not there
    }
}

} // namespace ipsecwiz::fuzzimport
