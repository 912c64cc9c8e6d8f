#include "mediabackend.h"

#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMediaPlayer>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

// Whether a QMediaPlayer can be created without bringing the app down. Qt 6.4 tries GStreamer first on
// Linux, and its player crashes in its constructor when GStreamer's "playback" plugin (playbin) is
// missing, as on minimal installs and in CI. The FFmpeg backend works there, so it is chosen instead
// (unless the user picked a backend with QT_MEDIA_BACKEND). Decided once, before the first player.
bool MediaBackend::isUsable()
{
#if defined(Q_OS_LINUX)
    static const bool usable = [] {
        if (qEnvironmentVariableIsSet("QT_MEDIA_BACKEND"))
            return true;
        QStringList folders;
        for (const char *variable :
             {"GST_PLUGIN_PATH_1_0", "GST_PLUGIN_PATH", "GST_PLUGIN_SYSTEM_PATH_1_0", "GST_PLUGIN_SYSTEM_PATH"})
            folders += qEnvironmentVariable(variable).split(u':', Qt::SkipEmptyParts);
        if (!qEnvironmentVariableIsSet("GST_PLUGIN_SYSTEM_PATH_1_0")
            && !qEnvironmentVariableIsSet("GST_PLUGIN_SYSTEM_PATH")) {
            // Where distributions install GStreamer's plugins: next to Qt's own libraries (multiarch).
            folders << QLibraryInfo::path(QLibraryInfo::LibrariesPath) + u"/gstreamer-1.0"_s
                    << u"/usr/lib64/gstreamer-1.0"_s << u"/usr/lib/gstreamer-1.0"_s
                    << u"/usr/local/lib/gstreamer-1.0"_s;
        }
        for (const QString &folder : std::as_const(folders)) {
            if (QFileInfo::exists(folder + u"/libgstplayback.so"_s))
                return true;
        }
        const QString plugins = QLibraryInfo::path(QLibraryInfo::PluginsPath) + u"/multimedia/"_s;
        if (QFileInfo::exists(plugins + u"libffmpegmediaplugin.so"_s)) {
            qputenv("QT_MEDIA_BACKEND", "ffmpeg");
            return true;
        }
        return !QFileInfo::exists(plugins + u"libgstreamermediaplugin.so"_s);
    }();
    return usable;
#else
    return true;
#endif
}

// Qt 6.4's FFmpeg backend cannot open a file URL whose path has non-ASCII characters ("Could not open
// file"), and downloaded names carry the prompt, often in Chinese. Those files are handed over as an
// open QFile instead, which every backend reads. Returns the device to delete after use, or nullptr.
QFile *MediaBackend::setSource(QMediaPlayer *player, const QString &path)
{
    const bool ascii = std::all_of(path.cbegin(), path.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (ascii || qgetenv("QT_MEDIA_BACKEND") != "ffmpeg") {
        player->setSource(QUrl::fromLocalFile(path));
        return nullptr;
    }
    auto *file = new QFile(path, player);
    if (!file->open(QIODevice::ReadOnly)) {
        delete file;
        player->setSource(QUrl::fromLocalFile(path)); // fails the usual way, with the player's message
        return nullptr;
    }
    // The URL only tells the backend the container type.
    player->setSourceDevice(file, QUrl(u"video."_s + QFileInfo(path).suffix()));
    return file;
}
