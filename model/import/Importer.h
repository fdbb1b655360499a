#pragma once

// Importers: a gateway's existing IPsec config → a version-2 network profile, plus a report of
// every input line the profile could not express. One importer per format (racoon-tool.conf;
// racoon.conf + setkey + psk.txt; swanctl.conf; ipsec.conf + ipsec.secrets); all read through an
// ImportSource and never write anything.
//
// The gateway the files came from is the site "us" (ImportOptions::siteName), managed, with the
// flavour of the files. Each peer becomes an unmanaged site until its own files are imported too
// (mergeImports).

#include "ImportSource.h"
#include "NetworkProfile.h"

namespace ipsecwiz {

enum class ImportFormat { RacoonTool, Racoon, Swanctl, IpsecConf };

QString importFormatId(ImportFormat format); // "racoon-tool", "racoon", "swanctl", "ipsec.conf"
std::optional<ImportFormat> importFormatFromId(const QString& id); // nullopt for any other text

struct ImportOptions
{
    QString siteName = QStringLiteral("local"); // the gateway the files came from
    QString sshHost;                            // its SSH target, when read over SSH
};

// One line of input that is not in the profile, and why: nothing is dropped silently.
struct ImportNote
{
    QString file; // as the source names it
    int line = 0; // 1-based; 0: the file as a whole
    QString text; // the line, with any key masked as "(key)"
    QString reason;

    [[nodiscard]] QString toString() const; // "FILE:LINE: REASON: TEXT"
    friend bool operator==(const ImportNote&, const ImportNote&) = default;
};

// A line of input that describes a tunnel: what a migration comments out on the gateway once the
// tunnel has moved to the program's own files (Migration).
struct ImportOrigin
{
    QString file; // as the source names it
    int line = 0; // 1-based

    friend bool operator==(const ImportOrigin&, const ImportOrigin&) = default;
};

struct ImportResult
{
    NetworkProfile network;
    // Per tunnel of the network, by name: the lines that are its own (not a %default, a global
    // setting or a key shared with another tunnel). Filled by the racoon-tool, swanctl and
    // ipsec.conf importers (racoon.conf's tunnels are kernel policies too, Migration).
    QHash<QString, QList<ImportOrigin>> origins;
    QList<ImportNote> unused;
    // Where two halves of one tunnel disagree (mergeImports), or a file contradicts itself.
    QList<Finding> findings;
};

// Where a format's main file lives in a copy of /etc, of /etc/FLAVOUR, or the folder itself:
// "swanctl/swanctl.conf", "swanctl.conf".
QStringList mainFileCandidates(ImportFormat format);
// The first of those the source holds; an error naming them all when none is there.
Result<QString> findMainFile(ImportFormat format, const ImportSource& source);

// The format of a gateway's files, from the names the source holds (swanctl.conf, ipsec.conf,
// racoon-tool.conf, racoon.conf), in that order of preference; nullopt when none is there.
std::optional<ImportFormat> detectFormat(const ImportSource& source);

// MAIN is the format's main file ("swanctl.conf", "racoon-tool.conf", …), found through SOURCE.
// An error only when nothing can be imported (the main file is missing, unreadable, or hostile);
// a line that does not fit is an ImportNote.
Result<ImportResult> importConfig(ImportFormat format, const ImportSource& source, const ImportOptions& options);

// The format a file's text is in, from what only that format writes ("connections {",
// "conn NAME", "peer(ADDR):", "remote ADDR {"); nullopt when none fits.
std::optional<ImportFormat> sniffFormat(const QByteArray& text);

// Files an admin names one by one ("import moon.conf psk.txt"): each is read (through a
// LocalFolderSource of its own folder, so the same limits hold) and held under the name the
// importers look for: its own name when that is one of theirs (swanctl.conf, ipsec.secrets,
// psk.txt, ipsec-tools.conf, …), else the main file of FORMAT (or of the format its text is in)
// for the first file. An error names the file that cannot be read or placed.
Result<MemorySource> sourceFromFiles(const QStringList& paths, std::optional<ImportFormat> format);

namespace Import {
Result<ImportResult> racoonTool(const ImportSource& source, const ImportOptions& options);
Result<ImportResult> racoon(const ImportSource& source, const ImportOptions& options);
Result<ImportResult> swanctl(const ImportSource& source, const ImportOptions& options);
Result<ImportResult> ipsecConf(const ImportSource& source, const ImportOptions& options);

// A site whose gateway's own inside address the files do not say (no IPsec file does) gets the
// first host of its first network, the wizard's default, with a warning to check it. Called on
// the finished import (after mergeImports, once).
void assumeInternalAddresses(ImportResult& result);
// The site a copied config folder is named after: the folder's name, or its parent's when the
// folder is etc, swanctl, racoon or ipsec.d ("~/gw/moon/etc" → "moon"); "local" when none.
QString siteNameForFolder(const QString& path);

// A name the profile takes for a site or network (1 to 32 of A-Z a-z 0-9 - _) made from TEXT, such
// as a gateway's SSH host: "10.99.1.2" → "10-99-1-2".
QString safeSiteName(const QString& text);

// A key as the input holds it, masked for an ImportNote's text.
QString maskedLine(const QString& line, const QByteArray& key);
} // namespace Import

} // namespace ipsecwiz
