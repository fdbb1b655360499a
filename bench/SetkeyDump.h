#pragma once

// The generated monitor dumps, shared by bench_parse (in memory) and write_setkey_dump (on disk,
// for measuring `ipsec-wizard parse` as a whole process).

#include <QByteArray>

namespace ipsecwiz::bench {

inline QByteArray hexGroups(quint32 seed, int groups)
{
    QByteArray out;
    quint32 x = seed * 2654435761u + 1;
    for (int g = 0; g < groups; ++g) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        out += ' ';
        out += QByteArray::number(x, 16).rightJustified(8, '0');
    }
    return out;
}

// `setkey -D` as ipsec-tools prints it: ESP tunnel SAs between many gateway pairs, AES-128 and
// HMAC-SHA1 keys (the racoon defaults), lifetimes and counters: about 540 bytes an SA.
inline QByteArray setkeyDump(int count)
{
    QByteArray out;
    out.reserve(count * 560);
    for (int i = 0; i < count; ++i) {
        const quint32 spi = 0xc0000000u + quint32(i) * 7919u;
        const QByteArray a = "198.51." + QByteArray::number((i / 250) % 256) + '.' + QByteArray::number(i % 250 + 1);
        const QByteArray b = "203.0.113." + QByteArray::number(i % 200 + 1);
        const bool in = i % 2;
        out += (in ? b : a) + ' ' + (in ? a : b) + " \n";
        out += "\tesp mode=tunnel spi=" + QByteArray::number(spi) + "(0x" + QByteArray::number(spi, 16).rightJustified(8, '0')
            + ") reqid=" + QByteArray::number(i / 2 + 1) + "(0x" + QByteArray::number(i / 2 + 1, 16).rightJustified(8, '0') + ")\n";
        out += "\tE: aes-cbc " + hexGroups(spi, 4) + '\n';
        out += "\tA: hmac-sha1 " + hexGroups(spi + 1, 5) + '\n';
        out += "\tseq=0x00000000 replay=32 flags=0x00000000 state=mature \n";
        out += "\tcreated: Nov 27 03:16:36 2026\tcurrent: Nov 27 03:26:36 2026\n";
        out += "\tdiff: 600(s)\thard: 3600(s)\tsoft: 2880(s)\n";
        out += "\tlast: Nov 27 03:26:35 2026\thard: 0(s)\tsoft: 0(s)\n";
        out += "\tcurrent: " + QByteArray::number(quint64(i) * 1337) + "(bytes)\thard: 0(bytes)\tsoft: 0(bytes)\n";
        out += "\tallocated: " + QByteArray::number(i * 11) + "\thard: 0\tsoft: 0\n";
        out += "\tsadb_seq=" + QByteArray::number(count - 1 - i) + " pid=4242 refcnt=0\n";
    }
    return out;
}

} // namespace ipsecwiz::bench
