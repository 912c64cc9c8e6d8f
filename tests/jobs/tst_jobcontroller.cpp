#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "rawtcpserver.h"
#include "testhelpers.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QUuid>
#include <QtTest>

#include <ctime>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

using Reply = FakeVideoServer::Reply;

namespace {

// The remix ids the fake hands out, in order.
const QString FirstVideo = u"video_remix_1"_s;

// How much later than planned a request may arrive on a busy two-core machine (timers, other builds).
constexpr qint64 SlackMs = 400;
// How much later than its delay a retry may start: the failed attempt's own round trip and the timer.
constexpr qint64 BackoffSlackMs = 200;
// How much closer two requests may arrive at the server than they were sent (network and event-loop jitter).
constexpr qint64 ClockSkewMs = 15;

Reply withHeader(Reply reply, const QByteArray &name, const QByteArray &value)
{
    reply.headers.append(qMakePair(name, value));
    return reply;
}

Reply delayed(Reply reply, int delayMs)
{
    reply.delayMs = delayMs;
    return reply;
}

Reply httpError(int status, const QByteArray &body = QByteArray())
{
    Reply reply;
    reply.status = status;
    reply.body = body;
    return reply;
}

Reply hanging()
{
    Reply reply;
    reply.hang = true;
    return reply;
}

Reply resetting()
{
    Reply reply;
    reply.reset = true;
    return reply;
}

Reply failedVideo(const QString &id, const QString &message)
{
    return Reply::json(
        QJsonObject{{u"id"_s, id},
                    {u"object"_s, u"video"_s},
                    {u"status"_s, u"failed"_s},
                    {u"progress"_s, 0},
                    {u"error"_s, QJsonObject{{u"code"_s, u"moderation_blocked"_s}, {u"message"_s, message}}}});
}

// Times (server clock) of the GETs of one video.
QList<qint64> getTimes(const FakeVideoServer &server, const QString &videoId)
{
    QList<qint64> times;
    for (const FakeVideoServer::Request &request : server.requests()) {
        if (request.method == "GET" && QUrl::fromPercentEncoding(request.rawPath).endsWith(u"/videos/"_s + videoId))
            times.append(request.receivedAtMs);
    }
    return times;
}

QList<qint64> gaps(const QList<qint64> &times)
{
    QList<qint64> result;
    for (qsizetype i = 1; i < times.size(); ++i)
        result.append(times.at(i) - times.at(i - 1));
    return result;
}

QByteArray describe(const QList<qint64> &values)
{
    QByteArray text;
    for (qint64 value : values)
        text += QByteArray::number(value) + ' ';
    return text;
}

// A job the service is working on, as the history hands it back after a restart.
RemixJob runningJob(const QString &localId, const QString &videoId)
{
    RemixJob job;
    job.localId = localId;
    job.resultVideoId = videoId;
    job.state = JobState::InProgress;
    job.submittedAt = QDateTime::currentDateTime();
    return job;
}

} // namespace

class TstJobController final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void submitAddsRowAtOnce();
    void fixedKeyAppliesToTheNextPoll();
    void lifecycleToCompleted();
    void remixThroughTheVideoIdInBodyRoute();
    void failedJobKeepsReason();
    void serverHintsAreHonoured_data();
    void serverHintsAreHonoured();
    void serverHintsAreCapped();
    void zeroServerHintsNeverPollFasterThanTheInterval_data();
    void zeroServerHintsNeverPollFasterThanTheInterval();
    void transientErrorsBackOffAndRecover_data();
    void transientErrorsBackOffAndRecover();
    void unknownStatusKeepsPolling();
    void pollsNeverOverlap();
    void failedPostIsNeverResent_data();
    void failedPostIsNeverResent();
    void postResetIsNeverResent();
    void refusedConnectionIsSubmitFailed();
    void invalidServiceSendsNothing();
    void removedJobStopsPolling();
    void manyJobsAreSpread();
    void timeCapStopsPollingAndRefreshResumes();
    void unauthorizedPollStopsUntilRefresh();
    void notFoundPollRetriesThenStopsRefreshable();
    void notFoundPollThatRecoversCarriesOn();
    void cancelledIsAFinalStateOfItsOwn_data();
    void cancelledIsAFinalStateOfItsOwn();
    void resumeLoadedJob();
    void resumedStoppedJobStaysStopped();
    void resumedJobsNeverFloodAService();
    void ceilingIsInjectable();
    void manyJobsAreEachAskedOncePerInterval();
    void slowAnswersLeaveTheGuiThreadIdle();
    void eachJobPollsAtItsOwnServicesInterval();
    void destroyedWhileBusy();

private:
    void makeController(const QUrl &root);
    RemixJob job(const QString &localId) const { return m_model->job(localId).value_or(RemixJob()); }
    // Every distinct snapshot the model held of a job, in order.
    void recordSnapshots(const QString &localId);

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<JobList> m_jobs;
    std::unique_ptr<JobModel> m_model;
    std::unique_ptr<JobController> m_controller;
    QList<RemixJob> m_snapshots;
    PollSettings m_settings;
};

void TstJobController::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TstJobController::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_settings = PollSettings();
    m_settings.intervalMs = 30;
    m_settings.backoffBaseMs = 60;
    m_settings.backoffCapMs = 1000;
    m_settings.serverHintCapMs = 5000;
    m_settings.maxPollingMs = 60000;
    // The per-service ceiling has tests of its own; elsewhere it must not be what paces the polls.
    m_settings.maxPollsPerSecondPerService = 1000;
    makeController(m_server->rootUrl());
}

void TstJobController::makeController(const QUrl &root)
{
    m_controller.reset();
    m_client = std::make_unique<ApiClient>();
    m_client->setTimeoutMs(300);
    if (!m_model) {
        m_jobs = std::make_unique<JobList>();
        m_model = std::make_unique<JobModel>(m_jobs.get());
        m_model->setCoalesceIntervalMs(0);
    }
    m_controller = std::make_unique<JobController>(m_client.get(), m_jobs.get());
    m_controller->setPollSettings(m_settings);
    m_controller->setService(ServiceEndpoint{ApiUrl::normalizeBase(root.toString() + u"/v1"_s), u"sk-test"_s});
}

void TstJobController::cleanup()
{
    m_controller.reset();
    m_client.reset();
    m_model.reset();
    m_server.reset();
    m_snapshots.clear();
}

void TstJobController::recordSnapshots(const QString &localId)
{
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, [this, localId] {
        const std::optional<RemixJob> current = m_model->job(localId);
        if (current)
            m_snapshots.append(*current);
    });
}

void TstJobController::submitAddsRowAtOnce()
{
    Reply hang = hanging();
    m_server->queueRemixReply(hang);
    const QString localId = m_controller->submit(u"video_src"_s, u"把猫换成狗"_s);

    QVERIFY(!QUuid::fromString(localId).isNull());
    QVERIFY(!localId.startsWith(u'{'));
    QCOMPARE(m_model->rowCount(), 1);
    const RemixJob *row = m_model->jobAt(0);
    QVERIFY(row);
    QCOMPARE(row->localId, localId);
    QCOMPARE(row->state, JobState::Submitting);
    QCOMPARE(row->sourceVideoId, u"video_src"_s);
    QCOMPARE(row->prompt, u"把猫换成狗"_s);
    QVERIFY(row->submittedAt.isValid());

    // A second job goes on top.
    m_server->queueRemixReply(hang);
    const QString second = m_controller->submit(u"video_src2"_s, u"p"_s);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->jobAt(0)->localId, second);
}

void TstJobController::lifecycleToCompleted()
{
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    QVERIFY(!m_controller->isSchedulerActive());
    const QString localId = m_controller->submit(u"video_src"_s, u"a prompt"_s);
    recordSnapshots(localId);

    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    const RemixJob done = job(localId);
    QCOMPARE(done.resultVideoId, FirstVideo);
    QCOMPARE(done.progress, 100);
    QVERIFY(done.completedAt.isValid());
    QVERIFY(!done.error.isError());
    QVERIFY(!done.retrying);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toString(), localId);

    // Queued after the POST, then running with rising progress, then done.
    QList<JobState> states;
    QList<int> progress;
    for (const RemixJob &snapshot : std::as_const(m_snapshots)) {
        if (states.isEmpty() || states.last() != snapshot.state)
            states.append(snapshot.state);
        if (progress.isEmpty() || progress.last() != snapshot.progress)
            progress.append(snapshot.progress);
    }
    QCOMPARE(states, (QList<JobState>{JobState::Queued, JobState::InProgress, JobState::Completed}));
    QCOMPARE(progress, (QList<int>{0, 30, 70, 100}));

    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_server->requestCount("GET"), 4);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());

    // Nothing more is asked once the job is done.
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(5 * m_settings.intervalMs));
}

void TstJobController::remixThroughTheVideoIdInBodyRoute()
{
    // A profile whose Test found POST /videos/remix {"video_id"}: its remix goes there, once, and then
    // lives like any other job (polled at GET /videos/{id} until done).
    m_server->setRemixDialect(FakeVideoServer::RemixDialect::VideoIdInBody);
    ServiceEndpoint service{ApiUrl::normalizeBase(m_server->rootUrl().toString() + u"/v1"_s), u"sk-test"_s};
    service.remixRoute = RemixRoute::VideoIdInBody;
    const QString localId = m_controller->submit(u"task_src"_s, u"雨中的街道"_s, service);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QCOMPARE(job(localId).resultVideoId, FirstVideo);
    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_server->requestCount("POST", u"/v1/videos/remix"_s), 1);
    const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(sent.value(u"video_id"_s).toString(), u"task_src"_s);
}

void TstJobController::failedJobKeepsReason()
{
    const QString reason = u"Your request was blocked by our moderation system."_s;
    m_server->setVideoScript(FirstVideo,
                             {Reply::video(FirstVideo, u"in_progress"_s, 10), failedVideo(FirstVideo, reason)});
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);

    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Failed, 10000);
    const RemixJob failed = job(localId);
    QCOMPARE(failed.error.kind, ApiError::Kind::JobFailed);
    QCOMPARE(failed.error.message, reason);
    QCOMPARE(failed.error.code, u"moderation_blocked"_s);
    QVERIFY(!failed.error.userMessage(ApiOperation::Poll).isEmpty());
    QCOMPARE(m_model->data(m_model->indexOf(localId), JobModel::ErrorMessageRole).toString().isEmpty(), false);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());
    QCOMPARE(m_server->requestCount("GET"), 2);
}

void TstJobController::serverHintsAreHonoured_data()
{
    QTest::addColumn<Reply>("hinted");
    QTest::addColumn<int>("hintMs");
    QTest::addColumn<bool>("retrying");

    QTest::newRow("429 Retry-After seconds") << withHeader(
        httpError(429, R"({"code":"rate_limited","message":"slow down","data":null})"), "Retry-After", "1")
                                             << 1000 << true;
    QTest::newRow("503 retry-after-ms") << withHeader(httpError(503), "retry-after-ms", "350") << 350 << true;
    QTest::newRow("200 openai-poll-after-ms")
        << withHeader(Reply::video(FirstVideo, u"queued"_s, 0), "openai-poll-after-ms", "350") << 350 << false;
}

void TstJobController::serverHintsAreHonoured()
{
    QFETCH(Reply, hinted);
    QFETCH(int, hintMs);
    QFETCH(bool, retrying);

    // GET 1 carries the hint; GET 2 must not come before it says.
    m_server->setVideoScript(FirstVideo, {hinted, Reply::video(FirstVideo, u"completed"_s, 100)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    recordSnapshots(localId);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);

    const QList<qint64> times = getTimes(*m_server, FirstVideo);
    QCOMPARE(times.size(), 2);
    // Not before the server said, and not much later either: the hint is the wait, not a minimum of many.
    QVERIFY2(times.at(1) - times.at(0) >= hintMs, describe(gaps(times)));
    QVERIFY2(times.at(1) - times.at(0) <= hintMs + SlackMs, describe(gaps(times)));
    const bool sawRetrying = std::any_of(m_snapshots.cbegin(), m_snapshots.cend(),
                                         [](const RemixJob &snapshot) { return snapshot.retrying; });
    QCOMPARE(sawRetrying, retrying);
    QVERIFY(!job(localId).retrying);
}

void TstJobController::serverHintsAreCapped()
{
    m_settings.serverHintCapMs = 200;
    m_controller->setPollSettings(m_settings);
    // An hour is what the server says; the cap says 200 ms.
    m_server->setVideoScript(
        FirstVideo, {withHeader(httpError(429), "Retry-After", "3600"), Reply::video(FirstVideo, u"completed"_s, 100)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    const QList<qint64> times = getTimes(*m_server, FirstVideo);
    QCOMPARE(times.size(), 2);
    QVERIFY2(times.at(1) - times.at(0) >= 200, describe(gaps(times)));
    QVERIFY2(times.at(1) - times.at(0) <= 200 + SlackMs, describe(gaps(times)));
}

void TstJobController::zeroServerHintsNeverPollFasterThanTheInterval_data()
{
    QTest::addColumn<Reply>("hinted");

    QTest::newRow("429 Retry-After: 0") << withHeader(httpError(429), "Retry-After", "0");
    QTest::newRow("503 retry-after-ms: 0") << withHeader(httpError(503), "retry-after-ms", "0");
    QTest::newRow("429 Retry-After in the past")
        << withHeader(httpError(429), "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
    QTest::newRow("200 openai-poll-after-ms: 0")
        << withHeader(Reply::video(FirstVideo, u"in_progress"_s, 10), "openai-poll-after-ms", "0");
}

// A server that says "again at once" (or names a moment already past) is asked no more often than
// the normal interval: the interval is the floor, whatever the hint.
void TstJobController::zeroServerHintsNeverPollFasterThanTheInterval()
{
    QFETCH(Reply, hinted);
    m_settings.intervalMs = 250;
    m_controller->setPollSettings(m_settings);
    // Other jobs of the same service keep running: the spreading of polls over them must not be what
    // holds the hinted job back.
    for (int i = 0; i < 4; ++i) {
        RemixJob running;
        running.localId = u"running-%1"_s.arg(i);
        running.resultVideoId = u"video_running_%1"_s.arg(i);
        running.state = JobState::InProgress;
        m_jobs->add(running);
        m_server->setVideoScript(running.resultVideoId, {Reply::video(running.resultVideoId, u"in_progress"_s, 50)});
        m_controller->resume(running.localId, m_controller->service());
    }
    m_server->setVideoScript(FirstVideo, {hinted, hinted, hinted, Reply::video(FirstVideo, u"completed"_s, 100)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    const QList<qint64> times = getTimes(*m_server, FirstVideo);
    QCOMPARE(times.size(), 4);
    for (qint64 gap : gaps(times))
        QVERIFY2(gap >= m_settings.intervalMs - ClockSkewMs, describe(gaps(times)));
}

void TstJobController::transientErrorsBackOffAndRecover_data()
{
    QTest::addColumn<Reply>("failure");
    QTest::addColumn<int>("extraPerAttemptMs"); // time an attempt itself takes to fail

    QTest::newRow("500") << httpError(500, R"({"error":{"message":"upstream error","type":"server_error"}})") << 0;
    QTest::newRow("502 html") << httpError(502, "<html><body><h1>502 Bad Gateway</h1></body></html>") << 0;
    QTest::newRow("timeout") << hanging() << 200;
}

void TstJobController::transientErrorsBackOffAndRecover()
{
    QFETCH(Reply, failure);
    QFETCH(int, extraPerAttemptMs);
    m_client->setTimeoutMs(extraPerAttemptMs > 0 ? extraPerAttemptMs : 2000);
    // Delays long enough that the jitter range (50-100 %) stands out from the machine's own lateness.
    m_settings.backoffBaseMs = 500;
    m_settings.backoffCapMs = 5000;
    m_controller->setPollSettings(m_settings);

    m_server->setVideoScript(FirstVideo, {failure, failure, failure, Reply::video(FirstVideo, u"completed"_s, 100)});
    QElapsedTimer clock;
    clock.start();
    QList<qint64> pollStarts;
    connect(m_controller.get(), &JobController::pollStarted, this, [&] { pollStarts.append(clock.elapsed()); });
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    recordSnapshots(localId);

    QTRY_VERIFY_WITH_TIMEOUT(job(localId).retrying, 10000);
    // While retrying, the job keeps its last known state and shows what goes wrong.
    QCOMPARE(job(localId).state, JobState::Queued);
    QVERIFY(job(localId).error.isError());
    QVERIFY(job(localId).error.isTransient());

    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 15000);
    const RemixJob done = job(localId);
    QVERIFY(!done.retrying);
    QVERIFY(!done.error.isError());

    // Attempts 2, 3 and 4 wait base * 2^(n-1) with 50-100 % jitter after a failure, so the gaps grow.
    QCOMPARE(pollStarts.size(), 4);
    const QList<qint64> startGaps = gaps(pollStarts);
    const qint64 base = m_settings.backoffBaseMs;
    for (int i = 0; i < startGaps.size(); ++i) {
        const qint64 lowest = extraPerAttemptMs * 9 / 10 + (base << i) / 2 - 2;
        QVERIFY2(startGaps.at(i) >= lowest, QByteArray(describe(startGaps) + "lowest " + QByteArray::number(lowest)));
        // The jitter stays within its range: at most the full doubled delay (or the interval, if longer).
        const qint64 highest = extraPerAttemptMs + qMax<qint64>(m_settings.intervalMs, base << i) + BackoffSlackMs;
        QVERIFY2(startGaps.at(i) <= highest,
                 QByteArray(describe(startGaps) + "highest " + QByteArray::number(highest)));
    }
    QVERIFY2(startGaps.at(2) > startGaps.at(0), describe(startGaps));
    // The server agrees: its GETs came no faster.
    const QList<qint64> serverGaps = gaps(getTimes(*m_server, FirstVideo));
    QCOMPARE(serverGaps.size(), 3);
    QVERIFY2(serverGaps.at(2) >= (base << 2) / 2, describe(serverGaps));
}

void TstJobController::unknownStatusKeepsPolling()
{
    m_server->setVideoScript(
        FirstVideo, {Reply::video(FirstVideo, u"teleporting"_s, 20), Reply::video(FirstVideo, u"teleporting"_s, 40),
                     Reply::video(FirstVideo, u"teleporting"_s, 60), Reply::video(FirstVideo, u"completed"_s, 100)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Unknown, 10000);
    QCOMPARE(job(localId).rawStatus, u"teleporting"_s);
    QCOMPARE(m_model->data(m_model->indexOf(localId), JobModel::RawStatusRole).toString(), u"teleporting"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QCOMPARE(m_server->requestCount("GET"), 4);
}

void TstJobController::pollsNeverOverlap()
{
    // Every answer takes 5 intervals; a poller on a fixed clock would have several requests in flight.
    const int answerDelay = 5 * m_settings.intervalMs;
    m_server->setVideoScript(FirstVideo, {delayed(Reply::video(FirstVideo, u"in_progress"_s, 10), answerDelay),
                                          delayed(Reply::video(FirstVideo, u"in_progress"_s, 50), answerDelay),
                                          delayed(Reply::video(FirstVideo, u"in_progress"_s, 80), answerDelay),
                                          delayed(Reply::video(FirstVideo, u"completed"_s, 100), answerDelay)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);

    const QList<qint64> times = getTimes(*m_server, FirstVideo);
    QCOMPARE(times.size(), 4);
    // Each GET came only after the previous answer (sent answerDelay after it arrived).
    for (qint64 gap : gaps(times))
        QVERIFY2(gap >= answerDelay, describe(gaps(times)));
}

void TstJobController::failedPostIsNeverResent_data()
{
    QTest::addColumn<Reply>("answer");
    QTest::addColumn<JobState>("expected");
    // Rows with a Retry-After are watched for longer than it: a re-send would come after the hint.

    QTest::newRow("500 json") << httpError(500, R"({"error":{"message":"internal","type":"server_error"}})")
                              << JobState::NotConfirmed;
    QTest::newRow("502 html") << httpError(502, "<html><title>502 Bad Gateway</title></html>")
                              << JobState::NotConfirmed;
    QTest::newRow("504 empty") << httpError(504) << JobState::NotConfirmed;
    QTest::newRow("timeout") << hanging() << JobState::NotConfirmed;
    QTest::newRow("reset") << resetting() << JobState::NotConfirmed;
    QTest::newRow("200 html") << Reply{200, "<html>hello</html>", "text/html", {}, false, 0, false}
                              << JobState::NotConfirmed;
    QTest::newRow("200 without id") << Reply::json(QJsonObject{{u"status"_s, u"queued"_s}}) << JobState::NotConfirmed;
    QTest::newRow("429 new-api") << withHeader(
        httpError(429, R"({"code":"busy","message":"当前分组上游负载已饱和，请稍后再试","data":null})"), "Retry-After",
        "1") << JobState::SubmitFailed;
    QTest::newRow("400") << httpError(400, R"({"code":"task_not_exist","message":"task_not_exist","data":null})")
                         << JobState::SubmitFailed;
    QTest::newRow("401") << httpError(
        401, R"({"error":{"message":"Invalid token","message_zh":"无效的令牌","type":"new_api_error"}})")
                         << JobState::SubmitFailed;
}

void TstJobController::failedPostIsNeverResent()
{
    QFETCH(Reply, answer);
    QFETCH(JobState, expected);

    m_server->queueRemixReply(answer);
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(job(localId).state, expected);
    QVERIFY(job(localId).error.isError());
    QVERIFY(job(localId).resultVideoId.isEmpty());

    // Long enough for any re-send to have happened: past the server's Retry-After (when it sent one),
    // past several intervals and the first backoff delays otherwise. Still one POST and no GET.
    const ServerHints hints = ServerHints::fromHeaders(answer.headers);
    const int quietMs = hints.retryAfterMs >= 0 ? hints.retryAfterMs + 500
                                                : qMax(10 * m_settings.intervalMs, 4 * m_settings.backoffBaseMs) + 200;
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(quietMs));
    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_server->requestCount("GET"), 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());

    // A manual refresh has nothing to ask about and sends nothing either.
    m_controller->refreshNow(localId);
    QVERIFY(!requests.wait(100));
    QCOMPARE(m_server->requestCount("POST"), 1);
}

void TstJobController::postResetIsNeverResent()
{
    // A bare TCP peer that resets every connection: Qt itself would like to re-send.
    for (const auto behaviour : {RawTcpServer::Behaviour::ResetConnection, RawTcpServer::Behaviour::CloseImmediately}) {
        RawTcpServer raw(behaviour);
        QVERIFY(raw.start());
        makeController(raw.rootUrl());
        QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
        const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(job(localId).state, JobState::NotConfirmed);
        QCOMPARE(job(localId).error.kind, ApiError::Kind::ConnectionClosed);
        QVERIFY(!finished.wait(10 * m_settings.intervalMs));
        QCOMPARE(raw.connectionCount(), 1);
    }
}

void TstJobController::refusedConnectionIsSubmitFailed()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QUrl root(u"http://127.0.0.1:%1"_s.arg(probe.serverPort()));
    probe.close();
    makeController(root);
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(job(localId).state, JobState::SubmitFailed);
    QCOMPARE(job(localId).error.kind, ApiError::Kind::ConnectionRefused);
}

void TstJobController::invalidServiceSendsNothing()
{
    m_controller->setService(ServiceEndpoint{QUrl(), u"k"_s});
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QCOMPARE(job(localId).state, JobState::Submitting);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(job(localId).state, JobState::SubmitFailed);
    QVERIFY(job(localId).error.isError());
    QCOMPARE(m_server->requests().size(), 0);
}

void TstJobController::removedJobStopsPolling()
{
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"in_progress"_s, 10)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount("GET"), 1, 10000);
    m_jobs->remove(localId);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->activeJobCount(), 0, 5000);
    QVERIFY(!m_controller->isSchedulerActive());
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(5 * m_settings.intervalMs));
}

void TstJobController::manyJobsAreSpread()
{
    constexpr int JobCount = 12;
    m_settings.intervalMs = 240; // 20 ms between poll starts with 12 jobs
    m_controller->setPollSettings(m_settings);
    const qint64 spacing = m_settings.intervalMs / JobCount;

    QElapsedTimer clock;
    clock.start();
    QList<qint64> pollStarts;
    connect(m_controller.get(), &JobController::pollStarted, this, [&] { pollStarts.append(clock.elapsed()); });
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    for (int i = 0; i < JobCount; ++i)
        m_controller->submit(u"video_src_%1"_s.arg(i), u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), JobCount, 30000);
    QCOMPARE(pollStarts.size(), JobCount * 4);
    std::sort(pollStarts.begin(), pollStarts.end());
    const QList<qint64> startGaps = gaps(pollStarts);
    const qint64 closest = *std::min_element(startGaps.cbegin(), startGaps.cend());
    QVERIFY2(closest >= spacing / 2, describe(startGaps));
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());
}

void TstJobController::timeCapStopsPollingAndRefreshResumes()
{
    m_settings.maxPollingMs = 200;
    m_controller->setPollSettings(m_settings);
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"in_progress"_s, 50)});
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);

    QTRY_VERIFY_WITH_TIMEOUT(job(localId).pollingStopped, 10000);
    QCOMPARE(job(localId).state, JobState::InProgress);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());
    QCOMPARE(finished.size(), 0); // stopped, not finished
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(5 * m_settings.intervalMs));

    // A manual refresh asks at once and keeps polling until the job is done.
    m_server->setVideoScript(
        FirstVideo, {Reply::video(FirstVideo, u"in_progress"_s, 90), Reply::video(FirstVideo, u"completed"_s, 100)});
    const int getsBefore = m_server->requestCount("GET");
    m_controller->refreshNow(localId);
    QVERIFY(!job(localId).pollingStopped);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QCOMPARE(m_server->requestCount("GET"), getsBefore + 2);
    QCOMPARE(finished.size(), 1);
}

void TstJobController::unauthorizedPollStopsUntilRefresh()
{
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"queued"_s, 0)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Queued, 10000);
    m_server->setRequiredKey(u"another-key"_s);

    QTRY_COMPARE_WITH_TIMEOUT(job(localId).error.httpStatus, 401, 10000);
    QCOMPARE(job(localId).error.messageZh, u"无效的令牌"_s);
    QCOMPARE(job(localId).state, JobState::Queued); // the job itself is not known to have failed
    QVERIFY(!job(localId).retrying);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());

    m_server->setRequiredKey(QString());
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"completed"_s, 100)});
    m_controller->refreshNow(localId);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QVERIFY(!job(localId).error.isError());
}

// The key is asked for at every poll: once the user fixes it, a refresh uses the new one (the key the
// job was submitted with is not kept).
void TstJobController::fixedKeyAppliesToTheNextPoll()
{
    ServiceEndpoint service = m_controller->service();
    m_controller->setServiceResolver([&service](const QString &) { return service; });
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"queued"_s, 0)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Queued, 10000);
    m_server->setRequiredKey(u"the-right-key"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).error.httpStatus, 401, 10000);
    QCOMPARE(m_controller->activeJobCount(), 0);

    service.apiKey = u"the-right-key"_s; // what the settings dialog does
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"completed"_s, 100)});
    m_controller->refreshNow(localId);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QCOMPARE(m_server->requests().constLast().headers.value("authorization"), QByteArray("Bearer the-right-key"));
    m_controller->setServiceResolver({});
}

// A 404 for a job this app created is not the end at once (relays lose track for a moment, a
// gateway in between may lack the route briefly): a few more tries with backoff, then polling stops with
// "the service no longer knows this job", the job keeps its last state and a refresh asks again.
void TstJobController::notFoundPollRetriesThenStopsRefreshable()
{
    const Reply gone = httpError(404, R"({"error":{"message":"Video not found","type":"invalid_request_error"}})");
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"in_progress"_s, 30), gone});
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    recordSnapshots(localId);

    QTRY_VERIFY_WITH_TIMEOUT(job(localId).pollingStopped, 10000);
    const int tries = m_settings.notFoundRetries;
    // One GET with the job running, then the first 404 and its retries; nothing after that.
    QCOMPARE(m_server->requestCount("GET"), 2 + tries);
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(4 * m_settings.backoffBaseMs + 10 * m_settings.intervalMs));
    QCOMPARE(m_server->requestCount("GET"), 2 + tries);
    // Retried with backoff, never faster than the interval.
    const QList<qint64> retryGaps = gaps(getTimes(*m_server, FirstVideo)).mid(1);
    for (qint64 gap : retryGaps)
        QVERIFY2(gap >= m_settings.intervalMs - ClockSkewMs, describe(retryGaps));
    const bool sawRetrying = std::any_of(m_snapshots.cbegin(), m_snapshots.cend(),
                                         [](const RemixJob &snapshot) { return snapshot.retrying; });
    QVERIFY(sawRetrying);

    const RemixJob stopped = job(localId);
    QCOMPARE(stopped.state, JobState::InProgress); // not a failed job: nobody knows what became of it
    QVERIFY(!stopped.retrying);
    QCOMPARE(stopped.error.httpStatus, 404);
    QVERIFY2(stopped.error.userMessage(ApiOperation::Poll).contains(u"no longer knows this job"_s),
             qPrintable(stopped.error.userMessage(ApiOperation::Poll)));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QVERIFY(!m_controller->isSchedulerActive());

    // Refresh asks again; the service knows it after all.
    m_server->setVideoScript(FirstVideo, {Reply::video(FirstVideo, u"completed"_s, 100)});
    m_controller->refreshNow(localId);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QVERIFY(!job(localId).pollingStopped);
    QVERIFY(!job(localId).error.isError());
    QCOMPARE(finished.size(), 1);
}

void TstJobController::notFoundPollThatRecoversCarriesOn()
{
    const Reply gone = httpError(404, R"({"error":{"message":"Video not found","type":"invalid_request_error"}})");
    m_server->setVideoScript(FirstVideo, {gone, gone, Reply::video(FirstVideo, u"in_progress"_s, 50),
                                          Reply::video(FirstVideo, u"completed"_s, 100)});
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(job(localId).state, JobState::Completed, 10000);
    QVERIFY(!job(localId).error.isError());
    QVERIFY(!job(localId).pollingStopped);
    QCOMPARE(m_server->requestCount("GET"), 4);
}

void TstJobController::cancelledIsAFinalStateOfItsOwn_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("cancelled") << u"cancelled"_s;
    QTest::newRow("canceled") << u"canceled"_s;
    QTest::newRow("CANCELLED") << u"CANCELLED"_s;
}

void TstJobController::cancelledIsAFinalStateOfItsOwn()
{
    QFETCH(QString, word);
    m_server->setVideoScript(FirstVideo,
                             {Reply::video(FirstVideo, u"in_progress"_s, 20), Reply::video(FirstVideo, word, 20)});
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(u"video_src"_s, u"p"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const RemixJob done = job(localId);
    QCOMPARE(done.state, JobState::Cancelled);
    QVERIFY(JobStates::isFinal(done.state));
    QVERIFY(!JobStates::isPollable(done.state));
    QCOMPARE(m_model->data(m_model->indexOf(localId, JobModel::StatusColumn)).toString(), u"Cancelled"_s);
    QCOMPARE(m_controller->activeJobCount(), 0);
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(5 * m_settings.intervalMs));
    QCOMPARE(m_server->requestCount("GET"), 2);
}

void TstJobController::resumeLoadedJob()
{
    RemixJob loaded;
    loaded.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    loaded.sourceVideoId = u"video_src"_s;
    loaded.resultVideoId = u"video/with+odd=chars"_s;
    loaded.state = JobState::InProgress;
    loaded.progress = 40;
    loaded.submittedAt = QDateTime::currentDateTime();
    m_jobs->add(loaded);
    m_server->setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"completed"_s, 100)});

    m_controller->resume(loaded.localId, m_controller->service());
    QCOMPARE(m_controller->activeJobCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(job(loaded.localId).state, JobState::Completed, 10000);
    QCOMPARE(m_server->requests().first().rawPath, QByteArray("/v1/videos/video%2Fwith%2Bodd%3Dchars"));
    QCOMPARE(m_server->requestCount("POST"), 0);
}

// A job that had stopped being checked (the time cap) before the app closed stays stopped when it is
// loaded again: only the user's refresh asks the service again.
void TstJobController::resumedStoppedJobStaysStopped()
{
    RemixJob loaded;
    loaded.localId = u"stopped"_s;
    loaded.resultVideoId = u"video_stopped"_s;
    loaded.state = JobState::InProgress;
    loaded.pollingStopped = true;
    loaded.submittedAt = QDateTime::currentDateTime().addSecs(-3 * 3600);
    m_jobs->add(loaded);
    m_server->setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"completed"_s, 100)});

    m_controller->resume(loaded.localId, m_controller->service());
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(10 * m_settings.intervalMs));
    QCOMPARE(m_server->requests().size(), 0);
    QVERIFY(job(loaded.localId).pollingStopped);
    QCOMPARE(m_controller->activeJobCount(), 0);

    m_controller->refreshNow(loaded.localId);
    QTRY_COMPARE_WITH_TIMEOUT(job(loaded.localId).state, JobState::Completed, 10000);
    QVERIFY(!job(loaded.localId).pollingStopped);
}

// A restart with a long history of jobs still waiting on two services: each service gets at most the
// ceiling's requests per second, whatever the number of jobs and however short their interval, and
// neither service waits for the other.
void TstJobController::resumedJobsNeverFloodAService()
{
    FakeVideoServer other;
    QVERIFY(other.start(QHostAddress(u"127.0.0.2"_s)));
    const ServiceEndpoint serviceA = m_controller->service();
    const ServiceEndpoint serviceB{ApiUrl::normalizeBase(other.rootUrl().toString() + u"/v1"_s), u"sk-other"_s};
    constexpr int JobsOnA = 50;
    constexpr int JobsOnB = 10;
    // The default ceiling: what users get.
    m_settings.maxPollsPerSecondPerService = PollSettings().maxPollsPerSecondPerService;
    m_controller->setPollSettings(m_settings);
    const double ceiling = m_settings.maxPollsPerSecondPerService;
    QVERIFY(ceiling > 0);
    for (int i = 0; i < JobsOnA + JobsOnB; ++i) {
        RemixJob loaded;
        loaded.localId = u"stale-%1"_s.arg(i);
        loaded.resultVideoId = u"video_stale_%1"_s.arg(i);
        loaded.state = JobState::InProgress;
        loaded.submittedAt = QDateTime::currentDateTime();
        m_jobs->add(loaded);
        FakeVideoServer &server = i < JobsOnA ? *m_server : other;
        server.setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"in_progress"_s, 10)});
    }
    for (int i = 0; i < JobsOnA + JobsOnB; ++i)
        m_controller->resume(u"stale-%1"_s.arg(i), i < JobsOnA ? serviceA : serviceB);

    // Watch until each service has seen a few seconds' worth at the ceiling.
    const int wanted = int(ceiling * 3) + 1;
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= wanted && other.requests().size() >= wanted, 20000);
    for (const FakeVideoServer *server : {m_server.get(), &other}) {
        QList<qint64> times;
        for (const FakeVideoServer::Request &request : server->requests())
            times.append(request.receivedAtMs);
        std::sort(times.begin(), times.end());
        // Never two requests much closer than the ceiling allows, and never more than it in any second.
        // The polls go out in fixed slots: on a loaded machine one slot's request can leave late and the
        // next on time, so a single gap may be short by the lateness (446 ms of 500 was seen under
        // parallel ASan runs); the one-second window below still holds the rate.
        const qint64 spacing = qint64(1000 / ceiling);
        const qint64 lateness = std::max<qint64>(ClockSkewMs, spacing / 5);
        for (qint64 gap : gaps(times))
            QVERIFY2(gap >= spacing - lateness, describe(gaps(times)));
        for (qsizetype i = 0; i < times.size(); ++i) {
            const qsizetype inOneSecond =
                std::count_if(times.cbegin() + i, times.cend(), [&](qint64 t) { return t < times.at(i) + 1000; });
            QVERIFY2(inOneSecond <= qsizetype(ceiling) + 1, describe(times));
        }
    }
}

// The ceiling is a setting: 10 per second lets 50 resumed jobs through five times faster than the
// default, and still never faster than that.
void TstJobController::ceilingIsInjectable()
{
    m_settings.maxPollsPerSecondPerService = 10;
    m_controller->setPollSettings(m_settings);
    for (int i = 0; i < 50; ++i) {
        RemixJob loaded;
        loaded.localId = u"stale-%1"_s.arg(i);
        loaded.resultVideoId = u"video_stale_%1"_s.arg(i);
        loaded.state = JobState::Queued;
        m_jobs->add(loaded);
        m_server->setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"queued"_s, 0)});
        m_controller->resume(loaded.localId, m_controller->service());
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= 25, 10000);
    QList<qint64> times;
    for (const FakeVideoServer::Request &request : m_server->requests())
        times.append(request.receivedAtMs);
    for (qint64 gap : gaps(times))
        QVERIFY2(gap >= 100 - ClockSkewMs, describe(gaps(times)));
    // And it is used: 25 requests took about 2.4 s, not the 12 s of the default ceiling.
    QVERIFY2(times.constLast() - times.constFirst() < 2400 + SlackMs, describe(times));
}

// 200 jobs every 400 ms need a poll every 2 ms, closer than the scheduler's wakes (at least 5 ms apart):
// one wake starts the polls of the slots it covers (here three), so each job can still be asked once per
// interval. (The rate itself is measured by bench_live_jobs: 0.99 requests per job per interval for
// 1,000 jobs; here the server shares the test's thread, so the CPU, not the scheduler, sets it.)
void TstJobController::manyJobsAreEachAskedOncePerInterval()
{
    constexpr int Jobs = 200;
    m_settings.intervalMs = 400;
    m_settings.maxPollsPerSecondPerService = 0; // no ceiling: the spreading alone
    m_controller->setPollSettings(m_settings);
    QElapsedTimer clock;
    clock.start();
    QList<qint64> startsUs;
    connect(m_controller.get(), &JobController::pollStarted, this,
            [&] { startsUs.append(clock.nsecsElapsed() / 1000); });
    for (int i = 0; i < Jobs; ++i) {
        const RemixJob loaded = runningJob(u"many-%1"_s.arg(i), u"video_many_%1"_s.arg(i));
        m_jobs->add(loaded);
        m_server->setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"in_progress"_s, 10)});
        m_controller->resume(loaded.localId, m_controller->service());
    }
    QTRY_VERIFY_WITH_TIMEOUT(startsUs.size() >= 60, 20000);
    // Polls started in the same wake, microseconds apart; one per wake would leave 5 ms between them.
    int sameWake = 0;
    for (qsizetype i = 1; i < startsUs.size(); ++i) {
        if (startsUs.at(i) - startsUs.at(i - 1) < 1000)
            ++sameWake;
    }
    QVERIFY2(sameWake >= startsUs.size() / 3, qPrintable(u"%1 of %2"_s.arg(sameWake).arg(startsUs.size())));
}

// Six jobs of one service whose answers take a while: four polls go out and the other two wait for an
// answer, without the scheduler spinning meanwhile (its timer for polls already due would fire at once,
// over and over: the process's CPU time over the wait would match the wall time).
void TstJobController::slowAnswersLeaveTheGuiThreadIdle()
{
    constexpr int Jobs = 6;
    m_client->setTimeoutMs(10000); // the answers are slow, not lost
    for (int i = 0; i < Jobs; ++i) {
        const RemixJob loaded = runningJob(u"slow-%1"_s.arg(i), u"video_slow_%1"_s.arg(i));
        m_jobs->add(loaded);
        Reply slow = Reply::video(loaded.resultVideoId, u"in_progress"_s, 10);
        slow.delayMs = 1500;
        m_server->setVideoScript(loaded.resultVideoId, {slow});
        m_controller->resume(loaded.localId, m_controller->service());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 4, 10000);
    // A window of 600 ms in which nothing is due to happen (the answers come after 1.5 s): measured,
    // not waited for.
    const std::clock_t cpuBefore = std::clock();
    QEventLoop window;
    QTimer::singleShot(600, &window, &QEventLoop::quit);
    window.exec();
    const double cpuMs = double(std::clock() - cpuBefore) * 1000.0 / CLOCKS_PER_SEC;
    QCOMPARE(m_server->requests().size(), 4); // still four under way
    QVERIFY2(cpuMs < 200, qPrintable(u"%1 ms of CPU in 600 ms"_s.arg(cpuMs)));
    // The answers let the other two go.
    QTRY_VERIFY_WITH_TIMEOUT(m_server->requests().size() >= Jobs, 10000);
}

// Each job is polled at the interval its own service names (its profile's setting); one that names none
// gets the controller's default.
void TstJobController::eachJobPollsAtItsOwnServicesInterval()
{
    FakeVideoServer other;
    QVERIFY(other.start(QHostAddress(u"127.0.0.2"_s)));
    ServiceEndpoint quick = m_controller->service();
    quick.pollIntervalMs = 80;
    ServiceEndpoint slow{ApiUrl::normalizeBase(other.rootUrl().toString() + u"/v1"_s), u"sk-other"_s};
    slow.pollIntervalMs = 300;
    ServiceEndpoint unnamed = m_controller->service(); // pollIntervalMs 0: the default (m_settings.intervalMs)
    m_settings.intervalMs = 150;
    m_controller->setPollSettings(m_settings);
    const QList<QPair<QString, ServiceEndpoint>> jobs = {
        {u"quick"_s, quick}, {u"slow"_s, slow}, {u"unnamed"_s, unnamed}};
    for (const auto &[id, service] : jobs) {
        RemixJob loaded;
        loaded.localId = id;
        loaded.resultVideoId = u"video_"_s + id;
        loaded.state = JobState::InProgress;
        m_jobs->add(loaded);
        FakeVideoServer &server = service.apiBase == slow.apiBase ? other : *m_server;
        server.setVideoScript(loaded.resultVideoId, {Reply::video(loaded.resultVideoId, u"in_progress"_s, 50)});
    }
    // Asked afresh for every poll, as AppCore does.
    m_controller->setServiceResolver([jobs](const QString &localId) {
        for (const auto &[id, service] : jobs) {
            if (id == localId)
                return service;
        }
        return ServiceEndpoint{};
    });
    for (const auto &[id, service] : jobs)
        m_controller->resume(id, service);
    QTRY_VERIFY_WITH_TIMEOUT(getTimes(other, u"video_slow"_s).size() >= 4, 10000);
    const QList<QPair<QString, qint64>> expected = {{u"quick"_s, 80}, {u"slow"_s, 300}, {u"unnamed"_s, 150}};
    for (const auto &[id, interval] : expected) {
        const QList<qint64> jobGaps = gaps(getTimes(id == u"slow"_s ? other : *m_server, u"video_"_s + id));
        QVERIFY2(jobGaps.size() >= 2, qPrintable(id));
        for (qint64 gap : jobGaps)
            QVERIFY2(gap >= interval - ClockSkewMs && gap <= interval + SlackMs,
                     QByteArray(id.toLatin1() + ": " + describe(jobGaps)));
    }
    m_controller->setServiceResolver({});
}

void TstJobController::destroyedWhileBusy()
{
    m_server->queueRemixReply(hanging());
    m_controller->submit(u"video_src"_s, u"p"_s);
    m_server->setVideoScript(u"video_remix_1"_s, {hanging()});
    RemixJob loaded;
    loaded.localId = u"loaded"_s;
    loaded.resultVideoId = u"video_remix_1"_s;
    loaded.state = JobState::Queued;
    m_jobs->add(loaded);
    m_controller->resume(loaded.localId, m_controller->service());
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 2, 10000);
    m_controller.reset(); // requests under way are dropped without calling back
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(100));
    QCOMPARE(m_server->requestCount("POST"), 1);
}

QTEST_GUILESS_MAIN(TstJobController)
#include "tst_jobcontroller.moc"
