#include "api/apiclient.h"
#include "demo/demoservice.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "testhelpers.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

// One finished HTTP exchange with the demo, over real loopback sockets.
struct Answer
{
    int status = 0;
    QByteArray contentType;
    QByteArray contentRange;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error() const { return json().value(u"error"_s).toObject(); }
};

QByteArray resource(const QString &name)
{
    QFile file(u":/demo/"_s + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestDemoService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnLoopbackWithLabels();
    void mediaAreSmallAndCommitted();
    void listsTheSamples();
    void samplePromptsAreInTheLanguageOfTheStart();
    void remixWalksToCompleted();
    void moderatedPromptFails_data();
    void moderatedPromptFails();
    void unknownSourceIs404InRelayShape();
    void badRemixRequestsAre400_data();
    void badRemixRequestsAre400();
    void remixOfUnfinishedRemixIsRefused();
    void contentIsTheResourceMp4();
    void contentOfUnfinishedRemixIs404();
    void rangeRequestsGetTheTail_data();
    void rangeRequestsGetTheTail();
    void thumbnailIsJpeg();
    void deleteRemovesRemixesOnly();
    void unknownRoutesAre404();
    void endToEndThroughJobController();

private:
    Answer exchange(const QByteArray &method,
                    const QString &path,
                    const QByteArray &body = QByteArray(),
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Answer get(const QString &path) { return exchange("GET", path); }
    Answer remix(const QString &sourceId, const QString &prompt);
    // Creates a remix and waits until the demo reports it final; returns its id.
    QString finishedRemix(const QString &prompt);

    QNetworkAccessManager m_network;
    std::unique_ptr<DemoService> m_demo;
};

void TestDemoService::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TestDemoService::init()
{
    m_demo = std::make_unique<DemoService>();
    // 10x: queued for 100 ms, completed after 600 ms, a moderated prompt fails after 200 ms.
    m_demo->setSpeed(10);
    QVERIFY(m_demo->start());
}

void TestDemoService::cleanup()
{
    m_demo.reset();
}

Answer TestDemoService::exchange(const QByteArray &method,
                                 const QString &path,
                                 const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url(u"http://127.0.0.1:%1"_s.arg(m_demo->port()));
    const qsizetype question = path.indexOf(u'?');
    url.setPath(path.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    if (!body.isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(5000);
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->rawHeader("Content-Type");
    answer.contentRange = reply->rawHeader("Content-Range");
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

Answer TestDemoService::remix(const QString &sourceId, const QString &prompt)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"prompt"_s, prompt}}).toJson(QJsonDocument::Compact);
    return exchange("POST", u"/v1/videos/%1/remix"_s.arg(sourceId), body);
}

QString TestDemoService::finishedRemix(const QString &prompt)
{
    const Answer created = remix(u"video_demo_city"_s, prompt);
    const QString id = created.json().value(u"id"_s).toString();
    if (created.status != 200 || id.isEmpty())
        return {};
    const auto isFinal = [this, &id] {
        const QString status = get(u"/v1/videos/"_s + id).json().value(u"status"_s).toString();
        return status == "completed"_L1 || status == "failed"_L1;
    };
    return QTest::qWaitFor(isFinal, 5000) ? id : QString();
}

void TestDemoService::startsOnLoopbackWithLabels()
{
    QCOMPARE(m_demo->baseUrl().scheme(), u"http"_s);
    QCOMPARE(m_demo->baseUrl().host(), u"127.0.0.1"_s);
    QCOMPARE(m_demo->baseUrl().port(), int(m_demo->port()));
    QCOMPARE(m_demo->baseUrl().path(), u"/v1"_s);
    QVERIFY(m_demo->start()); // a second start is a no-op
    QCOMPARE(m_demo->baseUrl().port(), int(m_demo->port()));

    QVERIFY(DemoService::displayName().contains(u"Demo"_s));
    QVERIFY(!DemoService::description().isEmpty());
    QCOMPARE(DemoService::shortLabel(), u"Demo"_s);
    const QStringList samples = DemoService::sampleVideoIds();
    QVERIFY(samples.size() >= 3);
    QVERIFY(samples.contains(u"video_demo_city"_s));
    for (const QString &id : samples) {
        QVERIFY(id.startsWith(u"video_demo_"_s));
        QVERIFY(!DemoService::sampleTitle(id).isEmpty());
    }
    QVERIFY(DemoService::sampleTitle(u"video_nope"_s).isEmpty());
    QVERIFY(!DemoService::tripsModeration(DemoService::suggestedPrompt()));
    for (const QString &word : DemoService::moderationTriggers())
        QVERIFY(DemoService::tripsModeration(u"a scene with "_s + word.toUpper() + u" in it"_s));

    DemoService notStarted;
    QVERIFY(!notStarted.isRunning());
    QVERIFY(notStarted.baseUrl().isEmpty());
}

void TestDemoService::mediaAreSmallAndCommitted()
{
    for (const QString &name : {u"source.mp4"_s, u"result.mp4"_s, u"source.jpg"_s, u"result.jpg"_s}) {
        const QByteArray embedded = resource(name);
        QVERIFY2(!embedded.isEmpty(), qPrintable(name));
        QVERIFY2(embedded.size() <= 150 * 1024, qPrintable(name));
        QFile onDisk(QStringLiteral(VIDEOREMIX_SOURCE_DIR) + u"/resources/demo/"_s + name);
        QVERIFY(onDisk.open(QIODevice::ReadOnly));
        QCOMPARE(onDisk.readAll(), embedded);
    }
    QVERIFY(resource(u"source.mp4"_s) != resource(u"result.mp4"_s));
}

// A Chinese user's demo answers like a service in their language: the samples' prompts in Chinese.
void TestDemoService::samplePromptsAreInTheLanguageOfTheStart()
{
    QTranslator chinese;
    QVERIFY(chinese.load(QLocale(QLocale::Chinese, QLocale::China), u"videoremix"_s, u"_"_s, u":/i18n"_s));
    QCoreApplication::installTranslator(&chinese);
    m_demo = std::make_unique<DemoService>();
    QVERIFY(m_demo->start());
    QCoreApplication::removeTranslator(&chinese);
    const QJsonArray data = get(u"/v1/videos"_s).json().value(u"data"_s).toArray();
    QVERIFY(!data.isEmpty());
    for (const QJsonValue &value : data) {
        const QString prompt = value.toObject().value(u"prompt"_s).toString();
        QVERIFY2(prompt.contains(u"演示示例"_s), qPrintable(prompt));
    }
}

void TestDemoService::listsTheSamples()
{
    const Answer answer = get(u"/v1/videos"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, "application/json");
    const QJsonObject list = answer.json();
    QCOMPARE(list.value(u"object"_s).toString(), u"list"_s);
    QCOMPARE(list.value(u"has_more"_s).toBool(), false);
    const QJsonArray data = list.value(u"data"_s).toArray();
    QStringList ids;
    for (const QJsonValue &value : data) {
        const QJsonObject video = value.toObject();
        ids.append(video.value(u"id"_s).toString());
        QCOMPARE(video.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(video.value(u"progress"_s).toInt(), 100);
        QCOMPARE(video.value(u"object"_s).toString(), u"video"_s);
    }
    QStringList expected = DemoService::sampleVideoIds();
    ids.sort();
    expected.sort();
    QCOMPARE(ids, expected);

    // A remix appears first (newest first); limit and after page through the list.
    const QString id = remix(u"video_demo_cat"_s, u"make it purple"_s).json().value(u"id"_s).toString();
    const QJsonObject page = get(u"/v1/videos?limit=1"_s).json();
    QCOMPARE(page.value(u"data"_s).toArray().size(), 1);
    QCOMPARE(page.value(u"first_id"_s).toString(), id);
    QCOMPARE(page.value(u"has_more"_s).toBool(), true);
    const QJsonObject rest = get(u"/v1/videos?after="_s + id).json();
    QCOMPARE(rest.value(u"data"_s).toArray().size(), DemoService::sampleVideoIds().size());
    QCOMPARE(get(u"/v1/videos/video_demo_beach"_s).json().value(u"status"_s).toString(), u"completed"_s);
}

void TestDemoService::remixWalksToCompleted()
{
    m_demo->setSpeed(4); // in progress for 1250 ms: enough polls to see the progress rise, even on a busy machine
    QSignalSpy created(m_demo.get(), &DemoService::remixCreated);
    const Answer answer = remix(u"video_demo_city"_s, DemoService::suggestedPrompt());
    QCOMPARE(answer.status, 200);
    const QJsonObject video = answer.json();
    const QString id = video.value(u"id"_s).toString();
    QCOMPARE(id, u"video_demo_remix_1"_s);
    QCOMPARE(video.value(u"status"_s).toString(), u"queued"_s);
    QCOMPARE(video.value(u"progress"_s).toInt(), 0);
    QCOMPARE(video.value(u"remixed_from_video_id"_s).toString(), u"video_demo_city"_s);
    QCOMPARE(video.value(u"prompt"_s).toString(), DemoService::suggestedPrompt());
    QCOMPARE(created.size(), 1);
    QCOMPARE(created.first().at(0).toString(), id);
    QCOMPARE(m_demo->remixCount(), 1);

    // Poll as the app does (every 50 ms here) and keep what was seen.
    QStringList statuses;
    QList<int> progress;
    QJsonObject last;
    const auto poll = [&] {
        const Answer polled = get(u"/v1/videos/"_s + id);
        last = polled.json();
        statuses.append(last.value(u"status"_s).toString());
        progress.append(last.value(u"progress"_s).toInt(-1));
        return polled.status == 200 && statuses.last() == "completed"_L1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(poll(), 5000);

    QVERIFY2(statuses.contains(u"in_progress"_s), qPrintable(statuses.join(u' ')));
    for (int i = 1; i < progress.size(); ++i)
        QVERIFY2(progress.at(i) >= progress.at(i - 1), qPrintable(u"progress went back at poll %1"_s.arg(i)));
    int distinctInProgress = 0;
    for (int i = 0; i < progress.size(); ++i) {
        if (statuses.at(i) == "in_progress"_L1 && (i == 0 || progress.at(i) != progress.at(i - 1)))
            ++distinctInProgress;
    }
    QVERIFY2(distinctInProgress >= 2, "progress should rise while in progress");
    QCOMPARE(progress.last(), 100);
    const qint64 completedAt = last.value(u"completed_at"_s).toInteger();
    QVERIFY(completedAt >= last.value(u"created_at"_s).toInteger());
    QCOMPARE(last.value(u"expires_at"_s).toInteger(), completedAt + 3600);
    QVERIFY(!last.contains(u"error"_s));

    // A completed remix can itself be remixed.
    QCOMPARE(remix(id, u"now make it green"_s).json().value(u"remixed_from_video_id"_s).toString(), id);
}

void TestDemoService::moderatedPromptFails_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::newRow("blood") << u"add some Blood to the scene"_s;
    QTest::newRow("violence") << u"more VIOLENCE please"_s;
    QTest::newRow("暴力") << u"加一点暴力镜头"_s;
    QTest::newRow("血腥") << u"让画面更血腥"_s;
}

void TestDemoService::moderatedPromptFails()
{
    QFETCH(QString, prompt);
    const Answer answer = remix(u"video_demo_beach"_s, prompt);
    QCOMPARE(answer.status, 200); // accepted first, blocked later: a failed job, not an HTTP error
    const QString id = answer.json().value(u"id"_s).toString();
    QCOMPARE(answer.json().value(u"status"_s).toString(), u"queued"_s);

    Answer polled;
    QTRY_VERIFY_WITH_TIMEOUT((polled = get(u"/v1/videos/"_s + id)).json().value(u"status"_s).toString() == "failed"_L1,
                             5000);
    QCOMPARE(polled.status, 200);
    const QJsonObject error = polled.error();
    QCOMPARE(error.value(u"code"_s).toString(), u"moderation_blocked"_s);
    QCOMPARE(error.value(u"message"_s).toString(), u"Your request was blocked by our moderation system."_s);
    QCOMPARE(error.value(u"message_zh"_s).toString(), u"你的请求被审核系统拦截。"_s);
    QVERIFY(!polled.json().contains(u"expires_at"_s));
    QCOMPARE(get(u"/v1/videos/%1/content"_s.arg(id)).status, 404);
}

void TestDemoService::unknownSourceIs404InRelayShape()
{
    const Answer answer = remix(u"video_0123456789abcdef"_s, u"make it purple"_s);
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.contentType, "application/json");
    const QJsonObject error = answer.error();
    QVERIFY(error.value(u"message"_s).toString().contains(u"video_0123456789abcdef"_s));
    QVERIFY(error.value(u"message_zh"_s).toString().contains(u"找不到视频"_s));
    QCOMPARE(error.value(u"type"_s).toString(), u"invalid_request_error"_s);
    QCOMPARE(m_demo->remixCount(), 0);

    // An id holding an encoded "/" is one opaque segment, unknown rather than a wrong route.
    const Answer slashed = get(u"/v1/videos/abc%2Fdef"_s);
    QCOMPARE(slashed.status, 404);
    QCOMPARE(slashed.error().value(u"code"_s).toString(), u"video_not_found"_s);
    QVERIFY(slashed.error().value(u"message"_s).toString().contains(u"abc/def"_s));
}

void TestDemoService::badRemixRequestsAre400_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    const auto json = [](const QJsonValue &prompt) {
        return QJsonDocument(QJsonObject{{u"prompt"_s, prompt}}).toJson(QJsonDocument::Compact);
    };
    QTest::newRow("empty prompt") << json(u""_s) << 400;
    QTest::newRow("blank prompt") << json(u"  \n "_s) << 400;
    QTest::newRow("32001 characters") << json(QString(DemoService::MaxPromptLength + 1, u'a')) << 400;
    QTest::newRow("32000 characters") << json(QString(DemoService::MaxPromptLength, u'a')) << 200;
    // Characters, not UTF-16 units: 32000 emoji are 64000 units and still fine.
    QTest::newRow("32000 emoji") << json(QString::fromUcs4(std::u32string(DemoService::MaxPromptLength, U'🎬').c_str()))
                                 << 200;
    QTest::newRow("prompt not a string") << json(42) << 400;
    QTest::newRow("no prompt") << QByteArray("{}") << 400;
    QTest::newRow("not JSON") << QByteArray("prompt=purple") << 400;
}

void TestDemoService::badRemixRequestsAre400()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    // The Authorization header is ignored: any key, or none, is fine.
    const Answer answer =
        exchange("POST", u"/v1/videos/video_demo_cat/remix"_s, body, {{"Authorization", "Bearer sk-whatever"}});
    QCOMPARE(answer.status, status);
    if (status == 400) {
        QVERIFY(!answer.error().value(u"message"_s).toString().isEmpty());
        QVERIFY(!answer.error().value(u"message_zh"_s).toString().isEmpty());
        QCOMPARE(m_demo->remixCount(), 0);
    } else {
        QCOMPARE(m_demo->remixCount(), 1);
    }
}

void TestDemoService::remixOfUnfinishedRemixIsRefused()
{
    const QString id = remix(u"video_demo_cat"_s, u"purple"_s).json().value(u"id"_s).toString();
    const Answer answer = remix(id, u"and then green"_s);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.error().value(u"code"_s).toString(), u"video_not_completed"_s);
}

void TestDemoService::contentIsTheResourceMp4()
{
    // A sample serves the source clip.
    Answer answer = get(u"/v1/videos/video_demo_city/content?variant=video"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, "video/mp4");
    QCOMPARE(answer.body, resource(u"source.mp4"_s));
    QCOMPARE(answer.body.mid(4, 4), "ftyp");

    // A finished remix serves the purple result; no variant means the video.
    const QString id = finishedRemix(DemoService::suggestedPrompt());
    QVERIFY(!id.isEmpty());
    answer = get(u"/v1/videos/%1/content"_s.arg(id));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, "video/mp4");
    QCOMPARE(answer.body, resource(u"result.mp4"_s));
    QCOMPARE(answer.body.mid(4, 4), "ftyp");

    QCOMPARE(get(u"/v1/videos/%1/content?variant=spritesheet"_s.arg(id)).status, 400);
}

void TestDemoService::contentOfUnfinishedRemixIs404()
{
    m_demo->setSpeed(0.01); // nothing finishes during this test
    const QString id = remix(u"video_demo_city"_s, u"purple"_s).json().value(u"id"_s).toString();
    const Answer answer = get(u"/v1/videos/%1/content"_s.arg(id));
    QCOMPARE(answer.status, 404);
    QCOMPARE(answer.error().value(u"code"_s).toString(), u"video_not_ready"_s);
}

void TestDemoService::rangeRequestsGetTheTail_data()
{
    const qint64 size = resource(u"source.mp4"_s).size();
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("open tail") << QByteArray("bytes=1000-") << 206 << qint64(1000) << size - 1;
    QTest::newRow("last byte") << "bytes=" + QByteArray::number(size - 1) + '-' << 206 << size - 1 << size - 1;
    QTest::newRow("from zero") << QByteArray("bytes=0-") << 206 << qint64(0) << size - 1;
    QTest::newRow("closed") << QByteArray("bytes=10-109") << 206 << qint64(10) << qint64(109);
    QTest::newRow("end past size") << QByteArray("bytes=100-99999999") << 206 << qint64(100) << size - 1;
    QTest::newRow("start past size") << "bytes=" + QByteArray::number(size) + '-' << 416 << qint64(-1) << qint64(-1);
    QTest::newRow("garbage") << QByteArray("bytes=abc") << 416 << qint64(-1) << qint64(-1);
}

void TestDemoService::rangeRequestsGetTheTail()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const QByteArray whole = resource(u"source.mp4"_s);
    const Answer answer =
        exchange("GET", u"/v1/videos/video_demo_cat/content?variant=video"_s, QByteArray(), {{"Range", range}});
    QCOMPARE(answer.status, status);
    if (status == 416) {
        QCOMPARE(answer.contentRange, "bytes */" + QByteArray::number(whole.size()));
        return;
    }
    QCOMPARE(answer.contentType, "video/mp4");
    QCOMPARE(answer.contentRange, "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                                      + QByteArray::number(whole.size()));
    QCOMPARE(answer.body, whole.mid(first, last - first + 1));
}

void TestDemoService::thumbnailIsJpeg()
{
    Answer answer = get(u"/v1/videos/video_demo_beach/content?variant=thumbnail"_s);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.contentType, "image/jpeg");
    QVERIFY(answer.body.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(answer.body, resource(u"source.jpg"_s));

    const QString id = finishedRemix(u"purple please"_s);
    answer = get(u"/v1/videos/%1/content?variant=thumbnail"_s.arg(id));
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.startsWith("\xFF\xD8\xFF"));
    QCOMPARE(answer.body, resource(u"result.jpg"_s));
}

void TestDemoService::deleteRemovesRemixesOnly()
{
    const QString id = remix(u"video_demo_city"_s, u"purple"_s).json().value(u"id"_s).toString();
    Answer answer = exchange("DELETE", u"/v1/videos/"_s + id);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json(), (QJsonObject{{u"id"_s, id}, {u"object"_s, u"video.deleted"_s}, {u"deleted"_s, true}}));
    QCOMPARE(get(u"/v1/videos/"_s + id).status, 404);
    QCOMPARE(m_demo->remixCount(), 0);

    answer = exchange("DELETE", u"/v1/videos/video_demo_city"_s);
    QCOMPARE(answer.status, 400);
    QCOMPARE(get(u"/v1/videos/video_demo_city"_s).status, 200);
}

void TestDemoService::unknownRoutesAre404()
{
    Answer answer = get(u"/v1/models"_s);
    QCOMPARE(answer.status, 404);
    QVERIFY(answer.error().value(u"message"_s).toString().startsWith(u"Invalid URL (GET /v1/models)"_s));
    QCOMPARE(get(u"/videos/video_demo_city"_s).status, 404);                      // no /v1
    QCOMPARE(exchange("PUT", u"/v1/videos/video_demo_city"_s, "{}").status, 404); // no such method
    QCOMPARE(get(u"/v1/videos/video_demo_city/remix"_s).status, 404);             // remix is a POST
    // New videos and extensions are made (from an empty prompt, not).
    QCOMPARE(exchange("POST", u"/v1/videos"_s, R"({"prompt":"a cat"})").status, 200);
    QCOMPARE(exchange("POST", u"/v1/videos"_s, R"({"prompt":"  "})").status, 400);
    QCOMPARE(
        exchange("POST", u"/v1/videos/extensions"_s, R"({"prompt":"more","video":{"id":"video_demo_city"}})").status,
        200);
    QCOMPARE(exchange("POST", u"/v1/videos/extensions"_s, R"({"prompt":"more","video":{"id":"video_none"}})").status,
             400);
}

void TestDemoService::endToEndThroughJobController()
{
    ApiClient client;
    client.setTimeoutMs(5000);
    JobList jobs;
    JobModel model(&jobs);
    JobController controller(&client, &jobs);
    PollSettings poll;
    poll.intervalMs = 100;
    poll.backoffBaseMs = 100;
    poll.maxPollsPerSecondPerService = 100; // two jobs at 100 ms: above the default ceiling
    controller.setPollSettings(poll);
    controller.setService(ServiceEndpoint{m_demo->baseUrl(), QString()});

    QSignalSpy finished(&controller, &JobController::jobFinished);
    const QString done = controller.submit(u"video_demo_city"_s, DemoService::suggestedPrompt());
    const QString blocked = controller.submit(u"video_demo_cat"_s, u"add blood"_s);
    QTRY_COMPARE_WITH_TIMEOUT(model.job(done)->state, JobState::Completed, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(model.job(blocked)->state, JobState::Failed, 5000);
    QCOMPARE(model.job(done)->progress, 100);
    QVERIFY(model.job(done)->resultVideoId.startsWith(u"video_demo_remix_"_s));
    // The job failed (HTTP 200, status failed), with the demo's pretend moderation as the reason.
    QCOMPARE(model.job(blocked)->error.kind, ApiError::Kind::JobFailed);
    QCOMPARE(model.job(blocked)->error.code, u"moderation_blocked"_s);
    QTRY_COMPARE(finished.size(), 2);
    QTRY_COMPARE(controller.activeJobCount(), 0);
}

QTEST_GUILESS_MAIN(TestDemoService)
#include "tst_demoservice.moc"
