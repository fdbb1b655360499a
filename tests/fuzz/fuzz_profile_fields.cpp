// libFuzzer: every text field of a profile gets arbitrary bytes (NUL, newlines, quotes, shell
// metacharacters, look-alike Unicode…). Validation must not crash and must refuse anything the
// generated files could not carry: if it accepts, every generated file must be free of control
// characters and the name must appear only in its safe form.

#include "Generator.h"
#include "TunnelProfile.h"
#include "Validation.h"

#include <QFile>

#include <cstdint>
#include <cstdlib>

using namespace ipsecwiz;

namespace {

TunnelProfile base()
{
    static const TunnelProfile p = [] {
        QFile f(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE));
        if (!f.open(QIODevice::ReadOnly))
            std::abort();
        return ProfileJson::fromJson(f.readAll()).value();
    }();
    return p;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte picks the field, the rest is its new value.
    const int which = data[0] % 20;
    const QByteArray raw(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    const QString text = QString::fromUtf8(raw);
    TunnelProfile p = base();
    QByteArray psk = QByteArrayLiteral("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    switch (which) {
    case 0: p.name = text; break;
    case 1: p.networkA = text; break;
    case 2: p.networkB = text; break;
    case 3: p.gatewayA.publicAddress = text; break;
    case 4: p.gatewayB.publicAddress = text; break;
    case 5: p.gatewayA.internalAddress = text; break;
    case 6: p.gatewayB.internalAddress = text; break;
    case 7: p.gatewayA.defaultRouter = text; break;
    case 8: p.gatewayB.defaultRouter = text; break;
    case 9: p.gatewayA.identity = text; break;
    case 10: p.gatewayB.identity = text; break;
    case 11: p.gatewayA.ssh.host = text; break;
    case 12: p.gatewayA.ssh.user = text; break;
    case 13: p.ike.encryption = text; break;
    case 14: p.ike.integrity = text; break;
    case 15: p.ike.dhGroup = text; break;
    case 16: p.esp.encryption = text; break;
    case 17: p.esp.pfsGroup = text; break;
    case 18: psk = raw; break;
    case 19: p.ike.prf = text; break;
    }
    p.psk = psk;
    const QList<Finding> findings = validate(p);
    for (const Finding& f : findings)
        if (f.field.isEmpty() || f.message.isEmpty())
            std::abort(); // every finding names its field and says what is wrong
    if (hasErrors(findings))
        return 0;
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(p, side, psk);
        if (!cfg)
            std::abort();
        for (const GeneratedFile& f : cfg.value().files)
            for (char c : f.content)
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
                    std::abort(); // a control character slipped through validation into a config file
    }
    return 0;
}
