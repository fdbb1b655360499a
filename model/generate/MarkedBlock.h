#pragma once

// Coexistence with the admin's own configuration: in a file the admin also writes (racoon-tool.conf,
// psk.txt, racoon.conf), the program owns only its marked blocks,
//     # BEGIN ipsec-wizard NAME
//     …
//     # END ipsec-wizard NAME
// and every other byte of the file stays as it was, through push, remove and rollback. merge() is
// the rule; shellFunction() is the same rule in POSIX sh for the gateway (the push merges there,
// under its lock, into the file as it is at that moment) and for install.sh. A test runs both on
// the same inputs and compares them byte for byte.

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace ipsecwiz::MarkedBlock {

QByteArray beginLine(const QString& name); // "# BEGIN ipsec-wizard NAME"
QByteArray endLine(const QString& name);   // "# END ipsec-wizard NAME"

// BODY between the two marker lines, each line ending in '\n'.
QByteArray wrap(const QString& name, const QByteArray& body);

// FILE with its block NAME replaced by BLOCK (a wrap() of the same name), in place; or BLOCK
// appended when FILE has none; an empty BLOCK takes the block out. A file without a final newline
// gets one before an appended block, and loses it again with the block, so removing gives back
// exactly the bytes there were before. Fails when the markers of NAME are not one BEGIN before
// one END (edited by hand): then nothing should be touched.
Result<QByteArray> merge(const QByteArray& file, const QString& name, const QByteArray& block);

// Several tunnels' blocks of one file (a gateway's psk.txt): NAMES separated by spaces, BLOCKS
// their wrap()s one after the other (empty: every one of them taken out); merged one by one.
Result<QByteArray> mergeAll(const QByteArray& file, const QString& names, const QByteArray& blocks);

// Lines as `head -n`/`tail -n` count them: each ends after its '\n'; a last line without one is a line too.
QList<QByteArray> linesOf(const QByteArray& file);

// Block NAME of FILE with its two marker lines, as merge() finds it; none when FILE has no such
// block (or its markers are broken).
std::optional<QByteArray> extract(const QByteArray& file, const QString& name);

// The sh functions `merge_block FILE BLOCKFILE NAME OUT`: OUT (created, umask applies) is what
// merge(FILE, NAME, BLOCKFILE's content) returns, a FILE that does not exist counting as empty;
// and `merge_blocks FILE UPLOAD NAMES OUT`, what mergeAll() returns. Both return 1 with a message
// on stdout when markers are broken. Need grep, head, tail, cut, wc, sed (coreutils' head -c -1).
QString shellFunction();

} // namespace ipsecwiz::MarkedBlock
