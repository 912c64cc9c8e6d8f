#pragma once

#include "apierror.h"
#include "videoinfo.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// Where requests go and with which key. Captured per job, so a job keeps talking to the service it
// was submitted to even when the settings change.
struct ServiceEndpoint
{
    QUrl apiBase; // normalised, see ApiUrl::normalizeBase()
    QString apiKey;
    // The service profile this endpoint belongs to ("" = none known); stamped on jobs at submission so
    // they keep polling through their own profile. Not sent anywhere.
    QString profileId = {};
    // How often its jobs are polled (the profile's setting); 0 = not named, the poller's default applies.
    int pollIntervalMs = 0;

    bool isValid() const { return apiBase.isValid() && !apiBase.isEmpty(); }
};

// One HTTP call. start() only sends; the answer arrives through exactly one finished() signal, after
// which the job deletes itself. Timeouts are inactivity timeouts (reset on every byte) and are told
// apart from abort(): error().kind is Timeout or Cancelled.
class ApiRequestJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiRequestJob)

public:
    enum class Method
    {
        Get,
        Post,
        Delete,
    };

    ApiRequestJob(QNetworkAccessManager *network,
                  const QNetworkRequest &request,
                  Method method,
                  const QByteArray &body,
                  int timeoutMs,
                  QObject *parent = nullptr);
    ~ApiRequestJob() override;

    void start();
    // Stops the request; finished() is still emitted once, with ApiError::Kind::Cancelled.
    void abort();

    Method method() const { return m_method; }
    QUrl url() const { return m_request.url(); }
    bool isFinished() const { return m_finished; }

    // Results, valid once finished() was emitted.
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    const QJsonObject &json() const { return m_json; }
    const ServerHints &hints() const { return m_hints; }
    // The body read as a video object (remix and poll answers).
    VideoInfo video() const { return VideoInfo::fromJson(m_json); }

signals:
    void finished(ApiRequestJob *job);

private:
    void onReplyFinished();
    void onTimeout();
    void finish();

    QNetworkAccessManager *m_network;
    QNetworkRequest m_request;
    Method m_method;
    QByteArray m_requestBody;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QElapsedTimer m_elapsed; // for the log line
    bool m_timedOut = false;
    bool m_aborted = false;
    bool m_finished = false;

    ApiError m_error;
    int m_httpStatus = 0;
    QByteArray m_body;
    QJsonObject m_json;
    ServerHints m_hints;
};

// Owns the one QNetworkAccessManager and builds the requests of the video API: JSON, Bearer key,
// an honest User-Agent, ids percent-encoded as one path segment. The key is never logged.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    static constexpr int DefaultTimeoutMs = 30000;

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    // Inactivity timeout for every request; tests set a few hundred milliseconds.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }

    QNetworkAccessManager *networkAccessManager() const { return m_network; }

    // The jobs are returned unstarted: connect to finished(), then call start().
    ApiRequestJob *createRemix(const ServiceEndpoint &service, const QString &videoId, const QString &prompt);
    ApiRequestJob *fetchVideo(const ServiceEndpoint &service, const QString &videoId);
    // DELETE {base}/videos/{id}; many relays lack the route (404/405).
    ApiRequestJob *deleteVideo(const ServiceEndpoint &service, const QString &videoId);

    // "VideoRemix/<version> (Qt <version>; <os>)"
    static QByteArray userAgent();

private:
    QNetworkRequest makeRequest(const ServiceEndpoint &service, const QUrl &url) const;

    QNetworkAccessManager *m_network;
    int m_timeoutMs = DefaultTimeoutMs;
};
