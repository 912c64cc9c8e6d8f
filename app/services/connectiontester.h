#pragma once

#include "api/serviceendpoint.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QString>
#include <QTimer>
#include <QUrl>

class ApiClient;
class ApiRequestJob;

// What a connection test found. message() is one translated sentence that says what to do next;
// detail holds the raw facts (status, URL, the server's short text) and never the key.
struct ConnectionTestResult
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ConnectionTestResult)

public:
    enum class Outcome
    {
        Works,          // the video routes answer in the API's own shape and the key was accepted
        KeyRejected,    // 401, or 403 in the API's error shape
        NoVideoApi,     // something answers, but not the video API (HTML, other JSON, "Invalid URL", redirect)
        RateLimited,    // 429: too many requests or out of quota
        ServerError,    // 5xx, or a 403 page from a firewall in front of the service
        CannotConnect,  // refused, reset, closed
        HostNotFound,   // DNS
        TlsProblem,     // certificate or handshake; see tlsIssue
        TimedOut,       // no answer within ApiClient::timeoutMs()
        ProxyProblem,   // the proxy refused, failed, or wants a password (407)
        InvalidAddress, // the text is no http(s) address
    };
    Q_ENUM(Outcome)

    enum class TlsIssue
    {
        None,
        SelfSigned,
        Expired,
        NotYetValid,
        WrongHost,
        UntrustedIssuer,
        Revoked,
        Other,
    };
    Q_ENUM(TlsIssue)

    Outcome outcome = Outcome::InvalidAddress;
    QUrl triedUrl;      // the last URL requested (no user info); empty for InvalidAddress
    int httpStatus = 0; // 0 when no HTTP answer came
    QString detail;     // "HTTP 404 · GET https://… · <server text>"; never the key
    TlsIssue tlsIssue = TlsIssue::None;
    QString redirectTarget;     // where the address redirects to, when a redirect was refused
    bool listConfirmed = false; // GET {base}/videos?limit=1 answered with a video list as well
    // Works because the API answered "no such video" (400/404/422 in its error shape) for the made-up id:
    // the expected answer, which the message says in words.
    bool unknownIdAnswered = false;
    // Where the service takes remixes. Only probed once the test works, and with requests the service must
    // refuse (no prompt, no video id): a test never makes a video. Standard unless the service answered
    // POST {base}/videos/remix as a route of its own and not POST {base}/videos/{id}/remix.
    RemixRoute remixRoute = RemixRoute::Standard;
    bool remixRouteChecked = false; // the probes ran (the test worked)
    bool unencrypted = false;       // plain http to another machine: the key travelled unencrypted
    qint64 elapsedMs = 0;

    bool works() const { return outcome == Outcome::Works; }
    // One sentence in the current UI language: what happened and what to do next.
    QString message() const;
    // A short title for the outcome ("Connected", "Key rejected", ...).
    QString title() const;
};

// The brain of a settings dialog's Test button. It tests what the app will actually do: it asks the
// video routes themselves (GET {base}/videos/<made-up id>), never a model list, and never reports
// "works" for a host that answers with something other than the video API.
//
// start() returns at once; exactly one finished() follows (also for an invalid address), unless
// cancel() is called or the tester is destroyed first. Requests go through the ApiClient's network
// access manager (its proxy, its timeout); the key is only sent to the API's own origin.
class ConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)

public:
    // The id asked for; no service has a video with this id.
    static constexpr const char *ProbeVideoId = "video_connection_test_0000";

    explicit ConnectionTester(ApiClient *client, QObject *parent = nullptr);
    ~ConnectionTester() override;

    // userAddress as typed ("host", "https://host/v1/", ...); apiKey may be empty (some relays).
    void start(const QString &userAddress, const QString &apiKey);
    // Stops a running test; no finished() is emitted.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void finished(const ConnectionTestResult &result);

private:
    enum class Step
    {
        Video, // GET {base}/videos/<ProbeVideoId>
        List,  // GET {base}/videos?limit=1, only to confirm a "works"
        // The remix route, once the test works. Both POSTs carry an empty JSON object: no prompt and
        // no id, which every service must refuse, so no video can come of them.
        RemixByBody,   // POST {base}/videos/remix {}: a 400/422 in the API's shape = the route exists
        RemixStandard, // POST {base}/videos/<ProbeVideoId>/remix {}: asked only when the first exists
    };

    void sendRequest(Step step, const QUrl &url);
    void finishWithRemixRoute(ApiRequestJob *request);
    void onRequestFinished(ApiRequestJob *request);
    void finish(ConnectionTestResult result);
    ConnectionTestResult classify(const ApiRequestJob *request);
    QString scrub(QString text) const;

    ApiClient *m_client;
    QPointer<ApiRequestJob> m_request;
    QElapsedTimer m_elapsed;
    QUrl m_base;
    QString m_apiKey;
    QString m_remixByBodyAnswer; // what POST {base}/videos/remix answered, for the detail line
    Step m_step = Step::Video;
    ConnectionTestResult m_videoResult; // kept while the list and remix-route probes run
    quint64 m_generation = 0;           // a stale queued answer of an earlier start() is dropped
    bool m_running = false;
};
