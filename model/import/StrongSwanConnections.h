#pragma once

// What the two strongSwan importers (swanctl.conf; ipsec.conf + ipsec.secrets) share once their
// files are read: a connection as both see it, the key strongSwan would pick for it, and the
// network made from the connections: the gateway's own site, a peer site per distinct remote end,
// a tunnel per connection.

#include "StrongSwanSettings.h"

namespace ipsecwiz::StrongSwan {

struct Connection
{
    QString name;
    int version = 2;
    QString localAddr, remoteAddr; // empty: not known (%any, %defaultroute)
    bool localDynamic = false;     // %any: the gateway's own address changes
    const SettingsNode* localAddrNode = nullptr;
    QString localId, remoteId;     // as written; empty: the address
    const SettingsNode* localIdNode = nullptr;
    bool psk = true;               // authenticates with a pre-shared key
    IkeProposal ike;
    EspProposal esp;
    bool espSet = false;
    bool espLifetimeSet = false;
    QStringList localTs, remoteTs; // networks
    std::optional<QByteArray> key;
    // From our own generator's header comment: the names one gateway's files cannot otherwise say.
    QString farSite, network;
    // The lines that are this connection's alone (ImportResult::origins); empty when they cannot
    // be told apart from the rest (a section that shares a line with another, or is opened twice).
    QList<ImportOrigin> origins;
    int secret = -1; // the index of the key assignSecrets gave it
};

struct Secret
{
    QStringList ids;   // none: any connection's
    QByteArray key;
    bool used = false;
};

// The key strongSwan would take for each connection: every id of a secret must be one of the two
// ends' (%any: either); one that names the remote end beats one that names only the local; one
// without ids matches anything, last. Marks the secrets it gave away as used.
void assignSecrets(QList<Connection>& connections, QList<Secret>& secrets);

// Each connection's own lines into RESULT.origins, by tunnel (= connection) name, with the lines
// of its key (SECRETLINES, by secret index) when no other connection takes that key.
void collectOrigins(const QList<Connection>& connections, const QList<QList<ImportOrigin>>& secretLines, ImportResult& result);

// "@moon" and "moon" are one FQDN identity to strongSwan; case does not count.
QString normalId(const QString& id);

// A name the profile takes (1 to 32 letters, digits, "-", "_").
QString safeName(const QString& text);

// The network of CONNECTIONS: the site OPTIONS.siteName (managed, strongSwan, the first
// connection's address and identity: another connection that says otherwise is noted in LEDGER),
// a peer site per remote address and identity, a tunnel per connection.
NetworkProfile network(const QList<Connection>& connections, const ImportOptions& options, LineLedger& ledger);

} // namespace ipsecwiz::StrongSwan
