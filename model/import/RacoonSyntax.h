#pragma once

// What the racoon-tool.conf and racoon.conf importers share: the ledger that accounts for every
// line they read (used by the profile, or a note saying why not), racoon's names for algorithms,
// identifiers and lifetimes, psk.txt, and the network a gateway's tunnels make.

#include "Importer.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace ipsecwiz::RacoonSyntax {

// Every line of every file read, by file and number. A line is used, or dropped with a reason;
// one neither by the end is reported as not understood, so no line can go missing from the
// report. Used wins over dropped: a %default value one section takes and another overrides was
// still used.
class LineLedger final
{
public:
    // Records FILE's lines (without their line ends) and returns them; a NUL or other control
    // character in a line is kept as it is (the note shows it through shown()).
    QStringList addFile(const QString& file, const QByteArray& data);
    [[nodiscard]] bool hasFile(const QString& file) const { return m_index.contains(file); }
    void use(const QString& file, int line);
    void drop(const QString& file, int line, const QString& reason);
    // A note about a file as a whole (line 0): one that could not be read, an include refused.
    void fileNote(const QString& file, const QString& reason, const QString& text = {});
    // Keys the notes must never show; psk.txt's and setkey's are added as they are read.
    void addKey(const QByteArray& key);
    [[nodiscard]] QList<ImportNote> notes() const;
    // What the comments our own generator writes at the top of each file and block say: the
    // network's name and, by tunnel, the name of the site at its far end. Empty for the admin's own.
    [[nodiscard]] const QString& networkName() const { return m_networkName; }
    [[nodiscard]] QString farSite(const QString& tunnel) const { return m_farSites.value(tunnel); }
    // TEXT with every key added so far shown as "(key)".
    [[nodiscard]] QString masked(const QString& text) const;

private:
    enum class State { Pending, Used, Dropped };
    struct Line
    {
        QString text;
        State state = State::Pending;
        QString reason;
    };
    Line* find(const QString& file, int line);

    QList<std::pair<QString, QList<Line>>> m_files; // in the order they were read
    QHash<QString, int> m_index;
    static constexpr qsizetype KeyPrefix = 4; // keys are found by their first 1 to 4 characters
    QSet<QString> m_keySet;
    QHash<QString, QStringList> m_keysByPrefix; // a key's first KeyPrefix characters (all of a shorter one) -> keys
    QList<ImportNote> m_fileNotes;
    QString m_networkName;
    QHash<QString, QString> m_farSites;
};

bool isBlankOrComment(const QString& line);

// The profile's ids for racoon's names; an empty string when the profile has no such algorithm.
// "aes" alone is AES-128 (racoon's default key length), "rijndael" is AES, DH groups may be given
// by number ("2" is modp1024).
QString encryptionId(const QString& name); // "aes 256", "aes", "3des"
QString hashId(const QString& name);       // phase 1: "sha1", "sha256"
QString espAuthId(const QString& name);    // phase 2: "hmac_sha256"
QString dhId(const QString& name);         // "modp2048", "14"
// "time 20 min", "time 28800 sec", "1 hour" → seconds; nullopt when it is not a time.
std::optional<int> lifetimeSeconds(const QString& text);
// racoon's phase 1 and phase 2 lifetime when none is given (oakley.h and ipsec_doi.h: 8 hours).
constexpr int DefaultLifetime = 28800;

// "address 192.0.2.1", "fqdn \"gw.example.net\"", "user_fqdn a@b": the identity, its value
// without quotes; nullopt for a kind the profile has no use for (asn1dn, keyid). An address
// identity equal to ADDRESS, or without a value, is the profile's default (an empty value).
std::optional<Identity> identity(const QString& text, const QString& address);
// The value racoon looks a key up by in psk.txt for that identity.
QString identityValue(const Identity& id, const QString& address);

// A policy's or sainfo's network: "192.168.1.0/24", "192.168.1.0/24[any]", "10.0.0.1" (a host:
// /32 or /128); nullopt for a port, a name or anything not an address.
std::optional<QString> network(const QString& range);

// psk.txt: "IDENTITY KEY" per line, the key being the rest of the line.
struct PskEntry
{
    QString id;
    QByteArray key;
    int line = 0;
};
QList<PskEntry> parsePsk(const QStringList& lines);

// psk.txt at PATH read through SOURCE into LEDGER (its keys registered for masking), as racoon
// reads it: by identity, the first line of an identity winning; a line without a key is noted.
// A file that cannot be read is a note on the file, and nothing is read.
struct PskFile
{
    QString path;                    // empty: none was read
    QList<PskEntry> entries;         // last line first
    QHash<QString, PskEntry> byId;
};
PskFile readPskFile(const ImportSource& source, LineLedger& ledger, const QString& path);

// A note's text for a psk.txt line: the identity and "(key)".
QString maskedPskLine(const PskEntry& entry);

// One tunnel as one gateway's files describe it.
struct ImportedTunnel
{
    QString name;        // empty: made from the sites' names
    QString peerSite;    // the far site's name, when our own files say it
    QString peerAddress; // empty: a peer whose address changes
    Identity peerIdentity;
    QStringList localNets;
    QStringList remoteNets;
    IkeProposal ike;
    EspProposal esp;
    std::optional<QByteArray> psk;
    QList<ImportOrigin> origins; // ImportResult::origins
};

// The IKE and ESP proposals racoon starts from when a file names none: racoon-tool's built-in
// %default (3des, sha1, modp1024; aes and hmac_sha1 first for ESP), IKEv1, racoon's lifetimes.
IkeProposal defaultIke();
EspProposal defaultEsp();

// The network NETWORKNAME (else named after the site): the site OPTIONS.siteName (managed, FLAVOUR, LOCALADDRESS, IDENTITY, the local
// networks of all its tunnels) and one unmanaged site per peer, joined by TUNNELS.
NetworkProfile buildNetwork(const ImportOptions& options, Flavour flavour, const QString& localAddress, const Identity& identity,
                            const QList<ImportedTunnel>& tunnels, const QString& networkName = {});

// A name the profile accepts (1 to 32 of A-Z a-z 0-9 - _) made from TEXT.
QString safeName(const QString& text);

// Reads PATH through SOURCE into LEDGER; an error note (and nullopt) when it cannot be read.
std::optional<QStringList> readInto(const ImportSource& source, const QString& path, LineLedger& ledger);

// Why a main file that is there was refused (too large, not a regular file …): a clearer message
// than "no such file" when findMainFile finds none.
std::optional<Error> refusedMainFile(ImportFormat format, const ImportSource& source);

} // namespace ipsecwiz::RacoonSyntax
