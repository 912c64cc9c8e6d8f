#include "apiclient.h"

#include "apiurl.h"
#include "logging.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSysInfo>

#include <cstring>

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

// A request body that can be read once only. QNetworkAccessManager silently sends a request again when
// its connection closes before the answer (it takes that for an idle keep-alive connection the server
// dropped). For a remix POST that could create, and bill, a second job. A body that cannot be rewound
// makes Qt give up with ContentReSendError instead, which onReplyFinished() reports as a closed connection.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, qint64(m_data.size()) - m_position);
        if (count <= 0)
            return m_position >= m_data.size() ? -1 : 0;
        std::memcpy(data, m_data.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

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
    case Method::Post: {
        QNetworkRequest request = m_request;
        // With a known length Qt streams the device instead of buffering it into a rewindable copy.
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_requestBody.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        m_reply = m_network->post(request, new OneShotBody(m_requestBody, this));
        break;
    }
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
    if (reply->isOpen()) // an aborted reply is closed; reading it would only warn
        m_body = reply->readAll();
    // Some relays echo the key in their error text. What they send back is shown, stored in the
    // history and copied by users: the key is masked before anything reads the body.
    const QByteArray authorization = m_request.rawHeader("Authorization");
    if (authorization.startsWith("Bearer ")) {
        const QByteArray key = authorization.mid(7);
        if (key.size() >= 4)
            m_body.replace(key, "***");
    }
    m_hints = ServerHints::fromHeaders(reply->rawHeaderPairs());
    QNetworkReply::NetworkError networkError = reply->error();
    QString errorString = reply->errorString();
    if (networkError == QNetworkReply::ContentReSendError && m_httpStatus == 0) {
        // Qt wanted to send the POST again after the connection dropped (see OneShotBody).
        networkError = QNetworkReply::RemoteHostClosedError;
        errorString = u"Connection closed before the answer; the request was not sent again"_s;
    }

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

    const QString summary =
        u"<- %1 %2 status %3 after %4 ms"_s.arg(QLatin1String(methodName(m_method)), loggableUrl(m_request.url()))
            .arg(m_httpStatus)
            .arg(m_elapsed.elapsed());
    switch (m_error.kind) {
    case ApiError::Kind::None:
        qCDebug(lcApi).noquote() << summary;
        break;
    case ApiError::Kind::Http:
        // A server's refusal is an answer, not a malfunction.
        qCInfo(lcApi).noquote() << summary << "code" << m_error.code << "request id" << m_hints.requestId;
        break;
    case ApiError::Kind::Cancelled:
        qCDebug(lcApi).noquote() << summary << "cancelled";
        break;
    default:
        qCWarning(lcApi).noquote() << summary << "error kind" << int(m_error.kind)
                                   << (networkError != QNetworkReply::NoError ? errorString : m_error.bodySnippet);
        break;
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

ApiRequestJob *ApiClient::deleteVideo(const ServiceEndpoint &service, const QString &videoId)
{
    return new ApiRequestJob(m_network, makeRequest(service, ApiUrl::videoUrl(service.apiBase, videoId)),
                             ApiRequestJob::Method::Delete, QByteArray(), m_timeoutMs, this);
}
