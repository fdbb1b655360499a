#include "SecuritySnapshot.h"

namespace ipsecwiz {

QString SecretKey::masked() const
{
    if (hex.isEmpty())
        return {};
    // Eight dots per 32 bits, as setkey groups them; the length says "128-bit key", not the key.
    const qsizetype groups = (hex.size() + 7) / 8;
    QString out;
    out.reserve(groups * 9);
    for (qsizetype i = 0; i < groups; ++i) {
        if (i)
            out += QLatin1Char(' ');
        out += QStringLiteral("\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022");
    }
    return out;
}

QString SecurityAssociation::spiHex() const
{
    return hasSpi ? QStringLiteral("0x%1").arg(spi, 8, 16, QLatin1Char('0')) : QString();
}

QString SecurityAssociation::spiDecimal() const
{
    return hasSpi ? QString::number(spi) : QString();
}

QString SecurityAssociation::key() const
{
    // esp-udp and esp are one SA family for pairing purposes, but the kernel keeps them apart by
    // the protocol it prints, so the key does too.
    return protoText + QLatin1Char('|') + src + QLatin1Char('|') + dst + QLatin1Char('|') + (hasSpi ? spiHex() : QStringLiteral("?"));
}

QString PolicyTemplate::toString() const
{
    QString s = proto + QLatin1Char('/') + mode + QLatin1Char('/');
    if (!src.isEmpty() || !dst.isEmpty())
        s += src + QLatin1Char('-') + dst;
    s += QLatin1Char('/') + level;
    if (reqid)
        s += QLatin1Char(':') + QString::number(*reqid);
    return s;
}

QString SecurityPolicy::key() const
{
    auto withPort = [](const QString& addr, const std::optional<quint16>& port) {
        return port ? addr + QLatin1Char('[') + QString::number(*port) + QLatin1Char(']') : addr + QStringLiteral("[any]");
    };
    QString k = withPort(src, srcPort) + QLatin1Char(' ') + withPort(dst, dstPort) + QLatin1Char(' ') + upperProto;
    if (!upperProtoDetail.isEmpty())
        k += QLatin1Char(' ') + upperProtoDetail;
    k += QLatin1Char('|') + (dirText.isEmpty() ? directionName(dir) : dirText);
    if (!ptype.isEmpty() && ptype != QLatin1String("main"))
        k += QLatin1Char('|') + ptype;
    if (perSocket)
        k += QStringLiteral("|socket#") + (spid ? QString::number(*spid) : QString::number(firstLine));
    return k;
}

QString IkeSa::key() const
{
    return name + QLatin1Char('#') + (uniqueId ? QString::number(*uniqueId) : QString::number(firstLine));
}

QString formatName(SnapshotFormat format)
{
    switch (format) {
    case SnapshotFormat::Auto:
        return QStringLiteral("auto");
    case SnapshotFormat::SetkeySad:
        return QStringLiteral("setkey");
    case SnapshotFormat::SetkeySpd:
        return QStringLiteral("setkey-spd");
    case SnapshotFormat::XfrmState:
        return QStringLiteral("xfrm-state");
    case SnapshotFormat::XfrmPolicy:
        return QStringLiteral("xfrm-policy");
    case SnapshotFormat::Swanctl:
        return QStringLiteral("swanctl");
    }
    return {};
}

std::optional<SnapshotFormat> formatFromName(QStringView name)
{
    for (auto f : { SnapshotFormat::Auto, SnapshotFormat::SetkeySad, SnapshotFormat::SetkeySpd, SnapshotFormat::XfrmState,
             SnapshotFormat::XfrmPolicy, SnapshotFormat::Swanctl }) {
        if (name == formatName(f))
            return f;
    }
    return std::nullopt;
}

QString protocolName(SaProtocol proto)
{
    switch (proto) {
    case SaProtocol::Unknown:
        return QStringLiteral("unknown");
    case SaProtocol::Esp:
        return QStringLiteral("esp");
    case SaProtocol::Ah:
        return QStringLiteral("ah");
    case SaProtocol::IpComp:
        return QStringLiteral("ipcomp");
    case SaProtocol::EspUdp:
        return QStringLiteral("esp-udp");
    case SaProtocol::Tcp:
        return QStringLiteral("tcp");
    case SaProtocol::Route2:
        return QStringLiteral("route2");
    case SaProtocol::Hao:
        return QStringLiteral("hao");
    }
    return {};
}

QString stateName(SaState state)
{
    switch (state) {
    case SaState::Unknown:
        return QStringLiteral("unknown");
    case SaState::Larval:
        return QStringLiteral("larval");
    case SaState::Mature:
        return QStringLiteral("mature");
    case SaState::Dying:
        return QStringLiteral("dying");
    case SaState::Dead:
        return QStringLiteral("dead");
    case SaState::Installed:
        return QStringLiteral("installed");
    case SaState::Other:
        return QStringLiteral("other");
    }
    return {};
}

QString directionName(PolicyDirection dir)
{
    switch (dir) {
    case PolicyDirection::Unknown:
        return QStringLiteral("unknown");
    case PolicyDirection::In:
        return QStringLiteral("in");
    case PolicyDirection::Out:
        return QStringLiteral("out");
    case PolicyDirection::Fwd:
        return QStringLiteral("fwd");
    case PolicyDirection::Any:
        return QStringLiteral("any");
    case PolicyDirection::InSocket:
        return QStringLiteral("in(socket)");
    case PolicyDirection::OutSocket:
        return QStringLiteral("out(socket)");
    }
    return {};
}

QString actionName(PolicyAction action)
{
    switch (action) {
    case PolicyAction::Unknown:
        return QStringLiteral("unknown");
    case PolicyAction::Ipsec:
        return QStringLiteral("ipsec");
    case PolicyAction::None:
        return QStringLiteral("none");
    case PolicyAction::Discard:
        return QStringLiteral("discard");
    case PolicyAction::Entrust:
        return QStringLiteral("entrust");
    case PolicyAction::Bypass:
        return QStringLiteral("bypass");
    case PolicyAction::Allow:
        return QStringLiteral("allow");
    case PolicyAction::Block:
        return QStringLiteral("block");
    }
    return {};
}

} // namespace ipsecwiz
