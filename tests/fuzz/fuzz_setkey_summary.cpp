// libFuzzer, differential: the launcher's own `parse FILE` summary (app/launcher/SetkeySummary)
// must either decline the input or print exactly what the whole program prints for it, the
// header line and SnapshotExport::text of SnapshotParser's snapshot, for --format auto and
// setkey alike. Seeded with the setkey -D fixtures: most of what the fuzzer makes from them is
// declined, and what is taken is the case that matters.

#include "SetkeySummary.h"
#include "SnapshotExport.h"
#include "SnapshotParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace ipsecwiz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    SetkeySummary::Summary summary;
    if (!SetkeySummary::summary(std::string_view(reinterpret_cast<const char*>(data), size), summary))
        return 0;
    const QByteArray fast = QByteArray::fromStdString(summary.header + summary.lines);
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    for (SnapshotFormat format : {SnapshotFormat::Auto, SnapshotFormat::SetkeySad}) {
        const Snapshot s = SnapshotParser::parse(text, format);
        const QByteArray program = (QStringLiteral("%1: %2 SAs, %3 policies, %4 IKE SAs\n")
                                           .arg(formatName(s.format))
                                           .arg(s.sas.size())
                                           .arg(s.policies.size())
                                           .arg(s.ikeSas.size())
            + SnapshotExport::text(s))
                                       .toUtf8();
        if (fast != program) {
            std::fprintf(stderr, "--- launcher (%s):\n%s--- program:\n%s", qPrintable(formatName(format)), fast.constData(),
                program.constData());
            std::abort();
        }
    }
    return 0;
}
