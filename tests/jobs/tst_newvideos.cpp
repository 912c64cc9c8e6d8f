#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "testhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

using Reply = FakeVideoServer::Reply;

namespace {
// One part of a multipart/form-data body as the server received it.
struct Part
{
    QByteArray headers;
    QByteArray body;
};

QHash<QByteArray, Part> partsOf(const FakeVideoServer::Request &request)
{
    QHash<QByteArray, Part> parts;
    const QByteArray type = request.headers.value("content-type");
    const int at = type.indexOf("boundary=");
    if (at < 0)
        return parts;
    const QByteArray boundary = "--" + type.mid(at + 9);
    qsizetype position = request.body.indexOf(boundary);
    while (position >= 0) {
        const qsizetype start = position + boundary.size();
        if (request.body.mid(start, 2) == "--")
            break;
        const qsizetype next = request.body.indexOf(boundary, start);
        if (next < 0)
            break;
        const QByteArray chunk = request.body.mid(start + 2, next - start - 4); // without the CRLFs around
        const qsizetype split = chunk.indexOf("\r\n\r\n");
        Part part{chunk.left(split), chunk.mid(split + 4)};
        const QRegularExpressionMatch name =
            QRegularExpression(u"name=\"([^\"]+)\""_s).match(QString::fromUtf8(part.headers));
        parts.insert(name.captured(1).toUtf8(), part);
        position = next;
    }
    return parts;
}

Reply error(int status, const QByteArray &body)
{
    Reply reply;
    reply.status = status;
    reply.body = body;
    return reply;
}

QByteArray pngBytes()
{
    // A real 2x2 PNG (the server does not look inside; the bytes must arrive unchanged).
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");
}
} // namespace

// New videos (POST /videos), extensions (POST /videos/extensions) and the library (GET /videos) against
// the loopback fake, as the service receives them.
class TstNewVideos final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }
    void init();
    void cleanup();

    void multipartCarriesEveryFieldAndTheImage();
    void imageUrlGoesAsJsonInTheReferenceField();
    void jsonFallbackWhenMultipartIsRefused();
    void noFallbackWhenTheRefusalIsAboutSomethingElse();
    void droppedCreateIsNeverResent();
    void newVideoJobPollsToCompletion();
    void extendSendsTheVideoAndLength();
    void extendWithoutTheRouteSaysSoCalmly();
    void libraryPagesToTheEnd();
    void libraryWithoutTheRouteSaysSoCalmly();
    void libraryReadsRelayShapes();

private:
    ServiceEndpoint service() const
    {
        return ServiceEndpoint{ApiUrl::normalizeBase(m_server->rootUrl().toString() + u"/v1"_s), u"sk-test"_s};
    }
    QString submitAndWaitForPost(const JobRequest &request, int posts = 1);
    QList<FakeVideoServer::Request> posts(const QString &pathEnd) const;

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<JobList> m_jobs;
    std::unique_ptr<JobController> m_controller;
};

void TstNewVideos::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<ApiClient>();
    m_client->setTimeoutMs(3000);
    m_jobs = std::make_unique<JobList>();
    m_controller = std::make_unique<JobController>(m_client.get(), m_jobs.get());
    PollSettings poll;
    poll.intervalMs = 20;
    poll.backoffBaseMs = 20;
    poll.maxPollsPerSecondPerService = 1000;
    m_controller->setPollSettings(poll);
}

void TstNewVideos::cleanup()
{
    m_controller.reset();
    m_jobs.reset();
    m_client.reset();
    m_server.reset();
}

QList<FakeVideoServer::Request> TstNewVideos::posts(const QString &pathEnd) const
{
    QList<FakeVideoServer::Request> found;
    for (const FakeVideoServer::Request &request : m_server->requests()) {
        if (request.method == "POST" && QString::fromLatin1(request.rawPath).endsWith(pathEnd))
            found.append(request);
    }
    return found;
}

QString TstNewVideos::submitAndWaitForPost(const JobRequest &request, int postCount)
{
    const QString localId = m_controller->submit(request, service());
    const QString path = request.kind == JobKind::Extend ? u"/videos/extensions"_s : u"/v1/videos"_s;
    [&] {
        QTRY_COMPARE(int(posts(path).size()), postCount);
    }();
    return localId;
}

void TstNewVideos::multipartCarriesEveryFieldAndTheImage()
{
    CreateVideoSpec spec;
    spec.prompt = u"一只猫在雨中的东京街头散步，霓虹灯倒影"_s;
    spec.model = u"sora-2-pro"_s;
    spec.seconds = u"12"_s;
    spec.size = u"1280x720"_s;
    spec.reference.bytes = pngBytes();
    spec.reference.mimeType = "image/png";
    spec.reference.fileName = u"猫\"咪\r\n.png"_s; // quotes and line breaks must not break the header
    const QString localId = submitAndWaitForPost(JobRequest::newVideo(spec));

    const FakeVideoServer::Request sent = posts(u"/v1/videos"_s).first();
    QCOMPARE(sent.headers.value("authorization"), "Bearer sk-test");
    QVERIFY(sent.headers.value("content-type").startsWith("multipart/form-data; boundary="));
    const QHash<QByteArray, Part> parts = partsOf(sent);
    QCOMPARE(QString::fromUtf8(parts.value("prompt").body), spec.prompt); // UTF-8, unchanged
    QCOMPARE(parts.value("model").body, "sora-2-pro");
    QCOMPARE(parts.value("seconds").body, "12"); // a string, as the API wants
    QCOMPARE(parts.value("size").body, "1280x720");
    const Part image = parts.value("input_reference");
    QCOMPARE(image.body, pngBytes());
    QVERIFY(image.headers.contains("Content-Type: image/png"));
    QVERIFY(image.headers.contains("filename=\""));
    QVERIFY(!image.headers.contains("\r\n.png")); // the header stayed one line
    QCOMPARE(parts.size(), 5);

    // The job remembers what was asked, not the image.
    QTRY_VERIFY(!m_jobs->job(localId)->resultVideoId.isEmpty());
    const RemixJob job = *m_jobs->job(localId);
    QCOMPARE(job.kind, JobKind::Create);
    QVERIFY(job.sourceVideoId.isEmpty());
    QCOMPARE(job.model, u"sora-2-pro"_s);
    QCOMPARE(job.seconds, u"12"_s);
    QCOMPARE(job.size, u"1280x720"_s);
    QVERIFY(job.reference.startsWith(u"猫"_s));
}

void TstNewVideos::imageUrlGoesAsJsonInTheReferenceField()
{
    CreateVideoSpec spec;
    spec.prompt = u"a lighthouse at dawn"_s;
    spec.reference.url = QUrl(u"https://images.example/start frame.jpg"_s);
    submitAndWaitForPost(JobRequest::newVideo(spec));
    const QHash<QByteArray, Part> parts = partsOf(posts(u"/v1/videos"_s).first());
    QCOMPARE(parts.size(), 2); // no model, seconds or size: the service chooses
    const QJsonObject reference = QJsonDocument::fromJson(parts.value("input_reference").body).object();
    QCOMPARE(reference.value(u"image_url"_s).toString(), u"https://images.example/start%20frame.jpg"_s);
}

void TstNewVideos::jsonFallbackWhenMultipartIsRefused()
{
    // A service that takes JSON only: 415 to multipart, a video to JSON.
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method == "POST" && request.rawPath == "/v1/videos"
            && request.headers.value("content-type").startsWith("multipart/"))
            return error(415, R"({"error":{"message":"Unsupported Media Type","type":"invalid_request_error"}})");
        return std::nullopt;
    });
    CreateVideoSpec spec;
    spec.prompt = u"让背景变成紫色"_s;
    spec.seconds = u"8"_s;
    spec.reference.bytes = pngBytes();
    spec.reference.mimeType = "image/png";
    spec.reference.fileName = u"start.png"_s;
    const QString localId = submitAndWaitForPost(JobRequest::newVideo(spec), 2);
    const QList<FakeVideoServer::Request> sent = posts(u"/v1/videos"_s);
    QCOMPARE(sent.at(1).headers.value("content-type"), "application/json");
    const QJsonObject body = QJsonDocument::fromJson(sent.at(1).body).object();
    QCOMPARE(body.value(u"prompt"_s).toString(), spec.prompt);
    QCOMPARE(body.value(u"seconds"_s), QJsonValue(u"8"_s)); // a string, never a number
    const QString dataUrl = body.value(u"input_reference"_s).toObject().value(u"image_url"_s).toString();
    QCOMPARE(dataUrl, QString(u"data:image/png;base64,"_s + QString::fromLatin1(pngBytes().toBase64())));
    QTRY_VERIFY(!m_jobs->job(localId)->resultVideoId.isEmpty());
    QCOMPARE(m_jobs->job(localId)->state == JobState::SubmitFailed, false);
    // Exactly two POSTs: the refused one and the JSON one, counted once the job is over.
    QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(localId)->state, JobState::Completed, 5000);
    QCOMPARE(int(posts(u"/v1/videos"_s).size()), 2);
}

void TstNewVideos::noFallbackWhenTheRefusalIsAboutSomethingElse()
{
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method == "POST" && request.rawPath == "/v1/videos")
            return error(400, R"({"error":{"message":"Invalid size 999x1","type":"invalid_request_error",)"
                              R"("param":"size"}})");
        return std::nullopt;
    });
    CreateVideoSpec spec;
    spec.prompt = u"x"_s;
    spec.size = u"999x1"_s;
    const QString localId = submitAndWaitForPost(JobRequest::newVideo(spec));
    QTRY_COMPARE(m_jobs->job(localId)->state, JobState::SubmitFailed);
    QVERIFY(m_jobs->job(localId)->error.userMessage(ApiOperation::Create).contains(u"999x1"_s));
    // The controller decides about a second POST in the same step that makes the job final.
    QCOMPARE(int(posts(u"/v1/videos"_s).size()), 1);
}

void TstNewVideos::droppedCreateIsNeverResent()
{
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method == "POST" && request.rawPath == "/v1/videos") {
            Reply reset;
            reset.reset = true;
            return reset;
        }
        return std::nullopt;
    });
    CreateVideoSpec spec;
    spec.prompt = u"a paid video"_s;
    const QString localId = submitAndWaitForPost(JobRequest::newVideo(spec));
    QTRY_COMPARE(m_jobs->job(localId)->state, JobState::NotConfirmed);
    QVERIFY(m_jobs->job(localId)->error.userMessage(ApiOperation::Create).contains(u"job list"_s));
    // Not confirmed is final: the controller would have re-sent in the step that set it.
    QCOMPARE(int(posts(u"/v1/videos"_s).size()), 1);
}

void TstNewVideos::newVideoJobPollsToCompletion()
{
    CreateVideoSpec spec;
    spec.prompt = u"a red balloon"_s;
    QSignalSpy finished(m_controller.get(), &JobController::jobFinished);
    const QString localId = m_controller->submit(JobRequest::newVideo(spec), service());
    QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(localId)->state, JobState::Completed, 5000);
    QCOMPARE(m_jobs->job(localId)->resultVideoId, u"video_new_1"_s);
    QCOMPARE(finished.count(), 1);
    QVERIFY(m_server->requestCount("GET", u"/v1/videos/video_new_1"_s) >= 1);
}

void TstNewVideos::extendSendsTheVideoAndLength()
{
    const QString localId =
        submitAndWaitForPost(JobRequest::extension(u"video_abc/+="_s, u"the camera flies over the city"_s, u" 8 "_s));
    const QJsonObject body = QJsonDocument::fromJson(posts(u"/videos/extensions"_s).first().body).object();
    QCOMPARE(body.value(u"prompt"_s).toString(), u"the camera flies over the city"_s);
    QCOMPARE(body.value(u"seconds"_s), QJsonValue(u"8"_s));
    QCOMPARE(body.value(u"video"_s).toObject().value(u"id"_s).toString(), u"video_abc/+="_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_jobs->job(localId)->state, JobState::Completed, 5000);
    const RemixJob job = *m_jobs->job(localId);
    QCOMPARE(job.kind, JobKind::Extend);
    QCOMPARE(job.sourceVideoId, u"video_abc/+="_s); // the chain: the extension's source
    QCOMPARE(job.resultVideoId, u"video_ext_1"_s);
}

void TstNewVideos::extendWithoutTheRouteSaysSoCalmly()
{
    // new-api has no extensions route: its 404 "Invalid URL".
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.rawPath.endsWith("/extensions"))
            return error(404, R"x({"error":{"message":"Invalid URL (POST /v1/videos/extensions)",)x"
                              R"x("type":"invalid_request_error"}})x");
        return std::nullopt;
    });
    const QString localId = submitAndWaitForPost(JobRequest::extension(u"video_1"_s, u"more"_s, u"4"_s));
    QTRY_COMPARE(m_jobs->job(localId)->state, JobState::SubmitFailed); // nothing was made or charged
    const ApiError error = m_jobs->job(localId)->error;
    QVERIFY(error.isMissingRoute());
    QCOMPARE(error.userMessage(ApiOperation::Extend),
             u"This service cannot extend videos. You can remix the video instead."_s);
    // An unknown video is not a missing route.
    const ApiError unknownVideo =
        ApiError::fromHttp(404, R"({"error":{"message":"Video not found","code":"video_not_found"}})", ServerHints());
    QVERIFY(!unknownVideo.isMissingRoute());
}

void TstNewVideos::libraryPagesToTheEnd()
{
    // Seven videos on the service; pages of three, newest first, until has_more is false.
    for (int i = 0; i < 7; ++i) {
        CreateVideoSpec spec;
        spec.prompt = u"video %1"_s.arg(i + 1);
        m_controller->submit(JobRequest::newVideo(spec), service());
    }
    QTRY_COMPARE(int(posts(u"/v1/videos"_s).size()), 7);
    QTRY_COMPARE(m_jobs->count(), 7);
    QStringList seen;
    QString after;
    int pages = 0;
    for (;;) {
        ListVideosRequest *request = m_client->listVideos(service(), after, 3);
        QSignalSpy done(request, &ApiRequestJob::finished);
        request->setAutoDelete(false);
        request->start();
        QVERIFY(done.wait(3000));
        QVERIFY(!request->error().isError());
        const VideoPage page = request->page();
        QVERIFY(page.isList);
        for (const VideoInfo &video : page.videos)
            seen << video.prompt;
        ++pages;
        after = page.lastId;
        const bool more = page.hasMore;
        delete request;
        if (!more)
            break;
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    // Every video once (their order is the order the seven POSTs reached the fake, which may differ
    // from the order they were sent in).
    QCOMPARE(seen.size(), 7);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 7);
    // The last list request (polls of the seven jobs may come after it).
    FakeVideoServer::Request last;
    for (const FakeVideoServer::Request &request : m_server->requests()) {
        if (request.method == "GET" && request.rawPath == "/v1/videos")
            last = request;
    }
    QVERIFY(last.query.contains(u"order=desc"_s));
    QVERIFY(last.query.contains(u"limit=3"_s));
}

void TstNewVideos::libraryWithoutTheRouteSaysSoCalmly()
{
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method == "GET" && request.rawPath == "/v1/videos")
            return error(404,
                         R"x({"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error"}})x");
        return std::nullopt;
    });
    ListVideosRequest *request = m_client->listVideos(service(), QString(), 20);
    QSignalSpy done(request, &ApiRequestJob::finished);
    request->start();
    QVERIFY(done.wait(3000));
    QVERIFY(request->error().isMissingRoute());
    QCOMPARE(request->error().userMessage(ApiOperation::List),
             u"This service does not list its videos. Your own jobs are in the job list."_s);
}

void TstNewVideos::libraryReadsRelayShapes()
{
    // Wrapped in new-api's {"code","data":{…}}, entries without an id skipped, has_more as a string.
    const QJsonObject wrapped = QJsonDocument::fromJson(R"({"code":"success","data":{"data":[
        {"id":"task_1","status":"SUCCESS","progress":"100%","seconds":8},
        {"status":"queued"},
        "garbage",
        {"task_id":"task_2","status":"IN_PROGRESS"}],"has_more":"true"}})")
                                    .object();
    const VideoPage page = VideoPage::fromJson(wrapped);
    QVERIFY(page.isList);
    QCOMPARE(page.videos.size(), 2);
    QCOMPARE(page.videos.at(0).state, JobState::Completed);
    QCOMPARE(page.videos.at(0).seconds, u"8"_s);
    QCOMPARE(page.videos.at(1).id, u"task_2"_s);
    QVERIFY(page.hasMore);
    QCOMPARE(page.lastId, u"task_2"_s); // no last_id sent: the last entry's
    // An error shape or an empty page is not a list with more to come.
    QVERIFY(!VideoPage::fromJson(QJsonObject{{u"error"_s, QJsonObject()}}).isList);
    const VideoPage empty =
        VideoPage::fromJson(QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, QJsonArray()}, {u"has_more"_s, true}});
    QVERIFY(empty.isList);
    QVERIFY(!empty.hasMore); // would loop for ever otherwise
}

QTEST_GUILESS_MAIN(TstNewVideos)
#include "tst_newvideos.moc"
