#pragma once

// Saving and exporting from the GUI: the profile (with or without its key) and the config bundle
// (.tar.gz, .zip or a new folder) with the topology drawing as topology.svg. The *To functions do
// the work without dialogs (tests call them); the ask* functions show the dialogs first.

#include "NetworkProfile.h"
#include "Result.h"
#include "TunnelProfile.h"

class QWidget;

namespace ipsecwiz::BundleExport {

// The bundle ConfigBundle builds, plus topology.svg.
Status exportTo(const TunnelProfile& profile, const QByteArray& psk, const QString& out);
// A network's bundle: a folder per managed gateway, settings sheets for the peers others run.
// With SITE, that one gateway's folder only (with the README, the profile without keys and the drawing).
Status exportNetworkTo(const NetworkProfile& network, const QString& out, const QString& site = {});
// The network's rollout as an Ansible project in DIR (Ansible::project): a tunnel without a key
// gets a fresh one for both of its ends, kept only in the project's psk.yml (0600). PROFILEDIR
// resolves the profile's relative SSH key and known_hosts paths.
Status exportAnsibleTo(NetworkProfile network, const QString& profileDir, const QString& dir);

// A file dialog for OUT.tar.gz, OUT.zip or a new folder; empty when cancelled.
QString askBundlePath(QWidget* parent, const QString& name);

// NetworkJson::save (format version 2; every version reads it); with its keys it is written 0600.
Status saveProfileTo(const NetworkProfile& network, const QString& path, PskInFile psk);
// Asks whether to include the key, then where; empty path when cancelled.
struct SaveChoice
{
    QString path;
    PskInFile psk = PskInFile::Omit;
};
SaveChoice askSaveProfile(QWidget* parent, const NetworkProfile& network, const QString& currentPath);

} // namespace ipsecwiz::BundleExport
