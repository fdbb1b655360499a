#pragma once

// Writing files that may hold secrets: the file gets its final mode when it is created (never
// a world-readable moment) and appears under its name only when complete.

#include "Result.h"

#include <QByteArray>
#include <QString>

namespace ipsecwiz::FileWriter {

enum class Sync {
    Now,   // fsync before the rename: the file is on disk when this returns
    Later, // the caller writes many files and then calls syncFolder() once (an fsync each is most of the time)
};

// Creates PATH.tmp-XXXXXX with `mode` (e.g. 0600), writes, fsyncs (Sync::Now), renames over PATH.
Status writeAtomically(const QString& path, const QByteArray& data, int mode, Sync sync = Sync::Now);

// Flushes the file system that holds PATH (syncfs): what Sync::Later left to do.
Status syncFolder(const QString& path);

// Creates every missing folder of `path` with mode 0755.
Status makeFolders(const QString& path);

} // namespace ipsecwiz::FileWriter
