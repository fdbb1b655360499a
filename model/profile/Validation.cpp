#include "Validation.h"

#include "Algorithms.h"
#include "Cidr.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Validation", text);
}

QString gatewayName(Side side)
{
    return side == Side::A ? tr("gateway A") : tr("gateway B");
}

QString networkName(Side side)
{
    return side == Side::A ? tr("network A") : tr("network B");
}

QString field(Side side, const char* leaf)
{
    return sideKey(side) + QLatin1Char('.') + QLatin1String(leaf);
}

class Checker
{
public:
    explicit Checker(const TunnelProfile& p) : m_p(p) {}

    QList<Finding> run()
    {
        checkName();
        for (Side s : {Side::A, Side::B})
            m_net[int(s)] = checkNetwork(s);
        checkNetworkPair();
        for (Side s : {Side::A, Side::B})
            checkGateway(s);
        checkGatewayPair();
        checkAlgorithms();
        checkPsk();
        return m_findings;
    }

private:
    void add(Severity sev, const QString& f, const QString& message, const QString& fix = {})
    {
        m_findings.append(Finding{sev, f, message, fix});
    }
    void error(const QString& f, const QString& message, const QString& fix = {}) { add(Severity::Error, f, message, fix); }
    void warning(const QString& f, const QString& message, const QString& fix = {}) { add(Severity::Warning, f, message, fix); }

    void checkName()
    {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,32}\\z"));
        if (!re.match(m_p.name).hasMatch())
            error(QStringLiteral("name"),
                  m_p.name.isEmpty() ? tr("The connection name is empty.")
                                     : tr("The connection name “%1” may only hold letters A–Z, digits, “-” and “_”, at most 32 of them.").arg(shown(m_p.name)),
                  tr("It names files and firewall tables on the gateways, e.g. “office-to-branch”."));
    }

    std::optional<Cidr> checkNetwork(Side side)
    {
        const QString f = side == Side::A ? QStringLiteral("networkA") : QStringLiteral("networkB");
        const auto parsed = Cidr::parse(m_p.network(side));
        if (!parsed) {
            error(f, tr("%1: %2").arg(networkName(side), parsed.error().message));
            return std::nullopt;
        }
        const Cidr& net = parsed.value();
        if (net.hasHostBits()) {
            error(f, tr("%1 “%2” has host bits set; a network address ends in zero bits.").arg(networkName(side), net.toString()),
                  tr("Did you mean %1?").arg(net.network().toString()));
        }
        if (net.prefix() == 0) {
            error(f, tr("%1 “%2” is the whole internet: the tunnel would swallow the gateway's own traffic, including the SSH session that manages it.")
                         .arg(networkName(side), net.toString()),
                  tr("Give the network behind the gateway, e.g. 192.168.1.0/24."));
        }
        return net.network();
    }

    void checkNetworkPair()
    {
        const auto& a = m_net[0];
        const auto& b = m_net[1];
        if (!a || !b)
            return;
        if (a->isIPv6() != b->isIPv6()) {
            error(QStringLiteral("networkB"), tr("Network A is %1 but network B is %2; both ends of one tunnel must use the same address family.")
                                                  .arg(a->isIPv6() ? QStringLiteral("IPv6") : QStringLiteral("IPv4"),
                                                       b->isIPv6() ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
            return;
        }
        if (*a == *b)
            error(QStringLiteral("networkB"), tr("Network B is the same as network A (%1); a tunnel joins two different networks.").arg(a->toString()));
        else if (a->overlaps(*b))
            error(QStringLiteral("networkB"), tr("Network B (%1) overlaps network A (%2); hosts in the overlap could not tell local from remote.")
                                                  .arg(b->toString(), a->toString()),
                  tr("Renumber one side, or protect a smaller network."));
    }

    void checkGateway(Side side)
    {
        const Gateway& gw = m_p.gateway(side);
        const int i = int(side);
        const auto pub = Cidr::parse(gw.publicAddress, true);
        if (!pub) {
            error(field(side, "publicAddress"), tr("The public address of %1: %2").arg(gatewayName(side), pub.error().message));
        } else {
            m_public[i] = pub.value();
            for (Side ns : {Side::A, Side::B}) {
                const auto& net = m_net[int(ns)];
                if (net && net->contains(pub.value().address()))
                    error(field(side, "publicAddress"),
                          tr("The public address %1 of %2 lies inside %3 (%4), which the tunnel protects; IKE and ESP would be sent into the tunnel itself.")
                              .arg(pub.value().addressString(), gatewayName(side), networkName(ns), net->toString()),
                          tr("Give the address the gateway has on the internet side."));
            }
            if (pub.value().address().isNull() || pub.value().address() == QHostAddress::AnyIPv4 || pub.value().address() == QHostAddress::AnyIPv6)
                error(field(side, "publicAddress"), tr("%1 is not a usable public address.").arg(pub.value().addressString()));
        }

        const auto internal = parseHostAddress(gw.internalAddress);
        if (!internal) {
            error(field(side, "internalAddress"), tr("The internal address of %1: %2").arg(gatewayName(side), internal.error().message));
        } else {
            m_internal[i] = internal.value();
            const auto& net = m_net[i];
            if (net && !net->contains(internal.value()))
                error(field(side, "internalAddress"),
                      tr("The internal address %1 of %2 is outside %3 (%4); the gateway needs an address inside the network it protects.")
                          .arg(internal.value().toString(), gatewayName(side), networkName(side), net->toString()));
        }

        if (!gw.defaultRouter.trimmed().isEmpty()) {
            const auto router = parseHostAddress(gw.defaultRouter);
            if (!router)
                error(field(side, "defaultRouter"), tr("The default router of %1: %2").arg(gatewayName(side), router.error().message));
            else {
                m_router[i] = router.value();
                if (m_public[i] && m_public[i]->prefix() < m_public[i]->maxPrefix() && !m_public[i]->contains(router.value()))
                    error(field(side, "defaultRouter"),
                          tr("The default router %1 is not on the public subnet %2 of %3, so it cannot be reached directly.")
                              .arg(router.value().toString(), m_public[i]->network().toString(), gatewayName(side)));
            }
        }

        static const QRegularExpression safeId(QStringLiteral("^[A-Za-z0-9.:@_-]{1,253}\\z"));
        if (!gw.identity.isEmpty()) {
            if (!safeId.match(gw.identity).hasMatch())
                error(field(side, "identity"),
                      tr("The identity of %1 may hold only letters, digits and . : @ _ - (an address, a host name or user@host).").arg(gatewayName(side)));
            else if (isRacoon(gw.flavour) || isRacoon(m_p.gateway(otherSide(side)).flavour)) {
                if (!parseHostAddress(gw.identity))
                    error(field(side, "identity"),
                          tr("With racoon on either gateway the identity must be an address (racoon-tool identifies peers by address); “%1” is not one.").arg(shown(gw.identity)),
                          tr("Leave it empty to use the public address."));
            }
        }

        static const QRegularExpression safeHost(QStringLiteral("^[A-Za-z0-9.:_-]{1,253}\\z"));
        static const QRegularExpression safeUser(QStringLiteral("^[A-Za-z_][A-Za-z0-9._-]{0,31}\\z"));
        if (!gw.ssh.host.isEmpty() && !safeHost.match(gw.ssh.host).hasMatch())
            error(field(side, "ssh.host"), tr("The SSH host of %1 is not a host name or address.").arg(gatewayName(side)));
        if (!safeUser.match(gw.ssh.user).hasMatch())
            error(field(side, "ssh.user"), tr("The SSH user of %1 is not a valid user name.").arg(gatewayName(side)));
        if (gw.ssh.port < 1 || gw.ssh.port > 65535)
            error(field(side, "ssh.port"), tr("The SSH port of %1 must be 1 to 65535.").arg(gatewayName(side)));
    }

    void checkGatewayPair()
    {
        const auto& pa = m_public[0];
        const auto& pb = m_public[1];
        if (m_net[0] && pa && m_net[0]->isIPv6() != pa->isIPv6())
            error(field(Side::A, "publicAddress"), tr("Gateway A's public address and the protected networks use different address families; this wizard builds tunnels of one family."));
        if (m_net[1] && pb && m_net[1]->isIPv6() != pb->isIPv6())
            error(field(Side::B, "publicAddress"), tr("Gateway B's public address and the protected networks use different address families; this wizard builds tunnels of one family."));
        if (!pa || !pb)
            return;
        if (pa->isIPv6() != pb->isIPv6()) {
            error(field(Side::B, "publicAddress"), tr("Gateway A's public address is %1 but gateway B's is %2; IKE needs both of one family.")
                                                       .arg(pa->isIPv6() ? QStringLiteral("IPv6") : QStringLiteral("IPv4"),
                                                            pb->isIPv6() ? QStringLiteral("IPv6") : QStringLiteral("IPv4")));
            return;
        }
        if (pa->address() == pb->address()) {
            error(field(Side::B, "publicAddress"), tr("Both gateways have the public address %1; each end needs its own.").arg(pa->addressString()));
            return;
        }
        // The seed's last update: on different subnets, `ip route add NET via PEER` fails with
        // "RTNETLINK answers: Network is unreachable"; the route must go via the next hop to the
        // peer. Without a default router, routes.sh asks the gateway (`ip route get PEER`) when
        // it runs, and the push's preflight reports that route: a note here, not a blocker.
        for (Side s : {Side::A, Side::B}) {
            const auto& local = m_public[int(s)];
            const auto& remote = m_public[int(otherSide(s))];
            const bool direct = local->prefix() < local->maxPrefix() && local->contains(remote->address());
            if (!direct && m_p.gateway(s).defaultRouter.trimmed().isEmpty())
                warning(field(s, "defaultRouter"),
                        tr("%1 does not reach %2 directly: %3 is not on its public subnet%4. The route to %5 will go the way %1 itself routes "
                           "to %3: routes.sh asks the gateway (ip route get) when it runs, and the push reports the route it finds.")
                            .arg(gatewayName(s), gatewayName(otherSide(s)), remote->addressString(),
                                 local->prefix() < local->maxPrefix() ? QStringLiteral(" ") + local->network().toString() : QString(),
                                 networkName(otherSide(s))),
                        tr("To fix the next hop, give the default router of %1 (its ISP's router); if both gateways share one subnet, give "
                           "the public address with its prefix (e.g. 203.0.113.1/24).")
                            .arg(gatewayName(s)));
        }
    }

    const Algorithm* checkAlgorithm(AlgorithmKind kind, Usage usage, const QString& f, const QString& id)
    {
        const Algorithm* a = Algorithms::find(kind, id);
        if (!a) {
            error(f, tr("“%1” is not a known %2.").arg(shown(id), Algorithms::kindName(kind)), tr("Choose one of: %1.").arg(Algorithms::idList(kind)));
            return nullptr;
        }
        if (id == QLatin1String("none"))
            return a;
        if (a->strength == Strength::Forbidden)
            error(f, tr("%1 must not be used: %2").arg(a->label, a->why));
        else if (a->strength == Strength::Deprecated)
            warning(f, tr("%1 is deprecated: %2").arg(a->label, a->why));
        for (Side s : {Side::A, Side::B}) {
            const Flavour fl = m_p.gateway(s).flavour;
            if (!a->supportedBy(fl, usage)) {
                // racoon-tool.conf names AES without a key length; racoon then uses 128 bits.
                const bool aesKeyLength = fl == Flavour::RacoonTool && a->supportedBy(Flavour::Racoon, usage);
                error(f, tr("%1 (on %2) cannot use %3 for %4.")
                             .arg(flavourId(fl), gatewayName(s), a->label, usage == Usage::Ike ? tr("IKE (phase 1)") : tr("ESP (phase 2)")),
                      aesKeyLength ? tr("racoon-tool.conf names AES without a key length, so racoon uses AES-128. Choose aes128, or run "
                                        "racoon or strongSwan on %1.")
                                         .arg(gatewayName(s))
                                   : tr("Choose an algorithm both gateways support, or run strongSwan on %1.").arg(gatewayName(s)));
            }
        }
        return a;
    }

    void checkAlgorithms()
    {
        const bool racoonA = isRacoon(m_p.gatewayA.flavour);
        const bool racoonB = isRacoon(m_p.gatewayB.flavour);
        if (m_p.ike.version != 1 && m_p.ike.version != 2)
            error(QStringLiteral("ike.version"), tr("The IKE version must be 1 or 2."));
        else if (m_p.ike.version == 2 && (racoonA || racoonB))
            error(QStringLiteral("ike.version"), tr("racoon speaks IKEv1 only, and %1 runs racoon.").arg(racoonA ? tr("gateway A") : tr("gateway B")),
                  tr("Choose IKEv1, or strongSwan on both gateways."));

        const Algorithm* ikeEnc = checkAlgorithm(AlgorithmKind::Encryption, Usage::Ike, QStringLiteral("ike.encryption"), m_p.ike.encryption);
        const Algorithm* ikeInt = checkAlgorithm(AlgorithmKind::Integrity, Usage::Ike, QStringLiteral("ike.integrity"), m_p.ike.integrity);
        checkAlgorithm(AlgorithmKind::Prf, Usage::Ike, QStringLiteral("ike.prf"), m_p.ike.prf);
        checkAlgorithm(AlgorithmKind::DhGroup, Usage::Ike, QStringLiteral("ike.dhGroup"), m_p.ike.dhGroup);
        if (m_p.ike.dhGroup == QLatin1String("none"))
            error(QStringLiteral("ike.dhGroup"), tr("IKE always needs a Diffie-Hellman group."), tr("Choose curve25519 or modp2048."));
        checkAeadPair(ikeEnc, ikeInt, QStringLiteral("ike.integrity"));
        // Seen in the lab: charon drops an AEAD cipher from an IKEv1 proposal (Main Mode has no
        // AEAD for the IKE SA), so its peer refuses the rest with NO_PROPOSAL_CHOSEN.
        if (m_p.ike.version == 1 && ikeEnc && ikeEnc->aead)
            error(QStringLiteral("ike.encryption"),
                  tr("IKEv1 has no authenticated encryption for the IKE SA; %1 works with IKEv2 (and for ESP with either).").arg(ikeEnc->label),
                  tr("Choose aes256 with integrity sha256 for IKE, or IKEv2."));
        if ((racoonA || racoonB) && m_p.ike.prf != m_p.ike.integrity && m_p.ike.integrity != QLatin1String("none"))
            error(QStringLiteral("ike.prf"), tr("racoon uses its hash algorithm as PRF, so the PRF must equal the IKE integrity algorithm (%1).").arg(shown(m_p.ike.integrity)),
                  tr("Set the PRF to %1.").arg(shown(m_p.ike.integrity)));

        const Algorithm* espEnc = checkAlgorithm(AlgorithmKind::Encryption, Usage::Esp, QStringLiteral("esp.encryption"), m_p.esp.encryption);
        const Algorithm* espInt = checkAlgorithm(AlgorithmKind::Integrity, Usage::Esp, QStringLiteral("esp.integrity"), m_p.esp.integrity);
        checkAlgorithm(AlgorithmKind::DhGroup, Usage::Esp, QStringLiteral("esp.pfsGroup"), m_p.esp.pfsGroup);
        checkAeadPair(espEnc, espInt, QStringLiteral("esp.integrity"));

        if (m_p.esp.lifetime >= m_p.ike.lifetime)
            warning(QStringLiteral("esp.lifetime"), tr("The ESP lifetime (%1 s) is not shorter than the IKE lifetime (%2 s); CHILD SAs are normally rekeyed more often.")
                                                        .arg(m_p.esp.lifetime)
                                                        .arg(m_p.ike.lifetime));
    }

    void checkAeadPair(const Algorithm* enc, const Algorithm* integ, const QString& f)
    {
        if (!enc || !integ)
            return;
        const bool none = integ->id == QLatin1String("none");
        if (enc->aead && !none)
            error(f, tr("%1 authenticates by itself; a separate integrity algorithm is not allowed with it.").arg(enc->label), tr("Set integrity to none."));
        else if (!enc->aead && none)
            error(f, tr("%1 does not authenticate; it needs an integrity algorithm.").arg(enc->label), tr("Choose sha256."));
    }

    void checkPsk()
    {
        if (!m_p.psk)
            return;
        const QByteArray& psk = *m_p.psk;
        if (psk.isEmpty()) {
            error(QStringLiteral("psk"), tr("The pre-shared key is empty."), tr("Generate one."));
            return;
        }
        // psk.txt and swanctl.conf cannot carry these safely: field separators, quotes, comments,
        // swanctl's block braces and ${…} references, backslashes.
        static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9!%&()*+,\\-./:<>?@\\[\\]^_|~]+\\z"));
        if (!safe.match(QString::fromLatin1(psk)).hasMatch()) {
            error(QStringLiteral("psk"), tr("The pre-shared key holds spaces, quotes, “#”, “$”, “=”, “;”, braces, backslashes or non-ASCII "
                                            "characters, which psk.txt and swanctl.conf cannot carry safely."),
                  tr("Generate one (0x followed by hex digits)."));
            return;
        }
        if (pskBits(psk) < 128)
            warning(QStringLiteral("psk"), tr("The pre-shared key has only about %1 bits of strength; 128 bits is the least for a key an attacker can test offline.").arg(pskBits(psk)),
                    tr("Generate one (256 bits)."));
    }

    const TunnelProfile& m_p;
    std::optional<Cidr> m_net[2];
    std::optional<Cidr> m_public[2];
    std::optional<QHostAddress> m_internal[2];
    std::optional<QHostAddress> m_router[2];
    QList<Finding> m_findings;
};

} // namespace

QString Finding::toString() const
{
    QString s = (severity == Severity::Error ? QStringLiteral("error: ") : QStringLiteral("warning: ")) + field + QStringLiteral(": ") + message;
    if (!fix.isEmpty())
        s += QStringLiteral(" (") + fix + QLatin1Char(')');
    return s;
}

QList<Finding> validate(const TunnelProfile& profile)
{
    return Checker(profile).run();
}

bool hasErrors(const QList<Finding>& findings)
{
    return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::Error; });
}

QList<Finding> findingsFor(const QList<Finding>& findings, const QString& field)
{
    QList<Finding> out;
    for (const Finding& f : findings)
        if (f.field == field)
            out.append(f);
    return out;
}

int pskBits(const QByteArray& psk)
{
    static const QRegularExpression hex(QStringLiteral("^0[xX][0-9A-Fa-f]+\\z"));
    if (hex.match(QString::fromLatin1(psk)).hasMatch())
        return int(psk.size() - 2) * 4;
    return int(psk.size()) * 8;
}

} // namespace ipsecwiz
