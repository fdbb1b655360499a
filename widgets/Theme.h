#pragma once

// Light and dark palettes, or whatever the desktop uses. The choice is the user's (View ▸ Theme)
// and is kept in QSettings under "theme".

#include <QPalette>
#include <QString>

namespace ipsecwiz::Theme {

enum class Mode { System, Light, Dark };

// Remembers the desktop's palette and style; call once after the QApplication exists.
void init();
void apply(Mode mode);
[[nodiscard]] Mode current();

[[nodiscard]] QString modeId(Mode mode); // "system", "light", "dark"
[[nodiscard]] Mode modeFromId(const QString& id);

[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
[[nodiscard]] bool isDark(const QPalette& palette);

} // namespace ipsecwiz::Theme
