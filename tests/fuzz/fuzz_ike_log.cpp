// libFuzzer: two charon logs (the input split at its first NUL: gateway A's, then B's) parsed and
// decoded into causes. It must not crash, hang or read outside its input (ASan, UBSan), and no
// finding may carry key material unmasked: no run of 32 or more hex digits of the input reaches a
// cause, a fix or a line of evidence, however the lines were crafted. The two logs side by side
// (IkeLog::align) hold every event once, each side in its order, and no row is empty. A's log
// held against a peer's settings sheet (PeerCheck, the peer someone else runs) obeys the same.

#include "IkeLog.h"
#include "PeerCheck.h"

#include <QByteArray>
#include <QRegularExpression>

#include <cstdint>
#include <cstdlib>

using namespace ipsecwiz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const qsizetype split = input.indexOf('\0');
    const QByteArray a = split < 0 ? input : input.left(split);
    const QByteArray b = split < 0 ? QByteArray() : input.mid(split + 1);
    const QList<IkeLogEvent> ea = IkeLog::parse(a);
    const QList<IkeLogEvent> eb = IkeLog::parse(b);
    QList<IkeDiagnosis> found = IkeDiagnose::diagnose(ea, eb, split >= 0);
    static const PeerSheet sheet = [] {
        PeerSheet s;
        s.peer = QStringLiteral("peer");
        s.identity = QStringLiteral("198.51.100.2");
        s.ourIdentity = QStringLiteral("198.51.100.1");
        s.networks = {QStringLiteral("10.2.0.0/24")};
        s.ourNetworks = {QStringLiteral("10.1.0.0/24")};
        s.ikeEncryption = s.espEncryption = QStringLiteral("aes256gcm16");
        s.ikeIntegrity = s.espIntegrity = QStringLiteral("none");
        s.ikePrf = QStringLiteral("sha256");
        s.ikeDh = s.espPfs = QStringLiteral("curve25519");
        return s;
    }();
    found += PeerCheck::compare(ea, sheet, QStringLiteral("A"));
    int nextA = 0, nextB = 0;
    for (const IkeLog::AlignedRow& r : IkeLog::align(ea, eb)) {
        if ((r.a < 0 && r.b < 0) || (r.a >= 0 && r.a != nextA) || (r.b >= 0 && r.b != nextB))
            std::abort(); // an empty row, or an event missing, twice or out of order
        nextA += r.a >= 0 ? 1 : 0;
        nextB += r.b >= 0 ? 1 : 0;
    }
    if (nextA != ea.size() || nextB != eb.size())
        std::abort();
    static const QRegularExpression hex(QStringLiteral("[0-9a-fA-F]{32,}"));
    for (const IkeDiagnosis& d : found) {
        QStringList texts = d.evidence;
        texts << d.cause << d.fix << d.field;
        for (const QString& t : texts)
            if (t.contains(hex))
                std::abort(); // key material in a finding
    }
    for (const QByteArray& line : input.split('\n'))
        if (IkeLog::masked(QString::fromUtf8(line)).contains(hex))
            std::abort();
    return 0;
}
