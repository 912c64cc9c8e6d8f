// The Qt Multimedia side of mediafactory.h: players and frame grabbers over QMediaPlayer. Built as the
// module videoremix_media on Linux (loaded on first use, see mediamodule.cpp), into the app elsewhere.

#include "framethumbnailer.h"
#include "mediabackend.h"
#include "mediafactory.h"

#include <QAudioOutput>
#include <QFile>
#include <QMediaPlayer>
#include <QPointer>
#include <QUrl>
#include <QVideoWidget>

namespace {
class QtVideoPlayer final : public Media::VideoPlayer
{
public:
    QtVideoPlayer(QWidget *videoParent, bool muted, Handlers handlers)
        : m_handlers(std::move(handlers))
        , m_player(new QMediaPlayer)
        , m_audio(new QAudioOutput(m_player.get()))
        , m_video(new QVideoWidget(videoParent))
    {
        m_audio->setMuted(muted);
        m_player->setAudioOutput(m_audio);
        // The video's own size must not push the controls below out of the pane: it scales to fit.
        m_video->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_player->setVideoOutput(m_video.data());
        QMediaPlayer *player = m_player.get();
        QObject::connect(player, &QMediaPlayer::positionChanged, player, [this](qint64 ms) {
            if (m_handlers.positionChanged)
                m_handlers.positionChanged(ms);
        });
        QObject::connect(player, &QMediaPlayer::durationChanged, player, [this](qint64 ms) {
            if (m_handlers.durationChanged)
                m_handlers.durationChanged(ms);
        });
        QObject::connect(player, &QMediaPlayer::playbackStateChanged, player,
                         [this](QMediaPlayer::PlaybackState state) {
                             if (m_handlers.playingChanged)
                                 m_handlers.playingChanged(state == QMediaPlayer::PlayingState);
                         });
        QObject::connect(player, &QMediaPlayer::errorOccurred, player,
                         [this](QMediaPlayer::Error, const QString &text) {
                             if (m_handlers.errorOccurred)
                                 m_handlers.errorOccurred(text);
                         });
    }

    ~QtVideoPlayer() override
    {
        // Stop decoding before the picture goes: the player would otherwise push frames into it.
        m_handlers = {};
        m_player->stop();
        m_player.reset();
        delete m_device;
        delete m_video.data(); // unless its parent took it already
    }

    QWidget *videoWidget() const override { return m_video.data(); }
    bool isAvailable() const override { return m_player->isAvailable(); }

    void setSource(const QString &path) override
    {
        QFile *device = nullptr;
        if (path.isEmpty()) {
            m_player->stop();
            m_player->setSource(QUrl());
        } else if ((device = MediaBackend::setSource(m_player.get(), path))) {
            device->setParent(nullptr); // owned here, not by the player
        }
        // The previous file's device goes only now that the player no longer reads it.
        delete std::exchange(m_device, device);
    }

    void play() override { m_player->play(); }
    void pause() override { m_player->pause(); }
    void setPosition(qint64 ms) override { m_player->setPosition(ms); }
    qint64 position() const override { return m_player->position(); }
    qint64 duration() const override { return m_player->duration(); }
    bool isPlaying() const override { return m_player->playbackState() == QMediaPlayer::PlayingState; }

private:
    Handlers m_handlers;
    std::unique_ptr<QMediaPlayer> m_player;
    QAudioOutput *m_audio; // the player's child
    QPointer<QVideoWidget> m_video;
    QFile *m_device = nullptr; // when a file is played through a device (MediaBackend::setSource)
};

class QtFrameGrabber final : public Media::FrameGrabber
{
public:
    explicit QtFrameGrabber(Ready ready)
    {
        QObject::connect(&m_thumbnailer, &FrameThumbnailer::thumbnailReady, &m_thumbnailer,
                         [ready = std::move(ready)](const QString &localId, const QString &path) {
                             if (ready)
                                 ready(localId, path);
                         });
    }
    void request(const QString &localId, const QString &videoPath, const QString &targetPath) override
    {
        m_thumbnailer.request(localId, videoPath, targetPath);
    }

private:
    FrameThumbnailer m_thumbnailer;
};

class QtFactory final : public Media::Factory
{
public:
    bool isUsable() override { return MediaBackend::isUsable(); }
    std::unique_ptr<Media::VideoPlayer>
    createPlayer(QWidget *videoParent, bool muted, Media::VideoPlayer::Handlers handlers) override
    {
        if (!MediaBackend::isUsable()) // also picks the backend, which must come before the first player
            return nullptr;
        return std::make_unique<QtVideoPlayer>(videoParent, muted, std::move(handlers));
    }
    std::unique_ptr<Media::FrameGrabber> createFrameGrabber(Media::FrameGrabber::Ready ready) override
    {
        return std::make_unique<QtFrameGrabber>(std::move(ready));
    }
};
} // namespace

Media::Factory *videoremix_media_factory()
{
    static QtFactory factory;
    return &factory;
}
