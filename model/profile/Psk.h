#pragma once

// Pre-shared keys from the operating system's CSPRNG, written the way racoon's psk.txt and
// swanctl's secrets both read them: "0x" followed by hex digits.

#include "Result.h"

#include <QByteArray>

namespace ipsecwiz::Psk {

constexpr int DefaultBytes = 32; // 256 bits; the seed used 20 (dd if=/dev/random count=20 bs=1 | xxd -ps)
constexpr int MinBytes = 16;
constexpr int MaxBytes = 128;

// "0x" + 2*bytes lowercase hex digits. Fails only for a byte count outside MinBytes..MaxBytes.
Result<QByteArray> generate(int bytes = DefaultBytes);

// Overwrites the bytes before release; Qt may have made copies we cannot reach, so callers keep
// the key in as few QByteArrays as they can.
void wipe(QByteArray& secret);

} // namespace ipsecwiz::Psk
