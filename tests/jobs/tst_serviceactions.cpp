// Delete on the service (DELETE /videos/{id}) against the loopback fake: success with or without a
// body, failures worded as a failed delete, and a video already gone told apart from a service that
// has no delete route at all.

#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/serviceactions.h"
#include "testhelpers.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

using Reply = FakeVideoServer::Reply;

namespace {
const QString ResultId = u"video_result_1"_s;

Reply answer(int status, const QByteArray &body, const QByteArray &contentType = "application/json")
{
    Reply reply;
    reply.status = status;
    reply.body = body;
    reply.contentType = contentType;
    return reply;
}
} // namespace

class TstServiceActions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }
    void init();
    void cleanup();

    void deleteOutcome_data();
    void deleteOutcome();
    void nothingToDelete();

private:
    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<JobList> m_jobs;
    std::unique_ptr<JobModel> m_model;
    std::unique_ptr<ServiceActions> m_actions;
};

void TstServiceActions::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<ApiClient>();
    m_client->setTimeoutMs(300);
    m_jobs = std::make_unique<JobList>();
    m_model = std::make_unique<JobModel>(m_jobs.get());
    m_model->setCoalesceIntervalMs(0);
    m_actions = std::make_unique<ServiceActions>(m_client.get(), m_jobs.get());
    const ServiceEndpoint service{ApiUrl::normalizeBase(m_server->rootUrl().toString() + u"/v1"_s), u"sk-test"_s};
    m_actions->setServiceResolver([service](const QString &) { return service; });

    RemixJob job;
    job.localId = u"job-1"_s;
    job.sourceVideoId = u"video_source"_s;
    job.resultVideoId = ResultId;
    job.state = JobState::Completed;
    job.apiBase = service.apiBase;
    m_jobs->add(job);
}

void TstServiceActions::cleanup()
{
    m_actions.reset();
    m_model.reset();
    m_client.reset();
    m_server.reset();
}

void TstServiceActions::deleteOutcome_data()
{
    QTest::addColumn<Reply>("reply");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("mustContain");

    const QStringList deleted{u"was deleted on the service"_s};
    const QStringList failed{u"could not be deleted on the service"_s};
    const QStringList noRoute{u"does not offer deleting"_s};
    const QStringList gone{u"no longer has this video"_s};

    QTest::newRow("200 OpenAI shape") << Reply::json(
        QJsonObject{{u"id"_s, ResultId}, {u"object"_s, u"video.deleted"_s}, {u"deleted"_s, true}})
                                      << true << deleted;
    QTest::newRow("204 no content") << answer(204, QByteArray(), QByteArray()) << true << deleted;
    QTest::newRow("200 empty body") << answer(200, QByteArray(), QByteArray()) << true << deleted;
    QTest::newRow("200 deleted false") << Reply::json(QJsonObject{{u"id"_s, ResultId}, {u"deleted"_s, false}}) << false
                                       << failed;
    QTest::newRow("500") << answer(500, R"({"error":{"message":"internal error","type":"server_error"}})") << false
                         << failed;
    QTest::newRow("502 html") << answer(502, "<html><title>502 Bad Gateway</title></html>", "text/html") << false
                              << failed;
    Reply hang;
    hang.hang = true;
    QTest::newRow("timeout") << hang << false << failed;
    QTest::newRow("401") << answer(401, R"({"error":{"message":"Invalid token","type":"new_api_error"}})") << false
                         << (failed + QStringList{u"API key"_s});
    // A relay without the route: new-api's "Invalid URL", a web server's HTML page, an empty 404, a 405.
    QTest::newRow("404 new-api Invalid URL")
        << answer(404, R"j({"error":{"message":"Invalid URL (DELETE /v1/videos/video_result_1)",)j"
                       R"j("type":"invalid_request_error"}})j")
        << false << noRoute;
    QTest::newRow("404 html") << answer(404, "<html><head><title>404 Not Found</title></head></html>", "text/html")
                              << false << noRoute;
    QTest::newRow("404 empty") << answer(404, QByteArray(), QByteArray()) << false << noRoute;
    QTest::newRow("405") << answer(405, QByteArray(), QByteArray()) << false << noRoute;
    // The API itself says the video is not there: already deleted or expired.
    QTest::newRow("404 video not found") << answer(
        404, R"({"error":{"message":"Video not found","type":"invalid_request_error",)"
             R"("code":"video_not_found"}})")
                                         << true << gone;
    QTest::newRow("404 new-api task_not_exist")
        << answer(404, R"({"code":"task_not_exist","message":"task_not_exist","data":null})") << true << gone;
}

void TstServiceActions::deleteOutcome()
{
    QFETCH(Reply, reply);
    QFETCH(bool, ok);
    QFETCH(QStringList, mustContain);

    m_server->addHandler([reply](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method == "DELETE")
            return reply;
        return std::nullopt;
    });
    QSignalSpy finished(m_actions.get(), &ServiceActions::deleteFinished);
    m_actions->deleteOnService(u"job-1"_s);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_server->requestCount("DELETE", ResultId), 1);
    const QString message = finished.first().at(2).toString();
    QCOMPARE(finished.first().at(1).toBool(), ok);
    for (const QString &part : mustContain)
        QVERIFY2(message.contains(part), qPrintable(message + u" ∌ "_s + part));
    // A delete is not a remix: never the submit's warnings.
    QVERIFY2(!message.contains(u"remix"_s, Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(!message.contains(u"not the video API"_s), qPrintable(message));
    // Only one request: a delete is not retried by itself.
    QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
    QVERIFY(!requests.wait(200));
}

void TstServiceActions::nothingToDelete()
{
    RemixJob unsent;
    unsent.localId = u"job-unsent"_s;
    unsent.state = JobState::SubmitFailed;
    m_jobs->add(unsent);
    QSignalSpy finished(m_actions.get(), &ServiceActions::deleteFinished);
    m_actions->deleteOnService(unsent.localId);
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.first().at(1).toBool(), false);
    QVERIFY(!finished.first().at(2).toString().isEmpty());
    QCOMPARE(m_server->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TstServiceActions)
#include "tst_serviceactions.moc"
