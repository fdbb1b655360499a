// libFuzzer: what a gateway prints is hostile input. Each parser (one target per format, chosen
// by IPSECWIZ_FUZZ_FORMAT) must never crash or hang, must report what it skipped, and what it
// returns must go through the correlation, the table model and JSON export unharmed.

#include "SaTableModel.h"
#include "SnapshotJson.h"
#include "SnapshotParser.h"
#include "TunnelCorrelation.h"

#include <cstdint>
#include <cstdlib>

using namespace ipsecwiz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    const Snapshot s = SnapshotParser::parse(text, SnapshotFormat::IPSECWIZ_FUZZ_FORMAT);
    if (s.unknownLines.size() > Snapshot::MaxReportedLines)
        std::abort(); // the report is capped
    for (const QString& line : s.unknownLines)
        if (line.size() > Snapshot::MaxLineLength + 32)
            std::abort();
    const Correlation c = correlate(s, s, QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2"));
    if (!c.onlyOnA.isEmpty() || !c.onlyOnB.isEmpty())
        std::abort(); // a snapshot is always its own twin
    SaTableModel model;
    model.apply(saRowsOf(s), 0);
    model.apply(saRowsOf(s), 1000);
    (void)SnapshotJson::toJson(s);
    return 0;
}
