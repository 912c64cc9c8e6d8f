#pragma once

#include "apiclient.h"
#include "remixjob.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

class JobModel;

// How polling behaves; every number is injectable so tests run in milliseconds.
struct PollSettings
{
    int intervalMs = 5000;                    // between two polls of one job, unless the server says otherwise
    int backoffBaseMs = 1000;                 // first delay after a transient failure; doubles each time
    int backoffCapMs = 60000;                 // the longest delay between retries
    int serverHintCapMs = 120000;             // Retry-After / openai-poll-after-ms are honoured up to this
    qint64 maxPollingMs = 2 * 60 * 60 * 1000; // a job polled longer than this stops and says so
};

// Submits remix jobs and polls each active one until it is final.
// - The POST is sent once. If it may have reached the service but gave no answer, the job becomes
//   NotConfirmed and is never re-sent by this class.
// - Polls of one job never overlap: the next is scheduled after the previous answer.
// - Polls of different jobs are spread over the interval: one timer wakes for the earliest due poll,
//   and two poll starts are at least interval / (active jobs) apart, so many jobs never burst.
// - Transient failures back off exponentially with jitter up to a cap; the job keeps its last state.
// - With nothing to poll, no timer runs.
class JobController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobController)

public:
    JobController(ApiClient *client, JobModel *model, QObject *parent = nullptr);
    ~JobController() override;

    void setPollSettings(const PollSettings &settings);
    const PollSettings &pollSettings() const { return m_settings; }

    // The service new submissions go to.
    void setService(const ServiceEndpoint &service) { m_service = service; }
    const ServiceEndpoint &service() const { return m_service; }

    // Adds a row at the top at once ("Submitting...") and sends the POST. Returns the new localId.
    // The caller validates id and prompt first.
    QString submit(const QString &sourceVideoId, const QString &prompt);
    // The same, through a given service (a retry goes where the original job went).
    QString submit(const QString &sourceVideoId, const QString &prompt, const ServiceEndpoint &service);

    // Where each job's polls go, asked afresh for every poll (the job's own profile and its current
    // key). Without one, a job keeps the service it was submitted or resumed with.
    using ServiceResolver = std::function<ServiceEndpoint(const QString &localId)>;
    void setServiceResolver(const ServiceResolver &resolver) { m_resolveService = resolver; }

    // Polls the job now (a manual refresh); also restarts polling stopped by the time cap.
    void refreshNow(const QString &localId);

    // Starts polling a job already in the model (e.g. loaded from history) through the given service.
    void resume(const QString &localId, const ServiceEndpoint &service);

    // Number of jobs being polled (waiting for their turn or with a request in flight).
    int activeJobCount() const { return m_polls.size(); }
    // True while the scheduling timer runs (false when nothing is waiting or running).
    bool isSchedulerActive() const { return m_scheduler.isActive(); }

signals:
    // A job reached a final state (completed, failed, cancelled, expired) or its submit failed.
    void jobFinished(const QString &localId);
    // A status request for the job was just sent (for a "refreshing" hint, and for tests of the spacing).
    void pollStarted(const QString &localId);

private:
    struct PollState
    {
        ServiceEndpoint service;
        qint64 dueAtMs = 0;     // on m_clock
        qint64 startedAtMs = 0; // when polling began, for the time cap
        int failures = 0;       // consecutive transient failures
        ApiRequestJob *inFlight = nullptr;
    };

    void onSubmitFinished(const QString &localId, const ServiceEndpoint &service, ApiRequestJob *request);
    // Writes a video object (POST or poll answer) into the job; true when the job should keep being polled.
    static bool applyVideo(RemixJob &job, const VideoInfo &video);
    void onPollFinished(const QString &localId, ApiRequestJob *request);
    void startPolling(const QString &localId, const ServiceEndpoint &service, qint64 firstDelayMs);
    void schedule(const QString &localId, qint64 delayMs);
    void stopPolling(const QString &localId);
    void pollDue();
    ServiceEndpoint serviceOf(const QString &localId) const;
    void rearm();
    void sendPoll(const QString &localId);
    qint64 backoffDelayMs(int failures) const;
    qint64 minSpacingMs() const;

    ApiClient *m_client;
    JobModel *m_model;
    PollSettings m_settings;
    ServiceEndpoint m_service;
    ServiceResolver m_resolveService;
    QHash<QString, PollState> m_polls; // localId -> state, for every job being polled
    // localId -> the service each job was submitted to or resumed with, kept after polling stops so that
    // a manual refresh asks the same service.
    QHash<QString, ServiceEndpoint> m_services;
    QHash<QString, ApiRequestJob *> m_submits; // POSTs under way, aborted (never re-sent) on destruction
    QTimer m_scheduler;
    QElapsedTimer m_clock;
    qint64 m_lastPollStartMs = -1;
};
