// Writes bench_parse's generated `setkey -D` dump to a file, so `ipsec-wizard parse` can be
// measured as a whole process (start-up, reading, parsing and printing) on the same input:
//   write_setkey_dump FILE [COUNT]     (COUNT SAs, 10000 unless given)

#include "SetkeyDump.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[])
{
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: write_setkey_dump FILE [COUNT]\n");
        return 2;
    }
    const int count = argc == 3 ? std::atoi(argv[2]) : 10000;
    if (count <= 0) {
        std::fprintf(stderr, "write_setkey_dump: COUNT must be a positive number\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[1]));
    const QByteArray dump = ipsecwiz::bench::setkeyDump(count);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(dump) != dump.size()) {
        std::fprintf(stderr, "write_setkey_dump: cannot write %s: %s\n", argv[1], qPrintable(file.errorString()));
        return 1;
    }
    return 0;
}
