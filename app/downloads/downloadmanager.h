#pragma once

#include "api/apiclient.h"
#include "jobs/remixjob.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>

#include <functional>

class DownloadJob;
class JobList;

// Saves finished videos at once, before their links expire: when a job completes it queues the video
// (into the chosen folder, under a name a person can find) and its thumbnail (into the cache), runs a
// few at a time, shows progress in the job's row and resumes interrupted files after a restart.
class DownloadManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadManager)

public:
    // Returns the service (address and key) a job's files are fetched from.
    using ServiceResolver = std::function<ServiceEndpoint(const QString &localId)>;

    static constexpr int DefaultParallelDownloads = 2;

    DownloadManager(ApiClient *client, JobList *jobs, QObject *parent = nullptr);
    ~DownloadManager() override;

    void setServiceResolver(const ServiceResolver &resolver) { m_resolveService = resolver; }
    void setAutoDownload(bool enabled) { m_autoDownload = enabled; }
    bool autoDownload() const { return m_autoDownload; }
    void setFolder(const QString &folder) { m_folder = folder; }
    QString folder() const { return m_folder; }
    // Where thumbnails are cached (defaults to <CacheLocation>/thumbnails).
    void setThumbnailFolder(const QString &folder) { m_thumbnailFolder = folder; }
    QString thumbnailFolder() const { return m_thumbnailFolder; }
    // A thumbnail made elsewhere (a frame of the downloaded video, when the service has none).
    void setThumbnail(const QString &localId, const QString &path);
    // Where a frame thumbnail of the job's result goes ("" for a job without a result).
    QString frameThumbnailPath(const QString &localId) const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setRetryPolicy(int maxRetries, int firstDelayMs);

    // Called when a job completed: downloads video and thumbnail if auto-download is on.
    void onJobFinished(const QString &localId);
    // "Download again": fetches the video now, into a new file if the old one exists.
    void downloadNow(const QString &localId);
    // After loading history: resumes files that were downloading or waiting when the app stopped, and
    // fetches missing thumbnails of completed jobs.
    void resumeInterrupted();
    enum class PartialFiles
    {
        Keep,    // quitting: the next start resumes them
        Discard, // the job is removed: its .part files go too
    };
    // Stops the job's downloads (queued and running).
    void cancel(const QString &localId, PartialFiles partialFiles = PartialFiles::Keep);

    // Before / after: fetches the job's *source* video from the service into the cache, for playing
    // it beside the result when the source is not a job of this list. Answered by sourceSaved() or
    // sourceFailed().
    void fetchSource(const QString &localId);
    // Where the job's source video is cached (it may not exist yet). Cache files are named after the
    // service and the exact id, so two services' videos, or ids that differ in "/+=:", never share one.
    QString cachedSourcePath(const QString &localId) const;
    bool isFetchingSource(const QString &localId) const;

    int activeCount() const { return int(m_running.size()); }

signals:
    // A video file is complete (for notifications: "saved to ...").
    void videoSaved(const QString &localId, const QString &filePath);
    void downloadFailed(const QString &localId, const QString &message);
    void sourceSaved(const QString &localId, const QString &filePath);
    void sourceFailed(const QString &localId, const QString &message);

private:
    struct Task
    {
        QString localId;
        QString variant; // "video", "thumbnail" or "source" (the source video, for before / after)
        QString targetPath;
    };

    void enqueue(const Task &task);
    void startNext();
    void onDownloadFinished(const Task &task, DownloadJob *job);
    void updateJob(const QString &localId, const std::function<void(RemixJob &)> &change);
    QString targetFor(const RemixJob &job) const;

    ApiClient *m_client;
    JobList *m_jobs;
    ServiceResolver m_resolveService;
    bool m_autoDownload = true;
    QString m_folder;
    QString m_thumbnailFolder;
    QString m_sourceFolder;
    int m_timeoutMs = 30000;
    int m_maxRetries = 3;
    int m_firstRetryDelayMs = 1000;
    QQueue<Task> m_queue;
    QHash<QString, QPointer<DownloadJob>> m_running; // "<localId>/<variant>" -> job
    QSet<QString> m_reservedTargets;                 // video files queued or downloading, by path
    QHash<QString, QString> m_keptFiles; // localId -> the file saved before "Download again", shown if it fails
};
