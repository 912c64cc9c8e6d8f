#include "apiclient.h"

#include "apiurl.h"
#include "logging.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

const char *methodName(ApiRequestJob::Method method)
{
    switch (method) {
    case ApiRequestJob::Method::Get:
        return "GET";
    case ApiRequestJob::Method::Post:
        return "POST";
    case ApiRequestJob::Method::Delete:
        return "DELETE";
    }
    return "?";
}

// The URL for logs: never with user info (a key pasted as https://key@host would otherwise leak).
QString loggableUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace

ApiRequestJob::ApiRequestJob(QNetworkAccessManager *network,
                             const QNetworkRequest &request,
                             Method method,
                             const QByteArray &body,
                             int timeoutMs,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(request)
    , m_method(method)
    , m_requestBody(body)
{
    m_timeoutTimer.setSingleShot(true);
    m_timeoutTimer.setInterval(timeoutMs);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ApiRequestJob::onTimeout);
}

ApiRequestJob::~ApiRequestJob()
{
    if (m_reply) {
        // Destroyed before the answer (e.g. the owner went away): drop the connection quietly.
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void ApiRequestJob::start()
{
    if (m_reply || m_finished)
        return;
    m_elapsed.start();

    switch (m_method) {
    case Method::Get:
        m_reply = m_network->get(m_request);
        break;
    case Method::Post:
        m_reply = m_network->post(m_request, m_requestBody);
        break;
    case Method::Delete:
        m_reply = m_network->deleteResource(m_request);
        break;
    }
    m_reply->setParent(this);
    qCDebug(lcApi) << "->" << methodName(m_method) << loggableUrl(m_request.url());

    connect(m_reply, &QNetworkReply::finished, this, &ApiRequestJob::onReplyFinished);
    // An inactivity timeout: any sign of life from the server restarts it, so a slow but moving
    // transfer is never cut off.
    const auto keepAlive = [this] {
        if (m_timeoutTimer.interval() > 0)
            m_timeoutTimer.start();
    };
    connect(m_reply, &QNetworkReply::downloadProgress, this, keepAlive);
    connect(m_reply, &QNetworkReply::uploadProgress, this, keepAlive);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, keepAlive);
    keepAlive();
}

void ApiRequestJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_timeoutTimer.stop();
    if (m_reply) {
        // finished() of the reply arrives synchronously and ends the job as Cancelled.
        m_reply->abort();
    }
    if (!m_finished) {
        // Not started yet (or the reply had nothing left to abort): end it here, still exactly once.
        m_error = ApiError::fromNetworkError(QNetworkReply::OperationCanceledError, QString(), false);
        finish();
    }
}

void ApiRequestJob::onTimeout()
{
    if (m_finished || !m_reply)
        return;
    qCWarning(lcApi) << "timeout after" << m_timeoutTimer.interval() << "ms of silence:" << methodName(m_method)
                     << loggableUrl(m_request.url());
    // Set before abort(): the reply reports OperationCanceledError either way, and only this flag
    // tells our timeout apart from a deliberate cancel.
    m_timedOut = true;
    m_reply->abort();
}

void ApiRequestJob::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_timeoutTimer.stop();

    QNetworkReply *reply = m_reply;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    m_httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    // QNetworkReply keeps the body of 4xx/5xx answers too; error bodies carry the useful message.
    m_body = reply->readAll();
    m_hints = ServerHints::fromHeaders(reply->rawHeaderPairs());
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorString = reply->errorString();

    if (m_timedOut || m_aborted || m_httpStatus == 0) {
        // No (complete) HTTP answer: a transport failure, our timeout or a deliberate abort.
        m_error = ApiError::fromNetworkError(
            m_aborted && !m_timedOut ? QNetworkReply::OperationCanceledError : networkError, errorString, m_timedOut);
        if (m_error.kind == ApiError::Kind::None) {
            // A reply without status and without error should not happen; never report it as success.
            m_error = ApiError::fromNetworkError(QNetworkReply::UnknownNetworkError, errorString, false);
        }
    } else if (m_httpStatus < 200 || m_httpStatus > 299) {
        m_error = ApiError::fromHttp(m_httpStatus, m_body, m_hints);
    } else if (networkError != QNetworkReply::NoError) {
        // Headers said 2xx but the transfer broke (e.g. the connection closed mid-body).
        m_error = ApiError::fromNetworkError(networkError, errorString, false);
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            m_error = ApiError::invalidResponse(m_httpStatus, m_body);
        else
            m_json = document.object();
    }

    if (m_error.isError()) {
        qCWarning(lcApi).nospace() << "<- " << methodName(m_method) << ' ' << loggableUrl(m_request.url()) << " status "
                                   << m_httpStatus << " after " << m_elapsed.elapsed() << " ms: error kind "
                                   << int(m_error.kind) << ' ' << m_error.code << ' '
                                   << (m_httpStatus == 0 ? errorString : QString());
    } else {
        qCDebug(lcApi).nospace() << "<- " << methodName(m_method) << ' ' << loggableUrl(m_request.url()) << " status "
                                 << m_httpStatus << " after " << m_elapsed.elapsed() << " ms";
    }
    finish();
}

void ApiRequestJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeoutTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    emit finished(this);
    deleteLater();
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // The key must never follow a redirect to another host.
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

ApiClient::~ApiClient() = default;

QByteArray ApiClient::userAgent()
{
    return u"VideoRemix/%1 (Qt %2; %3)"_s
        .arg(QStringLiteral(VIDEOREMIX_VERSION), QString::fromLatin1(qVersion()), QSysInfo::prettyProductName())
        .toUtf8();
}

QNetworkRequest ApiClient::makeRequest(const ServiceEndpoint &service, const QUrl &url) const
{
    QNetworkRequest request(url);
    if (!service.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + service.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Our own inactivity timer handles timeouts (and tells them apart from aborts).
    request.setTransferTimeout(0);
    return request;
}

ApiRequestJob *ApiClient::createRemix(const ServiceEndpoint &service, const QString &videoId, const QString &prompt)
{
    QNetworkRequest request = makeRequest(service, ApiUrl::remixUrl(service.apiBase, videoId));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // QJsonDocument writes UTF-8, so Chinese prompts go out byte for byte.
    const QByteArray body = QJsonDocument(QJsonObject{{u"prompt"_s, prompt}}).toJson(QJsonDocument::Compact);
    return new ApiRequestJob(m_network, request, ApiRequestJob::Method::Post, body, m_timeoutMs, this);
}

ApiRequestJob *ApiClient::fetchVideo(const ServiceEndpoint &service, const QString &videoId)
{
    return new ApiRequestJob(m_network, makeRequest(service, ApiUrl::videoUrl(service.apiBase, videoId)),
                             ApiRequestJob::Method::Get, QByteArray(), m_timeoutMs, this);
}
