#pragma once

#include "apiclient.h"

#include <QObject>

#include <functional>

class JobModel;

// Actions on the service that are not part of a job's life: deleting a video (DELETE /videos/{id}).
class ServiceActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceActions)

public:
    using ServiceResolver = std::function<ServiceEndpoint(const QString &localId)>;

    ServiceActions(ApiClient *client, JobModel *model, QObject *parent = nullptr);
    ~ServiceActions() override;

    void setServiceResolver(const ServiceResolver &resolver) { m_resolveService = resolver; }

    // Deletes the job's result video on the service. The answer comes as deleteFinished().
    void deleteOnService(const QString &localId);

signals:
    // ok: the service deleted it. message: translated, for the user (a service without the route
    // says so politely: 404/405 "this service does not offer deleting videos").
    void deleteFinished(const QString &localId, bool ok, const QString &message);

private:
    ApiClient *m_client;
    JobModel *m_model;
    ServiceResolver m_resolveService;
};
