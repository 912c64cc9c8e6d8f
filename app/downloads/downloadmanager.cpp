#include "downloads/downloadmanager.h"

#include "downloads/downloadjob.h"
#include "downloads/downloadnaming.h"
#include "jobs/joblist.h"
#include "logging.h"
#include "services/serviceprofile.h"

#include <QCryptographicHash>
#include <QDir>

#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString VideoVariant = u"video"_s;
const QString ThumbnailVariant = u"thumbnail"_s;
const QString SourceVariant = u"source"_s;

QString taskKey(const QString &localId, const QString &variant)
{
    return localId + u'/' + variant;
}

// A cache file name for one service's video: a readable start, then a hash of the service's origin
// and the exact id. Ids are opaque (LiteLLM's base64 holds "/", "+" and "="; others ":"), so folding
// characters alone would let "a/b" and "a_b", or the same id on two services, share one file.
QString cacheNameFor(const QUrl &apiBase, const QString &videoId)
{
    QString readable;
    for (const QChar c : videoId.left(40))
        readable.append(c.isLetterOrNumber() || c == u'_' || c == u'-' ? c : u'_');
    const QByteArray identity = ServiceProfile::originOf(apiBase).toUtf8() + '\n' + videoId.toUtf8();
    const QByteArray hash = QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(16);
    return readable + u'-' + QString::fromLatin1(hash);
}
} // namespace

DownloadManager::DownloadManager(ApiClient *client, JobList *jobs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobs(jobs)
    , m_folder(DownloadNaming::defaultDownloadFolder())
    , m_thumbnailFolder(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/thumbnails"_s)
    , m_sourceFolder(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/sources"_s)
{}

DownloadManager::~DownloadManager()
{
    m_queue.clear();
    // Aborting keeps the .part files: the next start resumes them.
    const auto running = m_running;
    m_running.clear();
    for (const QPointer<DownloadJob> &job : running) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void DownloadManager::setRetryPolicy(int maxRetries, int firstDelayMs)
{
    m_maxRetries = maxRetries;
    m_firstRetryDelayMs = firstDelayMs;
}

void DownloadManager::updateJob(const QString &localId, const std::function<void(RemixJob &)> &change)
{
    std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job)
        return;
    change(*job);
    m_jobs->update(*job);
}

QString DownloadManager::targetFor(const RemixJob &job) const
{
    // An interrupted download keeps its name, so its .part file is found and resumed (DownloadJob
    // checks that the .part is really this job's).
    if (!job.filePath.isEmpty() && job.downloadState != DownloadState::Done)
        return job.filePath;
    const QDateTime when = job.completedAt.isValid() ? job.completedAt : QDateTime::currentDateTime();
    const QString name = DownloadNaming::suggestedFileName(when.toLocalTime(), job.prompt, job.resultVideoId, u"mp4"_s);
    return DownloadNaming::pathForNewDownload(m_folder, name, m_reservedTargets);
}

void DownloadManager::onJobFinished(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->state != JobState::Completed || job->resultVideoId.isEmpty())
        return;
    if (job->thumbnailPath.isEmpty())
        enqueue({localId, ThumbnailVariant, QString()});
    if (m_autoDownload && job->downloadState != DownloadState::Done)
        downloadNow(localId);
}

void DownloadManager::downloadNow(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->state != JobState::Completed || job->resultVideoId.isEmpty())
        return;
    if (m_running.contains(taskKey(localId, VideoVariant)))
        return;
    for (const Task &queued : std::as_const(m_queue)) {
        if (queued.localId == localId && queued.variant == VideoVariant)
            return;
    }
    // "Download again" after a finished download makes a new file; never overwrites the old one.
    RemixJob fresh = *job;
    if (fresh.downloadState == DownloadState::Done) {
        // Kept in mind: should this download fail, the job goes back to the file it already has.
        if (QFileInfo(fresh.filePath).isFile())
            m_keptFiles.insert(localId, fresh.filePath);
        fresh.filePath.clear();
    }
    const QString target = targetFor(fresh);
    m_reservedTargets.insert(target);
    updateJob(localId, [&target](RemixJob &j) {
        j.downloadState = DownloadState::Pending;
        j.downloadProgress = 0;
        j.downloadFailure = DownloadFailure();
        j.filePath = target;
    });
    enqueue({localId, VideoVariant, target});
}

void DownloadManager::resumeInterrupted()
{
    // In UTC, like the stored times: comparing a local time converts it on every call, which over a
    // 10,000-job history held the GUI thread for ~15 ms.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Collected first: starting a download changes the list, which forEachJob must not see mid-walk.
    QVector<QPair<QString, bool>> steps; // (job, whole video) in the order of the list
    m_jobs->forEachJob([&](const RemixJob &job) {
        if (job.state != JobState::Completed)
            return;
        // Only recent jobs whose links still work: a long history must not turn into thousands of
        // requests for thumbnails the service no longer has.
        const bool linkAlive = job.expiresAt.isValid()
                                   ? job.expiresAt > now
                                   : job.completedAt.isValid() && job.completedAt.secsTo(now) < 86400;
        if (linkAlive && (job.thumbnailPath.isEmpty() || !QFileInfo::exists(job.thumbnailPath)))
            steps.append({job.localId, false});
        if (job.downloadState == DownloadState::Pending || job.downloadState == DownloadState::Downloading)
            steps.append({job.localId, true});
    });
    for (const auto &[localId, video] : std::as_const(steps)) {
        if (video)
            downloadNow(localId);
        else
            enqueue({localId, ThumbnailVariant, QString()});
    }
}

void DownloadManager::cancel(const QString &localId, PartialFiles partialFiles)
{
    QStringList targets;
    for (qsizetype i = m_queue.size() - 1; i >= 0; --i) {
        if (m_queue.at(i).localId == localId) {
            targets << m_queue.at(i).targetPath;
            m_queue.removeAt(i);
        }
    }
    for (const QString &variant : {VideoVariant, ThumbnailVariant, SourceVariant}) {
        if (const QPointer<DownloadJob> job = m_running.value(taskKey(localId, variant))) {
            if (variant == VideoVariant)
                targets << job->targetPath();
            job->abort();
        }
    }
    for (const QString &target : std::as_const(targets)) {
        m_reservedTargets.remove(target);
        if (partialFiles == PartialFiles::Discard && !target.isEmpty())
            DownloadJob::removePartial(target);
    }
}

void DownloadManager::setThumbnail(const QString &localId, const QString &path)
{
    updateJob(localId, [&path](RemixJob &j) { j.thumbnailPath = path; });
}

QString DownloadManager::frameThumbnailPath(const QString &localId) const
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->resultVideoId.isEmpty())
        return QString();
    return m_thumbnailFolder + u'/' + cacheNameFor(job->apiBase, job->resultVideoId) + u"-frame.jpg"_s;
}

QString DownloadManager::cachedSourcePath(const QString &localId) const
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->sourceVideoId.isEmpty())
        return QString();
    return m_sourceFolder + u'/' + cacheNameFor(job->apiBase, job->sourceVideoId) + u".mp4"_s;
}

bool DownloadManager::isFetchingSource(const QString &localId) const
{
    if (m_running.contains(taskKey(localId, SourceVariant)))
        return true;
    return std::any_of(m_queue.cbegin(), m_queue.cend(), [&localId](const Task &task) {
        return task.localId == localId && task.variant == SourceVariant;
    });
}

void DownloadManager::fetchSource(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->sourceVideoId.isEmpty() || isFetchingSource(localId))
        return;
    const QString target = cachedSourcePath(localId);
    if (QFileInfo::exists(target)) {
        QMetaObject::invokeMethod(
            this, [this, localId, target] { emit sourceSaved(localId, target); }, Qt::QueuedConnection);
        return;
    }
    enqueue({localId, SourceVariant, target});
}

void DownloadManager::enqueue(const Task &task)
{
    m_queue.enqueue(task);
    startNext();
}

void DownloadManager::startNext()
{
    while (m_running.size() < DefaultParallelDownloads && !m_queue.isEmpty()) {
        Task task = m_queue.dequeue();
        const std::optional<RemixJob> job = m_jobs->job(task.localId);
        if (!job)
            continue;
        if (task.variant == ThumbnailVariant) {
            if (!QDir().mkpath(m_thumbnailFolder))
                continue;
            task.targetPath = m_thumbnailFolder + u'/' + cacheNameFor(job->apiBase, job->resultVideoId) + u".webp"_s;
            if (QFileInfo::exists(task.targetPath)) {
                updateJob(task.localId, [&task](RemixJob &j) { j.thumbnailPath = task.targetPath; });
                continue;
            }
        } else if (task.variant == SourceVariant) {
            QDir().mkpath(m_sourceFolder);
        } else {
            // The job reports an unwritable folder itself; creating it here covers the first download.
            QDir().mkpath(QFileInfo(task.targetPath).absolutePath());
        }

        const ServiceEndpoint service =
            m_resolveService ? m_resolveService(task.localId) : ServiceEndpoint{job->apiBase, QString()};
        const bool source = task.variant == SourceVariant;
        auto *download =
            new DownloadJob(m_client->context(), service, source ? job->sourceVideoId : job->resultVideoId,
                            source ? VideoVariant : task.variant,
                            task.variant == VideoVariant ? job->downloadUrl : QUrl(), task.targetPath, this);
        download->setTimeoutMs(m_timeoutMs);
        download->setRetryPolicy(m_maxRetries, m_firstRetryDelayMs);
        if (task.variant == VideoVariant) {
            download->setExpiresAt(job->expiresAt);
            updateJob(task.localId, [](RemixJob &j) { j.downloadState = DownloadState::Downloading; });
            connect(download, &DownloadJob::progress, this, [this, id = task.localId](qint64 received, qint64 total) {
                if (total <= 0)
                    return;
                const int percent = int(qBound(qint64(0), received * 100 / total, qint64(100)));
                const std::optional<RemixJob> current = m_jobs->job(id);
                // Only whole percents reach the model: a fast download must not flood the view.
                if (current && current->downloadProgress != percent)
                    updateJob(id, [percent](RemixJob &j) { j.downloadProgress = percent; });
            });
        }
        connect(download, &DownloadJob::finished, this,
                [this, task](DownloadJob *finished) { onDownloadFinished(task, finished); });
        m_running.insert(taskKey(task.localId, task.variant), download);
        qCDebug(lcDownload) << "starting" << task.variant << "for job" << task.localId;
        download->start();
    }
}

void DownloadManager::onDownloadFinished(const Task &task, DownloadJob *job)
{
    m_running.remove(taskKey(task.localId, task.variant));
    m_reservedTargets.remove(task.targetPath);
    const DownloadError error = job->error();
    if (task.variant == SourceVariant) {
        if (error == DownloadError::None)
            emit sourceSaved(task.localId, job->filePath());
        else if (error != DownloadError::Cancelled)
            emit sourceFailed(task.localId, job->errorString());
    } else if (task.variant == ThumbnailVariant) {
        // A service without thumbnails is common; the row simply shows none.
        if (error == DownloadError::None)
            updateJob(task.localId, [job](RemixJob &j) { j.thumbnailPath = job->filePath(); });
        else
            qCDebug(lcDownload) << "no thumbnail for job" << task.localId << job->errorString();
    } else if (error == DownloadError::None) {
        const QString path = job->filePath();
        updateJob(task.localId, [&path](RemixJob &j) {
            j.downloadState = DownloadState::Done;
            j.downloadProgress = 100;
            j.filePath = path;
            j.downloadFailure = DownloadFailure();
        });
        m_keptFiles.remove(task.localId);
        emit videoSaved(task.localId, path);
    } else if (error == DownloadError::Cancelled) {
        // Stopped on purpose (quitting): stays "downloading" in the history so the next start resumes it.
    } else {
        const DownloadFailure failure = job->failure();
        const bool expired = job->isExpired();
        // A failed "Download again" never hides a file that exists: the job keeps the one it had.
        const QString kept = m_keptFiles.take(task.localId);
        const bool keep = !kept.isEmpty() && QFileInfo(kept).isFile();
        updateJob(task.localId, [&failure, expired, keep, &kept](RemixJob &j) {
            j.downloadState = keep ? DownloadState::Done : expired ? DownloadState::Expired : DownloadState::Failed;
            if (keep) {
                j.filePath = kept;
                j.downloadProgress = 100;
            }
            j.downloadFailure = failure;
        });
        emit downloadFailed(task.localId, failure.message());
    }
    startNext();
}
