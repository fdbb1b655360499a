#pragma once

// strongSwan's settings syntax (swanctl.conf, strongswan.conf): sections "name { … }", "key = value",
// "#" comments, quoted values, "include PATTERN". The parser reads through an ImportSource and keeps
// where every entry was written, so an importer can report each line it did not use.

#include "Importer.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>

namespace ipsecwiz::StrongSwan {

struct Where
{
    QString file;
    int line = 0;
};

struct SettingsNode
{
    QString name;     // the section's or the key's name
    QString value;    // a key's value, unquoted
    QString rawValue; // as written, quotes and all: what a note masks when the key is a secret
    bool section = false;
    QString parent;   // "name : parent { … }": strongSwan's templates, which the importers do not follow
    Where where;      // the first line
    int lastLine = 0; // a quoted value may span lines
    QList<Where> reopened; // the same section opened again (in another file): strongSwan merges them
    QList<SettingsNode> children;

    [[nodiscard]] const SettingsNode* child(const QString& name) const;
    [[nodiscard]] QString valueOf(const QString& key) const; // empty when the key is not there
};

// Which lines an importer used and which it noted, with why: every line with content ends up in
// one or the other (brace-only lines are structure and count as used).
class LineLedger
{
public:
    void addFile(const QString& file, const QByteArray& content);
    void use(const SettingsNode& node);           // a key, or a section's header lines
    void useLine(const QString& file, int line);
    [[nodiscard]] bool accounted(const QString& file, int line) const; // used or noted
    // NODE and, for a section, everything in it; a secret's value is masked.
    void note(const SettingsNode& node, const QString& reason);
    void noteLine(const QString& file, int line, const QString& reason);

    [[nodiscard]] QList<ImportNote> notes() const; // in the order the files were read, by line
    [[nodiscard]] QSet<QString> usedLines() const; // "FILE:LINE"
    [[nodiscard]] QString lineText(const QString& file, int line) const;
    [[nodiscard]] QStringList files() const { return m_files; } // in the order they were read

private:
    void add(const QString& file, int line, const QString& text, const QString& reason);

    QStringList m_files;
    QHash<QString, QList<QByteArray>> m_lines;
    QSet<QString> m_used;
    QList<ImportNote> m_notes;
    QSet<QString> m_noted; // "FILE:LINE\nREASON"
    QSet<QString> m_notedLines;
};

// A line made safe for a note: control characters as "?", at most 200 characters, and whatever
// follows "secret" or "PSK" masked, so a key never reaches a report even from a line the parser
// could not read.
QString safeLineText(const QString& line);

// MAIN and what it includes, into one tree (sections of the same name merged, a key set again
// replaces the earlier one, which is noted). An error only when MAIN cannot be read; a broken line,
// an include that is refused, loops or nests too deep is a note.
Result<SettingsNode> parseSettings(const ImportSource& source, const QString& main, LineLedger& ledger);

// The files "include PATTERN" on FILE:LINE names (relative to FILE's folder, globs through the
// source), each problem noted on that line: "..", no match, a loop (a file in STACK, the files being
// read), includes deeper than ImportSource::MaxIncludeDepth or more than MaxFiles in all (FILESREAD).
QStringList includedFiles(const ImportSource& source, const QString& file, int line, QString pattern, const QStringList& stack, int& filesRead,
                          LineLedger& ledger);

// "5400", "90m", "4h", "1d" → seconds; nullopt when it is not a duration.
std::optional<int> parseDuration(const QString& text);

} // namespace ipsecwiz::StrongSwan

namespace ipsecwiz::StrongSwan {

// One strongSwan proposal ("aes256gcm16-prfsha256-curve25519", "aes128-sha256-modp2048", as
// swanctl.conf's proposals and ipsec.conf's ike= take it; "x25519", "sha2_256", "aes128gcm128" and a
// strict "!" are read too) in the profile's ids; version and lifetime stay the defaults. The error
// says what the profile cannot express (an algorithm it does not offer, two of one kind).
Result<IkeProposal> ikeProposal(const QString& text);
Result<EspProposal> espProposal(const QString& text);

// An IKE identity as strongSwan writes it: "@#hex" a key id, "@fqdn" or a name an FQDN, "user@fqdn",
// an address. ADDRESS is the gateway's: an identity equal to it is the profile's default (the
// address). nullopt for what the profile cannot express (a distinguished name, %any).
std::optional<Identity> identity(const QString& text, const QString& address);

// A traffic selector as a network: "10.1.0.0/16", a host "10.1.0.10" → "10.1.0.10/32"; nullopt
// for ranges, protocol/port selectors and the rest.
std::optional<QString> network(const QString& selector);

} // namespace ipsecwiz::StrongSwan
