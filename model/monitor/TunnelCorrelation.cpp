#include "TunnelCorrelation.h"

#include "JsonWriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::TunnelCorrelation", text);
}

QString normalisedProto(QString p)
{
    p = p.toLower();
    if (p == QLatin1String("esp-udp") || p == QLatin1String("espinudp"))
        return QStringLiteral("esp");
    if (p == QLatin1String("comp"))
        return QStringLiteral("ipcomp");
    return p;
}

QJsonObject flowJson(const FlowSa& f)
{
    QJsonObject o;
    o.insert(QStringLiteral("src"), f.src);
    o.insert(QStringLiteral("dst"), f.dst);
    o.insert(QStringLiteral("proto"), f.proto);
    o.insert(QStringLiteral("spi"), QStringLiteral("0x%1").arg(f.spi, 8, 16, QLatin1Char('0')));
    if (f.bytes)
        o.insert(QStringLiteral("bytes"), double(*f.bytes));
    if (f.packets)
        o.insert(QStringLiteral("packets"), double(*f.packets));
    o.insert(QStringLiteral("mature"), f.mature);
    return o;
}

} // namespace

QString tunnelStateName(TunnelState state)
{
    switch (state) {
    case TunnelState::Unknown: return QStringLiteral("unknown");
    case TunnelState::Down: return QStringLiteral("down");
    case TunnelState::Partial: return QStringLiteral("partial");
    case TunnelState::Up: return QStringLiteral("up");
    }
    return {};
}

QString FlowSa::key() const
{
    return QStringLiteral("%1/%2->%3/%4").arg(proto, src, dst).arg(spi, 8, 16, QLatin1Char('0'));
}

QList<FlowSa> flowsOf(const Snapshot& s)
{
    QList<FlowSa> flows;
    for (const SecurityAssociation& sa : s.sas) {
        if (!sa.hasSpi)
            continue;
        FlowSa f;
        f.src = sa.src;
        f.dst = sa.dst;
        f.proto = normalisedProto(sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText);
        f.spi = sa.spi;
        f.bytes = sa.bytes;
        f.packets = sa.packets;
        f.mature = sa.state == SaState::Mature || sa.state == SaState::Installed || sa.state == SaState::Unknown;
        flows.append(f);
    }
    for (const IkeSa& ike : s.ikeSas) {
        for (const ChildSa& child : ike.children) {
            const bool installed = child.state.compare(QLatin1String("INSTALLED"), Qt::CaseInsensitive) == 0;
            const QString proto = normalisedProto(child.protocol.isEmpty() ? QStringLiteral("esp") : child.protocol);
            if (child.spiOut)
                flows.append(FlowSa{ike.localAddr, ike.remoteAddr, proto, *child.spiOut, child.bytesOut, child.packetsOut, installed});
            if (child.spiIn)
                flows.append(FlowSa{ike.remoteAddr, ike.localAddr, proto, *child.spiIn, child.bytesIn, child.packetsIn, installed});
        }
    }
    return flows;
}

Correlation correlate(const Snapshot& a, const Snapshot& b, const QString& addressA, const QString& addressB, const Correlation* previous)
{
    Correlation c;
    const QList<FlowSa> fa = flowsOf(a);
    const QList<FlowSa> fb = flowsOf(b);
    QHash<QString, FlowSa> onB;
    for (const FlowSa& f : fb)
        onB.insert(f.key(), f);
    QSet<QString> paired;
    for (const FlowSa& f : fa) {
        const auto twin = onB.constFind(f.key());
        if (twin == onB.constEnd()) {
            c.onlyOnA.append(f);
            continue;
        }
        paired.insert(f.key());
        // Outer addresses may be written differently (a NAT in between): either end decides.
        c.pairs.append(SaPair{f, *twin, f.src == addressA || (f.dst == addressB && f.src != addressB)});
    }
    for (const FlowSa& f : fb)
        if (!paired.contains(f.key()))
            c.onlyOnB.append(f);

    bool upAB = false, upBA = false;
    for (const SaPair& p : c.pairs) {
        if (!p.onA.mature || !p.onB.mature)
            continue;
        const FlowSa& sender = p.aToB ? p.onA : p.onB;
        std::optional<quint64>& total = p.aToB ? c.bytesAToB : c.bytesBToA;
        if (sender.bytes)
            total = total.value_or(0) + *sender.bytes;
        (p.aToB ? upAB : upBA) = true;
    }
    const bool anything = !fa.isEmpty() || !fb.isEmpty();
    c.state = upAB && upBA ? TunnelState::Up : anything ? TunnelState::Partial : TunnelState::Down;

    for (const FlowSa& f : c.onlyOnA)
        c.findings << tr("half-up: gateway A has %1 SA %2 → %3 (SPI 0x%4) with no twin on gateway B")
                          .arg(f.proto, f.src, f.dst)
                          .arg(f.spi, 8, 16, QLatin1Char('0'));
    for (const FlowSa& f : c.onlyOnB)
        c.findings << tr("half-up: gateway B has %1 SA %2 → %3 (SPI 0x%4) with no twin on gateway A")
                          .arg(f.proto, f.src, f.dst)
                          .arg(f.spi, 8, 16, QLatin1Char('0'));
    // Several SAs for one direction on one gateway: all but the newest are rekey leftovers.
    for (const auto& [flows, gw] : {std::pair{&fa, QStringLiteral("A")}, std::pair{&fb, QStringLiteral("B")}}) {
        QHash<QString, int> perDirection;
        for (const FlowSa& f : *flows)
            ++perDirection[f.proto + QLatin1Char('/') + f.src + QStringLiteral("->") + f.dst];
        for (auto it = perDirection.cbegin(); it != perDirection.cend(); ++it)
            if (it.value() > 1)
                c.findings << tr("gateway %1 holds %2 SAs for %3: the older ones are left over from a rekey").arg(gw).arg(it.value()).arg(it.key());
    }
    // Counters: traffic that leaves the sender but does not arrive.
    if (previous) {
        QHash<QString, SaPair> before;
        for (const SaPair& p : previous->pairs)
            before.insert(p.onA.key(), p);
        for (const SaPair& p : c.pairs) {
            const auto old = before.constFind(p.onA.key());
            if (old == before.constEnd())
                continue;
            const FlowSa& sender = p.aToB ? p.onA : p.onB;
            const FlowSa& receiver = p.aToB ? p.onB : p.onA;
            const FlowSa& oldSender = p.aToB ? old->onA : old->onB;
            const FlowSa& oldReceiver = p.aToB ? old->onB : old->onA;
            if (!sender.bytes || !receiver.bytes || !oldSender.bytes || !oldReceiver.bytes)
                continue;
            if (*sender.bytes > *oldSender.bytes && *receiver.bytes == *oldReceiver.bytes)
                c.findings << tr("one-sided counters: %1 → %2 (SPI 0x%3) rose by %4 bytes on the sender but not on the receiver")
                                  .arg(sender.src, sender.dst)
                                  .arg(sender.spi, 8, 16, QLatin1Char('0'))
                                  .arg(*sender.bytes - *oldSender.bytes);
        }
    }
    return c;
}

QJsonObject toJson(const Correlation& c)
{
    QJsonObject o;
    o.insert(QStringLiteral("state"), tunnelStateName(c.state));
    QJsonArray pairs;
    for (const SaPair& p : c.pairs) {
        QJsonObject j;
        j.insert(QStringLiteral("direction"), p.aToB ? QStringLiteral("a-to-b") : QStringLiteral("b-to-a"));
        j.insert(QStringLiteral("a"), flowJson(p.onA));
        j.insert(QStringLiteral("b"), flowJson(p.onB));
        pairs.append(j);
    }
    o.insert(QStringLiteral("pairs"), pairs);
    QJsonArray onlyA, onlyB;
    for (const FlowSa& f : c.onlyOnA)
        onlyA.append(flowJson(f));
    for (const FlowSa& f : c.onlyOnB)
        onlyB.append(flowJson(f));
    o.insert(QStringLiteral("onlyOnA"), onlyA);
    o.insert(QStringLiteral("onlyOnB"), onlyB);
    o.insert(QStringLiteral("findings"), QJsonArray::fromStringList(c.findings));
    if (c.bytesAToB)
        o.insert(QStringLiteral("bytesAToB"), double(*c.bytesAToB));
    if (c.bytesBToA)
        o.insert(QStringLiteral("bytesBToA"), double(*c.bytesBToA));
    return o;
}

namespace {

// Members in QJsonObject's (sorted) order, so the text is what toJson() gives.
void writeFlow(JsonWriter& w, const FlowSa& f)
{
    w.beginObject();
    if (f.bytes)
        w.key(QLatin1StringView("bytes")).number(*f.bytes);
    w.key(QLatin1StringView("dst")).string(f.dst);
    w.key(QLatin1StringView("mature")).boolean(f.mature);
    if (f.packets)
        w.key(QLatin1StringView("packets")).number(*f.packets);
    w.key(QLatin1StringView("proto")).string(f.proto);
    w.key(QLatin1StringView("spi")).string(QStringLiteral("0x%1").arg(f.spi, 8, 16, QLatin1Char('0')));
    w.key(QLatin1StringView("src")).string(f.src);
    w.endObject();
}

void writeFlows(JsonWriter& w, const QList<FlowSa>& flows)
{
    w.beginArray();
    for (const FlowSa& f : flows)
        writeFlow(w, f);
    w.endArray();
}

} // namespace

void write(JsonWriter& w, const Correlation& c)
{
    w.beginObject();
    if (c.bytesAToB)
        w.key(QLatin1StringView("bytesAToB")).number(*c.bytesAToB);
    if (c.bytesBToA)
        w.key(QLatin1StringView("bytesBToA")).number(*c.bytesBToA);
    w.key(QLatin1StringView("findings")).strings(c.findings);
    w.key(QLatin1StringView("onlyOnA"));
    writeFlows(w, c.onlyOnA);
    w.key(QLatin1StringView("onlyOnB"));
    writeFlows(w, c.onlyOnB);
    w.key(QLatin1StringView("pairs"));
    w.beginArray();
    for (const SaPair& p : c.pairs) {
        w.beginObject();
        w.key(QLatin1StringView("a"));
        writeFlow(w, p.onA);
        w.key(QLatin1StringView("b"));
        writeFlow(w, p.onB);
        w.key(QLatin1StringView("direction")).string(p.aToB ? QStringLiteral("a-to-b") : QStringLiteral("b-to-a"));
        w.endObject();
    }
    w.endArray();
    w.key(QLatin1StringView("state")).string(tunnelStateName(c.state));
    w.endObject();
}

} // namespace ipsecwiz
