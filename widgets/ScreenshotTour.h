#pragma once

// Makes the documentation's screenshots: every wizard page (filled with the example profile),
// a field with an error, the main window and the monitor (with IPSECWIZ_SCREENSHOT_MONITOR_POLLS:
// a folder of recorded polls), in the light and the dark theme, as PNGs. Started
// by IPSECWIZ_SCREENSHOT_DIR (see docs/make-screenshots.sh); needs a real display (Xvfb).

#include <QString>

namespace ipsecwiz::ScreenshotTour {

// Writes the PNGs into `dir` and returns the process exit status (0 when every shot was written).
int run(const QString& dir);

} // namespace ipsecwiz::ScreenshotTour
