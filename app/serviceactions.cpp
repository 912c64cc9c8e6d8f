#include "serviceactions.h"

#include "jobmodel.h"
#include "logging.h"

ServiceActions::ServiceActions(ApiClient *client, JobModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{}

ServiceActions::~ServiceActions() = default;

void ServiceActions::deleteOnService(const QString &localId)
{
    const std::optional<RemixJob> job = m_model->job(localId);
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
    connect(request, &ApiRequestJob::finished, this, [this, localId](ApiRequestJob *finished) {
        const ApiError &error = finished->error();
        if (!error.isError()) {
            emit deleteFinished(localId, true, tr("The video was deleted on the service.", "delete on the service"));
            return;
        }
        // Many relays have no DELETE route: that is a fact about the service, not a failure of the user's.
        if (error.kind == ApiError::Kind::Http && (error.httpStatus == 404 || error.httpStatus == 405)) {
            emit deleteFinished(localId, false,
                                tr("This service does not offer deleting videos. The video stays on the service "
                                   "until it expires; you can still remove it from your list.",
                                   "delete on the service: route missing (404/405)"));
            return;
        }
        qCInfo(lcApi) << "delete failed for job" << localId << error.technicalDetail();
        emit deleteFinished(localId, false, error.userMessage(ApiOperation::Remix));
    });
    request->start();
}
