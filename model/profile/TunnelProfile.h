#pragma once

// The one source of truth for a tunnel: everything the wizard collects, what the generators
// read, and what is saved as a versioned JSON profile.

#include "Flavour.h"
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ipsecwiz {

enum class Side { A, B };

inline Side otherSide(Side side) { return side == Side::A ? Side::B : Side::A; }
inline QString sideId(Side side) { return side == Side::A ? QStringLiteral("a") : QStringLiteral("b"); }
inline QString sideKey(Side side) { return side == Side::A ? QStringLiteral("gatewayA") : QStringLiteral("gatewayB"); }

struct SshTarget
{
    QString host; // empty: use the gateway's public address
    int port = 22;
    QString user = QStringLiteral("root");
    QString identityFile; // optional private key (OpenSSH's IdentityFile); relative to the profile

    friend bool operator==(const SshTarget&, const SshTarget&) = default;
};

struct Gateway
{
    // "ADDR" or "ADDR/PREFIX": the prefix says which subnet the public interface is on, which
    // decides whether the peer is reachable directly (the seed) or through a default router.
    QString publicAddress;
    QString internalAddress; // the gateway's own address inside its protected network
    QString defaultRouter;   // optional
    Flavour flavour = Flavour::StrongSwan;
    QString identity;        // IKE identity; empty: the public address
    SshTarget ssh;

    friend bool operator==(const Gateway&, const Gateway&) = default;
};

struct IkeProposal
{
    int version = 2;
    QString encryption = QStringLiteral("aes256gcm16");
    QString integrity = QStringLiteral("none");
    QString prf = QStringLiteral("sha256");
    QString dhGroup = QStringLiteral("curve25519");
    int lifetime = 14400; // seconds

    friend bool operator==(const IkeProposal&, const IkeProposal&) = default;
};

struct EspProposal
{
    QString encryption = QStringLiteral("aes256gcm16");
    QString integrity = QStringLiteral("none");
    QString pfsGroup = QStringLiteral("curve25519"); // "none" for no PFS
    int lifetime = 3600; // seconds

    friend bool operator==(const EspProposal&, const EspProposal&) = default;
};

struct TunnelProfile
{
    static constexpr int FormatVersion = 1;

    QString name = QStringLiteral("site-to-site");
    QString networkA;
    QString networkB;
    Gateway gatewayA;
    Gateway gatewayB;
    IkeProposal ike;
    EspProposal esp;
    // nullopt: none stored (a fresh one is made when configs are generated).
    // An empty value is a profile that says "psk": "", which validation refuses.
    std::optional<QByteArray> psk;
    QString knownHostsFile; // optional extra known_hosts for the SSH targets

    [[nodiscard]] const Gateway& gateway(Side side) const { return side == Side::A ? gatewayA : gatewayB; }
    [[nodiscard]] Gateway& gateway(Side side) { return side == Side::A ? gatewayA : gatewayB; }
    [[nodiscard]] const QString& network(Side side) const { return side == Side::A ? networkA : networkB; }
    [[nodiscard]] QString& network(Side side) { return side == Side::A ? networkA : networkB; }

    friend bool operator==(const TunnelProfile&, const TunnelProfile&) = default;
};

enum class PskInFile { Omit, Include, Redact };

namespace ProfileJson {

// Errors name the JSON path ("$.gatewayA.port") and what was expected there.
Result<TunnelProfile> fromJson(const QByteArray& json);
QByteArray toJson(const TunnelProfile& profile, PskInFile psk);

Result<TunnelProfile> load(const QString& path);
// Written atomically (temporary file, then rename). A file that holds the PSK is created 0600;
// the temporary file already has that mode before the first byte is written.
Status save(const TunnelProfile& profile, const QString& path, PskInFile psk);

// What a redacted secret reads as in files meant for a support ticket.
QByteArray redactedPlaceholder();

} // namespace ProfileJson

} // namespace ipsecwiz
