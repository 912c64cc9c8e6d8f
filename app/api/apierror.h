#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

// What the server told us besides the body: retry and poll hints, and its request id for support.
struct ServerHints
{
    int retryAfterMs = -1; // Retry-After (seconds or HTTP date) or retry-after-ms; -1 when absent
    int pollAfterMs = -1;  // openai-poll-after-ms; -1 when absent
    QString requestId;     // x-request-id / request-id / x-oneapi-request-id

    static ServerHints fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
};

// Which call failed; the advice in the message depends on it (a 404 on remix means something else
// than a 404 while polling).
enum class ApiOperation
{
    Remix,
    Poll,
    Download,
    ConnectionTest,
    Delete, // DELETE /videos/{id}: deleting the result on the service
    Create, // POST /videos: a new video
    Extend, // POST /videos/extensions: continuing a video
    List,   // GET /videos: the service's library
};

// One error value for every shape in the field guide: OpenAI {"error":{message,type,param,code}},
// the seed relay's {"error":{message,message_zh,type}}, new-api's flat {"code","message","data"},
// plain-string errors, HTML pages from proxies, empty bodies, and transport failures.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind
    {
        None,
        Http,              // the server answered with a non-2xx status
        InvalidResponse,   // 2xx, but the body is not the JSON we need (HTML, empty, garbage)
        Timeout,           // our own timer fired: told apart from Cancelled
        Cancelled,         // aborted on purpose (app closing, user)
        ConnectionRefused, // nothing listens there: the request surely did not arrive
        ConnectionClosed,  // reset or closed mid-way: the request may have arrived
        HostNotFound,      // DNS
        Tls,               // certificate or handshake problem
        Proxy,             // the proxy refused, failed or needs authentication
        Network,           // any other transport failure
        JobFailed,         // HTTP 200 with status failed: the job itself failed (moderation, ...); see fromFailedJob
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code;      // error.code or flat "code" ("invalid_api_key", "task_not_exist", ...)
    QString type;      // error.type
    QString param;     // error.param
    QString message;   // the server's own text, as sent
    QString messageZh; // message_zh when the relay sent a ready Chinese message
    QString requestId;
    int retryAfterMs = -1;
    QString bodySnippet;     // the first few hundred characters of a non-JSON body, for the detail
    QString transportDetail; // QNetworkReply::errorString() for transport failures

    bool isError() const { return kind != Kind::None; }
    // Worth retrying on its own for an idempotent request: network, timeout, 408, 409, 429, 5xx.
    bool isTransient() const;
    // For a POST: true when the request may have reached the service although no usable answer came
    // (timeout, reset, 502/504 from a gateway, an unreadable 2xx). Such a POST is never re-sent by itself.
    bool mayHaveReachedServer() const;
    // The service has no such route (404/405 that is not about a video): many relays lack list, delete
    // and extensions. Worth a calm sentence, not an error dialog.
    bool isMissingRoute() const;

    // Refused by the service's content checks (OpenAI's moderation_blocked, relays' sentinel_block,
    // content-policy and safety words): sending the same prompt again is refused again.
    bool isModeration() const;

    // Parses a non-2xx HTTP answer (any body shape).
    static ApiError fromHttp(int httpStatus, const QByteArray &body, const ServerHints &hints);
    // A transport failure; timedOut distinguishes our timeout from a deliberate abort.
    static ApiError fromNetworkError(QNetworkReply::NetworkError error, const QString &errorString, bool timedOut);
    // A 2xx answer whose body we could not use.
    static ApiError invalidResponse(int httpStatus, const QByteArray &body);
    // A failed job (HTTP 200, status failed) reported inside the video object.
    static ApiError fromFailedJob(const QString &code, const QString &message);

    // One sentence in the current UI language saying what happened and what to do next.
    // Both languages get the app's explanation and next step; in Chinese a server-sent message_zh (or a
    // Chinese message) is added beside it, in English the server's English reason where it helps. Never "check your API
    // key" for anything but 401/403.
    QString userMessage(ApiOperation operation) const;
    // Technical detail for the expandable part / tooltip: HTTP status, code, type, request id, server text.
    QString technicalDetail() const;

    bool operator==(const ApiError &other) const;
    bool operator!=(const ApiError &other) const { return !(*this == other); }

    // The one stored form of an error, for the history's rows and for download failures alike: a
    // compact JSON object with the fields that are set and a stable word for the kind ("http",
    // "timeout", ...), so reordering Kind never changes what a stored row means. Empty when there is
    // nothing to keep. fromStoredJson() also reads the older download-failure form (kind as a number).
    QJsonObject toStoredJson() const;
    static ApiError fromStoredJson(const QJsonObject &object);

    // A few words for a list's status column: why it failed ("blocked by moderation", "key rejected").
    QString shortReason(ApiOperation operation) const;

private:
    QString explanation(ApiOperation operation) const;
    QString serviceText() const;
};
