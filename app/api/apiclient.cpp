#include "api/apiclient.h"

#include "api/apiurl.h"
#include "services/proxyfactory.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslSocket>
#endif
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

ApiRequestJob::ApiRequestJob(const NetworkContext &context,
                             const ServiceEndpoint &service,
                             Method method,
                             const QUrl &url,
                             QObject *parent,
                             const QByteArray &jsonBody)
    : NetworkJob(context, service, parent)
    , m_method(method)
    , m_url(url)
    , m_requestBody(jsonBody)
{}

ApiRequestJob::~ApiRequestJob() = default;

void ApiRequestJob::setRequestBody(const QByteArray &body, const QByteArray &contentType)
{
    m_requestBody = body;
    m_requestContentType = contentType;
}

void ApiRequestJob::begin()
{
    if (!m_url.isValid() || m_url.isEmpty()) {
        m_error = ApiError::fromNetworkError(QNetworkReply::ProtocolUnknownError, tr("No service address"), false);
        finishJob();
        return;
    }
    RequestOptions options;
    if (m_method == Method::Post) {
        options.contentType = m_requestContentType;
        options.body = m_requestBody;
    }
    sendRequest(m_method, m_url, options);
}

void ApiRequestJob::handleReply(QNetworkReply *reply)
{
    m_httpStatus = httpStatusOf(reply);
    // QNetworkReply keeps the body of 4xx/5xx answers too; error bodies carry the useful message.
    // Some relays echo the key in it: masked before anything reads it.
    if (reply->isOpen()) // an aborted reply is closed; reading it would only warn
        m_body = masked(reply->readAll());
    m_hints = hintsOf(reply);
    m_error = errorOf(reply, m_body);
    if (m_httpStatus >= 300 && m_httpStatus <= 399) {
        QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (target.isEmpty())
            target = QUrl::fromEncoded(reply->rawHeader("Location").trimmed());
        m_redirectTarget = QUrl(masked(reply->url().resolved(target).adjusted(QUrl::RemoveUserInfo).toString()));
    }
    if (m_error.kind == ApiError::Kind::None) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            m_error = ApiError::invalidResponse(m_httpStatus, m_body);
        else
            m_json = document.object();
    }
    finishJob();
}

ApiError ApiRequestJob::answerAsError() const
{
    if (m_error.kind == ApiError::Kind::Http || m_httpStatus == 0)
        return m_error;
    return ApiError::fromHttp(m_httpStatus, m_body, m_hints); // the body is masked already
}

void ApiRequestJob::handleAbortWithoutReply()
{
    m_error = ApiError::fromNetworkError(QNetworkReply::OperationCanceledError, QString(), false);
}

void ApiRequestJob::emitFinished()
{
    emit finished(this);
}

namespace {
// The standard route has the id in the path; a relay's variant has it in the body. An id that cannot be
// one (empty, "..") gives no URL on either route: nothing is sent.
QUrl remixTarget(const ServiceEndpoint &service, const QString &videoId)
{
    const QUrl standard = ApiUrl::remixUrl(service.apiBase, videoId);
    if (service.remixRoute == RemixRoute::VideoIdInBody && standard.isValid())
        return ApiUrl::remixByBodyUrl(service.apiBase);
    return standard;
}

QByteArray remixBody(const ServiceEndpoint &service, const QString &videoId, const QString &prompt)
{
    QJsonObject body{{u"prompt"_s, prompt}};
    if (service.remixRoute == RemixRoute::VideoIdInBody)
        body.insert(u"video_id"_s, videoId);
    // QJsonDocument writes UTF-8, so Chinese prompts go out byte for byte.
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
} // namespace

RemixRequest::RemixRequest(const NetworkContext &context,
                           const ServiceEndpoint &service,
                           const QString &videoId,
                           const QString &prompt,
                           QObject *parent)
    : ApiRequestJob(
        context, service, Method::Post, remixTarget(service, videoId), parent, remixBody(service, videoId, prompt))
{}

CreateVideoRequest::CreateVideoRequest(const NetworkContext &context,
                                       const ServiceEndpoint &service,
                                       const CreateVideoSpec &spec,
                                       CreateVideoSpec::BodyForm form,
                                       QObject *parent)
    : ApiRequestJob(context, service, Method::Post, ApiUrl::endpoint(service.apiBase, {u"videos"_s}), parent)
{
    if (form == CreateVideoSpec::BodyForm::Json) {
        setRequestBody(spec.jsonBody(), QByteArrayLiteral("application/json"));
        return;
    }
    // A boundary that cannot occur in the parts: random, and long.
    const QByteArray boundary = "----VideoRemix" + QUuid::createUuid().toRfc4122().toHex();
    setRequestBody(spec.multipartBody(boundary), CreateVideoSpec::multipartContentType(boundary));
}

ExtendVideoRequest::ExtendVideoRequest(const NetworkContext &context,
                                       const ServiceEndpoint &service,
                                       const QString &videoId,
                                       const QString &prompt,
                                       const QString &seconds,
                                       QObject *parent)
    : ApiRequestJob(context,
                    service,
                    Method::Post,
                    ApiUrl::endpoint(service.apiBase, {u"videos"_s, u"extensions"_s}),
                    parent,
                    QJsonDocument(QJsonObject{{u"prompt"_s, prompt},
                                              {u"seconds"_s, seconds.trimmed()},
                                              {u"video"_s, QJsonObject{{u"id"_s, videoId}}}})
                        .toJson(QJsonDocument::Compact))
{}

namespace {
QUrl listUrl(const QUrl &base, const QString &afterId, int limit)
{
    QUrl url = ApiUrl::endpoint(base, {u"videos"_s});
    if (!url.isValid())
        return url;
    // Written out rather than with QUrlQuery, which leaves '+' as it is: servers read it as a space, and
    // ids can be base64 ("dmlk+ZW8=").
    QString query = u"order=desc&limit="_s + QString::number(qBound(1, limit, 100));
    if (!afterId.isEmpty())
        query += u"&after="_s + QString::fromLatin1(QUrl::toPercentEncoding(afterId));
    url.setQuery(query);
    return url;
}
} // namespace

ListVideosRequest::ListVideosRequest(
    const NetworkContext &context, const ServiceEndpoint &service, const QString &afterId, int limit, QObject *parent)
    : ApiRequestJob(context, service, Method::Get, listUrl(service.apiBase, afterId, limit), parent)
{}

FetchVideoRequest::FetchVideoRequest(const NetworkContext &context,
                                     const ServiceEndpoint &service,
                                     const QString &videoId,
                                     QObject *parent)
    : ApiRequestJob(context, service, Method::Get, ApiUrl::videoUrl(service.apiBase, videoId), parent)
{}

DeleteVideoRequest::DeleteVideoRequest(const NetworkContext &context,
                                       const ServiceEndpoint &service,
                                       const QString &videoId,
                                       QObject *parent)
    : ApiRequestJob(context, service, Method::Delete, ApiUrl::videoUrl(service.apiBase, videoId), parent)
{}

ProbeRequest::ProbeRequest(const NetworkContext &context,
                           const ServiceEndpoint &service,
                           const QUrl &url,
                           QObject *parent,
                           const QByteArray &postBody)
    : ApiRequestJob(context, service, postBody.isNull() ? Method::Get : Method::Post, url, parent, postBody)
{}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_context.network = new QNetworkAccessManager(this);
    m_context.timeoutMs = DefaultTimeoutMs;
    // The key must never follow a redirect to another host (each request sets its own policy too).
    m_context.network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

void ApiClient::initializeTls()
{
#if QT_CONFIG(ssl)
    QSslSocket::supportsSsl();
    QSslConfiguration::defaultConfiguration();
#endif
}

ApiClient::~ApiClient() = default;

void ApiClient::setProxyRoutes(std::shared_ptr<ProxyRoutes> routes)
{
    m_context.network->setProxyFactory(new ProfileProxyFactory(routes));
    m_context.proxyRoutes = std::move(routes);
}

ApiRequestJob *ApiClient::createRemix(const ServiceEndpoint &service, const QString &videoId, const QString &prompt)
{
    return new RemixRequest(m_context, service, videoId, prompt, this);
}

ApiRequestJob *
ApiClient::createVideo(const ServiceEndpoint &service, const CreateVideoSpec &spec, CreateVideoSpec::BodyForm form)
{
    return new CreateVideoRequest(m_context, service, spec, form, this);
}

ApiRequestJob *ApiClient::extendVideo(const ServiceEndpoint &service,
                                      const QString &videoId,
                                      const QString &prompt,
                                      const QString &seconds)
{
    return new ExtendVideoRequest(m_context, service, videoId, prompt, seconds, this);
}

ListVideosRequest *ApiClient::listVideos(const ServiceEndpoint &service, const QString &afterId, int limit)
{
    return new ListVideosRequest(m_context, service, afterId, limit, this);
}

ApiRequestJob *ApiClient::fetchVideo(const ServiceEndpoint &service, const QString &videoId)
{
    return new FetchVideoRequest(m_context, service, videoId, this);
}

ApiRequestJob *ApiClient::deleteVideo(const ServiceEndpoint &service, const QString &videoId)
{
    return new DeleteVideoRequest(m_context, service, videoId, this);
}

ApiRequestJob *ApiClient::probe(const ServiceEndpoint &service, const QUrl &url)
{
    return new ProbeRequest(m_context, service, url, this);
}

ApiRequestJob *ApiClient::probePost(const ServiceEndpoint &service, const QUrl &url, const QByteArray &jsonBody)
{
    return new ProbeRequest(m_context, service, url, this, jsonBody.isNull() ? QByteArray("") : jsonBody);
}
