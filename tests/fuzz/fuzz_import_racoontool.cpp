// libFuzzer: racoon-tool.conf, a file of racoon-tool.conf.d and psk.txt (the input split at its
// NUL bytes, in that order) imported through a MemorySource. It must not crash, hang or read
// outside its input (ASan, UBSan); every note must point at a line that is there, and no note may
// show a key of psk.txt.

#include "FuzzImport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace ipsecwiz;
    const QList<QByteArray> parts = fuzzimport::split(data, size, 3);
    const MemorySource source({{QStringLiteral("racoon/racoon-tool.conf"), parts.value(0)},
                               {QStringLiteral("racoon/racoon-tool.conf.d/a.conf"), parts.value(1)},
                               {QStringLiteral("racoon/psk.txt"), parts.value(2)}});
    const auto r = Import::racoonTool(source, ImportOptions{});
    // psk.txt's keys are keys only when the configuration does not point elsewhere for them.
    const bool defaultPsk = !parts.value(0).contains("pre_shared_key") && !parts.value(1).contains("pre_shared_key");
    if (r)
        fuzzimport::check(r.value(), source, defaultPsk ? parts.value(2) : QByteArray());
    return 0;
}
