#pragma once

#include <QString>

class QFile;
class QMediaPlayer;

// What every QMediaPlayer of the app needs on Qt 6.4: a backend that does not crash, and file names
// that its FFmpeg backend can open.
namespace MediaBackend {
// Whether a player can be created here (picks FFmpeg where GStreamer lacks its playback plugin).
// Call before creating the first QMediaPlayer.
bool isUsable();
// Sets the player's source; returns a device to delete after use, or nullptr.
QFile *setSource(QMediaPlayer *player, const QString &path);
} // namespace MediaBackend
