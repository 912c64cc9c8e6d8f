#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QHttpServerResponder;

// A real HTTP server on loopback that plays the video API and its relay dialects (QHttpServer 6.4).
// Every request goes through one catch-all handler, so the test sees the raw, still percent-encoded
// path and can script any answer: JSON, HTML, empty bodies, headers, delays, or no answer at all.
//
// Default behaviour, with nothing scripted:
// - POST /v1/videos/{id}/remix creates "video_remix_<n>" (status queued, progress 0,
//   remixed_from_video_id = id, prompt echoed) and answers it with 200; without a prompt it answers
//   400 missing_required_parameter and makes nothing. setRemixDialect() moves remix to
//   POST /v1/videos/remix {"video_id","prompt"} (422 without them), or serves both.
// - GET /v1/videos/{id} for a created video walks the default lifecycle: queued 0 -> in_progress 30
//   -> in_progress 70 -> completed 100, one step per GET, then stays completed.
// - POST /v1/videos (multipart or JSON) creates "video_new_<n>", POST /v1/videos/extensions creates
//   "video_ext_<n>"; both walk the same lifecycle.
// - GET /v1/videos lists every video created so far, newest first, with limit/after paging.
// - Anything else: 404 {"error":{"message":"Invalid URL (...)","type":"invalid_request_error"}}.
class FakeVideoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeVideoServer)

public:
    struct Request
    {
        QByteArray method;  // "GET", "POST", "DELETE"
        QByteArray rawPath; // as sent, percent-encoded ("/v1/videos/abc%2Fdef")
        QString query;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        qint64 receivedAtMs = 0;               // since start()
    };

    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hang = false;  // never answer (the client's timeout must fire)
        int delayMs = 0;    // answer after this long
        bool reset = false; // no answer: the connection is reset (TCP RST) instead

        static Reply json(const QJsonObject &object, int status = 200);
        static Reply video(const QString &id, const QString &status, int progress = -1); // -1: no progress field
    };

    // How the server takes remixes: the API's own POST /videos/{id}/remix {"prompt"}, a relay's
    // POST /videos/remix {"video_id","prompt"} (the other route is then an unknown URL), or both.
    // Either route refuses a body without its fields (400/422 in the API's error shape), as real
    // services do, and makes no video then.
    enum class RemixDialect
    {
        Standard,
        VideoIdInBody,
        Both,
    };

    // Decides the answer to one request; return std::nullopt to fall through to the default behaviour.
    using Handler = std::function<std::optional<Reply>(const Request &)>;

    explicit FakeVideoServer(QObject *parent = nullptr);
    ~FakeVideoServer() override;

    // Listens on 127.0.0.1 (or another loopback address, e.g. 127.0.0.2 to play a second host without
    // relying on name resolution), on a free port. Returns false when it cannot.
    bool start(const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    quint16 port() const { return m_port; }
    // "http://<address>:<port>" (no /v1: tests add the form they want to exercise).
    QUrl rootUrl() const;

    // Scripting. Handlers are asked newest first.
    void addHandler(const Handler &handler);
    // Answers the next POST .../remix with this reply instead of creating a video (once per call).
    void queueRemixReply(const Reply &reply);
    // Successive answers to GET /v1/videos/{id}; the last one repeats.
    void setVideoScript(const QString &videoId, const QList<Reply> &replies);
    void setRemixDialect(RemixDialect dialect) { m_remixDialect = dialect; }
    // Only this key is accepted (401 in the seed relay's shape otherwise); empty = any key.
    void setRequiredKey(const QString &key) { m_requiredKey = key; }

    // Videos made so far (remix, create, extend); scripted replies are not counted.
    int videoCount() const;
    QList<Request> requests() const { return m_requests; }
    int requestCount(const QByteArray &method, const QString &pathContains = QString()) const;
    void clearRequests() { m_requests.clear(); }
    // TCP connections accepted since start() (a client that reuses its connections opens few).
    int connectionCount() const { return m_connections; }

signals:
    void requestReceived(const FakeVideoServer::Request &request);

private:
    std::optional<Reply> defaultReply(const Request &request);
    static void send(QHttpServerResponder &responder, const Reply &reply);

    struct Impl;
    std::unique_ptr<Impl> d;
    QHostAddress m_address;
    quint16 m_port = 0;
    QString m_requiredKey;
    RemixDialect m_remixDialect = RemixDialect::Standard;
    QList<Request> m_requests;
    QElapsedTimer m_clock;
    int m_connections = 0;
};
