#pragma once

#include "api/serviceendpoint.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class ApiClient;
class DownloadJob;

// The thumbnails of the library's finished videos (GET /videos/{id}/content?variant=thumbnail), cached
// as files under a folder so a second look costs nothing. At most MaxInFlight downloads at a time, in
// the order asked; a video whose thumbnail failed is not asked again, and once the service answers that
// it has no thumbnails at all (404, 400, 405, 501), it is not asked for any more of them.
class LibraryThumbnails final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryThumbnails)

public:
    static constexpr int MaxInFlight = 2;

    LibraryThumbnails(ApiClient *client, QObject *parent = nullptr);
    ~LibraryThumbnails() override;

    // Forgets the queue (not the cache) and asks this service from now on.
    void setService(const ServiceEndpoint &service);
    void setFolder(const QString &folder) { m_folder = folder; }
    QString folder() const { return m_folder; }

    // The cached file of a video's thumbnail, or "" when none is cached (yet).
    QString cachedPath(const QString &videoId) const;
    // Queues the download unless it is cached, queued, running, failed before or the service has none.
    void request(const QString &videoId);

    // For tests and the library's note: downloads under way, and whether the service said it has none.
    int runningCount() const { return int(m_running.size()); }
    bool serviceHasNone() const { return m_serviceHasNone; }

signals:
    void thumbnailReady(const QString &videoId, const QString &path);

private:
    QString basePath(const QString &videoId) const; // without the suffix, which follows what arrived
    void startNext();
    void abortAll();

    ApiClient *m_client;
    ServiceEndpoint m_service;
    QString m_folder;
    QStringList m_queue;
    QSet<QString> m_queued;
    QSet<QString> m_failed;
    QHash<QString, DownloadJob *> m_running;
    bool m_serviceHasNone = false;
};
