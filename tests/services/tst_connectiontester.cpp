#include "api/apiclient.h"
#include "fakevideoserver.h"
#include "rawtcpserver.h"
#include "services/connectiontester.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Outcome = ConnectionTestResult::Outcome;

namespace {

const QString TestKey = u"sk-test-7f3a9c-SECRET-do-not-show"_s;
const QByteArray ProbePath = "/v1/videos/video_connection_test_0000";

FakeVideoServer::Reply reply(int status,
                             const QByteArray &body,
                             const QByteArray &contentType = "application/json",
                             const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    FakeVideoServer::Reply r;
    r.status = status;
    r.body = body;
    r.contentType = contentType;
    r.headers = headers;
    return r;
}

const QByteArray HtmlPage = "<!DOCTYPE html><html><head><title>Welcome to My Site</title></head>"
                            "<body><h1>Welcome</h1><p>Nothing to see here.</p></body></html>";
const QByteArray NginxNotFound = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not "
                                 "Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
const QByteArray NginxBadGateway = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
                                   "Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n"
                                   "</html>\r\n";
const QByteArray CloudflareBlocked = "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>"
                                     "<body><h1>Sorry, you have been blocked</h1></body></html>";

// A port nothing listens on: taken from the system, then released.
quint16 deadPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TstConnectionTester : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void httpAnswers_data();
    void httpAnswers();
    void listProbeConfirmsOrRejects_data();
    void listProbeConfirmsOrRejects();
    void fakeServerDefaults();
    void remixRouteOfTheService_data();
    void remixRouteOfTheService();
    void remixRouteProbesNeverSpend();
    void keyNeverLeaves();
    void redirectToAnotherOriginIsNotFollowed();
    void cannotConnect();
    void connectionReset();
    void hostNotFound();
    void timedOut();
    void proxyProblem();
    void tlsProblem_data();
    void tlsProblem();
    void invalidAddress_data();
    void invalidAddress();
    void cancelEmitsNothing();
    void messages();

private:
    // Runs one test to its end and returns the one result.
    ConnectionTestResult run(const QString &address, const QString &key = TestKey, int waitMs = 15000);

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TstConnectionTester::initTestCase()
{
    TestHelpers::enterTestMode();
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstConnectionTester::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<ApiClient>();
    m_client->setTimeoutMs(5000);
}

void TstConnectionTester::cleanup()
{
    m_client.reset();
    m_server.reset();
}

ConnectionTestResult TstConnectionTester::run(const QString &address, const QString &key, int waitMs)
{
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start(address, key);
    [&] {
        QVERIFY(spy.wait(waitMs));
    }();
    if (spy.count() != 1)
        return ConnectionTestResult();
    return spy.at(0).at(0).value<ConnectionTestResult>();
}

void TstConnectionTester::httpAnswers_data()
{
    QTest::addColumn<FakeVideoServer::Reply>("answer");
    QTest::addColumn<Outcome>("expected");

    // The API itself answers about the made-up id: it is there and took the key.
    QTest::newRow("works: OpenAI 404 error shape")
        << reply(404, R"({"error":{"message":"Video with id 'video_connection_test_0000' not found.",)"
                      R"("type":"invalid_request_error","param":null,"code":null}})")
        << Outcome::Works;
    QTest::newRow("works: seed relay 404 with message_zh")
        << reply(404, R"({"error":{"message":"video not found","message_zh":"视频不存在","type":"not_found"}})")
        << Outcome::Works;
    QTest::newRow("works: new-api 400 task_not_exist")
        << reply(400, R"({"code":"task_not_exist","message":"task_not_exist","data":null})") << Outcome::Works;
    QTest::newRow("works: 200 video object")
        << FakeVideoServer::Reply::video(u"video_connection_test_0000"_s, u"failed"_s) << Outcome::Works;

    QTest::newRow("key rejected: seed relay 401")
        << reply(401, R"({"error":{"message":"Invalid token","message_zh":"无效的令牌","type":"new_api_error"}})")
        << Outcome::KeyRejected;
    QTest::newRow("key rejected: 401 without body") << reply(401, QByteArray()) << Outcome::KeyRejected;
    QTest::newRow("key rejected: 403 error shape")
        << reply(403, R"({"error":{"message":"You do not have access to sora-2","type":"invalid_request_error"}})")
        << Outcome::KeyRejected;

    QTest::newRow("no video api: HTML 200 page") << reply(200, HtmlPage, "text/html") << Outcome::NoVideoApi;
    QTest::newRow("no video api: HTML 404") << reply(404, NginxNotFound, "text/html") << Outcome::NoVideoApi;
    QTest::newRow("no video api: new-api Invalid URL")
        << reply(404, R"x({"error":{"message":"Invalid URL (GET /v1/videos/video_connection_test_0000)",)x"
                      R"x("type":"invalid_request_error","param":"","code":""}})x")
        << Outcome::NoVideoApi;
    QTest::newRow("no video api: status ok JSON") << reply(200, R"({"status":"ok"})") << Outcome::NoVideoApi;
    QTest::newRow("no video api: empty 200") << reply(200, QByteArray(), QByteArray()) << Outcome::NoVideoApi;
    QTest::newRow("no video api: FastAPI 404") << reply(404, R"({"detail":"Not Found"})") << Outcome::NoVideoApi;
    QTest::newRow("no video api: Spring 404")
        << reply(404, R"({"timestamp":"2026-01-01T00:00:00","status":404,"error":"Not Found","path":"/v1/videos/x"})")
        << Outcome::NoVideoApi;
    QTest::newRow("no video api: gin text 404")
        << reply(404, "404 page not found", "text/plain") << Outcome::NoVideoApi;
    QTest::newRow("no video api: generic not found in error shape")
        << reply(404, R"({"error":{"message":"Not Found","type":"error"}})") << Outcome::NoVideoApi;
    QTest::newRow("no video api: 405") << reply(405, R"({"error":{"message":"Method Not Allowed"}})")
                                       << Outcome::NoVideoApi;

    QTest::newRow("rate limited: new-api flat Chinese")
        << reply(429, R"({"code":"","message":"当前分组上游负载已饱和，请稍后再试","data":null})", "application/json",
                 {{"Retry-After", "3"}})
        << Outcome::RateLimited;
    QTest::newRow("server error: nginx 502") << reply(502, NginxBadGateway, "text/html") << Outcome::ServerError;
    QTest::newRow("server error: JSON 500")
        << reply(500, R"({"error":{"message":"upstream error","type":"server_error"}})") << Outcome::ServerError;
    QTest::newRow("server error: Cloudflare 403 page")
        << reply(403, CloudflareBlocked, "text/html") << Outcome::ServerError;
    QTest::newRow("proxy: 407") << reply(407, QByteArray(), "text/plain", {{"Proxy-Authenticate", "Basic"}})
                                << Outcome::ProxyProblem;
}

void TstConnectionTester::httpAnswers()
{
    QFETCH(FakeVideoServer::Reply, answer);
    QFETCH(Outcome, expected);

    m_server->addHandler([answer](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.rawPath == ProbePath)
            return answer;
        // The list route is missing here, as on new-api.
        return FakeVideoServer::Reply::json(
            QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Invalid URL (GET /v1/videos)"_s},
                                                 {u"type"_s, u"invalid_request_error"_s}}}},
            404);
    });
    // Every form users type leads to the same probe.
    for (const QString &suffix : {u"/v1"_s, u""_s, u"/v1/"_s}) {
        const ConnectionTestResult result = run(m_server->rootUrl().toString() + suffix);
        QCOMPARE(result.outcome, expected);
        QCOMPARE(result.triedUrl.path(), QString::fromLatin1(ProbePath));
        QCOMPARE(result.httpStatus, answer.status);
        QVERIFY(!result.detail.isEmpty());
        QVERIFY(!result.detail.contains(TestKey));
        QVERIFY(!result.message().isEmpty());
        QVERIFY(!result.listConfirmed);
    }
    QCOMPARE(m_server->requests().first().headers.value("authorization"), "Bearer " + TestKey.toUtf8());
}

void TstConnectionTester::listProbeConfirmsOrRejects_data()
{
    QTest::addColumn<FakeVideoServer::Reply>("listAnswer");
    QTest::addColumn<Outcome>("expected");
    QTest::addColumn<bool>("confirmed");

    QTest::newRow("200 list") << reply(200, R"({"object":"list","data":[],"has_more":false})") << Outcome::Works
                              << true;
    QTest::newRow("401 on list") << reply(401, R"({"error":{"message":"Incorrect API key provided"}})")
                                 << Outcome::KeyRejected << false;
    QTest::newRow("200 not a list") << reply(200, R"({"status":"ok"})") << Outcome::Works << false;
    QTest::newRow("500 on list") << reply(500, NginxBadGateway, "text/html") << Outcome::Works << false;
}

void TstConnectionTester::listProbeConfirmsOrRejects()
{
    QFETCH(FakeVideoServer::Reply, listAnswer);
    QFETCH(Outcome, expected);
    QFETCH(bool, confirmed);

    m_server->addHandler(
        [listAnswer](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
            if (request.rawPath == ProbePath)
                return reply(404, R"({"error":{"message":"video not found","type":"invalid_request_error"}})");
            if (request.rawPath == "/v1/videos" && request.query == "limit=1"_L1)
                return listAnswer;
            return std::nullopt;
        });
    const ConnectionTestResult result = run(m_server->rootUrl().toString());
    QCOMPARE(result.outcome, expected);
    QCOMPARE(result.listConfirmed, confirmed);
    QCOMPARE(m_server->requestCount("GET"), 2);
}

void TstConnectionTester::fakeServerDefaults()
{
    // The fake's own answer for an unknown video ("Video not found") and its key check.
    m_server->setRequiredKey(TestKey);
    ConnectionTestResult result = run(m_server->rootUrl().toString() + "/v1/"_L1, TestKey);
    QCOMPARE(result.outcome, Outcome::Works);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY(!result.unencrypted); // loopback
    // The 404 is the right answer for the made-up id: said in words, not left as a bare "404" beside "works".
    QVERIFY(result.unknownIdAnswered);
    QVERIFY2(result.message().contains("answered as expected"_L1), qPrintable(result.message()));
    QVERIFY(!result.message().contains("404"_L1));

    result = run(m_server->rootUrl().toString(), u"sk-wrong"_s);
    QCOMPARE(result.outcome, Outcome::KeyRejected);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY(result.message().contains("401"_L1));
}

void TstConnectionTester::remixRouteOfTheService_data()
{
    QTest::addColumn<FakeVideoServer::RemixDialect>("dialect");
    QTest::addColumn<RemixRoute>("expected");
    QTest::addColumn<bool>("variantNamed"); // the message tells the user where remixes will go

    QTest::newRow("standard only") << FakeVideoServer::RemixDialect::Standard << RemixRoute::Standard << false;
    QTest::newRow("video_id in body only")
        << FakeVideoServer::RemixDialect::VideoIdInBody << RemixRoute::VideoIdInBody << true;
    // Both forms served (LiteLLM-like): the standard one stays.
    QTest::newRow("both") << FakeVideoServer::RemixDialect::Both << RemixRoute::Standard << false;
}

void TstConnectionTester::remixRouteOfTheService()
{
    QFETCH(FakeVideoServer::RemixDialect, dialect);
    QFETCH(RemixRoute, expected);
    QFETCH(bool, variantNamed);

    m_server->setRemixDialect(dialect);
    const ConnectionTestResult result = run(m_server->rootUrl().toString() + "/v1"_L1);
    QCOMPARE(result.outcome, Outcome::Works);
    QVERIFY(result.remixRouteChecked);
    QCOMPARE(result.remixRoute, expected);
    QCOMPARE(result.message().contains("/videos/remix"_L1), variantNamed);
    // Not one video was made: every POST of the test was one the service had to refuse.
    QCOMPARE(m_server->videoCount(), 0);
    for (const FakeVideoServer::Request &request : m_server->requests()) {
        if (request.method != "POST")
            continue;
        const QJsonObject sent = QJsonDocument::fromJson(request.body).object();
        QVERIFY2(!sent.contains(u"prompt"_s), request.body.constData());
        QVERIFY2(!sent.contains(u"video_id"_s), request.body.constData());
    }
}

void TstConnectionTester::remixRouteProbesNeverSpend()
{
    // A service that answers every POST with a new video (a broken relay that ignores what it is sent):
    // the test reads that as "not proven" and keeps the standard route; and a service whose key fails
    // or that has no video API is never asked with a POST at all.
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.method == "POST")
            return FakeVideoServer::Reply::video(u"video_oops"_s, u"queued"_s, 0);
        return std::nullopt;
    });
    ConnectionTestResult result = run(m_server->rootUrl().toString());
    QCOMPARE(result.outcome, Outcome::Works);
    QCOMPARE(result.remixRoute, RemixRoute::Standard);
    QVERIFY(m_server->requestCount("POST") <= 1);

    m_server->clearRequests();
    m_server->setRequiredKey(u"sk-other"_s);
    result = run(m_server->rootUrl().toString());
    QCOMPARE(result.outcome, Outcome::KeyRejected);
    QVERIFY(!result.remixRouteChecked);
    QCOMPARE(m_server->requestCount("POST"), 0);
}

void TstConnectionTester::keyNeverLeaves()
{
    // A relay that echoes the key in its error text: the detail shows *** instead.
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        const QByteArray auth = request.headers.value("authorization");
        return reply(401, R"({"error":{"message":"invalid token )" + auth.mid(7) + R"("}})");
    });
    const ConnectionTestResult result = run(m_server->rootUrl().toString(), TestKey);
    QCOMPARE(result.outcome, Outcome::KeyRejected);
    QVERIFY(!result.detail.contains(TestKey));
    QVERIFY2(result.detail.contains("***"_L1), qPrintable(result.detail));
    QVERIFY(!result.message().contains(TestKey));
}

void TstConnectionTester::redirectToAnotherOriginIsNotFollowed()
{
    FakeVideoServer other;
    QVERIFY(other.start());
    const QByteArray target = other.rootUrl().toEncoded() + ProbePath;
    m_server->addHandler([target](const FakeVideoServer::Request &) -> std::optional<FakeVideoServer::Reply> {
        return reply(301, QByteArray(), "text/html", {{"Location", target}});
    });
    const ConnectionTestResult result = run(m_server->rootUrl().toString());
    QCOMPARE(result.outcome, Outcome::NoVideoApi);
    QVERIFY2(result.redirectTarget.startsWith(other.rootUrl().toString()), qPrintable(result.redirectTarget));
    QVERIFY(result.message().contains(result.redirectTarget));
    QCOMPARE(other.requests().size(), 0); // the key never went to the other origin
}

void TstConnectionTester::cannotConnect()
{
    const quint16 port = deadPort();
    QVERIFY(port != 0);
    const ConnectionTestResult result = run(u"http://127.0.0.1:%1/v1"_s.arg(port));
    QCOMPARE(result.outcome, Outcome::CannotConnect);
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(result.triedUrl.port(), int(port));
}

void TstConnectionTester::connectionReset()
{
    for (const auto behaviour : {RawTcpServer::Behaviour::ResetConnection, RawTcpServer::Behaviour::CloseImmediately}) {
        RawTcpServer raw(behaviour);
        QVERIFY(raw.start());
        const ConnectionTestResult result = run(raw.rootUrl().toString());
        QCOMPARE(result.outcome, Outcome::CannotConnect);
    }
}

void TstConnectionTester::hostNotFound()
{
    // RFC 2606: .invalid never resolves, with or without a network. A resolver without a network
    // may take its own timeouts to say so; ours must not cut in first.
    m_client->setTimeoutMs(60000);
    const ConnectionTestResult result = run(u"https://video-api.invalid/v1"_s, TestKey, 65000);
    QCOMPARE(result.outcome, Outcome::HostNotFound);
    QCOMPARE(result.triedUrl.host(), u"video-api.invalid"_s);
}

void TstConnectionTester::timedOut()
{
    m_client->setTimeoutMs(300);
    m_server->addHandler([](const FakeVideoServer::Request &) -> std::optional<FakeVideoServer::Reply> {
        FakeVideoServer::Reply hang;
        hang.hang = true;
        return hang;
    });
    QElapsedTimer clock;
    clock.start();
    const ConnectionTestResult result = run(m_server->rootUrl().toString());
    QCOMPARE(result.outcome, Outcome::TimedOut);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TstConnectionTester::proxyProblem()
{
    const quint16 port = deadPort();
    QVERIFY(port != 0);
    m_client->networkAccessManager()->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, port));
    // A name only the proxy could resolve: the request has to go through it.
    const ConnectionTestResult result = run(u"http://video-api.invalid/v1"_s);
    QVERIFY2(result.outcome == Outcome::ProxyProblem, qPrintable(result.detail));
    QVERIFY(result.message().contains("proxy"_L1, Qt::CaseInsensitive));
}

void TstConnectionTester::tlsProblem_data()
{
    QTest::addColumn<QString>("certificateHost"); // the name in the certificate
    QTest::addColumn<QString>("urlHost");         // the name the client connects to
    QTest::addColumn<ConnectionTestResult::TlsIssue>("issue");
    QTest::addColumn<QString>("word");

    QTest::newRow("self-signed") << u"127.0.0.1"_s << u"127.0.0.1"_s << ConnectionTestResult::TlsIssue::SelfSigned
                                 << u"self-signed"_s;
    QTest::newRow("wrong host") << u"wrong.example.com"_s << u"127.0.0.1"_s << ConnectionTestResult::TlsIssue::WrongHost
                                << u"different host name"_s;
}

void TstConnectionTester::tlsProblem()
{
    QFETCH(QString, certificateHost);
    QFETCH(QString, urlHost);
    QFETCH(ConnectionTestResult::TlsIssue, issue);
    QFETCH(QString, word);

    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const bool isIp = !QHostAddress(certificateHost).isNull();
    QProcess process;
    process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                            u"-subj"_s, "/CN="_L1 + certificateHost, u"-addext"_s,
                            (isIp ? "subjectAltName=IP:"_L1 : "subjectAltName=DNS:"_L1) + certificateHost, u"-keyout"_s,
                            dir.filePath(u"key.pem"_s), u"-out"_s, dir.filePath(u"cert.pem"_s)});
    QVERIFY(process.waitForFinished(30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    QFile certFile(dir.filePath(u"cert.pem"_s));
    QFile keyFile(dir.filePath(u"key.pem"_s));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);

    QSslServer server;
    server.setSslConfiguration(configuration);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    const ConnectionTestResult result = run(u"https://%1:%2/v1"_s.arg(urlHost).arg(server.serverPort()));
    QCOMPARE(result.outcome, Outcome::TlsProblem);
    QCOMPARE(result.tlsIssue, issue);
    QVERIFY2(result.message().contains(word), qPrintable(result.message()));
    QVERIFY(!result.detail.isEmpty());
}

void TstConnectionTester::invalidAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << u"   "_s;
    QTest::newRow("ftp") << u"ftp://example.com/v1"_s;
    QTest::newRow("space in host") << u"http://exa mple.com"_s;
}

void TstConnectionTester::invalidAddress()
{
    QFETCH(QString, address);
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start(address, TestKey);
    QCOMPARE(spy.count(), 0); // never inside start()
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 1);
    const auto result = spy.at(0).at(0).value<ConnectionTestResult>();
    QCOMPARE(result.outcome, Outcome::InvalidAddress);
    QVERIFY(result.triedUrl.isEmpty());
    QCOMPARE(m_server->requests().size(), 0);
}

void TstConnectionTester::cancelEmitsNothing()
{
    m_server->addHandler([](const FakeVideoServer::Request &) -> std::optional<FakeVideoServer::Reply> {
        FakeVideoServer::Reply hang;
        hang.hang = true;
        return hang;
    });
    ConnectionTester tester(m_client.get());
    QSignalSpy spy(&tester, &ConnectionTester::finished);
    tester.start(m_server->rootUrl().toString(), TestKey);
    QTRY_COMPARE(m_server->requests().size(), 1);
    QVERIFY(tester.isRunning());
    tester.cancel();
    QVERIFY(!tester.isRunning());

    // A second test on the same tester still ends with exactly one finished().
    tester.start(u"ftp://nothing"_s, TestKey);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ConnectionTestResult>().outcome, Outcome::InvalidAddress);
}

void TstConnectionTester::messages()
{
    const QMetaEnum outcomes = QMetaEnum::fromType<Outcome>();
    for (int i = 0; i < outcomes.keyCount(); ++i) {
        ConnectionTestResult result;
        result.outcome = Outcome(outcomes.value(i));
        result.httpStatus = result.outcome == Outcome::KeyRejected ? 401 : 0;
        const QString message = result.message();
        QVERIFY2(!message.isEmpty(), outcomes.key(i));
        QVERIFY(!result.title().isEmpty());
        // Only a rejected key is blamed on the key (Cherry Studio #999/#1135).
        QCOMPARE(message.contains("key"_L1, Qt::CaseInsensitive), result.outcome == Outcome::KeyRejected);
        if (result.outcome == Outcome::NoVideoApi)
            QVERIFY2(message.contains("/v1"_L1), qPrintable(message));
    }
    // Variants by status and TLS issue keep the rule.
    for (const int status : {403, 500, 502}) {
        ConnectionTestResult result;
        result.outcome = Outcome::ServerError;
        result.httpStatus = status;
        QVERIFY(!result.message().contains("key"_L1, Qt::CaseInsensitive));
        QVERIFY(result.message().contains(QString::number(status)));
    }
    const QMetaEnum issues = QMetaEnum::fromType<ConnectionTestResult::TlsIssue>();
    for (int i = 0; i < issues.keyCount(); ++i) {
        ConnectionTestResult result;
        result.outcome = Outcome::TlsProblem;
        result.tlsIssue = ConnectionTestResult::TlsIssue(issues.value(i));
        QVERIFY(!result.message().isEmpty());
        QVERIFY(!result.message().contains("key"_L1, Qt::CaseInsensitive));
    }
}

QTEST_GUILESS_MAIN(TstConnectionTester)
#include "tst_connectiontester.moc"
