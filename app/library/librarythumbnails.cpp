#include "library/librarythumbnails.h"

#include "api/apiclient.h"
#include "downloads/downloadjob.h"
#include "logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace {
// What DownloadJob may name a thumbnail: the suffix follows the bytes that arrived.
const QStringList ImageSuffixes = {u".webp"_s, u".jpg"_s, u".png"_s};
} // namespace

LibraryThumbnails::LibraryThumbnails(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

LibraryThumbnails::~LibraryThumbnails()
{
    abortAll();
}

void LibraryThumbnails::setService(const ServiceEndpoint &service)
{
    abortAll();
    m_service = service;
    m_queue.clear();
    m_queued.clear();
    m_failed.clear();
    m_serviceHasNone = false;
}

void LibraryThumbnails::abortAll()
{
    const QList<DownloadJob *> running = m_running.values();
    m_running.clear();
    for (DownloadJob *job : running) {
        job->disconnect(this);
        job->abort();
    }
}

QString LibraryThumbnails::basePath(const QString &videoId) const
{
    // Ids may hold any character; the same id on two services is two videos.
    const QByteArray key =
        QCryptographicHash::hash((m_service.apiBase.toString() + u'\n' + videoId).toUtf8(), QCryptographicHash::Sha1)
            .toHex()
            .left(20);
    return m_folder + u"/library-"_s + QString::fromLatin1(key);
}

QString LibraryThumbnails::cachedPath(const QString &videoId) const
{
    if (m_folder.isEmpty())
        return QString();
    const QString base = basePath(videoId);
    for (const QString &suffix : ImageSuffixes) {
        if (QFileInfo::exists(base + suffix))
            return base + suffix;
    }
    return QString();
}

void LibraryThumbnails::request(const QString &videoId)
{
    if (m_serviceHasNone || m_folder.isEmpty() || !m_service.isValid() || videoId.isEmpty()
        || m_queued.contains(videoId) || m_running.contains(videoId) || m_failed.contains(videoId))
        return;
    m_queued.insert(videoId);
    m_queue.append(videoId);
    startNext();
}

void LibraryThumbnails::startNext()
{
    while (m_running.size() < MaxInFlight && !m_queue.isEmpty() && !m_serviceHasNone) {
        const QString videoId = m_queue.takeFirst();
        m_queued.remove(videoId);
        if (!QDir().mkpath(m_folder)) {
            m_serviceHasNone = true; // nowhere to keep them: stop asking
            return;
        }
        auto *job = new DownloadJob(m_client->context(), m_service, videoId, u"thumbnail"_s, QUrl(),
                                    basePath(videoId) + u".webp"_s, this);
        // A thumbnail is a nicety: one quick retry at most, and a short wait.
        job->setRetryPolicy(1, 500);
        m_running.insert(videoId, job);
        connect(job, &DownloadJob::finished, this, [this, job, videoId] {
            m_running.remove(videoId);
            if (job->error() == DownloadError::None) {
                emit thumbnailReady(videoId, job->filePath());
            } else {
                m_failed.insert(videoId);
                const int status = job->apiError().httpStatus;
                if (status == 404 || status == 400 || status == 405 || status == 501) {
                    // The service has no thumbnails (a relay without the variant): ask no more.
                    qCInfo(lcDownload) << "library thumbnails: the service answered" << status << "- not asking again";
                    m_serviceHasNone = true;
                    m_queue.clear();
                    m_queued.clear();
                }
            }
            startNext();
        });
        job->start();
    }
}
