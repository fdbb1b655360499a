#pragma once

// The command-line interface: the same binary without a display. Exit status 0 ok, 1 the input
// is wrong (the message names the field), 2 usage, 3 remote failure, 4 what was looked for was found
// (diagnose: a cause, the tunnel not up; check: drift).

#include <QStringList>

namespace ipsecwiz::Cli {

enum Exit { Ok = 0, BadInput = 1, Usage = 2, RemoteFailure = 3, Found = 4, Interrupted = 130 };

// True when argv names a sub-command or a CLI-only option (so no GUI is needed).
bool wantsCli(const QStringList& args);
// The commands that draw the topology (draw, bundle): they need fonts and a paint device, so
// main() gives them a QApplication on the offscreen platform, with no display.
bool wantsDrawing(const QStringList& args);
int run(const QStringList& args);

} // namespace ipsecwiz::Cli
