#pragma once

// Files, reload and check commands for a gateway running racoon with setkey (ipsec-tools / KAME),
// and the pieces racoon-tool (which drives the same daemon) shares with it.
//
// Coexistence: racoon's own files stay the admin's. A tunnel gets a file of its own under
// /etc/racoon/ipsec-wizard.d/, which one marked block in racoon.conf includes; its key is a marked
// block in psk.txt; its policies are a setkey file of its own in /etc/ipsec-tools.d/ (Debian's
// setkey init script loads that folder at boot) that adds or replaces only its own policies
// (spdupdate, never flush or spdflush), and unload.setkey deletes exactly those again.

#include "Algorithms.h"
#include "Generator.h"

namespace ipsecwiz {

// One tunnel as racoon and racoon-tool see it from one gateway: version 1's TunnelView and version
// 2's (network, tunnel, site) both become one of these, so both formats share one writer.
struct RacoonConnection
{
    QString name;          // the tunnel: names its block, its files and its connections
    QByteArray header;     // comment lines that open each file
    QString localAddress;  // on this gateway's interface: its end of phase 1 and of the policies
    QString remoteAddress; // the address the peer is reached at; empty: dynamic
    QString localIdType;   // racoon's identifier types: address, fqdn, user_fqdn
    QString localId;
    QString remoteIdType;
    QString remoteId;
    bool natTraversal = false;
    QStringList localNets;
    QStringList remoteNets;
    IkeProposal ike;
    EspProposal esp;
    QByteArray psk;

    [[nodiscard]] bool dynamicPeer() const { return remoteAddress.isEmpty(); }
    // Every (local, remote) network pair: one sainfo pair, one policy pair, one racoon-tool connection each.
    [[nodiscard]] QList<std::pair<QString, QString>> networkPairs() const;
};

class RacoonGenerator final : public Generator
{
public:
    QList<GeneratedFile> files(const TunnelView& view) const override;
    QStringList reloadCommands(const TunnelView& view) const override;
    QStringList checkCommands(const TunnelView& view) const override;
    QStringList unloadCommands(const TunnelView& view) const override;

    static QList<GeneratedFile> files(const RacoonConnection& c);
    static QStringList reloadCommands(const RacoonConnection& c);
    static QStringList unloadCommands(const RacoonConnection& c);

    // Shared with racoon-tool.
    static RacoonConnection connection(const TunnelView& view);
    static QString algorithmName(AlgorithmKind kind, Usage usage, const QString& id);
    static GeneratedFile pskFile(const RacoonConnection& c); // psk.txt's marked block
    static QString policyFile(const QString& name);          // "/etc/ipsec-tools.d/ipsec-wizard-NAME.conf"
    static QString unloadFile(const QString& name);          // "/etc/ipsec-wizard/NAME/unload.setkey"
    static QString includeDir();                             // "/etc/racoon/ipsec-wizard.d"
};

} // namespace ipsecwiz
