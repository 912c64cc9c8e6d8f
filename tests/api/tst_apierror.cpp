#include "api/apierror.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

using Kind = ApiError::Kind;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {
const QString busyZh = u"当前分组上游负载已饱和，请稍后再试"_s;

const QByteArray nginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                            "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
                            "</body>\r\n</html>\r\n";

void useEnglish()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void useChinese()
{
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
}
} // namespace

class TstApiError final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanupTestCase();
    void storedFormRoundTripsEveryField();
    void storedFormReadsOlderNumericKinds();

    void hints_data();
    void hints();
    void retryAfterHttpDate();

    void bodyShapes_data();
    void bodyShapes();
    void emptyDetailArray();
    void snippetIsCapped();
    void invalidResponse();
    void failedJob();

    void networkErrors_data();
    void networkErrors();

    void classification_data();
    void classification();

    void englishMessages_data();
    void englishMessages();
    void chineseUsesMessageZh_data();
    void chineseUsesMessageZh();
    void chineseWithoutMessageZhIsNotTheServerEnglish();
    void technicalDetail();
};

void TstApiError::init()
{
    useEnglish();
}

void TstApiError::cleanupTestCase()
{
    useEnglish();
}

void TstApiError::hints_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<int>("retryAfterMs");
    QTest::addColumn<int>("pollAfterMs");
    QTest::addColumn<QString>("requestId");

    QTest::newRow("none") << Headers{} << -1 << -1 << QString();
    QTest::newRow("Retry-After seconds") << Headers{{"Retry-After", "20"}} << 20000 << -1 << QString();
    QTest::newRow("retry-after lower-case") << Headers{{"retry-after", " 3 "}} << 3000 << -1 << QString();
    QTest::newRow("retry-after-ms") << Headers{{"retry-after-ms", "1500"}} << 1500 << -1 << QString();
    QTest::newRow("ms wins, ms first") << Headers{{"retry-after-ms", "250"}, {"Retry-After", "9"}} << 250 << -1
                                       << QString();
    QTest::newRow("ms wins, ms last") << Headers{{"Retry-After", "9"}, {"Retry-After-Ms", "250"}} << 250 << -1
                                      << QString();
    QTest::newRow("garbage retry-after") << Headers{{"Retry-After", "soon"}} << -1 << -1 << QString();
    QTest::newRow("date in the past") << Headers{{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}} << 0 << -1
                                      << QString();
    QTest::newRow("poll after") << Headers{{"OpenAI-Poll-After-Ms", "5000"}} << -1 << 5000 << QString();
    QTest::newRow("x-request-id") << Headers{{"X-Request-Id", "req_abc"}} << -1 << -1 << u"req_abc"_s;
    QTest::newRow("request-id") << Headers{{"request-id", "req_def"}} << -1 << -1 << u"req_def"_s;
    QTest::newRow("x-oneapi-request-id") << Headers{{"X-Oneapi-Request-Id", "2025100516000012345"}} << -1 << -1
                                         << u"2025100516000012345"_s;
    QTest::newRow("x-request-id preferred")
        << Headers{{"x-oneapi-request-id", "one"}, {"x-request-id", "main"}} << -1 << -1 << u"main"_s;
    QTest::newRow("everything") << Headers{{"Content-Type", "application/json"},
                                           {"retry-after", "2"},
                                           {"openai-poll-after-ms", "1000"},
                                           {"x-request-id", "req_1"}}
                                << 2000 << 1000 << u"req_1"_s;
}

void TstApiError::hints()
{
    QFETCH(Headers, headers);
    QFETCH(int, retryAfterMs);
    QFETCH(int, pollAfterMs);
    QFETCH(QString, requestId);
    const ServerHints hints = ServerHints::fromHeaders(headers);
    QCOMPARE(hints.retryAfterMs, retryAfterMs);
    QCOMPARE(hints.pollAfterMs, pollAfterMs);
    QCOMPARE(hints.requestId, requestId);
}

void TstApiError::retryAfterHttpDate()
{
    const QDateTime inThirty = QDateTime::currentDateTimeUtc().addSecs(30);
    const QByteArray date = QLocale::c().toString(inThirty, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
    const ServerHints hints = ServerHints::fromHeaders({{"Retry-After", date}});
    QVERIFY2(hints.retryAfterMs > 25000 && hints.retryAfterMs <= 30000,
             qPrintable(QString::number(hints.retryAfterMs)));
}

void TstApiError::bodyShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("param");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("messageZh");
    QTest::addColumn<QString>("snippet");

    QTest::newRow("openai") << 401 << QByteArray(R"({"error":{"message":"Incorrect API key provided: sk-abc***.",
                                "type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
                            << u"invalid_api_key"_s << u"invalid_request_error"_s << QString()
                            << u"Incorrect API key provided: sk-abc***."_s << QString() << QString();
    QTest::newRow("openai numeric code and param")
        << 400 << QByteArray(R"({"error":{"message":"prompt too long","type":"invalid_request_error",
                                "param":"prompt","code":400}})")
        << u"400"_s << u"invalid_request_error"_s << u"prompt"_s << u"prompt too long"_s << QString() << QString();
    QTest::newRow("seed relay with message_zh")
        << 429 << QByteArray(R"({"error":{"message":"Rate limit exceeded","message_zh":"请求过于频繁，请稍后再试",
                                "type":"rate_limit_error"}})")
        << QString() << u"rate_limit_error"_s << QString() << u"Rate limit exceeded"_s << u"请求过于频繁，请稍后再试"_s
        << QString();
    QTest::newRow("new-api flat, Chinese 429")
        << 429 << (R"({"code":"get_channel_failed","message":")" + busyZh.toUtf8() + R"(","data":null})")
        << u"get_channel_failed"_s << QString() << QString() << busyZh << QString() << QString();
    QTest::newRow("new-api task_not_exist")
        << 400 << QByteArray(R"({"code":"task_not_exist","message":"task_not_exist","data":null})")
        << u"task_not_exist"_s << QString() << QString() << u"task_not_exist"_s << QString() << QString();
    QTest::newRow("new-api invalid url")
        << 404
        << QByteArray(
               R"j({"error":{"message":"Invalid URL (POST /v1/videos/x/remix)","type":"invalid_request_error","param":"","code":""}})j")
        << QString() << u"invalid_request_error"_s << QString() << u"Invalid URL (POST /v1/videos/x/remix)"_s
        << QString() << QString();
    QTest::newRow("plain string error") << 403 << QByteArray(R"({"error":"unsupported_country_region_territory"})")
                                        << QString() << QString() << QString()
                                        << u"unsupported_country_region_territory"_s << QString() << QString();
    QTest::newRow("message only") << 500 << QByteArray(R"({"message":"internal error"})") << QString() << QString()
                                  << QString() << u"internal error"_s << QString() << QString();
    QTest::newRow("detail") << 404 << QByteArray(R"({"detail":"Not Found"})") << QString() << QString() << QString()
                            << u"Not Found"_s << QString() << QString();
    QTest::newRow("detail list") << 422
                                 << QByteArray(R"({"detail":[{"loc":["body","prompt"],"msg":"field required"}]})")
                                 << QString() << QString() << QString() << u"field required"_s << QString()
                                 << QString();
    QTest::newRow("json without message") << 500 << QByteArray(R"({"ok":false})") << QString() << QString() << QString()
                                          << QString() << QString() << u"{\"ok\":false}"_s;
    QTest::newRow("nginx 502 html") << 502 << nginx502 << QString() << QString() << QString() << QString() << QString()
                                    << u"502 Bad Gateway nginx"_s;
    QTest::newRow("cdn page with title only")
        << 504
        << QByteArray("<!DOCTYPE html><html><head><title>504 Gateway Time-out</title>"
                      "<style>body{color:red}</style></head><body></body></html>")
        << QString() << QString() << QString() << QString() << QString() << u"504 Gateway Time-out"_s;
    QTest::newRow("empty body") << 502 << QByteArray() << QString() << QString() << QString() << QString() << QString()
                                << QString();
    QTest::newRow("whitespace body") << 500 << QByteArray(" \r\n") << QString() << QString() << QString() << QString()
                                     << QString() << QString();
    QTest::newRow("plain text") << 503 << QByteArray("upstream connect error or disconnect/reset before headers\n")
                                << QString() << QString() << QString() << QString() << QString()
                                << u"upstream connect error or disconnect/reset before headers"_s;
    QTest::newRow("json array") << 500 << QByteArray("[1,2]") << QString() << QString() << QString() << QString()
                                << QString() << u"[1,2]"_s;
}

void TstApiError::bodyShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, type);
    QFETCH(QString, param);
    QFETCH(QString, message);
    QFETCH(QString, messageZh);
    QFETCH(QString, snippet);

    const ApiError error = ApiError::fromHttp(status, body, ServerHints{});
    QCOMPARE(error.kind, Kind::Http);
    QVERIFY(error.isError());
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.code, code);
    QCOMPARE(error.type, type);
    QCOMPARE(error.param, param);
    QCOMPARE(error.message, message);
    QCOMPARE(error.messageZh, messageZh);
    QCOMPARE(error.bodySnippet, snippet);
}

// FastAPI-style validation errors with an empty list: read like any JSON without a message, no assert.
void TstApiError::emptyDetailArray()
{
    const ApiError error = ApiError::fromHttp(422, R"({"detail":[]})", ServerHints{});
    QCOMPARE(error.kind, Kind::Http);
    QCOMPARE(error.httpStatus, 422);
    QVERIFY(error.message.isEmpty());
    QCOMPARE(error.bodySnippet, u"{\"detail\":[]}"_s);
    QCOMPARE(error.userMessage(ApiOperation::Remix), u"The service rejected the request as conflicting or invalid."_s);
    QCOMPARE(error.technicalDetail(), u"HTTP 422 · {\"detail\":[]}"_s);

    // A list whose first entry is no object still yields a readable message where there is one.
    const ApiError strings = ApiError::fromHttp(422, R"({"detail":[null,"prompt is required"]})", ServerHints{});
    QCOMPARE(strings.message, u"prompt is required"_s);
    const ApiError later = ApiError::fromHttp(422, R"({"detail":[{"loc":[]},{"msg":"too long"}]})", ServerHints{});
    QCOMPARE(later.message, u"too long"_s);
}

void TstApiError::snippetIsCapped()
{
    const QByteArray page = "<html><body><p>" + QByteArray(5000, 'x') + "</p></body></html>";
    const ApiError html = ApiError::fromHttp(502, page, ServerHints{});
    QVERIFY(html.bodySnippet.size() <= 300);
    QVERIFY(!html.bodySnippet.contains(u'<'));
    const ApiError text = ApiError::fromHttp(500, QByteArray(5000, 'y'), ServerHints{});
    QVERIFY(text.bodySnippet.size() <= 300);
    QVERIFY(text.bodySnippet.startsWith(u"yyyy"_s));
}

void TstApiError::invalidResponse()
{
    const ApiError error = ApiError::invalidResponse(200, "<!doctype html><title>Login - Wi-Fi</title><p>Sign in</p>");
    QCOMPARE(error.kind, Kind::InvalidResponse);
    QCOMPARE(error.httpStatus, 200);
    QCOMPARE(error.bodySnippet, u"Login - Wi-Fi · Sign in"_s);
    QVERIFY(error.userMessage(ApiOperation::Remix).contains(u"/v1"_s));
}

void TstApiError::failedJob()
{
    const ApiError moderation =
        ApiError::fromFailedJob(u"moderation_blocked"_s, u"Your request was blocked by our moderation system."_s);
    QCOMPARE(moderation.kind, Kind::JobFailed);
    QVERIFY(moderation.isError());
    QVERIFY(!moderation.isTransient());
    QVERIFY(moderation.userMessage(ApiOperation::Poll).contains(u"moderation"_s));
    QVERIFY(moderation.technicalDetail().contains(u"moderation_blocked"_s));

    const ApiError other = ApiError::fromFailedJob(QString(), u"Video generation failed upstream"_s);
    QCOMPARE(other.userMessage(ApiOperation::Poll), u"The service could not make the video: Video generation "
                                                    "failed upstream."_s);
}

void TstApiError::networkErrors_data()
{
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("no error") << QNetworkReply::NoError << false << Kind::None;
    QTest::newRow("refused") << QNetworkReply::ConnectionRefusedError << false << Kind::ConnectionRefused;
    QTest::newRow("remote closed") << QNetworkReply::RemoteHostClosedError << false << Kind::ConnectionClosed;
    QTest::newRow("unknown network") << QNetworkReply::UnknownNetworkError << false << Kind::ConnectionClosed;
    QTest::newRow("session failed") << QNetworkReply::NetworkSessionFailedError << false << Kind::ConnectionClosed;
    QTest::newRow("temporary failure") << QNetworkReply::TemporaryNetworkFailureError << false
                                       << Kind::ConnectionClosed;
    QTest::newRow("host not found") << QNetworkReply::HostNotFoundError << false << Kind::HostNotFound;
    QTest::newRow("tls") << QNetworkReply::SslHandshakeFailedError << false << Kind::Tls;
    QTest::newRow("proxy refused") << QNetworkReply::ProxyConnectionRefusedError << false << Kind::Proxy;
    QTest::newRow("proxy closed") << QNetworkReply::ProxyConnectionClosedError << false << Kind::Proxy;
    QTest::newRow("proxy not found") << QNetworkReply::ProxyNotFoundError << false << Kind::Proxy;
    QTest::newRow("proxy timeout") << QNetworkReply::ProxyTimeoutError << false << Kind::Proxy;
    QTest::newRow("proxy auth") << QNetworkReply::ProxyAuthenticationRequiredError << false << Kind::Proxy;
    QTest::newRow("unknown proxy") << QNetworkReply::UnknownProxyError << false << Kind::Proxy;
    QTest::newRow("cancelled") << QNetworkReply::OperationCanceledError << false << Kind::Cancelled;
    QTest::newRow("cancelled by our timer") << QNetworkReply::OperationCanceledError << true << Kind::Timeout;
    QTest::newRow("timeout") << QNetworkReply::TimeoutError << false << Kind::Timeout;
    QTest::newRow("protocol failure") << QNetworkReply::ProtocolFailure << false << Kind::InvalidResponse;
    QTest::newRow("too many redirects") << QNetworkReply::TooManyRedirectsError << false << Kind::Network;
}

void TstApiError::networkErrors()
{
    QFETCH(QNetworkReply::NetworkError, error);
    QFETCH(bool, timedOut);
    QFETCH(Kind, kind);
    const ApiError apiError = ApiError::fromNetworkError(error, u"Qt says something"_s, timedOut);
    QCOMPARE(apiError.kind, kind);
    QCOMPARE(apiError.httpStatus, 0);
    if (kind != Kind::None) {
        QVERIFY(apiError.technicalDetail().contains(u"Qt says something"_s));
        QVERIFY(!apiError.userMessage(ApiOperation::Poll).isEmpty());
    }
}

void TstApiError::classification_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<bool>("mayHaveReached");

    const auto http = [](int status) {
        return ApiError::fromHttp(status, QByteArray(), ServerHints{});
    };
    const auto net = [](QNetworkReply::NetworkError error, bool timedOut = false) {
        return ApiError::fromNetworkError(error, QString(), timedOut);
    };

    QTest::newRow("400") << http(400) << false << false;
    QTest::newRow("401") << http(401) << false << false;
    QTest::newRow("403") << http(403) << false << false;
    QTest::newRow("404") << http(404) << false << false;
    QTest::newRow("408") << http(408) << true << false;
    QTest::newRow("409") << http(409) << true << false;
    QTest::newRow("422") << http(422) << false << false;
    QTest::newRow("425") << http(425) << true << false;
    QTest::newRow("429") << http(429) << true << false;
    QTest::newRow("500") << http(500) << true << true;
    QTest::newRow("501") << http(501) << true << false;
    QTest::newRow("502") << http(502) << true << true;
    QTest::newRow("503") << http(503) << true << false;
    QTest::newRow("504") << http(504) << true << true;
    QTest::newRow("522 cloudflare") << http(522) << true << false;
    QTest::newRow("524 cloudflare") << http(524) << true << true;
    QTest::newRow("timeout") << net(QNetworkReply::OperationCanceledError, true) << true << true;
    QTest::newRow("connection closed") << net(QNetworkReply::RemoteHostClosedError) << true << true;
    QTest::newRow("connection refused") << net(QNetworkReply::ConnectionRefusedError) << true << false;
    QTest::newRow("host not found") << net(QNetworkReply::HostNotFoundError) << true << false;
    QTest::newRow("tls") << net(QNetworkReply::SslHandshakeFailedError) << false << false;
    QTest::newRow("proxy") << net(QNetworkReply::ProxyConnectionRefusedError) << true << false;
    QTest::newRow("network") << net(QNetworkReply::TooManyRedirectsError) << true << true;
    QTest::newRow("cancelled") << net(QNetworkReply::OperationCanceledError) << false << true;
    QTest::newRow("invalid response") << ApiError::invalidResponse(200, "<html></html>") << true << true;
    QTest::newRow("none") << ApiError() << false << false;
}

void TstApiError::classification()
{
    QFETCH(ApiError, error);
    QFETCH(bool, transient);
    QFETCH(bool, mayHaveReached);
    QCOMPARE(error.isTransient(), transient);
    QCOMPARE(error.mayHaveReachedServer(), mayHaveReached);
}

void TstApiError::englishMessages_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<ApiOperation>("operation");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");

    const auto http = [](int status, const QByteArray &body = QByteArray(), const ServerHints &hints = {}) {
        return ApiError::fromHttp(status, body, hints);
    };
    const auto net = [](QNetworkReply::NetworkError error, bool timedOut = false) {
        return ApiError::fromNetworkError(error, u"socket says no"_s, timedOut);
    };
    ServerHints retry20;
    retry20.retryAfterMs = 20000;
    const QStringList key{u"API key"_s};

    QTest::newRow("401 key") << http(401, R"({"error":{"message":"Incorrect API key","code":"invalid_api_key"}})")
                             << ApiOperation::Remix << QStringList{u"API key"_s, u"Settings"_s} << QStringList{};
    QTest::newRow("403 region") << http(403, R"({"error":"unsupported_country_region_territory"})")
                                << ApiOperation::Remix << QStringList{u"region"_s, u"account"_s} << QStringList{};
    QTest::newRow("404 remix") << http(404) << ApiOperation::Remix
                               << QStringList{u"does not know that video"_s, u"address"_s, u"this account"_s} << key;
    QTest::newRow("404 poll") << http(404) << ApiOperation::Poll
                              << QStringList{u"no longer knows this job"_s, u"Refresh"_s} << key;
    QTest::newRow("400 task_not_exist") << http(400,
                                                R"({"code":"task_not_exist","message":"task_not_exist","data":null})")
                                        << ApiOperation::Remix << QStringList{u"completed video"_s, u"same account"_s}
                                        << key;
    QTest::newRow("400 not completed") << http(
        400, R"({"error":{"message":"Video is not completed yet","type":"invalid_request_error"}})")
                                       << ApiOperation::Remix << QStringList{u"completed video"_s} << key;
    QTest::newRow("400 other, server text")
        << http(400, R"({"error":{"message":"Prompt must not be empty","type":"invalid_request_error"}})")
        << ApiOperation::Remix << QStringList{u"refused the request"_s, u"Prompt must not be empty"_s} << key;
    QTest::newRow("409") << http(409) << ApiOperation::Remix << QStringList{u"conflicting or invalid"_s} << key;
    QTest::newRow("422") << http(422, R"({"detail":"seconds must be 4, 8 or 12"})") << ApiOperation::Remix
                         << QStringList{u"conflicting or invalid"_s, u"seconds must be 4, 8 or 12"_s} << key;
    QTest::newRow("429 with retry-after")
        << http(429, QByteArray(), retry20) << ApiOperation::Remix << QStringList{u"20 seconds"_s, u"balance"_s} << key;
    QTest::newRow("429 Chinese message, English UI")
        << http(429, R"({"code":"get_channel_failed","message":")" + busyZh.toUtf8() + R"(","data":null})")
        << ApiOperation::Poll << QStringList{u"Wait a moment"_s, u"balance"_s} << (key + QStringList{busyZh});
    QTest::newRow("502 poll") << http(502, nginx502) << ApiOperation::Poll
                              << QStringList{u"not caused by your settings"_s, u"Trying again"_s} << key;
    QTest::newRow("504 remix") << http(504) << ApiOperation::Remix
                               << QStringList{u"not caused by your settings"_s, u"may have started"_s} << key;
    QTest::newRow("503 remix") << http(503) << ApiOperation::Remix << QStringList{u"Try again later"_s}
                               << (key + QStringList{u"may have started"_s});
    QTest::newRow("timeout remix") << net(QNetworkReply::OperationCanceledError, true) << ApiOperation::Remix
                                   << QStringList{u"took too long"_s, u"may have started"_s} << key;
    QTest::newRow("timeout poll") << net(QNetworkReply::TimeoutError) << ApiOperation::Poll
                                  << QStringList{u"took too long"_s} << key;
    QTest::newRow("refused") << net(QNetworkReply::ConnectionRefusedError) << ApiOperation::Remix
                             << QStringList{u"Cannot reach"_s, u"address"_s, u"internet"_s} << key;
    QTest::newRow("dns") << net(QNetworkReply::HostNotFoundError) << ApiOperation::ConnectionTest
                         << QStringList{u"Cannot reach"_s} << key;
    QTest::newRow("tls") << net(QNetworkReply::SslHandshakeFailedError) << ApiOperation::Poll
                         << QStringList{u"certificate"_s} << key;
    QTest::newRow("proxy") << net(QNetworkReply::ProxyConnectionRefusedError) << ApiOperation::Poll
                           << QStringList{u"proxy"_s} << key;
    QTest::newRow("closed remix") << net(QNetworkReply::RemoteHostClosedError) << ApiOperation::Remix
                                  << QStringList{u"dropped"_s, u"may have started"_s} << key;
    QTest::newRow("invalid response") << ApiError::invalidResponse(200, "<html><title>Home</title></html>")
                                      << ApiOperation::ConnectionTest << QStringList{u"web page"_s, u"/v1"_s} << key;

    // Moderation codes seen in relay docs: blocked, change the prompt; and not charged where the relay says so.
    const QStringList moderation{u"moderation"_s, u"Change the prompt"_s};
    QTest::newRow("job moderation_blocked")
        << ApiError::fromFailedJob(u"moderation_blocked"_s, u"Generation stopped by the content filter"_s)
        << ApiOperation::Poll << moderation << (key + QStringList{u"not charged"_s, u"content filter"_s});
    QTest::newRow("job sentinel_block") << ApiError::fromFailedJob(u"sentinel_block"_s, u"Prompt refused by sentinel"_s)
                                        << ApiOperation::Poll << (moderation + QStringList{u"not charged"_s})
                                        << (key + QStringList{u"sentinel"_s});
    QTest::newRow("remix 400 sentinel_block")
        << http(400, R"({"error":{"message":"Prompt refused by sentinel","type":"invalid_request_error",)"
                     R"("code":"sentinel_block"}})")
        << ApiOperation::Remix << (moderation + QStringList{u"not charged"_s}) << (key + QStringList{u"sentinel"_s});
    QTest::newRow("remix 400 moderation_blocked flat")
        << http(400, R"({"code":"moderation_blocked","message":"blocked","data":null})") << ApiOperation::Remix
        << moderation << (key + QStringList{u"not charged"_s});
}

void TstApiError::englishMessages()
{
    QFETCH(ApiError, error);
    QFETCH(ApiOperation, operation);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);

    const QString message = error.userMessage(operation);
    QVERIFY(!message.isEmpty());
    for (const QString &part : mustContain)
        QVERIFY2(message.contains(part, Qt::CaseInsensitive), qPrintable(message + u" ∌ "_s + part));
    for (const QString &part : mustNotContain)
        QVERIFY2(!message.contains(part, Qt::CaseInsensitive), qPrintable(message + u" ∋ "_s + part));
}

void TstApiError::chineseUsesMessageZh_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::newRow("seed relay 429") << 429 << QByteArray(R"({"error":{"message":"Rate limit exceeded",
                                        "message_zh":"请求过于频繁，请稍后再试","type":"rate_limit_error"}})")
                                    << u"请求过于频繁，请稍后再试"_s;
    QTest::newRow("seed relay 401") << 401 << QByteArray(R"({"error":{"message":"Invalid token","message_zh":"令牌无效",
                                        "type":"authentication_error"}})")
                                    << u"令牌无效"_s;
    QTest::newRow("new-api Chinese message")
        << 429 << (R"({"code":"get_channel_failed","message":")" + busyZh.toUtf8() + R"(","data":null})") << busyZh;
}

void TstApiError::chineseUsesMessageZh()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const ApiError error = ApiError::fromHttp(status, body, ServerHints{});

    // The service's Chinese words beside the app's own explanation and next step, not instead of it
    // (no translation is loaded here, so the explanation stays in its English source).
    useChinese();
    const QString advice = status == 401 ? u"API key"_s : u"balance"_s;
    for (const ApiOperation operation : {ApiOperation::Remix, ApiOperation::Poll}) {
        const QString message = error.userMessage(operation);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(advice), qPrintable(message));
        QCOMPARE(message.count(expected), 1);
    }

    // Back in English, the English explanation, never the Chinese text.
    useEnglish();
    const QString english = error.userMessage(ApiOperation::Remix);
    QVERIFY(!english.contains(expected));
    QVERIFY(english.contains(status == 401 ? u"API key"_s : u"balance"_s));
}

void TstApiError::chineseWithoutMessageZhIsNotTheServerEnglish()
{
    // No Chinese translation is loaded in this test, so the cause sentence stays in its English source;
    // the point is that the server's English text is not shown as it is in a Chinese UI.
    const ApiError error = ApiError::fromHttp(
        400, R"({"error":{"message":"Prompt must not be empty","type":"invalid_request_error"}})", ServerHints{});
    useChinese();
    const QString message = error.userMessage(ApiOperation::Remix);
    QVERIFY(!message.isEmpty());
    QVERIFY(!message.contains(u"Prompt must not be empty"_s));
    useEnglish();
    QVERIFY(error.userMessage(ApiOperation::Remix).contains(u"Prompt must not be empty"_s));
}

void TstApiError::technicalDetail()
{
    ServerHints hints;
    hints.requestId = u"req_123"_s;
    hints.retryAfterMs = 2000;
    const ApiError error = ApiError::fromHttp(
        429, R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})", hints);
    QCOMPARE(error.requestId, u"req_123"_s);
    QCOMPARE(error.retryAfterMs, 2000);
    QCOMPARE(error.technicalDetail(), u"HTTP 429 · code: rate_limit_exceeded · type: requests · request id: req_123 · "
                                      "retry after: 2000 ms · Rate limit reached"_s);

    const ApiError html = ApiError::fromHttp(502, nginx502, ServerHints{});
    QCOMPARE(html.technicalDetail(), u"HTTP 502 · 502 Bad Gateway nginx"_s);

    // The Chinese message stays in the detail even in English.
    const ApiError zh = ApiError::fromHttp(
        429, R"({"error":{"message":"Busy","message_zh":"繁忙","type":"rate_limit_error"}})", ServerHints{});
    QVERIFY(zh.technicalDetail().contains(u"繁忙"_s));
    QVERIFY(ApiError().technicalDetail().isEmpty());
    QVERIFY(ApiError().userMessage(ApiOperation::Poll).isEmpty());
}

void TstApiError::storedFormRoundTripsEveryField()
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 429;
    error.code = u"rate_limit"_s;
    error.type = u"requests"_s;
    error.param = u"prompt"_s;
    error.message = u"Slow down"_s;
    error.messageZh = u"请求过于频繁"_s;
    error.requestId = u"req_1"_s;
    error.retryAfterMs = 2000;
    error.bodySnippet = u"<html>"_s;
    error.transportDetail = u"detail"_s;
    const QJsonObject stored = error.toStoredJson();
    QCOMPARE(stored.value(u"kind"_s).toString(), u"http"_s); // a word, not the enum's number
    QCOMPARE(ApiError::fromStoredJson(stored), error);
    // Every kind survives, and "no error" stores nothing.
    for (int kind = int(ApiError::Kind::Http); kind <= int(ApiError::Kind::JobFailed); ++kind) {
        ApiError one;
        one.kind = ApiError::Kind(kind);
        QCOMPARE(ApiError::fromStoredJson(one.toStoredJson()).kind, one.kind);
    }
    QVERIFY(ApiError().toStoredJson().isEmpty());
    QCOMPARE(ApiError::fromStoredJson(QJsonObject()), ApiError());
    // A word from a newer version is still an error.
    QCOMPARE(ApiError::fromStoredJson(QJsonObject{{u"kind"_s, u"from_the_future"_s}}).kind, ApiError::Kind::Network);
}

void TstApiError::storedFormReadsOlderNumericKinds()
{
    // Download failures before history schema 4 stored the enum's number.
    QCOMPARE(ApiError::fromStoredJson(QJsonObject{{u"kind"_s, 1}}).kind, ApiError::Kind::Http);
    QCOMPARE(ApiError::fromStoredJson(QJsonObject{{u"kind"_s, 6}}).kind, ApiError::Kind::ConnectionClosed);
    QCOMPARE(ApiError::fromStoredJson(QJsonObject{{u"kind"_s, 99}}).kind, ApiError::Kind::Network);
}

QTEST_GUILESS_MAIN(TstApiError)
#include "tst_apierror.moc"
