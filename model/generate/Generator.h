#pragma once

// One generator per flavour turns a side's TunnelView into that gateway's files; routes and
// firewall rules are the same for every flavour. Output is deterministic: no timestamps, no
// random order, so the same profile gives byte-identical files.

#include "Result.h"
#include "TunnelProfile.h"
#include "TunnelView.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace ipsecwiz {

struct GeneratedFile
{
    GeneratedFile() = default;
    GeneratedFile(QString path_, int mode_, QByteArray content_, bool secret_ = false, QString block_ = {})
        : path(std::move(path_)), mode(mode_), content(std::move(content_)), secret(secret_), block(std::move(block_))
    {
    }

    QString path;      // absolute target path on the gateway, e.g. "/etc/racoon/psk.txt"
    int mode = 0644;
    QByteArray content;
    bool secret = false; // holds the PSK: mode 0600 wherever it is written
    // Not empty: the file is the admin's too, and content is only the program's marked block of
    // this name (MarkedBlock::wrap), merged into the file as it is on the gateway; every other
    // byte stays. A block file keeps the mode it has there (a secret one is always 0600).
    QString block;
    // This piece goes away: the whole file, or with block set, only that block.
    bool remove = false;
    // Every tunnel of the gateway writes it alike (racoon's include): removing one tunnel leaves it.
    bool shared = false;
    // Not empty: content is the whole of a file of the admin's, changed by a migration, and this is
    // the SHA-256 (hex) of the file as it was read; the push refuses when the file is no longer
    // that. Like a block file, it keeps the mode it has there (a secret one is always 0600).
    QByteArray replaces;

    friend bool operator==(const GeneratedFile&, const GeneratedFile&) = default;
};

struct GatewayConfig
{
    Side side = Side::A;
    Flavour flavour = Flavour::StrongSwan;
    QList<GeneratedFile> files;
    QStringList reloadCommands; // run as root after the files are in place
    QStringList checkCommands;  // show that the policy or connection is loaded
    // Run before the files change (and before a rollback puts the old ones back): they take out
    // of the kernel what the files there at that moment put in (racoon's policies), since a
    // reload only adds. Each may fail (nothing loaded yet) without stopping the push.
    QStringList unloadCommands;

    [[nodiscard]] const GeneratedFile* file(const QString& path) const;
};

class Generator
{
public:
    virtual ~Generator() = default;
    virtual QList<GeneratedFile> files(const TunnelView& view) const = 0;
    virtual QStringList reloadCommands(const TunnelView& view) const = 0;
    virtual QStringList checkCommands(const TunnelView& view) const = 0;
    virtual QStringList unloadCommands(const TunnelView&) const { return {}; }

    static std::unique_ptr<Generator> forFlavour(Flavour flavour);
};

namespace Generate {

// The flavour's files, then routes.sh, firewall.nft and firewall.iptables; fails with the
// profile's first validation error. psk must be non-empty.
Result<GatewayConfig> side(const TunnelProfile& profile, Side side, const QByteArray& psk);

// Helpers shared by the flavour generators.
QByteArray header(const TunnelView& view, const QString& what);
QString ruleDir(const TunnelView& view); // "/etc/ipsec-wizard/NAME"

QList<GeneratedFile> routes(const TunnelView& view);
QList<GeneratedFile> firewall(const TunnelView& view);

// One tunnel's nftables rules on one gateway: the gateway-wide table every tunnel's file carries
// alike, the tunnel's peer in its sets, and the tunnel's own table of forward rules.
struct FirewallSpec
{
    QString tunnel;
    QByteArray header;      // the comment lines that name the gateway and its peer
    bool ipv6 = false;
    QString peer;           // empty: the peer's address changes; IKE and ESP are admitted from anywhere
    QStringList localNets;  // every network the tunnel carries on this side
    QStringList remoteNets;
};
QByteArray nftRules(const FirewallSpec& spec);
// The gateway-wide set and element a tunnel's file adds: "ike_peers4", "192.0.2.1"; for a
// peer whose address changes "ike_open4", "0.0.0.0/0".
std::pair<QString, QString> sharedElement(const FirewallSpec& spec);

} // namespace Generate

} // namespace ipsecwiz
