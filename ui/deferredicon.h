#pragma once

#include <QIcon>
#include <QStyle>

#include <functional>

// Icons looked up when first drawn after the first frame (see FirstFrame). The first themed lookup reads
// the desktop theme's index (about 15 ms on a 2-core machine) and the style's fallbacks decode several
// PNGs each; the main window's first frame should not wait for either. Until then such an icon draws
// nothing but keeps its size, so buttons and menus do not move when it appears.
namespace DeferredIcon {
QIcon make(std::function<QIcon()> lookup);
// The desktop theme's themeName, or the style's fallback where the theme has none.
QIcon themed(const QString &themeName, QStyle::StandardPixmap fallback);
// The desktop theme's themeName; a null icon where it has none.
QIcon themed(const QString &themeName);
QIcon standard(QStyle::StandardPixmap pixmap);
} // namespace DeferredIcon
