#pragma once

// Taking over a gateway that was imported (SiteGateway::importedFrom): what a push does there
// besides writing the program's own files.
//
// The gateway's own config is read again when the push starts and imported as then. When it
// already says, in the daemon the site runs, what the profile says for every tunnel of the site,
// the gateway is left exactly as it is. Otherwise the program's files take over those tunnels,
// and their own lines in the admin's files (racoon-tool.conf's peer and connection sections, the
// key's line in psk.txt; swanctl.conf's connection and secret sections; ipsec.conf's conn section
// and its ipsec.secrets line) are commented out under a line that says why, so the old daemon lets
// them go while every other byte, and every other tunnel, stays. Each such file is sent whole
// with the checksum of what was read (GeneratedFile::replaces): a file that changed meanwhile
// stops the push, and a rollback puts back the bytes that were there.

#include "Generator.h"
#include "Importer.h"

namespace ipsecwiz::Migration {

struct Plan
{
    bool alreadyThere = false;  // the gateway's own config already says it: push nothing there
    QList<GeneratedFile> files; // the push's files, with the retired lines' files added (whole, with `replaces`)
    QStringList reloadCommands; // the old daemon's reload, to run before the new one's
    QStringList notes;          // what was taken over, for the push's log: "racoon/racoon-tool.conf: 12 lines of tunnel hq-branch"
};

// The flavour a format's daemon is ("swanctl" and "ipsec.conf" are both strongSwan).
Flavour flavourOf(ImportFormat format);

// SITE of NETWORK, whose gateway's config SOURCE reads now; GENERATED: what the push writes there.
// An error when the tunnels must move but their lines cannot be told apart (racoon.conf's, whose
// policies are in the kernel too, are not taken over), or when the import fails: then nothing is pushed.
Result<Plan> plan(const NetworkProfile& network, const QString& site, const ImportSource& source, const QList<GeneratedFile>& generated);

// TEXT with the 1-based LINES commented out ("#| " before each), each tunnel's under one note
// naming it (LINES: line -> tunnel) and FLAVOUR, where it went; blank and comment lines stay.
QByteArray commentOut(const QByteArray& text, const QMap<int, QString>& lines, const QString& flavour);

// A path as an import names it ("racoon/racoon-tool.conf", "/etc/racoon/psk.txt") on the gateway.
QString gatewayPath(const QString& file);

} // namespace ipsecwiz::Migration
