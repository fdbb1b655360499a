#pragma once

// The text summary of a `setkey -D` dump (`ipsec-wizard parse FILE`) without Qt, for the
// launcher: the header line and one line an SA, byte for byte what the whole program prints
// through SetkeyParser and SnapshotExport::text.
//
// It vouches only for input it reads the same way those do: the SA dump as setkey prints it
// (each SA's lines complete, ASCII, no policies, no line the parser would report or warn about).
// At the first thing it is not sure of it says no, and the launcher hands the command to the
// whole program, which has the last word on everything else. Plain C++ on purpose: the launcher
// links nothing but the C++ runtime, and the unit test and the fuzzer compile this same file.

#include <cstddef>
#include <string>
#include <string_view>

namespace ipsecwiz::SetkeySummary {

// Past this the whole program refuses the file (MonitorSession::MaxOutputBytes).
inline constexpr std::size_t MaxInputBytes = 32 * 1024 * 1024;

// What `ipsec-wizard parse` prints: the counts first, though they are known only at the end.
struct Summary
{
    std::string header; // "setkey: 2 SAs, 0 policies, 0 IKE SAs\n"
    std::string lines; // "  SA  192.0.2.1 -> 192.0.2.2 esp spi 0x0b1ef479 mature aes-cbc 3008 bytes\n" …
};

// True, with OUT set to what `ipsec-wizard parse [--format auto|setkey] FILE` prints for TEXT
// (the whole file); false when this scanner cannot say so (OUT is then meaningless).
[[nodiscard]] bool summary(std::string_view text, Summary& out);

} // namespace ipsecwiz::SetkeySummary
