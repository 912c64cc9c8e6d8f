#pragma once

#include "api/apierror.h"
#include "api/networkjob.h"
#include "downloads/downloadfailure.h"
#include "downloads/partfile.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QString>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

// Downloads one file of a finished video (variant "video" or "thumbnail") to a target path.
//
// - The body is streamed into "<target>.part" as it arrives (never held in memory; written off the
//   GUI thread, see PartFile), synced, and renamed to the target only once complete. An existing file is
//   never overwritten: the job then saves as "name (2).mp4" and filePath() says so.
// - A "<target>.part" left by an earlier attempt is resumed with "Range: bytes=N-" (206 appends,
//   200 restarts from zero, 416 restarts). Transient failures (network, timeout, 408/429/5xx) are
//   retried a bounded number of times with growing delays, resuming from what is already on disk.
// - When /content (or the video object) gives a link instead of bytes (JSON with url / video_url /
//   data.url, or a redirect to another host), the link is followed. The API key is sent only to the
//   API's own origin (scheme, host and port), never to a storage host (NetworkJob sees to that).
// - Exactly one finished() signal; then the job deletes itself (unless setAutoDelete(false)).
class DownloadJob final : public NetworkJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadJob)

public:
    static constexpr int DefaultTimeoutMs = 30000;
    static constexpr int DefaultMaxRetries = 3;
    static constexpr int DefaultRetryDelayMs = 1000; // doubled on every retry, at most MaxRetryDelayMs
    static constexpr int MaxRetryDelayMs = 8000;

    // directUrl: VideoInfo::downloadUrl when the video object carried one (else empty: /content is asked).
    // targetPath: the final file, normally DownloadNaming::uniquePath(folder, suggestedFileName(...)).
    DownloadJob(const NetworkContext &context,
                const ServiceEndpoint &service,
                const QString &videoId,
                const QString &variant,
                const QUrl &directUrl,
                const QString &targetPath,
                QObject *parent = nullptr);
    ~DownloadJob() override;

    // Configuration, before start() (and setTimeoutMs(), setAutoDelete() of NetworkJob).
    void setRetryPolicy(int maxRetries, int firstDelayMs);
    // The video's expires_at: once it has passed, a refused download is reported as Expired.
    void setExpiresAt(const QDateTime &expiresAt) { m_expiresAt = expiresAt; }

    QString videoId() const { return m_videoId; }
    QString variant() const { return m_variant; }
    QString targetPath() const { return m_targetPath; }

    // Results, valid once finished() was emitted.
    DownloadError error() const { return m_error; }
    bool isExpired() const { return m_error == DownloadError::Expired; }
    // The file written: targetPath(), or "name (2).ext" when the target appeared meanwhile; for a
    // thumbnail the suffix follows what arrived (.webp, .jpg, .png). Empty on failure.
    QString filePath() const { return m_filePath; }
    qint64 bytesReceived() const { return m_written; } // once finished: the bytes in the file
    // For Http, Network and Timeout: the details (status, server message, request id).
    const ApiError &apiError() const { return m_apiError; }
    // One sentence for the user, in the UI language; empty on success.
    QString errorString() const;
    // The raw facts behind errorString(), for keeping with the job and wording later in any language.
    DownloadFailure failure() const;

    // A generic sentence for an error kind (errorString() adds the folder or the server's reason).
    static QString message(DownloadError error);
    // "<target>.part": where the bytes go until the file is complete.
    static QString partialPath(const QString &targetPath);
    // "<target>.part.json": whose the .part is (service, video, variant) and which file it was begun
    // from (ETag or Last-Modified, size). A .part is resumed only by a download it belongs to.
    static QString partialInfoPath(const QString &targetPath);
    // Removes the .part and its note (a download given up for good).
    static void removePartial(const QString &targetPath);

    struct PartialInfo
    {
        QString service; // the API's origin, ServiceProfile::originOf()
        QString videoId;
        QString variant;
        QByteArray validator; // a strong ETag or Last-Modified, for If-Range; may be empty
        qint64 total = -1;    // the whole file's size when it was begun; -1 unknown
    };
    static PartialInfo readPartialInfo(const QString &targetPath);
    static bool writePartialInfo(const QString &targetPath, const PartialInfo &info);
    // Tests: every final sync of a finished file takes this much longer (a slow disk); 0 = off.
    static void setSyncDelayForTests(int ms);
    // Tests: every write into a .part takes this much longer (a disk that lags behind the network).
    static void setWriteDelayForTests(int ms) { PartFile::setWriteDelayForTests(ms); }
    // True when a link with this expires_at can no longer be used.
    static bool hasExpired(const QDateTime &expiresAt, const QDateTime &now = QDateTime::currentDateTimeUtc());

signals:
    void progress(qint64 received, qint64 total); // total -1 when unknown
    void finished(DownloadJob *job);

private:
    enum class BodyMode
    {
        Undecided,
        File,   // bytes of the video go to the .part file
        Buffer, // an error page or a JSON link: kept in memory (bounded)
    };

    void begin() override;
    void handleReadyRead(QNetworkReply *reply) override;
    void handleReply(QNetworkReply *reply) override;
    void handleAbortWithoutReply() override;
    void emitFinished() override;

    void sendNext();
    void decideBodyMode(QNetworkReply *reply);
    void consume(const QByteArray &data);
    // The disk thread wrote a chunk (or failed to): progress, a write error, reading on after a pause.
    void onPartWritten();
    void takeWriteFailure();
    void restartFromZero();
    void followLink(const QUrl &link);
    void retryOrFail(const ApiError &error);
    struct SaveResult
    {
        QString filePath; // empty when it failed
        QString writeError;
        DownloadError writeErrorKind = DownloadError::Unwritable;
    };
    // Syncs a complete .part, renames it to its file (on the disk thread), then finishes the job.
    void completeFile();
    static SaveResult saveOnDisk(const PartFile::Status &written,
                                 const QString &partPath,
                                 const QString &targetPath,
                                 const QString &variant);
    void applySaveResult(const SaveResult &result);
    void fail(DownloadError error, const ApiError &apiError = ApiError());
    void recordFailure(DownloadError error, const ApiError &apiError);
    bool looksExpired(int httpStatus, const QByteArray &body) const;
    // Notes in the .part.json that the .part belongs to this download, and the answer's validator.
    void rememberPartialOwner(QNetworkReply *reply);

    QString m_videoId;
    QString m_variant;
    QUrl m_directUrl;
    QString m_targetPath;
    QDateTime m_expiresAt;
    int m_maxRetries = DefaultMaxRetries;
    int m_firstRetryDelayMs = DefaultRetryDelayMs;

    QUrl m_url;      // what the current request asks for
    int m_links = 0; // links followed so far (JSON or cross-origin redirects)
    int m_retries = 0;
    bool m_restartedFromZero = false;                 // after a 416 or a wrong 206: only once
    bool m_rangeMismatch = false;                     // the current 206 does not start where the file ends
    DownloadError m_localError = DownloadError::None; // writing failed (during the current request)

    QTimer m_retryTimer;
    PartFile m_part;
    qint64 m_offset = 0;         // bytes already on disk when the current request was sent
    qint64 m_written = 0;        // bytes handed to the .part file (written, or queued for the disk thread)
    qint64 m_total = -1;         // the whole file's size when known
    QByteArray m_validator;      // ETag / Last-Modified of the file the .part holds the start of
    qint64 m_expectedTotal = -1; // that file's size, from the .part.json
    qint64 m_bestWritten = 0;    // the furthest the file ever got (retries count only failures without progress)
    int m_httpStatus = 0;
    BodyMode m_mode = BodyMode::Undecided;
    QByteArray m_buffer;
    QString m_writeError; // the file system's words when writing failed
    QElapsedTimer m_progressClock;

    DownloadError m_error = DownloadError::None;
    ApiError m_apiError;
    QString m_filePath;
    bool m_saving = false; // completeFile() handed the file to the disk thread
    QFuture<SaveResult> m_save;
};
