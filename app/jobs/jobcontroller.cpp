#include "jobs/jobcontroller.h"

#include "api/referenceimagefile.h"
#include "jobs/joblist.h"
#include "logging.h"
#include "services/serviceprofile.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// The shortest gap kept between two wakes of the scheduler for one service, whatever the number of
// jobs: a floor so that hundreds of jobs never turn the spreading into a busy loop.
constexpr qint64 MinSpacingFloorMs = 5;
// The most automatic polls of one service under way at once (a manual refresh may add one): polls wait
// for an answer rather than pile up on a slow service, and a few reused connections carry them.
constexpr int MaxPollsInFlightPerService = 4;

} // namespace

JobController::JobController(ApiClient *client, JobList *jobs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobs(jobs)
{
    // Precise: a coarse timer may fire up to 5 % early, which would undercut a server's Retry-After.
    m_scheduler.setTimerType(Qt::PreciseTimer);
    m_scheduler.setSingleShot(true);
    connect(&m_scheduler, &QTimer::timeout, this, &JobController::pollDue);
    m_clock.start();
}

JobController::~JobController()
{
    m_scheduler.stop();
    // Requests still under way must not call back into a half-destroyed controller.
    const auto submits = m_submits;
    m_submits.clear();
    for (ApiRequestJob *request : submits) {
        request->disconnect(this);
        request->abort();
    }
    const auto polls = m_polls;
    m_polls.clear();
    for (const PollState &poll : polls) {
        if (poll.inFlight) {
            poll.inFlight->disconnect(this);
            poll.inFlight->abort();
        }
    }
}

void JobController::setPollSettings(const PollSettings &settings)
{
    m_settings = settings;
    // Jobs already being polled follow a changed default or override from their next poll on.
    for (PollState &poll : m_polls)
        poll.intervalMs = intervalFor(poll.service);
    rearm();
}

QString JobController::submit(const QString &sourceVideoId, const QString &prompt)
{
    return submit(sourceVideoId, prompt, m_service);
}

JobRequest JobRequest::remix(const QString &sourceVideoId, const QString &prompt)
{
    JobRequest request;
    request.sourceVideoId = sourceVideoId;
    request.prompt = prompt;
    return request;
}

JobRequest JobRequest::newVideo(const CreateVideoSpec &spec)
{
    JobRequest request;
    request.kind = JobKind::Create;
    request.prompt = spec.prompt;
    request.create = spec;
    return request;
}

JobRequest JobRequest::extension(const QString &sourceVideoId, const QString &prompt, const QString &seconds)
{
    JobRequest request;
    request.kind = JobKind::Extend;
    request.sourceVideoId = sourceVideoId;
    request.prompt = prompt;
    request.seconds = seconds;
    return request;
}

QString JobController::submit(const QString &sourceVideoId, const QString &prompt, const ServiceEndpoint &service)
{
    return submit(JobRequest::remix(sourceVideoId, prompt), service);
}

QString JobController::submit(const JobRequest &request, const ServiceEndpoint &service)
{
    RemixJob job;
    job.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.kind = request.kind;
    job.sourceVideoId = request.kind == JobKind::Create ? QString() : request.sourceVideoId;
    job.prompt = request.prompt;
    if (request.kind == JobKind::Create) {
        job.model = request.create.model.trimmed();
        job.seconds = request.create.seconds.trimmed();
        job.size = request.create.size.trimmed();
        job.reference = request.create.reference.description();
    } else if (request.kind == JobKind::Extend) {
        job.seconds = request.seconds.trimmed();
    }
    job.state = JobState::Submitting;
    job.submittedAt = QDateTime::currentDateTime();
    job.updatedAt = job.submittedAt;
    // Remembered with the job (never the key), so it keeps polling there after a restart.
    job.apiBase = service.apiBase;
    job.profileId = service.profileId;
    m_jobs->add(job);

    // The service is captured now: a job keeps talking to the service it was submitted to.
    const QString localId = job.localId;
    if (!service.isValid()) {
        // Nothing was sent, so nothing can exist. Reported after returning, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this, localId] {
                std::optional<RemixJob> current = m_jobs->job(localId);
                if (!current)
                    return;
                current->state = JobState::SubmitFailed;
                current->error = ApiError::fromNetworkError(QNetworkReply::ProtocolUnknownError,
                                                            u"No valid service address"_s, false);
                current->updatedAt = QDateTime::currentDateTime();
                m_jobs->update(*current);
                emit jobFinished(localId);
            },
            Qt::QueuedConnection);
        return localId;
    }
    m_services.insert(localId, service);
    send(localId, service, request, CreateVideoSpec::BodyForm::Multipart);
    return localId;
}

void JobController::send(const QString &localId,
                         const ServiceEndpoint &service,
                         const JobRequest &request,
                         CreateVideoSpec::BodyForm form)
{
    if (request.kind == JobKind::Create && request.create.reference.needsReading()) {
        readReferenceThenSend(localId, service, request, form);
        return;
    }
    ApiRequestJob *post = nullptr;
    switch (request.kind) {
    case JobKind::Remix:
        post = m_client->createRemix(service, request.sourceVideoId, request.prompt);
        qCInfo(lcPoll) << "submitting remix of" << request.sourceVideoId << "as job" << localId;
        break;
    case JobKind::Create:
        post = m_client->createVideo(service, request.create, form);
        qCInfo(lcPoll) << "submitting a new video as job" << localId
                       << (form == CreateVideoSpec::BodyForm::Json ? "(JSON)" : "(multipart)");
        break;
    case JobKind::Extend:
        post = m_client->extendVideo(service, request.sourceVideoId, request.prompt, request.seconds);
        qCInfo(lcPoll) << "submitting extension of" << request.sourceVideoId << "as job" << localId;
        break;
    }
    m_submits.insert(localId, post);
    connect(post, &ApiRequestJob::finished, this, [this, localId, service, request, form](ApiRequestJob *finished) {
        onSubmitFinished(localId, service, request, form, finished);
    });
    post->start();
}

void JobController::readReferenceThenSend(const QString &localId,
                                          const ServiceEndpoint &service,
                                          const JobRequest &request,
                                          CreateVideoSpec::BodyForm form)
{
    // A retry after a restart: the image is read again from its file, off the GUI thread (it is decoded,
    // and fitted when its size differs). Nothing is sent unless it still reads as the same kind of image.
    const QString path = request.create.reference.sourcePath;
    const QString size = request.create.size;
    auto *watcher = new QFutureWatcher<ReferenceImageFile::Prepared>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, localId, service, request, form] {
        watcher->deleteLater();
        const ReferenceImageFile::Prepared prepared = watcher->result();
        if (!m_jobs->contains(localId))
            return; // removed meanwhile: nothing to send
        if (!prepared.check.isOk()) {
            std::optional<RemixJob> current = m_jobs->job(localId);
            current->state = JobState::SubmitFailed;
            current->error =
                ApiError::fromNetworkError(QNetworkReply::ProtocolUnknownError, prepared.check.message(), false);
            current->updatedAt = QDateTime::currentDateTime();
            m_jobs->update(*current);
            emit jobFinished(localId);
            return;
        }
        JobRequest ready = request;
        ready.create.reference = prepared.image;
        send(localId, service, ready, form);
    });
    watcher->setFuture(QtConcurrent::run(
        [path, size] { return ReferenceImageFile::prepare(path, size, ReferenceImageFile::Fit::Crop); }));
}

namespace {
// The service refused the multipart body as such (nothing was made): JSON may work.
bool refusesMultipart(const ApiError &error)
{
    if (error.kind != ApiError::Kind::Http)
        return false;
    if (error.httpStatus == 415)
        return true;
    if (error.httpStatus != 400)
        return false;
    const QString text = QString(error.code + u' ' + error.message + u' ' + error.bodySnippet).toLower();
    return text.contains("multipart"_L1) || text.contains("content-type"_L1) || text.contains("content type"_L1)
           || text.contains("application/json"_L1) || text.contains("invalid json"_L1);
}
} // namespace

void JobController::onSubmitFinished(const QString &localId,
                                     const ServiceEndpoint &service,
                                     const JobRequest &sent,
                                     CreateVideoSpec::BodyForm form,
                                     ApiRequestJob *request)
{
    m_submits.remove(localId);
    std::optional<RemixJob> current = m_jobs->job(localId);
    if (!current) {
        m_services.remove(localId);
        qCDebug(lcPoll) << "job" << localId << "was removed before its POST answered";
        return;
    }
    RemixJob job = *current;
    job.updatedAt = QDateTime::currentDateTime();

    // A plain refusal of the body's form created nothing: the same request once more, as JSON.
    if (sent.kind == JobKind::Create && form == CreateVideoSpec::BodyForm::Multipart
        && refusesMultipart(request->error())) {
        qCInfo(lcPoll) << "job" << localId << "multipart refused (HTTP" << request->error().httpStatus
                       << "); sending it as JSON";
        send(localId, service, sent, CreateVideoSpec::BodyForm::Json);
        return;
    }

    // Whatever happens below, this POST is never sent again: each one may cost the user money.
    if (request->error().isError()) {
        job.error = request->error();
        job.state = job.error.mayHaveReachedServer() ? JobState::NotConfirmed : JobState::SubmitFailed;
        qCWarning(lcPoll) << "submit of job" << localId << "failed:" << JobStates::storageKey(job.state);
        m_jobs->update(job);
        emit jobFinished(localId);
        return;
    }

    const VideoInfo video = request->video();
    if (!video.isValid()) {
        // A 2xx without an id: the job may well exist, but we cannot find it.
        job.error = ApiError::invalidResponse(request->httpStatus(), request->body());
        job.state = JobState::NotConfirmed;
        qCWarning(lcPoll) << "submit of job" << localId << "answered without an id";
        m_jobs->update(job);
        emit jobFinished(localId);
        return;
    }

    job.resultVideoId = video.id;
    const bool keepPolling = applyVideo(job, video);
    if (job.state == JobState::Unknown && video.rawStatus.isEmpty()) {
        // Created, but the answer said nothing about its status: it is waiting.
        job.state = JobState::Queued;
    }
    if (keepPolling) {
        // The time cap counts from here, across restarts.
        job.pollingStartedAt = QDateTime::currentDateTimeUtc();
    }
    qCInfo(lcPoll) << "job" << localId << "created as" << video.id << JobStates::storageKey(job.state);
    m_jobs->update(job);

    if (!keepPolling) {
        emit jobFinished(localId);
        return;
    }
    const ServerHints &hints = request->hints();
    startPolling(localId, service, hintedDelayMs(intervalFor(service), hints.pollAfterMs), m_clock.elapsed());
}

bool JobController::applyVideo(RemixJob &job, const VideoInfo &video)
{
    job.state = video.state;
    job.rawStatus = video.rawStatus;
    // Progress may jump either way between relays' estimates; the service's latest word wins.
    if (video.progress)
        job.progress = *video.progress;
    if (video.expiresAt.isValid())
        job.expiresAt = video.expiresAt;
    if (video.downloadUrl.isValid())
        job.downloadUrl = video.downloadUrl;
    // A remix learns its model and length only from the service (for its cost); what a job asked for stays.
    if (job.model.isEmpty() && !video.model.isEmpty())
        job.model = video.model;
    if (job.seconds.isEmpty() && !video.seconds.isEmpty())
        job.seconds = video.seconds;

    switch (video.state) {
    case JobState::Completed:
        job.progress = 100;
        job.completedAt = video.completedAt.isValid() ? video.completedAt : QDateTime::currentDateTime();
        return false;
    case JobState::Failed:
        job.error = ApiError::fromFailedJob(video.errorCode, video.errorMessage);
        job.error.messageZh = video.errorMessageZh;
        return false;
    default:
        return JobStates::isPollable(video.state);
    }
}

void JobController::refreshNow(const QString &localId)
{
    std::optional<RemixJob> current = m_jobs->job(localId);
    if (!current || current->resultVideoId.isEmpty()) {
        // Nothing to ask about: the POST never gave us an id (and is never re-sent).
        return;
    }
    // A manual refresh starts the time cap again, and ends a stop (time cap, job unknown to the service).
    RemixJob job = *current;
    job.pollingStopped = false;
    job.pollingStartedAt = QDateTime::currentDateTimeUtc();
    job.updatedAt = QDateTime::currentDateTime();
    m_jobs->update(job);

    const qint64 now = m_clock.elapsed();
    auto poll = m_polls.find(localId);
    if (poll == m_polls.end()) {
        startPolling(localId, serviceOf(localId), 0, now);
        poll = m_polls.find(localId);
    }
    poll->startedAtMs = now;
    poll->failures = 0;
    poll->notFound = 0;
    if (poll->inFlight) {
        // The answer under way is as fresh as a new one would be; polls never overlap.
        return;
    }
    // The user asked: no waiting for the spreading of automatic polls, only for the service's ceiling.
    poll->dueAtMs = now;
    const auto last = m_lastPollStartMs.constFind(poll->serviceKey);
    if (last == m_lastPollStartMs.cend() || now - *last >= ceilingSpacingMs())
        sendPoll(localId);
    rearm();
}

ServiceEndpoint JobController::serviceOf(const QString &localId) const
{
    if (m_resolveService)
        return m_resolveService(localId);
    // Never the active service: a job only talks to the one it was sent to.
    return m_services.value(localId);
}

void JobController::resume(const QString &localId, const ServiceEndpoint &service)
{
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->resultVideoId.isEmpty())
        return;
    m_services.insert(localId, service);
    if (const auto poll = m_polls.find(localId); poll != m_polls.end()) {
        // Already polled (a manual refresh came first): from now on through the service given here.
        useService(*poll, service);
        return;
    }
    if (job->pollingStopped) {
        // Stopped before (time cap, or the service no longer knew the job): only the user's refresh asks again.
        qCDebug(lcPoll) << "job" << localId << "stays stopped";
        return;
    }
    // The time cap goes on from when polling began, in an earlier run too.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime began = job->pollingStartedAt.isValid() ? job->pollingStartedAt : job->submittedAt;
    if (!began.isValid() || began > now)
        began = now;
    if (!job->pollingStartedAt.isValid()) {
        RemixJob updated = *job;
        updated.pollingStartedAt = began;
        m_jobs->update(updated);
    }
    const qint64 pollingForMs = began.msecsTo(now);
    // Due at once; the spacing and the ceiling still spread many resumed jobs out.
    startPolling(localId, service, 0, m_clock.elapsed() - pollingForMs);
}

void JobController::startPolling(const QString &localId,
                                 const ServiceEndpoint &service,
                                 qint64 firstDelayMs,
                                 qint64 startedAtMs)
{
    m_services.insert(localId, service);
    PollState &poll = m_polls[localId];
    useService(poll, service);
    poll.startedAtMs = startedAtMs;
    poll.failures = 0;
    poll.notFound = 0;
    poll.dueAtMs = m_clock.elapsed() + qMax<qint64>(0, firstDelayMs);
    qCDebug(lcPoll) << "polling job" << localId << "every" << poll.intervalMs << "ms, first in" << firstDelayMs << "ms";
    rearmSoon();
}

void JobController::useService(PollState &poll, const ServiceEndpoint &service) const
{
    poll.service = service;
    poll.serviceKey = ServiceProfile::originOf(service.apiBase);
    poll.intervalMs = intervalFor(service);
}

qint64 JobController::intervalFor(const ServiceEndpoint &service) const
{
    if (m_settings.intervalOverrideMs > 0)
        return m_settings.intervalOverrideMs;
    return qMax(1, service.pollIntervalMs > 0 ? service.pollIntervalMs : m_settings.intervalMs);
}

qint64 JobController::hintedDelayMs(qint64 intervalMs, int hintMs) const
{
    // "Again at once" (0, or a Retry-After date already past) never beats the interval: it is the floor.
    if (hintMs < 0)
        return intervalMs;
    return qMax<qint64>(intervalMs, qMin<qint64>(hintMs, m_settings.serverHintCapMs));
}

void JobController::schedule(const QString &localId, qint64 delayMs)
{
    const auto poll = m_polls.find(localId);
    if (poll == m_polls.end())
        return;
    poll->dueAtMs = m_clock.elapsed() + qMax<qint64>(0, delayMs);
    rearm();
}

void JobController::stopPolling(const QString &localId)
{
    const auto poll = m_polls.find(localId);
    if (poll == m_polls.end())
        return;
    if (poll->inFlight) {
        poll->inFlight->disconnect(this);
        poll->inFlight->abort();
    }
    m_polls.erase(poll);
    rearm();
}

qint64 JobController::ceilingSpacingMs() const
{
    const double perSecond = m_settings.maxPollsPerSecondPerService;
    if (!(perSecond > 0))
        return 0;
    return qint64(std::ceil(1000.0 / perSecond));
}

QHash<QString, JobController::ServiceLoad> JobController::serviceLoads() const
{
    QHash<QString, ServiceLoad> loads;
    for (const PollState &poll : std::as_const(m_polls)) {
        ServiceLoad &load = loads[poll.serviceKey];
        load.shortestIntervalMs = load.jobs == 0 ? poll.intervalMs : qMin(load.shortestIntervalMs, poll.intervalMs);
        ++load.jobs;
        if (poll.inFlight)
            ++load.inFlight;
    }
    return loads;
}

qint64 JobController::spacingMs(const ServiceLoad &load) const
{
    // The jobs of one service share its interval; a floor keeps hundreds of jobs from a busy loop.
    const qint64 interval = qMax<qint64>(1, load.shortestIntervalMs);
    const qint64 spread = std::clamp(interval / qMax(1, load.jobs), qMin(MinSpacingFloorMs, interval), interval);
    return qMax(spread, ceilingSpacingMs());
}

int JobController::pollsPerWake(const ServiceLoad &load) const
{
    // Wakes are at least MinSpacingFloorMs apart. When a service's jobs need a shorter spacing to be
    // asked once per interval (1,000 jobs every 2 s: 2 ms), one wake starts the polls of several slots,
    // never more than the ceiling allows in that time.
    const qint64 wake = spacingMs(load);
    const qint64 interval = qMax<qint64>(1, load.shortestIntervalMs);
    const qint64 wanted = qMax<qint64>(1, qMax(interval / qMax(1, load.jobs), ceilingSpacingMs()));
    qint64 count = (wake + wanted - 1) / wanted; // the slots this wake covers
    if (const qint64 ceiling = ceilingSpacingMs(); ceiling > 0)
        count = qMin(count, qMax<qint64>(1, wake / ceiling)); // rounded down: never above the ceiling
    return int(qBound<qint64>(1, count, qint64(MaxPollsInFlightPerService)));
}

qint64 JobController::earliestStartMs(const PollState &poll, const QHash<QString, ServiceLoad> &loads) const
{
    const auto last = m_lastPollStartMs.constFind(poll.serviceKey);
    if (last == m_lastPollStartMs.cend())
        return poll.dueAtMs;
    return qMax(poll.dueAtMs, *last + spacingMs(loads.value(poll.serviceKey)));
}

void JobController::rearmSoon()
{
    if (m_rearmQueued)
        return;
    m_rearmQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_rearmQueued = false;
            rearm();
        },
        Qt::QueuedConnection);
}

void JobController::rearm()
{
    const QHash<QString, ServiceLoad> loads = serviceLoads();
    qint64 wakeAt = std::numeric_limits<qint64>::max();
    for (const PollState &poll : std::as_const(m_polls)) {
        // A service with its most polls under way is woken by their answers (onPollFinished()), not by
        // the timer: its waiting polls are due, and a timer for them would fire at once, again and again.
        if (!poll.inFlight && loads.value(poll.serviceKey).inFlight < MaxPollsInFlightPerService)
            wakeAt = qMin(wakeAt, earliestStartMs(poll, loads));
    }
    if (wakeAt == std::numeric_limits<qint64>::max()) {
        // Nothing waiting (no jobs, or every job has a request under way whose answer re-arms us).
        m_scheduler.stop();
        return;
    }
    const qint64 delay = qMax<qint64>(0, wakeAt - m_clock.elapsed());
    m_scheduler.start(int(qMin<qint64>(delay, std::numeric_limits<int>::max())));
}

void JobController::pollDue()
{
    const qint64 now = m_clock.elapsed();
    const QHash<QString, ServiceLoad> loads = serviceLoads();
    // Per service, the earliest due polls that its spacing allows: one, or several when its jobs need a
    // spacing shorter than the wakes' (pollsPerWake()). Services are independent, so a busy one never
    // holds back another.
    QHash<QString, QVector<QPair<qint64, QString>>> due; // service key -> (due, localId)
    for (auto it = m_polls.cbegin(); it != m_polls.cend(); ++it) {
        if (it->inFlight || earliestStartMs(*it, loads) > now)
            continue;
        due[it->serviceKey].append({it->dueAtMs, it.key()});
    }
    for (auto service = due.begin(); service != due.end(); ++service) {
        QVector<QPair<qint64, QString>> &candidates = service.value();
        const int room = MaxPollsInFlightPerService - loads.value(service.key()).inFlight;
        const qsizetype count =
            qMin<qsizetype>(candidates.size(), qMin(room, pollsPerWake(loads.value(service.key()))));
        if (count <= 0)
            continue; // the next answer wakes the service again (see rearm())
        std::partial_sort(candidates.begin(), candidates.begin() + count, candidates.end());
        for (qsizetype i = 0; i < count; ++i)
            sendPoll(candidates.at(i).second);
    }
    rearm();
}

void JobController::sendPoll(const QString &localId)
{
    const auto poll = m_polls.find(localId);
    if (poll == m_polls.end() || poll->inFlight)
        return;
    const std::optional<RemixJob> job = m_jobs->job(localId);
    if (!job || job->resultVideoId.isEmpty()) {
        // Removed from the list meanwhile: forget it.
        m_polls.erase(poll);
        if (!job)
            m_services.remove(localId);
        return;
    }

    // Asked afresh for every poll: a key fixed in the settings applies at once, and a job always asks
    // the service (and key) of its own profile, at its profile's current interval.
    if (m_resolveService)
        useService(*poll, m_resolveService(localId));
    ApiRequestJob *request = m_client->fetchVideo(poll->service, job->resultVideoId);
    poll->inFlight = request;
    m_lastPollStartMs.insert(poll->serviceKey, m_clock.elapsed());
    connect(request, &ApiRequestJob::finished, this,
            [this, localId](ApiRequestJob *finished) { onPollFinished(localId, finished); });
    qCDebug(lcPoll) << "poll" << localId << job->resultVideoId;
    // Told at the moment the start is counted for the spacing: start() can take a while (the system's
    // proxy is asked on another thread), and a listener measuring the spacing must see the same instant.
    emit pollStarted(localId);
    request->start();
}

qint64 JobController::backoffDelayMs(int failures) const
{
    const int exponent = qBound(0, failures - 1, 30);
    const qint64 base = qMax(1, m_settings.backoffBaseMs);
    const qint64 capped = qMin<qint64>(base << exponent, qMax(1, m_settings.backoffCapMs));
    // Jitter over 50-100 % so that jobs failing together do not come back together.
    const qint64 half = capped / 2;
    return half + qint64(QRandomGenerator::global()->bounded(quint64(capped - half + 1)));
}

void JobController::onPollFinished(const QString &localId, ApiRequestJob *request)
{
    const auto poll = m_polls.find(localId);
    if (poll == m_polls.end() || poll->inFlight != request)
        return;
    poll->inFlight = nullptr;

    std::optional<RemixJob> current = m_jobs->job(localId);
    if (!current) {
        stopPolling(localId);
        return;
    }
    RemixJob job = *current;
    job.updatedAt = QDateTime::currentDateTime();
    const ApiError &error = request->error();
    const ServerHints &hints = request->hints();
    const qint64 interval = poll->intervalMs;

    if (error.kind == ApiError::Kind::Cancelled) {
        // Only we abort polls (stopPolling, shutdown); nothing to report.
        stopPolling(localId);
        return;
    }

    bool keepPolling = true;
    qint64 nextDelay = interval;
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 404) {
        // We created this job, so a 404 is first taken for a service that briefly lost track of it
        // (a relay's cache, a gateway in between): asked again with backoff, a few times.
        ++poll->failures;
        ++poll->notFound;
        job.error = error;
        if (poll->notFound > m_settings.notFoundRetries) {
            // The service no longer knows it. Nobody knows what became of the job: it keeps its last
            // state and stops being checked; a refresh asks again.
            job.retrying = false;
            job.pollingStopped = true;
            m_jobs->update(job);
            qCWarning(lcPoll) << "job" << localId << "not found by the service" << poll->notFound << "times; stopped";
            stopPolling(localId);
            return;
        }
        job.retrying = true;
        nextDelay = qMax(interval, backoffDelayMs(poll->failures));
        qCInfo(lcPoll) << "job" << localId << "not found by the service; asking again in" << nextDelay << "ms";
    } else if (error.isError()) {
        // An unreadable 200 while polling is most often a proxy's page in between; a GET may be asked again.
        const bool retry = error.isTransient() || error.kind == ApiError::Kind::InvalidResponse;
        if (!retry) {
            // 401, 403 and other refusals: asking again will not help until the user fixes something;
            // the job keeps its state and a manual refresh starts polling again.
            job.retrying = false;
            job.error = error;
            m_jobs->update(job);
            qCWarning(lcPoll) << "polling of" << localId << "stopped: HTTP" << error.httpStatus;
            stopPolling(localId);
            return;
        }
        ++poll->failures;
        poll->notFound = 0;
        job.retrying = true;
        job.error = error;
        // A struggling service is never asked more often than a healthy one (at least the interval), and
        // never before it said (its Retry-After, up to the cap).
        const int retryAfter = hints.retryAfterMs >= 0 ? hints.retryAfterMs : error.retryAfterMs;
        nextDelay = qMax(hintedDelayMs(interval, retryAfter), backoffDelayMs(poll->failures));
        qCInfo(lcPoll) << "poll of" << localId << "failed transiently," << poll->failures << "in a row; next in"
                       << nextDelay << "ms";
    } else {
        poll->failures = 0;
        poll->notFound = 0;
        job.retrying = false;
        job.error = ApiError();
        keepPolling = applyVideo(job, request->video());
        nextDelay = hintedDelayMs(interval, hints.pollAfterMs >= 0 ? hints.pollAfterMs : hints.retryAfterMs);
    }

    if (keepPolling && m_clock.elapsed() - poll->startedAtMs >= m_settings.maxPollingMs) {
        // Jobs take minutes; one that has not finished after hours is stuck or forgotten by the service.
        job.pollingStopped = true;
        keepPolling = false;
        qCWarning(lcPoll) << "polling of" << localId << "stopped after" << m_settings.maxPollingMs << "ms";
        m_jobs->update(job);
        stopPolling(localId);
        return;
    }

    m_jobs->update(job);
    if (keepPolling) {
        schedule(localId, nextDelay);
    } else {
        stopPolling(localId);
        emit jobFinished(localId);
    }
}
