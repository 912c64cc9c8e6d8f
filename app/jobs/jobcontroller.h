#pragma once

#include "api/apiclient.h"
#include "jobs/remixjob.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

class JobList;

// How polling behaves; every number is injectable so tests run in milliseconds.
struct PollSettings
{
    // Between two polls of one job: the job's own service's interval (ServiceEndpoint::pollIntervalMs,
    // its profile's setting), or this one for a service that names none. A server's hint may make the
    // wait longer, never shorter.
    int intervalMs = 5000;
    int intervalOverrideMs = 0;               // > 0: every job at this interval, whatever its service says (tests)
    int backoffBaseMs = 1000;                 // first delay after a transient failure; doubles each time
    int backoffCapMs = 60000;                 // the longest delay between retries
    int serverHintCapMs = 120000;             // Retry-After / openai-poll-after-ms are honoured up to this
    qint64 maxPollingMs = 2 * 60 * 60 * 1000; // a job polled longer than this stops and says so
    // The most status requests one service (scheme, host and port) gets per second from all its jobs
    // together: a long history of waiting jobs never floods a relay after a restart. <= 0: no ceiling.
    double maxPollsPerSecondPerService = 2.0;
    // A 404 for a job this app created is asked again this many times (with backoff) before polling stops
    // with "the service no longer knows this job"; a refresh asks again.
    int notFoundRetries = 3;
};

// What one user gesture sends: a remix, a new video or an extension.
struct JobRequest
{
    JobKind kind = JobKind::Remix;
    QString sourceVideoId; // the remixed or extended video
    QString prompt;
    CreateVideoSpec create; // a new video's model, seconds, size and reference image (its prompt is above)
    QString seconds;        // an extension's length

    static JobRequest remix(const QString &sourceVideoId, const QString &prompt);
    static JobRequest newVideo(const CreateVideoSpec &spec);
    static JobRequest extension(const QString &sourceVideoId, const QString &prompt, const QString &seconds);
};

// Submits jobs (remixes, new videos, extensions) and polls each active one until it is final.
// - The POST is sent once. If it may have reached the service but gave no answer, the job becomes
//   NotConfirmed and is never re-sent by this class.
// - Each job polls at its own service's interval (its profile's), never faster: a server's hint of 0 or
//   a Retry-After in the past does not shorten it.
// - Polls of one job never overlap: the next is scheduled after the previous answer.
// - Polls of one service are spread and capped: one timer wakes for the earliest due poll; the wakes
//   for one service are interval / (its active jobs) apart, but at least 5 ms, and never closer than the
//   per-service ceiling allows (maxPollsPerSecondPerService), so many jobs never burst. Where the spread
//   needs less than 5 ms, one wake starts the polls of the slots it covers (never more than the ceiling
//   allows). At most 4 automatic polls of one service are under way at once.
// - Transient failures back off exponentially with jitter up to a cap; the job keeps its last state.
// - The time cap counts from when polling of the job began (kept in RemixJob::pollingStartedAt, so a
//   restart does not restart it); a stopped job stays stopped across restarts until refreshNow().
// - With nothing to poll, no timer runs.
class JobController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobController)

public:
    JobController(ApiClient *client, JobList *jobs, QObject *parent = nullptr);
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
    // Any kind of job. A new video is sent as multipart; when the service plainly refuses multipart
    // (415, or 400 naming the content type: nothing was made), it is sent once more as JSON.
    QString submit(const JobRequest &request, const ServiceEndpoint &service);

    // Where each job's polls go, asked afresh for every poll (the job's own profile and its current
    // key). Without one, a job keeps the service it was submitted or resumed with.
    using ServiceResolver = std::function<ServiceEndpoint(const QString &localId)>;
    void setServiceResolver(const ServiceResolver &resolver) { m_resolveService = resolver; }

    // Polls the job now (a manual refresh; as soon as the service's ceiling allows); also restarts
    // polling stopped by the time cap or by a job the service no longer knew, with a fresh time cap.
    void refreshNow(const QString &localId);

    // Starts polling a job already in the job list (e.g. loaded from history) through the given service.
    // A job whose polling had stopped (pollingStopped) stays stopped; the time cap goes on from the
    // job's pollingStartedAt.
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
        ServiceEndpoint service; // as last resolved
        QString serviceKey;      // the service's origin: spreading and the ceiling are per service
        qint64 intervalMs = 0;   // the job's own interval
        qint64 dueAtMs = 0;      // on m_clock
        qint64 startedAtMs = 0;  // when polling began, for the time cap (on m_clock; negative if before this run)
        int failures = 0;        // consecutive transient failures
        int notFound = 0;        // consecutive 404s
        ApiRequestJob *inFlight = nullptr;
    };
    // Jobs being polled through one service, for its spacing.
    struct ServiceLoad
    {
        int jobs = 0;
        qint64 shortestIntervalMs = 0;
        int inFlight = 0; // polls under way
    };

    void onSubmitFinished(const QString &localId,
                          const ServiceEndpoint &service,
                          const JobRequest &sent,
                          CreateVideoSpec::BodyForm form,
                          ApiRequestJob *request);
    // A new video whose reference image must be read from its file first (a retry after a restart).
    void readReferenceThenSend(const QString &localId,
                               const ServiceEndpoint &service,
                               const JobRequest &request,
                               CreateVideoSpec::BodyForm form);
    void send(const QString &localId,
              const ServiceEndpoint &service,
              const JobRequest &request,
              CreateVideoSpec::BodyForm form);
    // Writes a video object (POST or poll answer) into the job; true when the job should keep being polled.
    static bool applyVideo(RemixJob &job, const VideoInfo &video);
    void onPollFinished(const QString &localId, ApiRequestJob *request);
    void startPolling(const QString &localId, const ServiceEndpoint &service, qint64 firstDelayMs, qint64 startedAtMs);
    void useService(PollState &poll, const ServiceEndpoint &service) const;
    void schedule(const QString &localId, qint64 delayMs);
    void stopPolling(const QString &localId);
    void pollDue();
    ServiceEndpoint serviceOf(const QString &localId) const;
    void rearm();
    // rearm() once at the end of this event-loop turn: resuming a long history starts thousands of polls
    // in one turn, and rearming after each would cost the square of their number.
    void rearmSoon();
    void sendPoll(const QString &localId);
    qint64 intervalFor(const ServiceEndpoint &service) const;
    // The wait after an answer: at least the interval; a server's hint (capped) may make it longer.
    qint64 hintedDelayMs(qint64 intervalMs, int hintMs) const;
    qint64 backoffDelayMs(int failures) const;
    qint64 ceilingSpacingMs() const;
    QHash<QString, ServiceLoad> serviceLoads() const;
    qint64 spacingMs(const ServiceLoad &load) const;
    int pollsPerWake(const ServiceLoad &load) const;
    // The earliest time (on m_clock) the poll may start: when it is due and its service's spacing allows.
    qint64 earliestStartMs(const PollState &poll, const QHash<QString, ServiceLoad> &loads) const;

    ApiClient *m_client;
    JobList *m_jobs;
    PollSettings m_settings;
    ServiceEndpoint m_service;
    ServiceResolver m_resolveService;
    QHash<QString, PollState> m_polls; // localId -> state, for every job being polled
    // localId -> the service each job was submitted to or resumed with, kept after polling stops so that
    // a manual refresh asks the same service.
    QHash<QString, ServiceEndpoint> m_services;
    QHash<QString, ApiRequestJob *> m_submits; // POSTs under way, aborted (never re-sent) on destruction
    QHash<QString, qint64> m_lastPollStartMs;  // service key -> when its last poll started (m_clock)
    QTimer m_scheduler;
    bool m_rearmQueued = false;
    QElapsedTimer m_clock;
};
