#include "SnapshotJson.h"

#include <QJsonArray>

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

} // namespace ipsecwiz::SnapshotJson
