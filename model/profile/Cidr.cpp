#include "Cidr.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ipsecwiz {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::Cidr", text);
}

// Only the characters an address can hold: QHostAddress also accepts forms an admin would
// not expect to work everywhere (e.g. "10.1" or scope ids), and we refuse those.
bool looksLikeAddress(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\\z"));
    return re.match(text).hasMatch();
}

// "::ffff:192.0.2.1": an IPv4 address in IPv6 clothing, which IKE daemons and the kernel treat
// inconsistently; refused so the admin writes what is meant.
std::optional<QHostAddress> mappedIPv4(const QHostAddress& address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    // Only ::ffff:a.b.c.d; Qt's toIPv4Address() also converts "::" and other ::/96 addresses.
    const Q_IPV6ADDR b = address.toIPv6Address();
    for (int i = 0; i < 10; ++i)
        if (b[i] != 0)
            return std::nullopt;
    if (b[10] != 0xff || b[11] != 0xff)
        return std::nullopt;
    return QHostAddress(quint32(b[12]) << 24 | quint32(b[13]) << 16 | quint32(b[14]) << 8 | quint32(b[15]));
}

} // namespace

Result<QHostAddress> parseHostAddress(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error{{}, tr("The address is empty.")};
    if (t.contains(QLatin1Char('/')))
        return Error{{}, tr("“%1” has a prefix length; give the address alone.").arg(shown(t))};
    QHostAddress address;
    if (!looksLikeAddress(t) || !address.setAddress(t))
        return Error{{}, tr("“%1” is not an IPv4 or IPv6 address.").arg(shown(t))};
    if (auto v4 = mappedIPv4(address))
        return Error{{}, tr("“%1” is an IPv4-mapped IPv6 address; give the IPv4 address %2 itself.").arg(shown(t), v4->toString())};
    return address;
}

Result<Cidr> Cidr::parse(const QString& text, bool allowBareAddress)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return Error{{}, tr("The network is empty; give it as ADDRESS/PREFIX, e.g. 192.168.1.0/24.")};
    const qsizetype slash = t.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? t : t.left(slash);
    QHostAddress address;
    if (!looksLikeAddress(addressText) || !address.setAddress(addressText))
        return Error{{}, tr("“%1” is not an IPv4 or IPv6 network; give it as ADDRESS/PREFIX, e.g. 192.168.1.0/24.").arg(shown(t))};
    if (auto v4 = mappedIPv4(address))
        return Error{{}, tr("“%1” is an IPv4-mapped IPv6 address; give the IPv4 network (%2) itself.").arg(shown(t), v4->toString())};
    const int max = address.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
    if (slash < 0) {
        if (!allowBareAddress)
            return Error{{}, tr("“%1” has no prefix length; give it as ADDRESS/PREFIX, e.g. %1/%2.").arg(shown(t)).arg(max == 32 ? 24 : 64)};
        return Cidr(address, max);
    }
    bool ok = false;
    const QString prefixText = t.mid(slash + 1);
    const int prefix = prefixText.toInt(&ok);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,3}\\z"));
    if (!ok || !digits.match(prefixText).hasMatch() || prefix < 0 || prefix > max)
        return Error{{}, tr("“%1” has an invalid prefix length; it must be 0 to %2.").arg(shown(t)).arg(max)};
    return Cidr(address, prefix);
}

Cidr Cidr::network() const
{
    if (m_prefix < 0)
        return *this;
    if (!isIPv6()) {
        const quint32 mask = m_prefix == 0 ? 0 : ~quint32(0) << (32 - m_prefix);
        return Cidr(QHostAddress(m_address.toIPv4Address() & mask), m_prefix);
    }
    Q_IPV6ADDR bytes = m_address.toIPv6Address();
    for (int i = 0; i < 16; ++i) {
        const int bitsHere = qBound(0, m_prefix - i * 8, 8);
        bytes[i] &= quint8(bitsHere == 0 ? 0 : 0xff << (8 - bitsHere));
    }
    return Cidr(QHostAddress(bytes), m_prefix);
}

bool Cidr::contains(const QHostAddress& address) const
{
    return address.protocol() == m_address.protocol() && address.isInSubnet(m_address, m_prefix);
}

bool Cidr::overlaps(const Cidr& other) const
{
    if (other.m_address.protocol() != m_address.protocol())
        return false;
    return contains(other.network().address()) || other.contains(network().address());
}

QString Cidr::toString() const
{
    return m_address.toString() + QLatin1Char('/') + QString::number(m_prefix);
}

} // namespace ipsecwiz
