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
    QString path;      // absolute target path on the gateway, e.g. "/etc/racoon/psk.txt"
    int mode = 0644;
    QByteArray content;
    bool secret = false; // holds the PSK: mode 0600 wherever it is written

    friend bool operator==(const GeneratedFile&, const GeneratedFile&) = default;
};

struct GatewayConfig
{
    Side side = Side::A;
    Flavour flavour = Flavour::StrongSwan;
    QList<GeneratedFile> files;
    QStringList reloadCommands; // run as root after the files are in place
    QStringList checkCommands;  // show that the policy or connection is loaded

    [[nodiscard]] const GeneratedFile* file(const QString& path) const;
};

class Generator
{
public:
    virtual ~Generator() = default;
    virtual QList<GeneratedFile> files(const TunnelView& view) const = 0;
    virtual QStringList reloadCommands(const TunnelView& view) const = 0;
    virtual QStringList checkCommands(const TunnelView& view) const = 0;

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

} // namespace Generate

} // namespace ipsecwiz
