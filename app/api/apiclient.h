#pragma once

#include "api/apierror.h"
#include "api/createvideo.h"
#include "api/networkjob.h"
#include "api/serviceendpoint.h"
#include "api/videoinfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>

class ProxyRoutes;
class QNetworkAccessManager;

// One call of the video API that answers JSON: the remix, create and extend POSTs, a status poll, the
// list of videos, a delete, a probe.
// Exactly one finished() signal; then the job deletes itself. The key is masked in everything it
// reports (body, error, hints) before anyone reads it.
class ApiRequestJob : public NetworkJob
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequestJob)

public:
    ~ApiRequestJob() override;

    Method method() const { return m_method; }
    QUrl url() const { return m_url; }

    // Results, valid once finished() was emitted.
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // The body as received, with the key masked (error bodies carry the useful message).
    const QByteArray &body() const { return m_body; }
    const QJsonObject &json() const { return m_json; }
    const ServerHints &hints() const { return m_hints; }
    // Where a redirect to another origin pointed (not followed: the key must not go there).
    const QUrl &redirectTarget() const { return m_redirectTarget; }
    // Any HTTP answer (a 2xx too) read in the error shapes, for showing what came back: status, code,
    // the server's text. error() itself is None for a usable 2xx.
    ApiError answerAsError() const;
    // The body read as a video object (remix and poll answers).
    VideoInfo video() const { return VideoInfo::fromJson(m_json); }

signals:
    void finished(ApiRequestJob *job);

protected:
    ApiRequestJob(const NetworkContext &context,
                  const ServiceEndpoint &service,
                  Method method,
                  const QUrl &url,
                  QObject *parent,
                  const QByteArray &jsonBody = QByteArray());
    // A POST body other than JSON (multipart); before start().
    void setRequestBody(const QByteArray &body, const QByteArray &contentType);

private:
    void begin() override;
    void handleReply(QNetworkReply *reply) override;
    void handleAbortWithoutReply() override;
    void emitFinished() override;

    Method m_method;
    QUrl m_url;
    QByteArray m_requestBody;
    QByteArray m_requestContentType = QByteArrayLiteral("application/json");

    ApiError m_error;
    int m_httpStatus = 0;
    QByteArray m_body;
    QJsonObject m_json;
    ServerHints m_hints;
    QUrl m_redirectTarget;
};

// POST {base}/videos/{id}/remix {"prompt": …}: the paid call. Sent once; never re-sent by Qt or by us.
// On a service whose route is RemixRoute::VideoIdInBody: POST {base}/videos/remix {"prompt", "video_id"}.
class RemixRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    RemixRequest(const NetworkContext &context,
                 const ServiceEndpoint &service,
                 const QString &videoId,
                 const QString &prompt,
                 QObject *parent);
};

// POST {base}/videos: a new video from a prompt (and a reference image), multipart as the official SDK
// sends it, or JSON (the fallback for a service that refuses multipart). Paid: sent once.
class CreateVideoRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    CreateVideoRequest(const NetworkContext &context,
                       const ServiceEndpoint &service,
                       const CreateVideoSpec &spec,
                       CreateVideoSpec::BodyForm form,
                       QObject *parent);
};

// POST {base}/videos/extensions {"prompt", "seconds", "video": {"id"}}: continue a video. Paid: sent once.
class ExtendVideoRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    ExtendVideoRequest(const NetworkContext &context,
                       const ServiceEndpoint &service,
                       const QString &videoId,
                       const QString &prompt,
                       const QString &seconds,
                       QObject *parent);
};

// GET {base}/videos?order=desc&limit=…&after=…: one page of the service's videos, newest first.
class ListVideosRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    ListVideosRequest(const NetworkContext &context,
                      const ServiceEndpoint &service,
                      const QString &afterId,
                      int limit,
                      QObject *parent);
    VideoPage page() const { return VideoPage::fromJson(json()); }
};

// GET {base}/videos/{id}: a status poll.
class FetchVideoRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    FetchVideoRequest(const NetworkContext &context,
                      const ServiceEndpoint &service,
                      const QString &videoId,
                      QObject *parent);
};

// DELETE {base}/videos/{id}; many relays lack the route (404/405).
class DeleteVideoRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    DeleteVideoRequest(const NetworkContext &context,
                       const ServiceEndpoint &service,
                       const QString &videoId,
                       QObject *parent);
};

// GET of any URL of the API with its key, for the connection test's probes; a POST when given a body
// (only bodies the service must refuse: a probe never makes anything).
class ProbeRequest final : public ApiRequestJob
{
    Q_OBJECT
public:
    ProbeRequest(const NetworkContext &context,
                 const ServiceEndpoint &service,
                 const QUrl &url,
                 QObject *parent,
                 const QByteArray &postBody = QByteArray());
};

// Owns the one QNetworkAccessManager (and the proxy routes installed on it) and hands out the jobs of
// the video API. Every request of the app is a NetworkJob made with context().
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr int DefaultTimeoutMs = 30000;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // The first request of any kind (http too) loads the TLS backend and OpenSSL: ~15 ms that the first
    // poll after start-up would hold the GUI thread for. Thread-safe; main() calls it on a pool thread.
    static void initializeTls();

    // Inactivity timeout for every request; tests set a few hundred milliseconds.
    void setTimeoutMs(int timeoutMs) { m_context.timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_context.timeoutMs; }
    // Each profile's proxy, for its address and for the hosts its jobs are sent on to.
    void setProxyRoutes(std::shared_ptr<ProxyRoutes> routes);

    QNetworkAccessManager *networkAccessManager() const { return m_context.network; }
    const NetworkContext &context() const { return m_context; }

    // The jobs are returned unstarted: connect to finished(), then call start().
    ApiRequestJob *createRemix(const ServiceEndpoint &service, const QString &videoId, const QString &prompt);
    ApiRequestJob *createVideo(const ServiceEndpoint &service,
                               const CreateVideoSpec &spec,
                               CreateVideoSpec::BodyForm form = CreateVideoSpec::BodyForm::Multipart);
    ApiRequestJob *
    extendVideo(const ServiceEndpoint &service, const QString &videoId, const QString &prompt, const QString &seconds);
    ListVideosRequest *listVideos(const ServiceEndpoint &service, const QString &afterId, int limit);
    ApiRequestJob *fetchVideo(const ServiceEndpoint &service, const QString &videoId);
    ApiRequestJob *deleteVideo(const ServiceEndpoint &service, const QString &videoId);
    ApiRequestJob *probe(const ServiceEndpoint &service, const QUrl &url);
    // A POST probe with a JSON body that cannot make anything (the connection test's remix-route probes).
    ApiRequestJob *probePost(const ServiceEndpoint &service, const QUrl &url, const QByteArray &jsonBody);

    static QByteArray userAgent() { return NetworkJob::userAgent(); }

private:
    NetworkContext m_context;
};
