#pragma once

// Everything an admin carries to the two gateways: gateway-a/ and gateway-b/ mirroring the
// target paths, an install.sh for each, README.txt and profile.json. Written as a folder, a
// .tar.gz or a .zip (libarchive), byte-identical for identical input.

#include "Generator.h"
#include "NetworkProfile.h"
#include "Result.h"
#include "TunnelProfile.h"

#include <QList>

namespace ipsecwiz {

struct BundleEntry
{
    QString path; // relative, "/"-separated: "gateway-a/etc/racoon/psk.txt"
    int mode = 0644;
    QByteArray content;
    bool secret = false;

    friend bool operator==(const BundleEntry&, const BundleEntry&) = default;
};

struct BundleOptions
{
    PskInFile profilePsk = PskInFile::Omit; // whether profile.json carries the PSK
    bool redact = false;                    // every secret replaced by a marked placeholder
};

namespace ConfigBundle {

// Every entry mtime in archives: fixed, so archives are reproducible (2000-01-01T00:00:00Z).
constexpr qint64 FixedMtime = 946684800;

Result<QList<BundleEntry>> build(const TunnelProfile& profile, const QByteArray& psk, const BundleOptions& options,
                                 const QList<BundleEntry>& extras = {});

// A network (profile format version 2): README.txt, profile.json, and a folder per managed site
// (SITE/install.sh and its files), plus SITE/settings-TUNNEL.txt for a peer someone else runs.
// Every tunnel needs its key.
Result<QList<BundleEntry>> buildNetwork(const NetworkProfile& network, const BundleOptions& options, const QList<BundleEntry>& extras = {});

// The shell script that installs one gateway's files; see the script's own usage text.
QByteArray installScript(const TunnelProfile& profile, const GatewayConfig& config);

// OUT ending in ".tar.gz"/".tgz" or ".zip" is an archive; anything else a folder that must not
// exist yet or be empty. Written to a temporary name first, so a failure leaves nothing behind.
Status write(const QList<BundleEntry>& entries, const QString& out);

} // namespace ConfigBundle

} // namespace ipsecwiz
