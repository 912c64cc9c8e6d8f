#include "services/connectiontester.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/apiurl.h"
#include "api/secretmask.h"
#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxBodyBytes = 64 * 1024;

QJsonObject jsonObjectOf(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && document.isObject() ? document.object() : QJsonObject();
}

bool isText(const QJsonValue &value)
{
    return value.isString() && !value.toString().trimmed().isEmpty();
}

// The error shapes of the video API (field guide): {"error":{"message",...}} (OpenAI, the seed relay)
// and new-api's flat {"code","message","data"}. A web framework's JSON 404 ({"detail":"Not Found"},
// Spring's {"status":404,"error":"Not Found","path":...}) is not one of them.
bool isApiErrorShape(const QJsonObject &object)
{
    const QJsonValue error = object.value("error"_L1);
    if (error.isObject()) {
        const QJsonObject inner = error.toObject();
        return isText(inner.value("message"_L1)) || isText(inner.value("code"_L1));
    }
    return object.contains("code"_L1) && isText(object.value("message"_L1));
}

QString apiErrorMessage(const QJsonObject &object)
{
    const QJsonValue error = object.value("error"_L1);
    if (error.isObject())
        return error.toObject().value("message"_L1).toString();
    return object.value("message"_L1).toString();
}

// An error in the API's shape that says the route itself is unknown: new-api and OpenAI answer
// 404 "Invalid URL (GET /v1/videos/...)" on a host without the video routes.
bool saysRouteIsMissing(const QString &message)
{
    static const QRegularExpression routeMissing(
        u"invalid url|unknown url|no route|route not found|unknown (path|endpoint|route)|cannot (get|post)\\b"
        "|path not found|page not found|unsupported (path|route|endpoint)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QString simplified = message.simplified().toLower();
    return routeMissing.match(message).hasMatch() || simplified == "not found"_L1 || simplified == "404 not found"_L1;
}

// A 2xx body for the made-up id that is still the video API: a video object.
bool looksLikeVideoObject(const QJsonObject &object)
{
    if (object.value("object"_L1).toString().startsWith("video"_L1))
        return true;
    return isText(object.value("id"_L1)) && isText(object.value("status"_L1));
}

bool looksLikeVideoList(const QJsonObject &object)
{
    return object.value("object"_L1).toString() == "list"_L1 && object.value("data"_L1).isArray();
}

ConnectionTestResult::TlsIssue tlsIssueOf(const QList<QSslError> &errors)
{
    using Issue = ConnectionTestResult::TlsIssue;
    // The most telling problem first: a wrong host or an expired certificate explain more than
    // "untrusted", which often comes along with them.
    static const QList<QPair<QSslError::SslError, Issue>> order = {
        {QSslError::HostNameMismatch, Issue::WrongHost},
        {QSslError::CertificateExpired, Issue::Expired},
        {QSslError::CertificateNotYetValid, Issue::NotYetValid},
        {QSslError::SelfSignedCertificate, Issue::SelfSigned},
        {QSslError::SelfSignedCertificateInChain, Issue::SelfSigned},
        {QSslError::CertificateRevoked, Issue::Revoked},
        {QSslError::UnableToGetLocalIssuerCertificate, Issue::UntrustedIssuer},
        {QSslError::UnableToGetIssuerCertificate, Issue::UntrustedIssuer},
        {QSslError::UnableToVerifyFirstCertificate, Issue::UntrustedIssuer},
        {QSslError::CertificateUntrusted, Issue::UntrustedIssuer},
    };
    for (const auto &[error, issue] : order) {
        for (const QSslError &sslError : errors) {
            if (sslError.error() == error)
                return issue;
        }
    }
    return Issue::Other;
}

// The proxy a request to url goes through, as QNetworkAccessManager picks it; NoProxy when direct.
QNetworkProxy proxyFor(QNetworkAccessManager *network, const QUrl &url)
{
    QNetworkProxy proxy = network->proxy();
    if (proxy.type() == QNetworkProxy::DefaultProxy) {
        const QNetworkProxyQuery query(url);
        const QList<QNetworkProxy> proxies = network->proxyFactory() ? network->proxyFactory()->queryProxy(query)
                                                                     : QNetworkProxyFactory::proxyForQuery(query);
        proxy = proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.first();
    }
    if (proxy.type() == QNetworkProxy::DefaultProxy)
        proxy = QNetworkProxy::applicationProxy();
    return proxy.type() == QNetworkProxy::DefaultProxy ? QNetworkProxy(QNetworkProxy::NoProxy) : proxy;
}

} // namespace

// ConnectionTestResult -----------------------------------------------------------------------------

QString ConnectionTestResult::title() const
{
    switch (outcome) {
    case Outcome::Works:
        return tr("Connected", "connection test outcome");
    case Outcome::KeyRejected:
        return tr("API key rejected", "connection test outcome");
    case Outcome::NoVideoApi:
        return tr("No video API at this address", "connection test outcome");
    case Outcome::RateLimited:
        return tr("Rate limited", "connection test outcome: HTTP 429");
    case Outcome::ServerError:
        return tr("Server error", "connection test outcome");
    case Outcome::CannotConnect:
        return tr("Cannot connect", "connection test outcome");
    case Outcome::HostNotFound:
        return tr("Server not found", "connection test outcome: DNS failure");
    case Outcome::TlsProblem:
        return tr("Secure connection failed", "connection test outcome: TLS/certificate problem");
    case Outcome::TimedOut:
        return tr("No answer", "connection test outcome: timed out");
    case Outcome::ProxyProblem:
        return tr("Proxy problem", "connection test outcome");
    case Outcome::InvalidAddress:
        return tr("Invalid address", "connection test outcome");
    }
    return QString();
}

QString ConnectionTestResult::message() const
{
    switch (outcome) {
    case Outcome::Works: {
        QString text =
            unknownIdAnswered
                ? tr("The video API answered as expected: asked for a made-up test video, it said there is "
                     "no such video. You can start remixing.",
                     "connection test result: the service answered 'not found' for the test's made-up "
                     "video id, which is the right answer")
                : tr("The video API answers at this address. You can start remixing.", "connection test result");
        if (remixRoute == RemixRoute::VideoIdInBody) {
            // Sentences join with a space, but not after a CJK full stop.
            text += (text.endsWith(u'。') ? QString() : u" "_s)
                    + tr("This service takes remixes at /videos/remix with the video ID in the request; this "
                         "profile will send them that way once you save it.",
                         "connection test result, second sentence; keep '/videos/remix' as it is");
        }
        return text;
    }
    case Outcome::KeyRejected:
        return tr("The service refused the API key (HTTP %1). Check that the key is complete and belongs to this "
                  "service, and that it may use the video API.",
                  "connection test result; %1 is 401 or 403")
            .arg(httpStatus);
    case Outcome::NoVideoApi:
        if (!redirectTarget.isEmpty()) {
            return tr("This address redirects to %1. Enter that address instead.",
                      "connection test result; %1 is a URL")
                .arg(redirectTarget);
        }
        return tr("This address answers, but not with the video API. Check the address, especially the /v1 part "
                  "at its end, and that this service offers the video API.",
                  "connection test result; keep '/v1' as it is");
    case Outcome::RateLimited:
        return tr("The service is busy or your quota is used up (HTTP 429). Wait a little and try again, or check "
                  "your balance with the provider.",
                  "connection test result");
    case Outcome::ServerError:
        if (httpStatus == 403) {
            return tr("Something in front of the service refused the request (HTTP 403), for example a firewall or "
                      "a region block. Try another network or proxy, or ask your provider.",
                      "connection test result: a 403 page that is not from the API");
        }
        return tr("The service has a problem right now (HTTP %1). Try again later; if it persists, ask your "
                  "provider.",
                  "connection test result; %1 is a 5xx status")
            .arg(httpStatus);
    case Outcome::CannotConnect:
        return tr("Could not connect to the server. Check the address and port, and your internet connection.",
                  "connection test result");
    case Outcome::HostNotFound:
        return tr("The server name could not be found. Check the spelling of the address and your internet "
                  "connection.",
                  "connection test result: DNS failure");
    case Outcome::TlsProblem:
        switch (tlsIssue) {
        case TlsIssue::SelfSigned:
            return tr("The secure connection failed: the server's certificate is self-signed, so its identity "
                      "cannot be verified. Check the address, or ask your provider for a valid certificate.",
                      "connection test result");
        case TlsIssue::Expired:
            return tr("The secure connection failed: the server's certificate has expired. Check your computer's "
                      "date and time, or ask your provider to renew the certificate.",
                      "connection test result");
        case TlsIssue::NotYetValid:
            return tr("The secure connection failed: the server's certificate is not valid yet. Check your "
                      "computer's date and time.",
                      "connection test result");
        case TlsIssue::WrongHost:
            return tr("The secure connection failed: the server's certificate is for a different host name. "
                      "Check the address.",
                      "connection test result");
        case TlsIssue::UntrustedIssuer:
            return tr("The secure connection failed: the server's certificate is not issued by a trusted "
                      "authority. Check the address, or whether a proxy or security program intercepts "
                      "connections.",
                      "connection test result");
        case TlsIssue::Revoked:
            return tr("The secure connection failed: the server's certificate has been revoked. Ask your "
                      "provider.",
                      "connection test result");
        case TlsIssue::None:
        case TlsIssue::Other:
            break;
        }
        return tr("The secure connection (TLS) to the server failed. Check the address; if you use a proxy or "
                  "security program, check that it does not intercept connections.",
                  "connection test result");
    case Outcome::TimedOut:
        return tr("The server did not answer in time. Check the address and your connection or proxy, then try "
                  "again.",
                  "connection test result");
    case Outcome::ProxyProblem:
        if (httpStatus == 407) {
            return tr("The proxy asks for a user name and password (HTTP 407). Check the proxy settings.",
                      "connection test result");
        }
        return tr("The proxy could not be used. Check the proxy settings, or whether the proxy program is "
                  "running.",
                  "connection test result");
    case Outcome::InvalidAddress:
        return tr("This is not a web address the app can use. Enter the service address, for example "
                  "https://api.example.com/v1.",
                  "connection test result; keep the example URL");
    }
    return QString();
}

// ConnectionTester ---------------------------------------------------------------------------------

ConnectionTester::ConnectionTester(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

ConnectionTester::~ConnectionTester()
{
    cancel();
}

void ConnectionTester::start(const QString &userAddress, const QString &apiKey)
{
    cancel();
    ++m_generation;
    m_running = true;
    m_elapsed.start();
    m_apiKey = apiKey.trimmed();
    m_base = ApiUrl::normalizeBase(userAddress);
    m_videoResult = ConnectionTestResult();

    if (!m_base.isValid() || m_base.isEmpty()) {
        ConnectionTestResult result;
        result.outcome = ConnectionTestResult::Outcome::InvalidAddress;
        result.detail = tr("not an http(s) address: %1", "connection test detail").arg(scrub(userAddress.trimmed()));
        // Never inside start(): callers connect after or before, the answer always comes later.
        QMetaObject::invokeMethod(
            this,
            [this, result, generation = m_generation] {
                if (generation == m_generation)
                    finish(result);
            },
            Qt::QueuedConnection);
        return;
    }
    sendRequest(Step::Video, ApiUrl::videoUrl(m_base, QString::fromLatin1(ProbeVideoId)));
}

void ConnectionTester::cancel()
{
    if (m_request) {
        ApiRequestJob *request = m_request;
        m_request = nullptr;
        request->disconnect(this);
        request->abort();
    }
    m_running = false;
}

void ConnectionTester::sendRequest(Step step, const QUrl &url)
{
    m_step = step;
    // The request layer's rules, as for every request of the app: Bearer key only to the API's own
    // origin, our User-Agent, redirects only within the origin, the profile's proxy, the timeout.
    const bool post = step == Step::RemixByBody || step == Step::RemixStandard;
    ApiRequestJob *request = post ? m_client->probePost(ServiceEndpoint{m_base, m_apiKey}, url, "{}")
                                  : m_client->probe(ServiceEndpoint{m_base, m_apiKey}, url);
    m_request = request;
    connect(request, &ApiRequestJob::finished, this, &ConnectionTester::onRequestFinished);
    request->start();
}

void ConnectionTester::onRequestFinished(ApiRequestJob *request)
{
    if (request != m_request)
        return;
    m_request = nullptr;

    ConnectionTestResult result = classify(request);
    if (m_step == Step::Video) {
        if (result.works()) {
            // Confirm with the list route: some relays look a task up before they check the key, and a
            // 200 list proves the key. Many relays lack the route; that changes nothing.
            m_videoResult = result;
            QUrl listUrl = ApiUrl::endpoint(m_base, {u"videos"_s});
            listUrl.setQuery(u"limit=1"_s);
            sendRequest(Step::List, listUrl);
            return;
        }
        finish(result);
        return;
    }

    if (m_step == Step::RemixByBody || m_step == Step::RemixStandard) {
        finishWithRemixRoute(request);
        return;
    }

    // Step::List
    ConnectionTestResult confirmed = m_videoResult;
    if (result.httpStatus == 401) {
        confirmed = result; // the key was never checked by the first answer
    } else if (result.httpStatus == 200 && result.works()) {
        confirmed.listConfirmed = true;
        confirmed.detail += " | "_L1 + result.detail;
    }
    if (!confirmed.works()) {
        finish(confirmed);
        return;
    }
    // Which remix route the service knows: asked with bodies it must refuse (see Step).
    m_videoResult = confirmed;
    m_videoResult.remixRouteChecked = true;
    sendRequest(Step::RemixByBody, ApiUrl::remixByBodyUrl(m_base));
}

void ConnectionTester::finishWithRemixRoute(ApiRequestJob *request)
{
    const int status = request->httpStatus();
    const QJsonObject json = jsonObjectOf(request->body().left(MaxBodyBytes));
    const QString answer =
        u"POST %1 · HTTP %2"_s.arg(request->url().adjusted(QUrl::RemoveUserInfo).toDisplayString()).arg(status);
    if (m_step == Step::RemixByBody) {
        // The route exists when the service refused our empty body as a request of its own: a 400 or 422
        // in the API's error shape. 404 and 405 (no such route), a 2xx or anything else prove nothing.
        const bool routeAnswered =
            (status == 400 || status == 422) && isApiErrorShape(json) && !saysRouteIsMissing(apiErrorMessage(json));
        if (!routeAnswered) {
            finish(m_videoResult);
            return;
        }
        m_remixByBodyAnswer = answer;
        sendRequest(Step::RemixStandard, ApiUrl::remixUrl(m_base, QString::fromLatin1(ProbeVideoId)));
        return;
    }

    // Step::RemixStandard. Missing only when the service says so: a 404/405 that is no API error about
    // our made-up video ("Invalid URL", an HTML or framework page). Anything else keeps the standard route.
    const bool apiAnswer = isApiErrorShape(json) && !saysRouteIsMissing(apiErrorMessage(json));
    const bool standardMissing = (status == 404 || status == 405) && !apiAnswer;
    ConnectionTestResult result = m_videoResult;
    if (standardMissing) {
        result.remixRoute = RemixRoute::VideoIdInBody;
        result.detail += " | "_L1 + m_remixByBodyAnswer + " | "_L1 + answer;
    }
    finish(result);
}

ConnectionTestResult ConnectionTester::classify(const ApiRequestJob *request)
{
    using Outcome = ConnectionTestResult::Outcome;
    ConnectionTestResult result;
    result.triedUrl = request->url().adjusted(QUrl::RemoveUserInfo);
    result.unencrypted = ApiUrl::isInsecureRemote(result.triedUrl);
    result.httpStatus = request->httpStatus();
    const QByteArray body = request->body().left(MaxBodyBytes);
    const ApiError &error = request->error();
    const QString where = "GET "_L1 + result.triedUrl.toDisplayString();

    if (request->timedOut()) {
        result.outcome = Outcome::TimedOut;
        result.detail = where + u" · no answer within %1 ms"_s.arg(m_client->timeoutMs());
        return result;
    }

    if (result.httpStatus == 0) {
        // The same reading of transport failures as every other request (ApiError), told in the
        // test's own words.
        switch (error.kind) {
        case ApiError::Kind::HostNotFound:
            result.outcome = Outcome::HostNotFound;
            break;
        case ApiError::Kind::Timeout:
            result.outcome = Outcome::TimedOut;
            break;
        case ApiError::Kind::Tls:
            result.outcome = Outcome::TlsProblem;
            result.tlsIssue = tlsIssueOf(request->sslErrors());
            break;
        case ApiError::Kind::Proxy:
            result.outcome = Outcome::ProxyProblem;
            break;
        case ApiError::Kind::InvalidResponse:
            // Something answered, but not in HTTP (e.g. http:// to a port that speaks TLS or another protocol).
            result.outcome = Outcome::NoVideoApi;
            break;
        default:
            result.outcome = Outcome::CannotConnect;
            break;
        }
        QStringList parts{where, error.transportDetail};
        const QNetworkProxy proxy = proxyFor(m_client->networkAccessManager(), result.triedUrl);
        if (proxy.type() != QNetworkProxy::NoProxy) {
            // Through an HTTP proxy Qt reports a refused or unknown *proxy* as a plain "connection
            // refused" / "host not found": the proxy is what we could not reach.
            if (result.outcome == Outcome::CannotConnect || result.outcome == Outcome::HostNotFound)
                result.outcome = Outcome::ProxyProblem;
            parts << u"proxy %1:%2"_s.arg(proxy.hostName()).arg(proxy.port());
        }
        for (const QSslError &sslError : request->sslErrors())
            parts << sslError.errorString();
        result.detail = parts.join(u" · "_s);
        return result;
    }

    // An HTTP answer.
    // A 2xx that is no JSON object is an InvalidResponse for the job, but an answer for the test.
    result.detail = where + u" · "_s + request->answerAsError().technicalDetail();
    const QJsonObject json = jsonObjectOf(body);
    const int status = result.httpStatus;

    if (status >= 300 && status <= 399) {
        // A redirect to another origin, which the key must not follow (often http -> https).
        result.outcome = Outcome::NoVideoApi;
        result.redirectTarget = request->redirectTarget().toDisplayString();
        result.detail += u" · Location: "_s + result.redirectTarget;
    } else if (status == 407) {
        result.outcome = Outcome::ProxyProblem;
    } else if (status == 401) {
        result.outcome = Outcome::KeyRejected;
    } else if (status == 403) {
        result.outcome = isApiErrorShape(json) ? Outcome::KeyRejected : Outcome::ServerError;
    } else if (status == 429) {
        result.outcome = Outcome::RateLimited;
    } else if (status >= 500) {
        result.outcome = Outcome::ServerError;
    } else if (status >= 200 && status <= 299) {
        const bool api = m_step == Step::Video ? looksLikeVideoObject(json) : looksLikeVideoList(json);
        result.outcome = api ? Outcome::Works : Outcome::NoVideoApi;
    } else if (status == 405) {
        result.outcome = Outcome::NoVideoApi;
    } else {
        // 400 task_not_exist, 404 "video not found", 422 ...: the API itself answered about our made-up id.
        result.outcome =
            isApiErrorShape(json) && !saysRouteIsMissing(apiErrorMessage(json)) ? Outcome::Works : Outcome::NoVideoApi;
        result.unknownIdAnswered = result.works();
    }
    return result;
}

QString ConnectionTester::scrub(QString text) const
{
    // A relay may echo the key in its error text; it must not reach the UI or a bug report.
    return SecretMask::mask(text, m_apiKey);
}

void ConnectionTester::finish(ConnectionTestResult result)
{
    if (!m_running)
        return;
    m_running = false;
    result.detail = scrub(result.detail);
    result.redirectTarget = scrub(result.redirectTarget);
    result.elapsedMs = m_elapsed.elapsed();
    qCDebug(lcApi) << "connection test:" << result.outcome << result.detail;
    emit finished(result);
}
