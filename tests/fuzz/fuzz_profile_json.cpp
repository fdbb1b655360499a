// libFuzzer: profile files are user input. Loading must never crash, and whatever loads and
// validates without errors must generate both gateways' files and a bundle (version 1), or be
// written and read back the same (version 2).

#include "ConfigBundle.h"
#include "Generator.h"
#include "NetworkProfile.h"
#include "TunnelProfile.h"
#include "Validation.h"

#include <cstdint>
#include <cstdlib>

using namespace ipsecwiz;

// Version 2: a network loads or is refused, validates without crashing, and a valid one is
// written and read back the same.
void network(const QByteArray& json)
{
    auto n = NetworkJson::fromJson(json);
    if (!n)
        return;
    if (hasErrors(Network::validate(n.value())))
        return;
    auto again = NetworkJson::fromJson(NetworkJson::toJson(n.value(), PskInFile::Include));
    if (!again || !(again.value() == n.value()))
        std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    network(json);
    auto profile = ProfileJson::fromJson(json);
    if (!profile)
        return 0;
    const QByteArray psk = profile.value().psk.value_or(QByteArrayLiteral("0x00112233445566778899aabbccddeeff"));
    TunnelProfile p = profile.value();
    p.psk = psk;
    if (hasErrors(validate(p)))
        return 0;
    for (Side side : {Side::A, Side::B})
        if (!Generate::side(p, side, psk).ok())
            std::abort(); // valid profiles must always generate
    if (!ConfigBundle::build(p, psk, {}).ok())
        std::abort();
    // Round trip: what we write, we read back the same.
    auto again = ProfileJson::fromJson(ProfileJson::toJson(p, PskInFile::Include));
    if (!again || !(again.value() == p))
        std::abort();
    return 0;
}
