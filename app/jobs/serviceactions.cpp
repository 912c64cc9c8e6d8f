#include "jobs/serviceactions.h"

#include "jobs/joblist.h"
#include "logging.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

ServiceActions::ServiceActions(ApiClient *client, JobList *jobs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobs(jobs)
{}

ServiceActions::~ServiceActions() = default;

void ServiceActions::deleteOnService(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->resultVideoId.isEmpty()) {
        // Answered later, like every other outcome, so callers handle one path.
        QMetaObject::invokeMethod(
            this,
            [this, localId] {
                emit deleteFinished(localId, false,
                                    tr("This job has no video on the service to delete.",
                                       "delete on the service: the submit never created a video"));
            },
            Qt::QueuedConnection);
        return;
    }
    const ServiceEndpoint service = m_resolveService ? m_resolveService(localId) : ServiceEndpoint{job->apiBase, {}};
    ApiRequestJob *request = m_client->deleteVideo(service, job->resultVideoId);
    connect(request, &ApiRequestJob::finished, this,
            [this, localId](ApiRequestJob *finished) { onDeleteFinished(localId, finished); });
    request->start();
}

ServiceActions::DeleteOutcome ServiceActions::deleteOutcome(const ApiRequestJob &request)
{
    const ApiError &error = request.error();
    if (!error.isError()) {
        // OpenAI answers {"deleted": true}; a relay that says false did not delete it.
        const QJsonValue deleted = request.json().value("deleted"_L1);
        return deleted.isBool() && !deleted.toBool() ? DeleteOutcome::Failed : DeleteOutcome::Deleted;
    }
    const int status = request.httpStatus();
    // 204 No Content (or a 200 without a body) is how many servers answer a DELETE that worked.
    if (error.kind == ApiError::Kind::InvalidResponse && status >= 200 && status <= 299 && error.bodySnippet.isEmpty())
        return DeleteOutcome::Deleted;
    if (error.kind != ApiError::Kind::Http)
        return DeleteOutcome::Failed;
    if (status == 405 || status == 501)
        return DeleteOutcome::NotOffered;
    if (status != 404)
        return DeleteOutcome::Failed;
    // A 404 from the video API names the video (OpenAI's video_not_found, new-api's task_not_exist); a
    // service without the route answers "Invalid URL (DELETE ...)" (new-api, OpenAI's own shape), a
    // framework's bare "Not Found", a web server's HTML page or nothing.
    if (error.message.startsWith("Invalid URL"_L1, Qt::CaseInsensitive))
        return DeleteOutcome::NotOffered;
    const QString text = (error.code + u' ' + error.message).toLower();
    const bool aboutTheVideo = !error.code.isEmpty() || text.contains("video"_L1) || text.contains("task"_L1);
    return aboutTheVideo ? DeleteOutcome::AlreadyGone : DeleteOutcome::NotOffered;
}

void ServiceActions::onDeleteFinished(const QString &localId, ApiRequestJob *request)
{
    const ApiError &error = request->error();
    switch (deleteOutcome(*request)) {
    case DeleteOutcome::Deleted:
        emit deleteFinished(localId, true, tr("The video was deleted on the service.", "delete on the service"));
        return;
    case DeleteOutcome::AlreadyGone:
        emit deleteFinished(localId, true, error.userMessage(ApiOperation::Delete));
        return;
    case DeleteOutcome::NotOffered:
        // Many relays have no DELETE route: that is a fact about the service, not a failure of the user's.
        emit deleteFinished(localId, false,
                            tr("This service does not offer deleting videos. The video stays on the service "
                               "until it expires; you can still remove it from your list.",
                               "delete on the service: route missing (404/405)"));
        return;
    case DeleteOutcome::Failed:
        break;
    }
    qCInfo(lcApi) << "delete failed for job" << localId << "HTTP" << request->httpStatus() << error.technicalDetail();
    const QString reason = error.isError() ? error.userMessage(ApiOperation::Delete)
                                           : tr("The service answered that it did not delete it. Try again later.",
                                                "delete on the service: the answer said deleted: false");
    emit deleteFinished(localId, false,
                        tr("The video could not be deleted on the service. %1",
                           "delete on the service failed; %1 says why and what to do next")
                            .arg(reason));
}
