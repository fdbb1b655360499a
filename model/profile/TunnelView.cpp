#include "TunnelView.h"

#include "Validation.h"

#include <QCoreApplication>

namespace ipsecwiz {

QString TunnelView::localGatewayName() const
{
    return side == Side::A ? QStringLiteral("gateway A") : QStringLiteral("gateway B");
}

QString TunnelView::remoteGatewayName() const
{
    return side == Side::A ? QStringLiteral("gateway B") : QStringLiteral("gateway A");
}

Result<TunnelView> TunnelView::make(const TunnelProfile& p, Side side, const QByteArray& psk)
{
    TunnelProfile withKey = p;
    withKey.psk = psk;
    for (const Finding& f : validate(withKey))
        if (f.severity == Severity::Error)
            return Error{f.field, f.message};

    const Side other = otherSide(side);
    const Gateway& local = p.gateway(side);
    const Gateway& remote = p.gateway(other);
    TunnelView v;
    v.name = p.name;
    v.side = side;
    // validate() has parsed all of these; value() cannot fail here.
    v.localNet = Cidr::parse(p.network(side)).value().network();
    v.remoteNet = Cidr::parse(p.network(other)).value().network();
    const Cidr localPublic = Cidr::parse(local.publicAddress, true).value();
    v.localPublic = localPublic.address();
    v.remotePublic = Cidr::parse(remote.publicAddress, true).value().address();
    v.localInternal = parseHostAddress(local.internalAddress).value();
    const bool direct = localPublic.prefix() < localPublic.maxPrefix() && localPublic.contains(v.remotePublic);
    v.viaRouter = !direct;
    // No router given on another subnet: null, and routes.sh finds the next hop on the gateway.
    v.nextHop = direct ? v.remotePublic
                       : local.defaultRouter.trimmed().isEmpty() ? QHostAddress() : parseHostAddress(local.defaultRouter).value();
    v.localFlavour = local.flavour;
    v.remoteFlavour = remote.flavour;
    v.localId = local.identity.isEmpty() ? v.localPublic.toString() : local.identity;
    v.remoteId = remote.identity.isEmpty() ? v.remotePublic.toString() : remote.identity;
    v.ike = p.ike;
    v.esp = p.esp;
    v.psk = psk;
    return v;
}

} // namespace ipsecwiz
