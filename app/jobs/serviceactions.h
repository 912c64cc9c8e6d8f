#pragma once

#include "api/apiclient.h"

#include <QObject>

#include <functional>

class JobList;

// Actions on the service that are not part of a job's life: deleting a video (DELETE /videos/{id}).
class ServiceActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceActions)

public:
    using ServiceResolver = std::function<ServiceEndpoint(const QString &localId)>;

    ServiceActions(ApiClient *client, JobList *jobs, QObject *parent = nullptr);
    ~ServiceActions() override;

    void setServiceResolver(const ServiceResolver &resolver) { m_resolveService = resolver; }

    // Deletes the job's result video on the service. The answer comes as deleteFinished().
    void deleteOnService(const QString &localId);

    // How a DELETE ended, from its answer.
    enum class DeleteOutcome
    {
        Deleted,     // 2xx: with the OpenAI object, another JSON body, or none at all (204)
        AlreadyGone, // the API itself answered 404 for the video: deleted or expired before
        NotOffered,  // the service has no delete route: 405/501, new-api's 404 "Invalid URL", an HTML 404
        Failed,      // anything else (5xx, timeout, 401, "deleted": false, ...)
    };
    static DeleteOutcome deleteOutcome(const ApiRequestJob &request);

signals:
    // ok: the video is no longer on the service (deleted now, or already gone). message: translated, for
    // the user, saying what happened and what to do next; a failure is worded as a failed delete.
    void deleteFinished(const QString &localId, bool ok, const QString &message);

private:
    void onDeleteFinished(const QString &localId, ApiRequestJob *request);

    ApiClient *m_client;
    JobList *m_jobs;
    ServiceResolver m_resolveService;
};
