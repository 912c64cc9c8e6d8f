#pragma once

#include <QString>
#include <QtGlobal>

#include <functional>
#include <memory>

class QWidget;

// What the widgets need of Qt Multimedia, behind plain C++ interfaces (no Qt Multimedia type, no moc), so
// that the library that links Qt Multimedia, videoremix_media (ui/media/), can be loaded the first time a
// video is played or a frame is taken, and not at every start: Qt Multimedia and what it pulls in
// (PulseAudio, the codecs' libraries) took ~7 ms of each start-up, before main() (README, Performance).
// MediaModule (mediamodule.h) finds the factory.
namespace Media {
// One video and its picture, played inside the app.
class VideoPlayer
{
public:
    // Called on the GUI thread, never after the player is destroyed.
    struct Handlers
    {
        std::function<void(qint64 ms)> positionChanged;
        std::function<void(qint64 ms)> durationChanged;
        std::function<void(bool playing)> playingChanged;
        std::function<void(const QString &message)> errorOccurred;
    };

    virtual ~VideoPlayer() = default;
    // The picture, a child of the widget given to the factory; it goes with the player.
    virtual QWidget *videoWidget() const = 0;
    // Whether this computer can play anything (a backend was found).
    virtual bool isAvailable() const = 0;
    // A local file; an empty path stops and lets go of the file.
    virtual void setSource(const QString &path) = 0;
    virtual void play() = 0;
    virtual void pause() = 0;
    virtual void setPosition(qint64 ms) = 0;
    virtual qint64 position() const = 0;
    virtual qint64 duration() const = 0;
    virtual bool isPlaying() const = 0;
};

// Makes a thumbnail from the first frame of a video, for services that offer none. One video at a time,
// each with a time limit; a video that cannot be decoded here gets no answer.
class FrameGrabber
{
public:
    using Ready = std::function<void(const QString &localId, const QString &thumbnailPath)>;

    virtual ~FrameGrabber() = default;
    // Writes a JPEG of the video's first frame to targetPath, then calls the Ready function.
    virtual void request(const QString &localId, const QString &videoPath, const QString &targetPath) = 0;
};

class Factory
{
public:
    virtual ~Factory() = default;
    // Whether a player can be made without bringing the app down (mediabackend.h).
    virtual bool isUsable() = 0;
    // muted: no sound (the "before" side of a comparison plays silently). nullptr when !isUsable().
    virtual std::unique_ptr<VideoPlayer>
    createPlayer(QWidget *videoParent, bool muted, VideoPlayer::Handlers handlers) = 0;
    virtual std::unique_ptr<FrameGrabber> createFrameGrabber(FrameGrabber::Ready ready) = 0;
};
} // namespace Media

// The one symbol the media library exports (looked up by name when it is loaded as a module).
extern "C" Q_DECL_EXPORT Media::Factory *videoremix_media_factory();
