#pragma once

// What the three parser tests share: reading a monitor fixture, the offsets where a text can be
// cut into whole lines, and the line spans of the entries a snapshot holds.

#include "SecuritySnapshot.h"
#include "TestConfig.h"

#include <QFile>
#include <QTest>

namespace ipsecwiz::test {

inline QByteArray fixture(const char* name)
{
    QFile f(QStringLiteral(IPSECWIZ_FIXTURES_DIR "/monitor/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

// Offsets just past each line break: cutting there keeps whole lines 1..k.
inline QList<qsizetype> lineEnds(const QByteArray& text)
{
    QList<qsizetype> ends;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            ends += i + 1;
    }
    return ends;
}

struct Span
{
    int first;
    int last;
    QString key;
};

// The SAs' and policies' line spans (setkey, ip xfrm).
inline QList<Span> spans(const Snapshot& s)
{
    QList<Span> out;
    for (const auto& sa : s.sas)
        out += { sa.firstLine, sa.lastLine, QStringLiteral("sa ") + sa.key() };
    for (const auto& sp : s.policies)
        out += { sp.firstLine, sp.lastLine, QStringLiteral("sp ") + sp.key() };
    return out;
}

} // namespace ipsecwiz::test
