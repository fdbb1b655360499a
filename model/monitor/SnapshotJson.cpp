#include "SnapshotJson.h"

#include "JsonWriter.h"
#include "TunnelCorrelation.h"

#include <QJsonArray>

#include <array>

namespace ipsecwiz::SnapshotJson {

namespace {

template<typename T>
void putOptional(QJsonObject& o, const QString& key, const std::optional<T>& v)
{
    if (v)
        o.insert(key, double(*v));
}

QString keyText(const SecretKey& k, bool reveal)
{
    if (k.isEmpty())
        return {};
    return reveal ? QString::fromLatin1(k.hex) : k.masked();
}

} // namespace

QJsonObject toJson(const Snapshot& s, bool revealKeys)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), formatName(s.format));
    QJsonArray sas;
    for (const SecurityAssociation& sa : s.sas) {
        QJsonObject o;
        o.insert(QStringLiteral("src"), sa.src);
        o.insert(QStringLiteral("dst"), sa.dst);
        putOptional(o, QStringLiteral("srcPort"), sa.srcPort);
        putOptional(o, QStringLiteral("dstPort"), sa.dstPort);
        o.insert(QStringLiteral("proto"), sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText);
        o.insert(QStringLiteral("mode"), sa.mode);
        if (sa.hasSpi) {
            o.insert(QStringLiteral("spi"), sa.spiHex());
            o.insert(QStringLiteral("spiDecimal"), double(sa.spi));
        }
        putOptional(o, QStringLiteral("reqid"), sa.reqid);
        o.insert(QStringLiteral("state"), sa.stateText.isEmpty() ? stateName(sa.state) : sa.stateText);
        o.insert(QStringLiteral("enc"), sa.encAlg);
        o.insert(QStringLiteral("auth"), sa.authAlg);
        if (!sa.encKey.isEmpty())
            o.insert(QStringLiteral("encKey"), keyText(sa.encKey, revealKeys));
        if (!sa.authKey.isEmpty())
            o.insert(QStringLiteral("authKey"), keyText(sa.authKey, revealKeys));
        putOptional(o, QStringLiteral("bytes"), sa.bytes);
        putOptional(o, QStringLiteral("packets"), sa.packets);
        putOptional(o, QStringLiteral("seq"), sa.seq);
        putOptional(o, QStringLiteral("replay"), sa.replay);
        putOptional(o, QStringLiteral("pid"), sa.pid);
        sas.append(o);
    }
    root.insert(QStringLiteral("sas"), sas);
    QJsonArray sps;
    for (const SecurityPolicy& sp : s.policies) {
        QJsonObject o;
        o.insert(QStringLiteral("src"), sp.src);
        o.insert(QStringLiteral("dst"), sp.dst);
        o.insert(QStringLiteral("proto"), sp.upperProto);
        o.insert(QStringLiteral("dir"), sp.dirText.isEmpty() ? directionName(sp.dir) : sp.dirText);
        o.insert(QStringLiteral("action"), sp.actionText.isEmpty() ? actionName(sp.action) : sp.actionText);
        QJsonArray templates;
        for (const PolicyTemplate& t : sp.templates)
            templates.append(t.toString());
        o.insert(QStringLiteral("templates"), templates);
        putOptional(o, QStringLiteral("spid"), sp.spid);
        sps.append(o);
    }
    root.insert(QStringLiteral("sps"), sps);
    QJsonArray ikes;
    for (const IkeSa& ike : s.ikeSas) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), ike.name);
        putOptional(o, QStringLiteral("uniqueId"), ike.uniqueId);
        o.insert(QStringLiteral("state"), ike.state);
        o.insert(QStringLiteral("version"), ike.version);
        o.insert(QStringLiteral("local"), ike.localAddr);
        o.insert(QStringLiteral("remote"), ike.remoteAddr);
        o.insert(QStringLiteral("proposal"), ike.proposal);
        QJsonArray children;
        for (const ChildSa& c : ike.children) {
            QJsonObject j;
            j.insert(QStringLiteral("name"), c.name);
            j.insert(QStringLiteral("state"), c.state);
            j.insert(QStringLiteral("mode"), c.mode);
            j.insert(QStringLiteral("protocol"), c.protocol);
            j.insert(QStringLiteral("udpEncap"), c.udpEncap);
            if (c.spiIn)
                j.insert(QStringLiteral("spiIn"), QStringLiteral("0x%1").arg(*c.spiIn, 8, 16, QLatin1Char('0')));
            if (c.spiOut)
                j.insert(QStringLiteral("spiOut"), QStringLiteral("0x%1").arg(*c.spiOut, 8, 16, QLatin1Char('0')));
            putOptional(j, QStringLiteral("bytesIn"), c.bytesIn);
            putOptional(j, QStringLiteral("bytesOut"), c.bytesOut);
            putOptional(j, QStringLiteral("packetsIn"), c.packetsIn);
            putOptional(j, QStringLiteral("packetsOut"), c.packetsOut);
            putOptional(j, QStringLiteral("rekeySeconds"), c.rekeySeconds);
            putOptional(j, QStringLiteral("expireSeconds"), c.expireSeconds);
            j.insert(QStringLiteral("localTs"), QJsonArray::fromStringList(c.localTs));
            j.insert(QStringLiteral("remoteTs"), QJsonArray::fromStringList(c.remoteTs));
            children.append(j);
        }
        o.insert(QStringLiteral("children"), children);
        ikes.append(o);
    }
    root.insert(QStringLiteral("ikeSas"), ikes);
    root.insert(QStringLiteral("unknownLines"), QJsonArray::fromStringList(s.unknownLines));
    root.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(s.warnings));
    root.insert(QStringLiteral("truncated"), s.truncated);
    return root;
}

namespace {

// The members of each object are written in QJsonObject's (sorted) order, so the text is the one
// toJson() gives; the writer checks the order in debug builds.

template<typename T>
void writeOptional(JsonWriter& w, QLatin1StringView key, const std::optional<T>& v)
{
    if (v) {
        w.key(key);
        w.number(quint64(*v));
    }
}

// The masked text of the last key of a field; the next SA's key has the same length nearly always.
struct MaskedCache
{
    qsizetype hexSize = -1;
    QString text;
};

void writeKey(JsonWriter& w, QLatin1StringView name, const SecretKey& k, bool reveal, MaskedCache& cache)
{
    if (k.isEmpty())
        return;
    w.key(name);
    if (reveal) {
        w.string(QString::fromLatin1(k.hex));
        return;
    }
    // SecretKey::masked() depends on nothing but the length of the hex text.
    if (cache.hexSize != k.hex.size()) {
        cache.hexSize = k.hex.size();
        cache.text = k.masked();
    }
    w.string(cache.text);
}

void writeSpi(JsonWriter& w, QLatin1StringView key, quint32 spi)
{
    // "0x%1" with eight hex digits, as SecurityAssociation::spiHex() and toJson() print it.
    char16_t text[10] = {u'0', u'x'};
    for (int i = 0; i < 8; ++i) {
        const uint nibble = (spi >> (28 - 4 * i)) & 0xf;
        text[2 + i] = char16_t(nibble < 10 ? u'0' + nibble : u'a' + nibble - 10);
    }
    w.key(key);
    w.string(QStringView(text, 10));
}

void writeSa(JsonWriter& w, const SecurityAssociation& sa, bool reveal, MaskedCache (&masked)[2])
{
    w.beginObject();
    w.key(QLatin1StringView("auth")).string(sa.authAlg);
    writeKey(w, QLatin1StringView("authKey"), sa.authKey, reveal, masked[0]);
    writeOptional(w, QLatin1StringView("bytes"), sa.bytes);
    w.key(QLatin1StringView("dst")).string(sa.dst);
    writeOptional(w, QLatin1StringView("dstPort"), sa.dstPort);
    w.key(QLatin1StringView("enc")).string(sa.encAlg);
    writeKey(w, QLatin1StringView("encKey"), sa.encKey, reveal, masked[1]);
    w.key(QLatin1StringView("mode")).string(sa.mode);
    writeOptional(w, QLatin1StringView("packets"), sa.packets);
    writeOptional(w, QLatin1StringView("pid"), sa.pid);
    w.key(QLatin1StringView("proto")).string(sa.protoText.isEmpty() ? protocolName(sa.proto) : sa.protoText);
    writeOptional(w, QLatin1StringView("replay"), sa.replay);
    writeOptional(w, QLatin1StringView("reqid"), sa.reqid);
    writeOptional(w, QLatin1StringView("seq"), sa.seq);
    if (sa.hasSpi) {
        writeSpi(w, QLatin1StringView("spi"), sa.spi);
        w.key(QLatin1StringView("spiDecimal")).number(quint64(sa.spi));
    }
    w.key(QLatin1StringView("src")).string(sa.src);
    writeOptional(w, QLatin1StringView("srcPort"), sa.srcPort);
    w.key(QLatin1StringView("state")).string(sa.stateText.isEmpty() ? stateName(sa.state) : sa.stateText);
    w.endObject();
}

void writeSp(JsonWriter& w, const SecurityPolicy& sp)
{
    w.beginObject();
    w.key(QLatin1StringView("action")).string(sp.actionText.isEmpty() ? actionName(sp.action) : sp.actionText);
    w.key(QLatin1StringView("dir")).string(sp.dirText.isEmpty() ? directionName(sp.dir) : sp.dirText);
    w.key(QLatin1StringView("dst")).string(sp.dst);
    w.key(QLatin1StringView("proto")).string(sp.upperProto);
    writeOptional(w, QLatin1StringView("spid"), sp.spid);
    w.key(QLatin1StringView("src")).string(sp.src);
    w.key(QLatin1StringView("templates"));
    w.beginArray();
    for (const PolicyTemplate& t : sp.templates)
        w.string(t.toString());
    w.endArray();
    w.endObject();
}

void writeChild(JsonWriter& w, const ChildSa& c)
{
    w.beginObject();
    writeOptional(w, QLatin1StringView("bytesIn"), c.bytesIn);
    writeOptional(w, QLatin1StringView("bytesOut"), c.bytesOut);
    writeOptional(w, QLatin1StringView("expireSeconds"), c.expireSeconds);
    w.key(QLatin1StringView("localTs")).strings(c.localTs);
    w.key(QLatin1StringView("mode")).string(c.mode);
    w.key(QLatin1StringView("name")).string(c.name);
    writeOptional(w, QLatin1StringView("packetsIn"), c.packetsIn);
    writeOptional(w, QLatin1StringView("packetsOut"), c.packetsOut);
    w.key(QLatin1StringView("protocol")).string(c.protocol);
    writeOptional(w, QLatin1StringView("rekeySeconds"), c.rekeySeconds);
    w.key(QLatin1StringView("remoteTs")).strings(c.remoteTs);
    if (c.spiIn)
        writeSpi(w, QLatin1StringView("spiIn"), *c.spiIn);
    if (c.spiOut)
        writeSpi(w, QLatin1StringView("spiOut"), *c.spiOut);
    w.key(QLatin1StringView("state")).string(c.state);
    w.key(QLatin1StringView("udpEncap")).boolean(c.udpEncap);
    w.endObject();
}

void writeIke(JsonWriter& w, const IkeSa& ike)
{
    w.beginObject();
    w.key(QLatin1StringView("children"));
    w.beginArray();
    for (const ChildSa& c : ike.children)
        writeChild(w, c);
    w.endArray();
    w.key(QLatin1StringView("local")).string(ike.localAddr);
    w.key(QLatin1StringView("name")).string(ike.name);
    w.key(QLatin1StringView("proposal")).string(ike.proposal);
    w.key(QLatin1StringView("remote")).string(ike.remoteAddr);
    w.key(QLatin1StringView("state")).string(ike.state);
    writeOptional(w, QLatin1StringView("uniqueId"), ike.uniqueId);
    w.key(QLatin1StringView("version")).number(double(ike.version));
    w.endObject();
}

} // namespace

void write(JsonWriter& w, const Snapshot& s, bool revealKeys, const QJsonObject& extra)
{
    enum Member { Format, IkeSas, Sas, Sps, Truncated, UnknownLines, Warnings };
    static constexpr std::array<QLatin1StringView, 7> Names{QLatin1StringView("format"), QLatin1StringView("ikeSas"),
                                                            QLatin1StringView("sas"), QLatin1StringView("sps"),
                                                            QLatin1StringView("truncated"), QLatin1StringView("unknownLines"),
                                                            QLatin1StringView("warnings")};
    const auto writeMember = [&](Member m) {
        w.key(Names[m]);
        switch (m) {
        case Format:
            w.string(formatName(s.format));
            break;
        case IkeSas:
            w.beginArray();
            for (const IkeSa& ike : s.ikeSas)
                writeIke(w, ike);
            w.endArray();
            break;
        case Sas: {
            MaskedCache masked[2];
            w.beginArray();
            for (const SecurityAssociation& sa : s.sas)
                writeSa(w, sa, revealKeys, masked);
            w.endArray();
            break;
        }
        case Sps:
            w.beginArray();
            for (const SecurityPolicy& sp : s.policies)
                writeSp(w, sp);
            w.endArray();
            break;
        case Truncated:
            w.boolean(s.truncated);
            break;
        case UnknownLines:
            w.strings(s.unknownLines);
            break;
        case Warnings:
            w.strings(s.warnings);
            break;
        }
    };

    w.beginObject();
    // Merge the caller's members in by name; one of the same name replaces the snapshot's, as a
    // later QJsonObject::insert would.
    auto e = extra.begin();
    for (int m = Format; m <= Warnings; ++m) {
        for (; e != extra.end() && e.key().compare(Names[m]) < 0; ++e) {
            w.key(QLatin1StringView(e.key().toLatin1()));
            w.value(e.value());
        }
        if (e != extra.end() && e.key() == Names[m]) {
            w.key(Names[m]);
            w.value(e.value());
            ++e;
            continue;
        }
        writeMember(Member(m));
    }
    for (; e != extra.end(); ++e) {
        w.key(QLatin1StringView(e.key().toLatin1()));
        w.value(e.value());
    }
    w.endObject();
}

void writePoll(JsonWriter& w, const QString& time, const std::array<const Snapshot*, 2>& gateways,
               const std::array<QJsonObject, 2>& extras, const Correlation* correlation)
{
    w.beginObject();
    if (correlation) {
        w.key(QLatin1StringView("correlation"));
        write(w, *correlation);
    }
    if (gateways[0]) {
        w.key(QLatin1StringView("gatewayA"));
        write(w, *gateways[0], false, extras[0]);
    }
    if (gateways[1]) {
        w.key(QLatin1StringView("gatewayB"));
        write(w, *gateways[1], false, extras[1]);
    }
    w.key(QLatin1StringView("time")).string(time);
    w.endObject();
}

} // namespace ipsecwiz::SnapshotJson
