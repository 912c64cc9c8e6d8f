#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "rawtcpserver.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Everything a finished job reported, copied before the job deletes itself.
struct Outcome
{
    int finishedCount = 0;
    ApiError error;
    int httpStatus = 0;
    QByteArray body;
    QJsonObject json;
    ServerHints hints;
    VideoInfo video;
};

ServiceEndpoint endpointFor(const QUrl &root, const QString &key = u"sk-test-123"_s)
{
    return ServiceEndpoint{ApiUrl::normalizeBase(root.toString() + u"/v1"_s), key};
}

} // namespace

class TstApiClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void remixRequestShape();
    void remixWithVideoIdInBody();
    void fetchRequestShape();
    void noAuthorizationWithoutKey();
    void baseUrlFormsReachSamePath_data();
    void baseUrlFormsReachSamePath();
    void successBodyIsParsed();
    void errorShapes_data();
    void errorShapes();
    void retryAfterHintsArrive();
    void okWithHtmlBodyIsInvalidResponse();
    void keyEchoedByTheServerIsMasked();
    void timeoutIsTimeoutNotCancelled();
    void slowButMovingReplyDoesNotTimeOut();
    void abortIsCancelled();
    void abortBeforeStart();
    void connectionRefused();
    void transportFailures_data();
    void transportFailures();
    void postIsNotResentByTransport();
    void userAgentNamesVersion();

private:
    // Starts the job and waits until it finished and deleted itself (no second finished() possible).
    Outcome run(ApiRequestJob *job, int timeoutMs = 10000);

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TstApiClient::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TstApiClient::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<ApiClient>();
    m_client->setTimeoutMs(5000);
}

void TstApiClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

Outcome TstApiClient::run(ApiRequestJob *job, int timeoutMs)
{
    Outcome outcome;
    QPointer<ApiRequestJob> guard(job);
    connect(job, &ApiRequestJob::finished, this, [&outcome, job](ApiRequestJob *finished) {
        ++outcome.finishedCount;
        // The job passes itself; anything else would be a contract break.
        if (finished != job)
            outcome.finishedCount += 100;
        outcome.error = finished->error();
        outcome.httpStatus = finished->httpStatus();
        outcome.body = finished->body();
        outcome.json = finished->json();
        outcome.hints = finished->hints();
        outcome.video = finished->video();
    });
    job->start();
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), timeoutMs);
    }();
    return outcome;
}

void TstApiClient::remixRequestShape()
{
    const QString id = u"dmlkZW8/+abc/def=:x"_s; // base64-ish, with '/', '+', '=' and ':'
    const QString prompt = u"把猫换成一只橘色的狗，背景是下雪的东京夜景 🎬 \"quoted\""_s;
    const Outcome outcome = run(m_client->createRemix(endpointFor(m_server->rootUrl()), id, prompt));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.technicalDetail()));

    const QList<FakeVideoServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    const FakeVideoServer::Request &request = requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    // The id is one segment: '/' travels as %2F, and the server decodes back exactly the id.
    QVERIFY2(request.rawPath.startsWith("/v1/videos/") && request.rawPath.endsWith("/remix"), request.rawPath);
    const QByteArray segment = request.rawPath.mid(11, request.rawPath.size() - 11 - 6);
    QVERIFY2(!segment.contains('/'), segment);
    QVERIFY(segment.contains("%2F"));
    QVERIFY(segment.contains("%2B"));
    QCOMPARE(QUrl::fromPercentEncoding(segment), id);

    // Byte-exact UTF-8 JSON with only the official field.
    const QJsonDocument sent = QJsonDocument::fromJson(request.body);
    QVERIFY(sent.isObject());
    QCOMPARE(sent.object().keys(), QStringList{u"prompt"_s});
    QCOMPARE(sent.object().value(u"prompt"_s).toString(), prompt);
    QVERIFY(request.body.contains(prompt.left(6).toUtf8()));

    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
    QVERIFY(request.headers.value("content-type").startsWith("application/json"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/json"));
    QVERIFY(request.headers.value("user-agent").startsWith("VideoRemix/" VIDEOREMIX_VERSION));

    // The fake echoes a new video object.
    QCOMPARE(outcome.httpStatus, 200);
    QCOMPARE(outcome.video.id, u"video_remix_1"_s);
    QCOMPARE(outcome.video.state, JobState::Queued);
    QCOMPARE(outcome.video.remixedFromVideoId, id);
}

void TstApiClient::remixWithVideoIdInBody()
{
    // A relay that documents remix as POST /videos/remix {"video_id", "prompt"}: the profile says so,
    // and the one paid POST goes there, with the id in the body (not in the path).
    m_server->setRemixDialect(FakeVideoServer::RemixDialect::VideoIdInBody);
    ServiceEndpoint service = endpointFor(m_server->rootUrl());
    service.remixRoute = RemixRoute::VideoIdInBody;
    const QString id = u"video_abc/+="_s;
    const QString prompt = u"把背景换成下雪的夜晚"_s;
    const Outcome outcome = run(m_client->createRemix(service, id, prompt));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.technicalDetail()));

    const QList<FakeVideoServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().method, QByteArray("POST"));
    QCOMPARE(requests.first().rawPath, QByteArray("/v1/videos/remix"));
    const QJsonObject sent = QJsonDocument::fromJson(requests.first().body).object();
    QCOMPARE(sent.value(u"video_id"_s).toString(), id);
    QCOMPARE(sent.value(u"prompt"_s).toString(), prompt);
    QCOMPARE(sent.keys(), QStringList({u"prompt"_s, u"video_id"_s}));
    QCOMPARE(outcome.video.id, u"video_remix_1"_s);
    QCOMPARE(outcome.video.remixedFromVideoId, id);

    // The standard route is unchanged for an endpoint that does not say otherwise, and this relay
    // does not know it.
    m_server->clearRequests();
    const Outcome standard = run(m_client->createRemix(endpointFor(m_server->rootUrl()), u"video_abc"_s, prompt));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().rawPath, QByteArray("/v1/videos/video_abc/remix"));
    QCOMPARE(standard.httpStatus, 404);

    // An id that cannot be a video id is refused before anything is sent, as on the standard route.
    m_server->clearRequests();
    const Outcome refused = run(m_client->createRemix(service, u".."_s, prompt));
    QVERIFY(refused.error.isError());
    QCOMPARE(m_server->requests().size(), 0);
}

void TstApiClient::fetchRequestShape()
{
    m_server->setVideoScript(u"task_01:sora"_s,
                             {FakeVideoServer::Reply::video(u"task_01:sora"_s, u"processing"_s, 42)});
    const Outcome outcome = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"task_01:sora"_s));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(!outcome.error.isError());
    QCOMPARE(m_server->requests().size(), 1);
    const FakeVideoServer::Request request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QVERIFY(request.body.isEmpty());
    QCOMPARE(QUrl::fromPercentEncoding(request.rawPath), u"/v1/videos/task_01:sora"_s);
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
    QCOMPARE(outcome.video.state, JobState::InProgress);
    QCOMPARE(outcome.video.progress, std::optional<int>(42));
}

void TstApiClient::noAuthorizationWithoutKey()
{
    run(m_client->fetchVideo(endpointFor(m_server->rootUrl(), QString()), u"video_x"_s));
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(!m_server->requests().first().headers.contains("authorization"));
}

void TstApiClient::baseUrlFormsReachSamePath_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("bare host") << QString();
    QTest::newRow("slash") << u"/"_s;
    QTest::newRow("v1") << u"/v1"_s;
    QTest::newRow("v1 slash") << u"/v1/"_s;
}

void TstApiClient::baseUrlFormsReachSamePath()
{
    QFETCH(QString, suffix);
    const QUrl base = ApiUrl::normalizeBase(m_server->rootUrl().toString() + suffix);
    QVERIFY(base.isValid());
    run(m_client->fetchVideo(ServiceEndpoint{base, u"k"_s}, u"video_abc"_s));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().rawPath, QByteArray("/v1/videos/video_abc"));
}

void TstApiClient::successBodyIsParsed()
{
    FakeVideoServer::Reply reply = FakeVideoServer::Reply::video(u"video_1"_s, u"completed"_s, 100);
    reply.headers.append({QByteArray("x-request-id"), QByteArray("req_abc")});
    m_server->setVideoScript(u"video_1"_s, {reply});
    const Outcome outcome = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s));
    QVERIFY(!outcome.error.isError());
    QCOMPARE(outcome.json.value(u"status"_s).toString(), u"completed"_s);
    QCOMPARE(outcome.video.state, JobState::Completed);
    QCOMPARE(outcome.hints.requestId, u"req_abc"_s);
}

void TstApiClient::errorShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expectedMessage");
    QTest::addColumn<QString>("expectedMessageZh");
    QTest::addColumn<QString>("expectedCode");

    QTest::newRow("401 seed relay") << 401
                                    << QByteArray(R"({"error":{"message":"Invalid token","message_zh":"无效的令牌",)"
                                                  R"("type":"new_api_error"}})")
                                    << QByteArray("application/json") << u"Invalid token"_s << u"无效的令牌"_s
                                    << QString();
    QTest::newRow("400 openai") << 400
                                << QByteArray(R"({"error":{"message":"Video is not completed","type":)"
                                              R"("invalid_request_error","param":"video_id","code":"not_ready"}})")
                                << QByteArray("application/json") << u"Video is not completed"_s << QString()
                                << u"not_ready"_s;
    QTest::newRow("429 new-api flat") << 429
                                      << QByteArray(R"({"code":"upstream_busy","message":"当前分组上游负载已饱和，)"
                                                    R"(请稍后再试","data":null})")
                                      << QByteArray("application/json") << u"当前分组上游负载已饱和，请稍后再试"_s
                                      << QString() << u"upstream_busy"_s;
    QTest::newRow("404 invalid url") << 404
                                     << QByteArray(R"j({"error":{"message":"Invalid URL (POST /v1/videos/x/remix)",)j"
                                                   R"j("type":"invalid_request_error"}})j")
                                     << QByteArray("application/json") << u"Invalid URL (POST /v1/videos/x/remix)"_s
                                     << QString() << QString();
    QTest::newRow("502 html page") << 502
                                   << QByteArray("<html><head><title>502 Bad Gateway</title></head><body><center>"
                                                 "<h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
                                                 "</body></html>")
                                   << QByteArray("text/html") << QString() << QString() << QString();
    QTest::newRow("500 empty") << 500 << QByteArray() << QByteArray() << QString() << QString() << QString();
}

void TstApiClient::errorShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expectedMessage);
    QFETCH(QString, expectedMessageZh);
    QFETCH(QString, expectedCode);

    FakeVideoServer::Reply reply;
    reply.status = status;
    reply.body = body;
    reply.contentType = contentType;
    m_server->queueRemixReply(reply);
    const Outcome outcome = run(m_client->createRemix(endpointFor(m_server->rootUrl()), u"video_src"_s, u"p"_s));

    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Http);
    QCOMPARE(outcome.error.httpStatus, status);
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(outcome.body, body); // the body of an error answer is read, not dropped
    if (!expectedMessage.isEmpty())
        QCOMPARE(outcome.error.message, expectedMessage);
    QCOMPARE(outcome.error.messageZh, expectedMessageZh);
    if (!expectedCode.isEmpty())
        QCOMPARE(outcome.error.code, expectedCode);
    if (contentType == "text/html")
        QVERIFY2(outcome.error.technicalDetail().contains(u"502"_s), qPrintable(outcome.error.technicalDetail()));
    QVERIFY(!outcome.error.userMessage(ApiOperation::Remix).isEmpty());
}

void TstApiClient::retryAfterHintsArrive()
{
    FakeVideoServer::Reply reply = FakeVideoServer::Reply::json(
        QJsonObject{{u"code"_s, u"rate_limited"_s}, {u"message"_s, u"slow down"_s}, {u"data"_s, QJsonValue()}}, 429);
    reply.headers.append({QByteArray("Retry-After"), QByteArray("7")});
    m_server->setVideoScript(u"video_1"_s, {reply});
    const Outcome outcome = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s));
    QCOMPARE(outcome.error.kind, ApiError::Kind::Http);
    QCOMPARE(outcome.error.httpStatus, 429);
    QVERIFY(outcome.error.isTransient());
    QCOMPARE(outcome.hints.retryAfterMs, 7000);
    QCOMPARE(outcome.error.retryAfterMs, 7000);

    FakeVideoServer::Reply polled = FakeVideoServer::Reply::video(u"video_2"_s, u"queued"_s, 0);
    polled.headers.append({QByteArray("openai-poll-after-ms"), QByteArray("1500")});
    m_server->setVideoScript(u"video_2"_s, {polled});
    const Outcome second = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_2"_s));
    QVERIFY(!second.error.isError());
    QCOMPARE(second.hints.pollAfterMs, 1500);
}

void TstApiClient::okWithHtmlBodyIsInvalidResponse()
{
    FakeVideoServer::Reply html;
    html.body = "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>";
    html.contentType = "text/html";
    m_server->queueRemixReply(html);
    const Outcome outcome = run(m_client->createRemix(endpointFor(m_server->rootUrl()), u"video_src"_s, u"p"_s));
    QCOMPARE(outcome.error.kind, ApiError::Kind::InvalidResponse);
    QCOMPARE(outcome.httpStatus, 200);

    // A JSON array is JSON, but not the object we need.
    FakeVideoServer::Reply array;
    array.body = "[1,2,3]";
    m_server->queueRemixReply(array);
    const Outcome second = run(m_client->createRemix(endpointFor(m_server->rootUrl()), u"video_src"_s, u"p"_s));
    QCOMPARE(second.error.kind, ApiError::Kind::InvalidResponse);
}

// A relay that quotes the key back ("Invalid token sk-…") must not put it into error details,
// the history or the clipboard.
void TstApiClient::keyEchoedByTheServerIsMasked()
{
    FakeVideoServer::Reply echo = FakeVideoServer::Reply::json(
        QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Invalid token: sk-test-123 (request id 7)"_s},
                                             {u"message_zh"_s, u"无效的令牌 sk-test-123"_s},
                                             {u"type"_s, u"new_api_error"_s}}}},
        401);
    m_server->queueRemixReply(echo);
    const Outcome outcome = run(m_client->createRemix(endpointFor(m_server->rootUrl()), u"video_src"_s, u"p"_s));
    QCOMPARE(outcome.error.httpStatus, 401);
    QVERIFY2(!outcome.body.contains("sk-test-123"), outcome.body.constData());
    QVERIFY(!outcome.error.message.contains(u"sk-test-123"_s));
    QVERIFY(!outcome.error.messageZh.contains(u"sk-test-123"_s));
    QVERIFY(!outcome.error.technicalDetail().contains(u"sk-test-123"_s));
    QVERIFY(outcome.error.message.contains(u"***"_s));
}

void TstApiClient::timeoutIsTimeoutNotCancelled()
{
    FakeVideoServer::Reply hang;
    hang.hang = true;
    m_server->setVideoScript(u"video_1"_s, {hang});
    m_client->setTimeoutMs(250);
    QElapsedTimer clock;
    clock.start();
    const Outcome outcome = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.error.kind, ApiError::Kind::Timeout);
    QVERIFY(outcome.error.isTransient());
    // An inactivity timer may fire a little early (coarse timers allow 5 %), never much.
    QVERIFY2(clock.elapsed() >= 200, QByteArray::number(clock.elapsed()));
}

void TstApiClient::slowButMovingReplyDoesNotTimeOut()
{
    // Answers after 150 ms each time; with a 400 ms inactivity timeout, three calls in a row must all
    // succeed: the timer belongs to each job and starts with it.
    FakeVideoServer::Reply slow = FakeVideoServer::Reply::video(u"video_1"_s, u"queued"_s, 0);
    slow.delayMs = 150;
    m_server->setVideoScript(u"video_1"_s, {slow});
    m_client->setTimeoutMs(400);
    for (int i = 0; i < 3; ++i) {
        const Outcome outcome = run(m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.technicalDetail()));
    }
}

void TstApiClient::abortIsCancelled()
{
    FakeVideoServer::Reply hang;
    hang.hang = true;
    m_server->setVideoScript(u"video_1"_s, {hang});
    ApiRequestJob *job = m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s);
    QPointer<ApiRequestJob> guard(job);
    QSignalSpy finished(job, &ApiRequestJob::finished);
    ApiError error;
    connect(job, &ApiRequestJob::finished, this, [&error](ApiRequestJob *j) { error = j->error(); });
    job->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests().size(), 1, 5000);
    job->abort();
    job->abort(); // harmless twice
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(error.kind, ApiError::Kind::Cancelled);
    QVERIFY(!error.isTransient());
}

void TstApiClient::abortBeforeStart()
{
    ApiRequestJob *job = m_client->fetchVideo(endpointFor(m_server->rootUrl()), u"video_1"_s);
    QPointer<ApiRequestJob> guard(job);
    QSignalSpy finished(job, &ApiRequestJob::finished);
    job->abort();
    job->start(); // ignored: the job is over
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 5000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_server->requests().size(), 0);
}

void TstApiClient::connectionRefused()
{
    // A port that was free a moment ago: nothing listens there now.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    const QUrl root(u"http://127.0.0.1:%1"_s.arg(port));
    const Outcome outcome = run(m_client->createRemix(endpointFor(root), u"video_src"_s, u"p"_s));
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.error.kind, ApiError::Kind::ConnectionRefused);
    QVERIFY(!outcome.error.mayHaveReachedServer());
}

void TstApiClient::transportFailures_data()
{
    QTest::addColumn<int>("behaviour");
    QTest::newRow("closed") << int(RawTcpServer::Behaviour::CloseImmediately);
    QTest::newRow("reset") << int(RawTcpServer::Behaviour::ResetConnection);
    QTest::newRow("half response") << int(RawTcpServer::Behaviour::HalfResponse);
}

void TstApiClient::transportFailures()
{
    QFETCH(int, behaviour);
    RawTcpServer raw(static_cast<RawTcpServer::Behaviour>(behaviour));
    QVERIFY(raw.start());
    const Outcome outcome = run(m_client->fetchVideo(endpointFor(raw.rootUrl()), u"video_1"_s));
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY2(outcome.error.kind == ApiError::Kind::ConnectionClosed, qPrintable(outcome.error.technicalDetail()));
    QVERIFY(outcome.error.isTransient());
}

void TstApiClient::postIsNotResentByTransport()
{
    // QNetworkAccessManager silently re-sends idempotent requests when a connection drops before the
    // answer; a remix POST costs money and must reach the server once at most.
    for (const auto behaviour : {RawTcpServer::Behaviour::CloseImmediately, RawTcpServer::Behaviour::ResetConnection}) {
        RawTcpServer raw(behaviour);
        QVERIFY(raw.start());
        const Outcome outcome = run(m_client->createRemix(endpointFor(raw.rootUrl()), u"video_src"_s, u"p"_s));
        QCOMPARE(outcome.error.kind, ApiError::Kind::ConnectionClosed);
        QVERIFY(outcome.error.mayHaveReachedServer());
        QCOMPARE(raw.connectionCount(), 1);
    }
}

void TstApiClient::userAgentNamesVersion()
{
    const QByteArray agent = ApiClient::userAgent();
    QVERIFY2(agent.startsWith("VideoRemix/" VIDEOREMIX_VERSION " (Qt "), agent);
    QVERIFY(agent.contains(qVersion()));
}

QTEST_GUILESS_MAIN(TstApiClient)
#include "tst_apiclient.moc"
