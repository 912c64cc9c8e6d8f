#pragma once

#include <QObject>
#include <QQueue>
#include <QTimer>

class QFile;
class QMediaPlayer;
class QVideoFrame;
class QVideoSink;

// Makes a thumbnail from the first frame of a downloaded video, for services that offer none
// (no variant=thumbnail). One video at a time, with a time limit, off the main player.
class FrameThumbnailer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameThumbnailer)

public:
    static constexpr int ThumbnailWidth = 320;

    explicit FrameThumbnailer(QObject *parent = nullptr);
    ~FrameThumbnailer() override;

    // Writes a JPEG of the video's first frame to targetPath; answered by thumbnailReady (or nothing
    // when the video cannot be decoded here).
    void request(const QString &localId, const QString &videoPath, const QString &targetPath);
    void setTimeoutMs(int ms) { m_timeout.setInterval(ms); }

signals:
    void thumbnailReady(const QString &localId, const QString &path);

private:
    struct Item
    {
        QString localId;
        QString videoPath;
        QString targetPath;
    };

    void startNext();
    void onFrame(const QVideoFrame &frame);
    void finishCurrent();

    QQueue<Item> m_queue;
    Item m_current;
    bool m_busy = false;
    QMediaPlayer *m_player = nullptr;
    QVideoSink *m_sink = nullptr;
    QFile *m_device = nullptr;
    QTimer m_timeout;
};
