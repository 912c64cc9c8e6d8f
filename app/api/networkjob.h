#pragma once

#include "api/apierror.h"
#include "api/serviceendpoint.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QUrl>

#include <memory>

class ProxyRoutes;
class QNetworkAccessManager;
class QNetworkReply;

// What every request shares: the one network access manager, the proxy routes of the profiles and
// the inactivity timeout. Owned by ApiClient; jobs keep a copy.
struct NetworkContext
{
    QNetworkAccessManager *network = nullptr;
    std::shared_ptr<ProxyRoutes> proxyRoutes; // null: every host goes through the system's proxy
    int timeoutMs = 30000;                    // inactivity; 0 = none
};

// What a request carries besides its method and URL.
struct NetworkRequestOptions
{
    QByteArray accept = QByteArrayLiteral("application/json");
    QByteArray contentType; // with a body
    QByteArray body;        // POST only; sent once, never re-sent by Qt
    QList<QPair<QByteArray, QByteArray>> headers;
};

// The one place that talks HTTP to a video service (Nextcloud desktop's AbstractNetworkJob is the model).
// A job is one task (a remix POST, a poll, a download with its resumes, a connection probe) that sends
// one or more requests through sendRequest(), which owns, once for every kind of job:
// - the Authorization header, only for the API's own origin (scheme, host and port), never a CDN;
// - User-Agent and Accept; the redirect policy (with the key: same origin only, the job follows
//   other redirects itself without the key; without the key: never from https down to http);
// - the inactivity timeout (reset by every sign of life) and a timedOut() flag that tells it apart
//   from abort();
// - the proxy of the job's own profile, also for a download link on another host or a redirect target;
// - a body that can be sent once only (Qt re-sends a POST after a dropped keep-alive connection);
// - reading an answer into an ApiError and masking the key in everything the job reports or logs.
//
// start() only sends; exactly one finished signal follows (declared by each subclass with its own
// type, emitted through emitFinished()), then the job deletes itself unless setAutoDelete(false).
class NetworkJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NetworkJob)

public:
    enum class Method
    {
        Get,
        Post,
        Delete,
    };

    ~NetworkJob() override;

    void setTimeoutMs(int timeoutMs) { m_context.timeoutMs = timeoutMs; } // before start(); 0 = none
    int timeoutMs() const { return m_context.timeoutMs; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    // Stops the job; the finished signal is still emitted once, with a Cancelled error.
    void abort();

    bool isFinished() const { return m_finished; }
    // The last request ended because our inactivity timer fired.
    bool timedOut() const { return m_timedOut; }
    const ServiceEndpoint &service() const { return m_service; }
    // TLS errors the last request met (for the connection test's words).
    const QList<QSslError> &sslErrors() const { return m_sslErrors; }

    // The text with this job's key (and anything shaped like a key) masked.
    QString masked(const QString &text) const;
    QByteArray masked(const QByteArray &text) const;

    // "VideoRemix/<version> (Qt <version>; <os>)"
    static QByteArray userAgent();
    // Same scheme, host and port (default ports made explicit).
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // A URL fit for a log line: no user info, no query (signed links carry credentials there).
    static QString loggableUrl(const QUrl &url);

protected:
    NetworkJob(const NetworkContext &context, const ServiceEndpoint &service, QObject *parent);

    using RequestOptions = NetworkRequestOptions;

    // Sends the job's first request (or finishes it at once).
    virtual void begin() = 0;
    // The current request ended: an answer, a transport failure, our timeout or abort(). The reply is
    // deleted after this returns; the subclass may send the next request from here.
    virtual void handleReply(QNetworkReply *reply) = 0;
    // Bytes arrived (for jobs that stream the body); the default leaves them in the reply.
    virtual void handleReadyRead(QNetworkReply *reply);
    // abort() found no request to stop (between two requests): record the cancellation.
    virtual void handleAbortWithoutReply() {}
    // Emits the subclass's typed finished signal; called once, by finishJob().
    virtual void emitFinished() = 0;

    QNetworkReply *sendRequest(Method method, const QUrl &url, const RequestOptions &options = RequestOptions());
    // True when a request to url carries the key: it is the API's own origin.
    bool sendsKeyTo(const QUrl &url) const;
    QNetworkReply *currentReply() const { return m_reply; }
    bool wasAborted() const { return m_aborted; }
    // Stops the current transfer; handleReply() runs before this returns.
    void abortCurrentReply();
    // Starts the inactivity timeout of the current request again: called for every sign of life
    // (bytes arriving, and for a download, bytes the disk caught up with while the network waited).
    void restartTimer();
    // Ends the job: emits the finished signal (once) and schedules deletion.
    void finishJob();

    static int httpStatusOf(const QNetworkReply *reply);
    // The outcome of a finished reply as an error value (Kind::None for a complete 2xx answer): our
    // timeout, an abort, a transport failure, or an HTTP refusal read from body (any shape), masked.
    ApiError errorOf(QNetworkReply *reply, const QByteArray &body) const;
    // The server's retry and poll hints, its request id masked.
    ServerHints hintsOf(const QNetworkReply *reply) const;

private:
    void onReplyFinished();
    void onTimeout();
    void pinProxy(const QUrl &url);
    void unpinProxies();

    NetworkContext m_context;
    ServiceEndpoint m_service;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QElapsedTimer m_elapsed;
    QList<QSslError> m_sslErrors;
    QStringList m_pinnedHosts; // proxy routes lent to other hosts for this job's requests
    Method m_method = Method::Get;
    bool m_started = false;
    bool m_finished = false;
    bool m_aborted = false;
    bool m_timedOut = false;
    bool m_autoDelete = true;
};
