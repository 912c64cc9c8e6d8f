#pragma once

#include <functional>

class QObject;

// Work the main window's first frame does not need (the themed icons, the line edits' clear buttons, the
// window icon) waits until that frame is on screen. main() holds it back before it builds the window and
// releases it once the window has been exposed. Without a hold (tests, anything after start-up) work
// runs at once.
namespace FirstFrame {
void hold();
// Runs what was waiting, in the order it came, and repaints the windows so that deferred icons appear.
void release();
bool isHeld();
// Runs work now, or on release while held; skipped if context is destroyed before then.
void whenShown(QObject *context, std::function<void()> work);
} // namespace FirstFrame
