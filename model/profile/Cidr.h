#pragma once

// An IPv4 or IPv6 network (address + prefix length) as admins type it: "192.168.1.0/24".
// Parsing keeps the address as typed so validation can point at host bits that are set.

#include "Result.h"

#include <QHostAddress>
#include <QString>

namespace ipsecwiz {

class Cidr final
{
public:
    Cidr() = default;
    Cidr(QHostAddress address, int prefix) : m_address(std::move(address)), m_prefix(prefix) {}

    // Accepts "ADDR/PREFIX"; with allowBareAddress also "ADDR" (taken as /32 or /128).
    static Result<Cidr> parse(const QString& text, bool allowBareAddress = false);

    [[nodiscard]] const QHostAddress& address() const { return m_address; }
    [[nodiscard]] int prefix() const { return m_prefix; }
    [[nodiscard]] bool isIPv6() const { return m_address.protocol() == QAbstractSocket::IPv6Protocol; }
    [[nodiscard]] int maxPrefix() const { return isIPv6() ? 128 : 32; }

    // The same prefix with the host bits cleared.
    [[nodiscard]] Cidr network() const;
    [[nodiscard]] bool hasHostBits() const { return network().m_address != m_address; }
    [[nodiscard]] bool contains(const QHostAddress& address) const;
    [[nodiscard]] bool overlaps(const Cidr& other) const;

    // "192.168.1.0/24"
    [[nodiscard]] QString toString() const;
    // The address alone, without the prefix: "192.168.1.1"
    [[nodiscard]] QString addressString() const { return m_address.toString(); }

    friend bool operator==(const Cidr& a, const Cidr& b)
    {
        return a.m_prefix == b.m_prefix && a.m_address == b.m_address;
    }

private:
    QHostAddress m_address;
    int m_prefix = -1;
};

// A single address ("203.0.113.1"), IPv4 or IPv6, rejecting anything with a prefix or scope.
Result<QHostAddress> parseHostAddress(const QString& text);

} // namespace ipsecwiz
