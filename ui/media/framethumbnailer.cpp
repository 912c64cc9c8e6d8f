#include "framethumbnailer.h"

#include "mediabackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLoggingCategory>
#include <QMediaPlayer>
#include <QVideoFrame>
#include <QVideoSink>

Q_LOGGING_CATEGORY(lcThumbnail, "remix.thumbnail", QtInfoMsg)

FrameThumbnailer::FrameThumbnailer(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(10000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        qCInfo(lcThumbnail) << "no frame from" << m_current.videoPath << "in time";
        finishCurrent();
    });
}

FrameThumbnailer::~FrameThumbnailer() = default;

void FrameThumbnailer::request(const QString &localId, const QString &videoPath, const QString &targetPath)
{
    m_queue.enqueue({localId, videoPath, targetPath});
    if (!m_busy)
        startNext();
}

void FrameThumbnailer::startNext()
{
    if (m_queue.isEmpty() || !MediaBackend::isUsable())
        return;
    if (!m_player) {
        // Created on first use only: nothing of multimedia starts with the app. No audio output: silent.
        m_player = new QMediaPlayer(this);
        m_sink = new QVideoSink(this);
        m_player->setVideoSink(m_sink);
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &FrameThumbnailer::onFrame);
        connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
            qCInfo(lcThumbnail) << "cannot decode" << m_current.videoPath << text;
            finishCurrent();
        });
    }
    m_current = m_queue.dequeue();
    m_busy = true;
    m_device = MediaBackend::setSource(m_player, m_current.videoPath);
    m_timeout.start();
    m_player->play();
}

void FrameThumbnailer::onFrame(const QVideoFrame &frame)
{
    if (!m_busy || !frame.isValid())
        return;
    const QImage image = frame.toImage();
    if (image.isNull())
        return;
    const QImage scaled =
        image.width() > ThumbnailWidth ? image.scaledToWidth(ThumbnailWidth, Qt::SmoothTransformation) : image;
    QDir().mkpath(QFileInfo(m_current.targetPath).absolutePath());
    if (scaled.save(m_current.targetPath, "JPG", 85))
        emit thumbnailReady(m_current.localId, m_current.targetPath);
    else
        qCInfo(lcThumbnail) << "cannot write" << m_current.targetPath;
    finishCurrent();
}

void FrameThumbnailer::finishCurrent()
{
    if (!m_busy)
        return;
    m_busy = false;
    m_timeout.stop();
    // Stopping from inside the sink's signal is safe; the next file starts on a fresh event-loop turn.
    m_player->stop();
    m_player->setSource(QUrl());
    delete m_device;
    m_device = nullptr;
    QMetaObject::invokeMethod(this, &FrameThumbnailer::startNext, Qt::QueuedConnection);
}
