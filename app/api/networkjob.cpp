#include "api/networkjob.h"

#include "api/apiurl.h"
#include "api/secretmask.h"
#include "logging.h"
#include "services/proxyfactory.h"

#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace {

const char *methodName(NetworkJob::Method method)
{
    switch (method) {
    case NetworkJob::Method::Get:
        return "GET";
    case NetworkJob::Method::Post:
        return "POST";
    case NetworkJob::Method::Delete:
        return "DELETE";
    }
    return "?";
}

// A request body that can be read once only. QNetworkAccessManager silently sends a request again when
// its connection closes before the answer (it takes that for an idle keep-alive connection the server
// dropped). For a remix POST that could create, and bill, a second job. A body that cannot be rewound
// makes Qt give up with ContentReSendError instead, which errorOf() reports as a closed connection.
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

} // namespace

NetworkJob::NetworkJob(const NetworkContext &context, const ServiceEndpoint &service, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_service(service)
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &NetworkJob::onTimeout);
}

NetworkJob::~NetworkJob()
{
    if (m_reply) {
        // Destroyed before the answer (the owner went away): drop the connection quietly.
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
    unpinProxies();
}

QByteArray NetworkJob::userAgent()
{
    return u"VideoRemix/%1 (Qt %2; %3)"_s
        .arg(QStringLiteral(VIDEOREMIX_VERSION), QString::fromLatin1(qVersion()), QSysInfo::prettyProductName())
        .toUtf8();
}

bool NetworkJob::sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString origin = ApiUrl::origin(a);
    return !origin.isEmpty() && origin == ApiUrl::origin(b);
}

QString NetworkJob::loggableUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QString NetworkJob::masked(const QString &text) const
{
    return SecretMask::mask(text, m_service.apiKey);
}

QByteArray NetworkJob::masked(const QByteArray &text) const
{
    return SecretMask::mask(text, m_service.apiKey);
}

bool NetworkJob::sendsKeyTo(const QUrl &url) const
{
    return !m_service.apiKey.isEmpty() && sameOrigin(url, m_service.apiBase);
}

void NetworkJob::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_elapsed.start();
    begin();
}

void NetworkJob::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    m_timeoutTimer.stop();
    if (m_reply) {
        // The reply's finished() arrives synchronously; handleReply() sees wasAborted().
        m_reply->abort();
    }
    if (!m_finished) {
        // Not started, between two requests, or the subclass let the aborted reply pass.
        handleAbortWithoutReply();
        finishJob();
    }
}

void NetworkJob::handleReadyRead(QNetworkReply *)
{}

QNetworkReply *NetworkJob::sendRequest(Method method, const QUrl &url, const RequestOptions &options)
{
    Q_ASSERT(!m_reply);
    m_method = method;
    m_timedOut = false;
    m_sslErrors.clear();

    const bool withKey = sendsKeyTo(url);
    QNetworkRequest request(url);
    if (withKey)
        request.setRawHeader("Authorization", "Bearer " + m_service.apiKey.toUtf8());
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", options.accept);
    for (const auto &[name, value] : options.headers)
        request.setRawHeader(name, value);
    // With the key: never follow a redirect to another origin (Qt reports it, and a job that wants the
    // target follows it itself, without the key). Without: follow, but never from https down to http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, withKey ? QNetworkRequest::SameOriginRedirectPolicy
                                                                           : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    // Our own inactivity timer handles timeouts (and tells them apart from aborts).
    request.setTransferTimeout(0);
    pinProxy(url);

    switch (method) {
    case Method::Get:
        m_reply = m_context.network->get(request);
        break;
    case Method::Post:
        if (!options.contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, options.contentType);
        // With a known length Qt streams the device instead of buffering it into a rewindable copy.
        request.setHeader(QNetworkRequest::ContentLengthHeader, options.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        m_reply = m_context.network->post(request, new OneShotBody(options.body, this));
        break;
    case Method::Delete:
        m_reply = m_context.network->deleteResource(request);
        break;
    }
    m_reply->setParent(this);
    qCDebug(lcApi).noquote() << "->" << methodName(method) << masked(loggableUrl(url))
                             << (withKey ? "(with key)" : "(no key)");

    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, &NetworkJob::onReplyFinished);
    // An inactivity timeout: any sign of life from the server restarts it, so a slow but moving
    // transfer is never cut off.
    connect(reply, &QNetworkReply::metaDataChanged, this, &NetworkJob::restartTimer);
    connect(reply, &QNetworkReply::downloadProgress, this, &NetworkJob::restartTimer);
    connect(reply, &QNetworkReply::uploadProgress, this, &NetworkJob::restartTimer);
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        restartTimer();
        if (m_reply == reply)
            handleReadyRead(reply);
    });
    connect(reply, &QNetworkReply::redirected, this, &NetworkJob::pinProxy);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    restartTimer();
    return reply;
}

void NetworkJob::restartTimer()
{
    if (m_context.timeoutMs > 0 && m_reply)
        m_timeoutTimer.start(m_context.timeoutMs);
}

void NetworkJob::onTimeout()
{
    if (m_finished || !m_reply)
        return;
    qCWarning(lcApi).noquote() << "no answer for" << m_context.timeoutMs << "ms:" << methodName(m_method)
                               << masked(loggableUrl(m_reply->url()));
    // Set before abort(): the reply reports OperationCanceledError either way, and only this flag
    // tells our timeout apart from a deliberate cancel.
    m_timedOut = true;
    m_reply->abort();
}

void NetworkJob::abortCurrentReply()
{
    if (m_reply)
        m_reply->abort();
}

void NetworkJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (m_finished || !reply)
        return;
    m_timeoutTimer.stop();
    m_reply = nullptr;
    reply->disconnect(this);
    qCDebug(lcApi).noquote() << "<-" << methodName(m_method) << masked(loggableUrl(reply->url())) << "status"
                             << httpStatusOf(reply) << "after" << m_elapsed.elapsed() << "ms";
    handleReply(reply);
    reply->deleteLater();
    if (!m_reply)
        unpinProxies();
}

void NetworkJob::finishJob()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeoutTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    unpinProxies();
    emitFinished();
    if (m_autoDelete)
        deleteLater();
}

int NetworkJob::httpStatusOf(const QNetworkReply *reply)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    return status.isValid() ? status.toInt() : 0;
}

ServerHints NetworkJob::hintsOf(const QNetworkReply *reply) const
{
    ServerHints hints = ServerHints::fromHeaders(reply->rawHeaderPairs());
    hints.requestId = masked(hints.requestId);
    return hints;
}

ApiError NetworkJob::errorOf(QNetworkReply *reply, const QByteArray &body) const
{
    const int status = httpStatusOf(reply);
    QNetworkReply::NetworkError networkError = reply->error();
    QString errorString = reply->errorString();
    if (networkError == QNetworkReply::ContentReSendError && status == 0) {
        // Qt wanted to send the POST again after the connection dropped (see OneShotBody).
        networkError = QNetworkReply::RemoteHostClosedError;
        errorString = u"Connection closed before the answer; the request was not sent again"_s;
    }

    ApiError error;
    if (m_timedOut || m_aborted || status == 0) {
        // No (complete) HTTP answer: a transport failure, our timeout or a deliberate abort.
        error = ApiError::fromNetworkError(
            m_aborted && !m_timedOut ? QNetworkReply::OperationCanceledError : networkError, errorString, m_timedOut);
        if (error.kind == ApiError::Kind::None) {
            // A reply without status and without error should not happen; never report it as success.
            error = ApiError::fromNetworkError(QNetworkReply::UnknownNetworkError, errorString, false);
        }
    } else if (status < 200 || status > 299) {
        error = ApiError::fromHttp(status, masked(body), hintsOf(reply));
    } else if (networkError != QNetworkReply::NoError) {
        // Headers said 2xx but the transfer broke (e.g. the connection closed mid-body).
        error = ApiError::fromNetworkError(networkError, errorString, false);
    }
    SecretMask::mask(error, m_service.apiKey);

    switch (error.kind) {
    case ApiError::Kind::None:
    case ApiError::Kind::Cancelled:
        break;
    case ApiError::Kind::Http:
        // A server's refusal is an answer, not a malfunction.
        qCInfo(lcApi).noquote() << methodName(m_method) << masked(loggableUrl(reply->url())) << "status" << status
                                << "code" << error.code << "request id" << error.requestId;
        break;
    default:
        qCWarning(lcApi).noquote() << methodName(m_method) << masked(loggableUrl(reply->url())) << "failed: kind"
                                   << int(error.kind) << error.transportDetail;
        break;
    }
    return error;
}

void NetworkJob::pinProxy(const QUrl &url)
{
    if (!m_context.proxyRoutes)
        return;
    const QString key = m_context.proxyRoutes->pin(url, m_service.apiBase);
    if (!key.isEmpty())
        m_pinnedHosts << key;
}

void NetworkJob::unpinProxies()
{
    if (!m_context.proxyRoutes)
        return;
    for (const QString &key : std::as_const(m_pinnedHosts))
        m_context.proxyRoutes->unpin(key);
    m_pinnedHosts.clear();
}
