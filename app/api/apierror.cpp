#include "api/apierror.h"

#include "api/jsonfields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype SnippetLength = 300;
constexpr qsizetype SummaryMessageLength = 160;

int clampToInt(double value)
{
    if (!std::isfinite(value) || value < 0)
        return 0;
    return value >= std::numeric_limits<int>::max() ? std::numeric_limits<int>::max() : static_cast<int>(value);
}

// An HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); Qt's RFC 2822 parser does not take "GMT".
QDateTime parseHttpDate(const QString &text)
{
    QString value = text.trimmed();
    if (value.endsWith(" GMT"_L1) || value.endsWith(" UTC"_L1))
        value.chop(4);
    for (const QLatin1StringView format : {"ddd, dd MMM yyyy HH:mm:ss"_L1, "dd MMM yyyy HH:mm:ss"_L1}) {
        QDateTime date = QLocale::c().toDateTime(value, format);
        if (date.isValid()) {
            date.setTimeSpec(Qt::UTC);
            return date;
        }
    }
    return QDateTime::fromString(text.trimmed(), Qt::RFC2822Date);
}

QString simplifiedSnippet(const QString &text)
{
    QString snippet = text.simplified();
    if (snippet.size() > SnippetLength) {
        snippet.truncate(SnippetLength - 1);
        snippet += u'…';
    }
    return snippet;
}

bool looksLikeHtml(const QString &text)
{
    static const QRegularExpression html(u"^\\s*<(!doctype|html|head|body|title|center|h1|div|p)\\b"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    return html.match(text).hasMatch();
}

// The readable text of a proxy's error page: its title, then the body text without tags.
QString htmlText(const QString &html)
{
    static const QRegularExpression title(u"<title[^>]*>(.*?)</title>"_s,
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression head(u"<head[^>]*>.*?</head>"_s,
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression hidden(u"<(script|style)[^>]*>.*?</\\1>"_s,
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression comment(u"<!--.*?-->"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(u"<[^>]*>"_s);

    const QString titleText = title.match(html).captured(1).simplified();
    QString body = html;
    body.remove(comment);
    body.remove(head);
    body.remove(title);
    body.remove(hidden);
    body.replace(tag, u" "_s);
    body.replace("&nbsp;"_L1, " "_L1);
    body.replace("&lt;"_L1, "<"_L1);
    body.replace("&gt;"_L1, ">"_L1);
    body.replace("&quot;"_L1, "\""_L1);
    body.replace("&#39;"_L1, "'"_L1);
    body.replace("&amp;"_L1, "&"_L1);
    body = body.simplified();
    if (!titleText.isEmpty() && !body.contains(titleText))
        body = body.isEmpty() ? titleText : titleText + u" · "_s + body;
    return body;
}

QString bodySnippetOf(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (text.trimmed().isEmpty())
        return QString();
    return simplifiedSnippet(looksLikeHtml(text) ? htmlText(text) : text);
}

bool containsChinese(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF))
            return true;
    }
    return false;
}

bool isChineseUi()
{
    // LanguageManager calls QLocale::setDefault() on every switch.
    return QLocale().language() == QLocale::Chinese;
}

// A 400 that says the source video is unusable: new-api's task_not_exist, "not completed", ...
bool isUnusableSource(const ApiError &error)
{
    const QString text = (error.code + u' ' + error.message).toLower();
    static const QStringList markers = {
        u"task_not_exist"_s, u"not_exist"_s,     u"not exist"_s,     u"not found"_s,
        u"not_found"_s,      u"not completed"_s, u"not_completed"_s, u"not complete"_s,
    };
    return std::any_of(markers.cbegin(), markers.cend(), [&text](const QString &m) { return text.contains(m); });
}

// Refused by the service's content checks: OpenAI's moderation_blocked, relays' sentinel_block, policy words.
bool isModerationError(const ApiError &error)
{
    const QString text = (error.code + u' ' + error.message).toLower();
    return text.contains("moderation"_L1) || text.contains("sentinel_block"_L1) || text.contains("content_policy"_L1)
           || text.contains("safety"_L1);
}

// The service says the refusal cost nothing: sentinel_block is refused before generation, and the relays that
// send it say it is not charged; some say so in words.
bool saysNotCharged(const ApiError &error)
{
    if (error.code.compare("sentinel_block"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QString text = (error.message + u' ' + error.messageZh).toLower();
    static const QStringList markers = {
        u"not charged"_s, u"not be charged"_s, u"no charge"_s, u"not billed"_s,
        u"未扣费"_s,      u"不扣费"_s,         u"未计费"_s,    u"不计费"_s,
    };
    return std::any_of(markers.cbegin(), markers.cend(), [&text](const QString &m) { return text.contains(m); });
}

QString moderationMessage(const ApiError &error)
{
    if (saysNotCharged(error))
        return ApiError::tr("The service blocked this request (content moderation) before making the video; it "
                            "says you were not charged. Change the prompt and try again.",
                            "a video job was refused by moderation before generation");
    return ApiError::tr("The service blocked this request (content moderation). Change the prompt and try again.",
                        "a video job failed");
}

} // namespace

ServerHints ServerHints::fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    ServerHints hints;
    int retryAfterMsHeader = -1;
    int retryAfterHeader = -1;
    QString requestIds[3];
    for (const auto &[rawName, rawValue] : headers) {
        const QByteArray name = rawName.trimmed().toLower();
        const QString value = QString::fromLatin1(rawValue).trimmed();
        bool ok = false;
        if (name == "retry-after-ms") {
            const double ms = value.toDouble(&ok);
            if (ok)
                retryAfterMsHeader = clampToInt(ms);
        } else if (name == "retry-after") {
            const double seconds = value.toDouble(&ok);
            if (ok) {
                retryAfterHeader = clampToInt(seconds * 1000.0);
            } else if (const QDateTime date = parseHttpDate(value); date.isValid()) {
                retryAfterHeader = clampToInt(double(QDateTime::currentDateTimeUtc().msecsTo(date)));
            }
        } else if (name == "openai-poll-after-ms") {
            const double ms = value.toDouble(&ok);
            if (ok)
                hints.pollAfterMs = clampToInt(ms);
        } else if (name == "x-request-id") {
            requestIds[0] = value;
        } else if (name == "request-id") {
            requestIds[1] = value;
        } else if (name == "x-oneapi-request-id") {
            requestIds[2] = value;
        }
    }
    // The millisecond header is the more precise one when a server sends both (as OpenAI's SDK reads it).
    hints.retryAfterMs = retryAfterMsHeader >= 0 ? retryAfterMsHeader : retryAfterHeader;
    for (const QString &id : requestIds) {
        if (!id.isEmpty()) {
            hints.requestId = id;
            break;
        }
    }
    return hints;
}

ApiError ApiError::fromHttp(int httpStatus, const QByteArray &body, const ServerHints &hints)
{
    ApiError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    error.requestId = hints.requestId;
    error.retryAfterMs = hints.retryAfterMs;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        error.bodySnippet = bodySnippetOf(body);
        return error;
    }

    const QJsonObject object = document.object();
    const QJsonValue errorValue = object.value("error"_L1);
    if (errorValue.isObject()) {
        // OpenAI {"error":{message,type,param,code}} and the seed relay's {"error":{message,message_zh,type}}
        const QJsonObject inner = errorValue.toObject();
        error.message = JsonFields::text(inner.value("message"_L1));
        error.messageZh = JsonFields::text(inner.value("message_zh"_L1));
        error.type = JsonFields::text(inner.value("type"_L1));
        error.param = JsonFields::text(inner.value("param"_L1));
        error.code = JsonFields::text(inner.value("code"_L1));
    } else if (errorValue.isString()) {
        error.message = errorValue.toString();
    }
    // new-api's flat {"code","message","data"}, plain {"message"}, FastAPI's {"detail"}.
    if (error.code.isEmpty())
        error.code = JsonFields::text(object.value("code"_L1));
    if (error.messageZh.isEmpty())
        error.messageZh = JsonFields::text(object.value("message_zh"_L1));
    if (error.message.isEmpty())
        error.message = JsonFields::text(object.value("message"_L1));
    if (error.message.isEmpty())
        error.message = JsonFields::text(object.value("msg"_L1));
    if (error.message.isEmpty()) {
        const QJsonValue detail = object.value("detail"_L1);
        if (detail.isString()) {
            error.message = detail.toString();
        } else if (detail.isArray()) {
            // FastAPI: [{"loc": [...], "msg": "...", "type": "..."}, ...], possibly empty; the first readable entry.
            const QJsonArray entries = detail.toArray();
            for (const QJsonValue &entry : entries) {
                error.message =
                    entry.isObject() ? JsonFields::text(entry.toObject().value("msg"_L1)) : entry.toString();
                if (!error.message.isEmpty())
                    break;
            }
        }
    }
    if (error.message.isEmpty() && error.messageZh.isEmpty())
        error.bodySnippet = simplifiedSnippet(QString::fromUtf8(document.toJson(QJsonDocument::Compact)));
    return error;
}

ApiError ApiError::fromNetworkError(QNetworkReply::NetworkError networkError, const QString &errorString, bool timedOut)
{
    ApiError error;
    error.transportDetail = errorString;
    switch (networkError) {
    case QNetworkReply::NoError:
        error.kind = Kind::None;
        break;
    case QNetworkReply::ConnectionRefusedError:
        error.kind = Kind::ConnectionRefused;
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
        // Reset or dropped after connecting: the request may already be at the service.
        error.kind = Kind::ConnectionClosed;
        break;
    case QNetworkReply::HostNotFoundError:
        error.kind = Kind::HostNotFound;
        break;
    case QNetworkReply::TimeoutError:
        error.kind = Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        // setTransferTimeout() and our own timer both end in an abort: only the caller knows which.
        error.kind = timedOut ? Kind::Timeout : Kind::Cancelled;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = Kind::Tls;
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        error.kind = Kind::Proxy;
        break;
    case QNetworkReply::ProtocolFailure:
        // The server answered with something that is not HTTP as Qt understands it.
        error.kind = Kind::InvalidResponse;
        break;
    default:
        // Content and protocol errors come with an HTTP status and are read by fromHttp(); what is
        // left here (redirect loops, background restrictions, ...) is a plain network failure.
        error.kind = Kind::Network;
        break;
    }
    if (timedOut && error.kind != Kind::None)
        error.kind = Kind::Timeout;
    return error;
}

ApiError ApiError::invalidResponse(int httpStatus, const QByteArray &body)
{
    ApiError error;
    error.kind = Kind::InvalidResponse;
    error.httpStatus = httpStatus;
    error.bodySnippet = bodySnippetOf(body);
    return error;
}

ApiError ApiError::fromFailedJob(const QString &code, const QString &message)
{
    ApiError error;
    error.kind = Kind::JobFailed;
    error.code = code;
    error.message = message;
    return error;
}

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Http:
        return httpStatus == 408 || httpStatus == 409 || httpStatus == 425 || httpStatus == 429
               || (httpStatus >= 500 && httpStatus <= 599);
    case Kind::Timeout:
    case Kind::ConnectionClosed:
    case Kind::ConnectionRefused:
    case Kind::Network:
    // DNS and proxies flap (Wi-Fi changes, a local proxy tool restarting): worth another poll.
    case Kind::HostNotFound:
    case Kind::Proxy:
    // A 2xx that is not the API is often a captive portal or a gateway page that goes away.
    case Kind::InvalidResponse:
        return true;
    case Kind::None:
    case Kind::Cancelled:
    case Kind::Tls: // a certificate does not fix itself between two polls
    case Kind::JobFailed:
        return false;
    }
    return false;
}

bool ApiError::isMissingRoute() const
{
    if (kind != Kind::Http)
        return false;
    if (httpStatus == 405 || httpStatus == 501)
        return true;
    if (httpStatus != 404)
        return false;
    // A 404 about a video names the video ("task_not_exist", "video not found"); a missing route is
    // new-api's "Invalid URL (POST /v1/videos/extensions)", a framework's "Not Found", or nothing at all.
    const QString text = QString(code + u' ' + message).toLower();
    const bool aboutAVideo = text.contains("not_exist"_L1) || text.contains("not exist"_L1) || text.contains("video"_L1)
                             || text.contains("task"_L1);
    return !aboutAVideo || text.contains("invalid url"_L1);
}

bool ApiError::mayHaveReachedServer() const
{
    // Money decides: a POST that may have created a job is never re-sent by itself, so every doubt
    // counts as "may have arrived".
    switch (kind) {
    case Kind::Http:
        if (httpStatus < 500)
            return false; // 4xx incl. 408 and 429: the service answered that it did not take the request
        switch (httpStatus) {
        case 501: // not implemented
        case 503: // unavailable: refused before the work started
        case 505: // HTTP version
        case 521: // Cloudflare: origin down
        case 522: // Cloudflare: could not connect to the origin
        case 523: // Cloudflare: origin unreachable
        case 525: // Cloudflare: TLS handshake with the origin failed
        case 526: // Cloudflare: invalid origin certificate
            return false;
        default:
            // 500 may or may not have created the job; 502/504 (and Cloudflare's 520/524) come from a
            // gateway whose upstream may be working on it.
            return true;
        }
    case Kind::Timeout:
    case Kind::ConnectionClosed:
    case Kind::Network:
    case Kind::InvalidResponse:
    // An abort on purpose (app closing) can happen after the request went out.
    case Kind::Cancelled:
    // The service answered 200 with a job, even though that job failed.
    case Kind::JobFailed:
        return true;
    case Kind::None:
    case Kind::ConnectionRefused:
    case Kind::HostNotFound:
    case Kind::Tls:
    case Kind::Proxy:
        return false;
    }
    return true;
}

// The service's own words in the UI's language, if it sent any: message_zh (or a Chinese message) in a
// Chinese UI, an English message in an English one. Shortened; the whole text is in technicalDetail().
QString ApiError::serviceText() const
{
    QString serverText;
    if (isChineseUi())
        serverText = !messageZh.isEmpty() ? messageZh : containsChinese(message) ? message : QString();
    else if (!message.isEmpty() && !containsChinese(message))
        serverText = message;
    serverText = serverText.simplified();
    if (serverText.size() > SummaryMessageLength) {
        serverText.truncate(SummaryMessageLength - 1);
        serverText += u'…';
    }
    return serverText;
}

bool ApiError::isModeration() const
{
    return isError() && isModerationError(*this);
}

QString ApiError::userMessage(ApiOperation operation) const
{
    if (kind == Kind::None)
        return QString();
    const QString own = explanation(operation);
    // Chinese users get the app's own explanation and next step too, with the service's Chinese words
    // beside it rather than instead of it (they rarely say what to do next).
    const QString service = serviceText();
    QString quoted = service;
    if (quoted.endsWith(u'.') || quoted.endsWith(u'。'))
        quoted.chop(1);
    if (isChineseUi() && !service.isEmpty() && !own.contains(quoted))
        return tr("%1 (The service says: %2)", "an error message, then the service's own words in Chinese")
            .arg(own, service);
    return own;
}

QString ApiError::shortReason(ApiOperation operation) const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::JobFailed:
        if (isModerationError(*this))
            return tr("blocked by moderation", "short reason in the job list: the content checks refused it");
        return tr("the service could not make it", "short reason in the job list: the video job failed");
    case Kind::InvalidResponse:
        return tr("not the video API", "short reason in the job list: the address answered with a web page or junk");
    case Kind::Timeout:
        return tr("no answer in time", "short reason in the job list");
    case Kind::Cancelled:
        return tr("cancelled", "short reason in the job list");
    case Kind::ConnectionRefused:
    case Kind::HostNotFound:
        return tr("service not reachable", "short reason in the job list");
    case Kind::ConnectionClosed:
        return tr("connection dropped", "short reason in the job list");
    case Kind::Tls:
        return tr("secure connection failed", "short reason in the job list: certificate problem");
    case Kind::Proxy:
        return tr("proxy problem", "short reason in the job list");
    case Kind::Network:
        return tr("network problem", "short reason in the job list");
    case Kind::Http:
        break;
    }
    const int status = httpStatus;
    if (status >= 400 && status < 500 && status != 401 && status != 429 && isModerationError(*this))
        return tr("blocked by moderation", "short reason in the job list: the content checks refused it");
    if (status == 401)
        return tr("API key rejected", "short reason in the job list: HTTP 401");
    if (status == 403)
        return tr("access refused", "short reason in the job list: HTTP 403");
    if (status == 404)
        return operation == ApiOperation::Remix
                   ? tr("video not found", "short reason in the job list: HTTP 404 on remix")
                   : tr("no longer on the service", "short reason in the job list: HTTP 404 while polling");
    if (status == 429)
        return tr("busy or out of quota", "short reason in the job list: HTTP 429");
    if (status >= 500 && status <= 599)
        return tr("service error", "short reason in the job list: HTTP 5xx");
    return tr("request refused", "short reason in the job list: any other HTTP error");
}

QString ApiError::explanation(ApiOperation operation) const
{
    if (kind == Kind::None)
        return QString();

    // The service's own words, briefly, in the UI's language; always in technicalDetail().
    QString serverText = serviceText();
    if (serverText.endsWith(u'.') || serverText.endsWith(u'。'))
        serverText.chop(1);
    const auto withServerText = [&serverText](const QString &withText, const QString &withoutText) {
        return serverText.isEmpty() ? withoutText : withText.arg(serverText);
    };
    // A paid POST that may have arrived can have started a job (and cost money).
    const bool remixMayHaveStarted = operation == ApiOperation::Remix && mayHaveReachedServer();
    const bool newVideoMayHaveStarted =
        (operation == ApiOperation::Create || operation == ApiOperation::Extend) && mayHaveReachedServer();
    const QString mayHaveStartedNote =
        tr("The new video may have been started anyway: check the job list before sending it again.",
           "added to an error message after creating or extending a video failed without a clear answer");

    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Http:
        break;
    case Kind::JobFailed:
        if (isModerationError(*this))
            return moderationMessage(*this);
        return withServerText(
            tr("The service could not make the video: %1.", "a video job failed; %1 is the "
                                                            "service's own reason"),
            tr("The service could not make the video. Try again, or change the prompt.", "a video job failed"));
    case Kind::InvalidResponse:
        return tr("The address answered with something that is not the video API (a web page?). "
                  "Check the service address, including the /v1 part.",
                  "error message");
    case Kind::Timeout:
        if (remixMayHaveStarted)
            return tr("The service took too long to answer. The remix may have started anyway: "
                      "check the job list before sending it again.",
                      "error message");
        if (operation == ApiOperation::Poll)
            return tr("The service took too long to answer. Trying again shortly.", "error message while polling");
        if (newVideoMayHaveStarted)
            return QString(tr("The service took too long to answer.", "error message") + u' ' + mayHaveStartedNote);
        return tr("The service took too long to answer. Try again later.", "error message");
    case Kind::Cancelled:
        return tr("The request was cancelled.", "error message");
    case Kind::ConnectionRefused:
    case Kind::HostNotFound:
        return tr("Cannot reach the service. Check the service address and your internet connection.", "error message");
    case Kind::ConnectionClosed:
        if (remixMayHaveStarted)
            return tr("The connection to the service dropped. The remix may have started anyway: "
                      "check the job list before sending it again.",
                      "error message");
        if (newVideoMayHaveStarted)
            return QString(tr("The connection to the service dropped.", "error message") + u' ' + mayHaveStartedNote);
        return tr("The connection to the service dropped. Check your internet connection and try again.",
                  "error message");
    case Kind::Tls:
        return tr("A secure connection to the service failed (certificate problem). "
                  "Check the service address, your computer's date and time, and any proxy.",
                  "error message");
    case Kind::Proxy:
        return tr("The proxy refused or failed the connection. Check your proxy settings.", "error message");
    case Kind::Network:
        return tr("A network error occurred. Check your internet connection and try again.", "error message");
    }

    // HTTP statuses.
    const int status = httpStatus;
    // A request refused by the content checks (a 4xx carrying a moderation code) says so, whatever the
    // status: the prompt is what to change.
    if (status >= 400 && status < 500 && status != 401 && status != 429 && isModerationError(*this))
        return moderationMessage(*this);
    if (status == 401)
        return tr("The service rejected the API key. Check the API key in Settings.", "error message, HTTP 401");
    if (status == 403)
        return tr("The service refused access (region or permission). "
                  "Check your account and plan with the service provider.",
                  "error message, HTTP 403");
    if (isMissingRoute()) {
        switch (operation) {
        case ApiOperation::Create:
            return tr("This service cannot make new videos at this address (it has no such function). Check the "
                      "service address, including the /v1 part.",
                      "error message, HTTP 404/405 on creating a video");
        case ApiOperation::Extend:
            return tr("This service cannot extend videos. You can remix the video instead.",
                      "message, HTTP 404/405 on extending a video: the service has no such function");
        case ApiOperation::List:
            return tr("This service does not list its videos. Your own jobs are in the job list.",
                      "message, HTTP 404/405 on listing videos: the service has no such function");
        default:
            break;
        }
    }
    if (status == 404) {
        switch (operation) {
        case ApiOperation::Create:
        case ApiOperation::Extend:
        case ApiOperation::List:
            return tr("This service does not know that video.", "error message, HTTP 404");
        case ApiOperation::Remix:
            return tr("This service does not know that video, or has no remix function at this address. "
                      "Check the service address and that the video was made through this account.",
                      "error message, HTTP 404 on remix");
        case ApiOperation::Poll:
            return tr("The service no longer knows this job: it may have been deleted there, or it expired. "
                      "Use Refresh to ask again.",
                      "error message, HTTP 404 while polling a job this app created");
        case ApiOperation::Download:
            return tr("The video file is no longer available on the service (download links expire).",
                      "error message, HTTP 404 on download");
        case ApiOperation::ConnectionTest:
            return tr("The address answered, but the video API is not there. "
                      "Check the service address, including the /v1 part.",
                      "error message, HTTP 404 on connection test");
        case ApiOperation::Delete:
            return tr("The service no longer has this video: it was already deleted there, or it expired. You can "
                      "remove it from your list.",
                      "error message, HTTP 404 on deleting a video");
        }
    }
    if (status == 400) {
        if (operation == ApiOperation::Remix && isUnusableSource(*this))
            return tr("The service cannot remix this video: the source must be a completed video "
                      "made through this same account and service.",
                      "error message, HTTP 400 on remix");
        return withServerText(tr("The service refused the request: %1.", "error message, HTTP 400; %1 is the "
                                                                         "service's own reason"),
                              tr("The service refused the request.", "error message, HTTP 400"));
    }
    if (status == 409 || status == 422)
        return withServerText(
            tr("The service rejected the request as conflicting or invalid: %1.",
               "error message, HTTP 409/422; %1 is the service's own reason"),
            tr("The service rejected the request as conflicting or invalid.", "error message, HTTP 409/422"));
    if (status == 408)
        return tr("The service took too long to receive the request. Try again.", "error message, HTTP 408");
    if (status == 429) {
        // Only when the wait is worth a number; "a moment" otherwise (and no plural forms to translate).
        if (retryAfterMs > 1500) {
            const int seconds = int(std::ceil(retryAfterMs / 1000.0));
            return tr("The service is busy or your quota is used up. Wait %1 seconds, and check your balance "
                      "with the service provider.",
                      "error message, HTTP 429; %1 is a number of seconds (2 or more)")
                .arg(seconds);
        }
        return tr("The service is busy or your quota is used up. Wait a moment, and check your balance "
                  "with the service provider.",
                  "error message, HTTP 429");
    }
    if (status >= 500 && status <= 599) {
        if (remixMayHaveStarted)
            return tr("The service (or its gateway) had a problem; this is not caused by your settings. "
                      "The remix may have started anyway: check the job list before sending it again.",
                      "error message, HTTP 5xx on remix");
        if (newVideoMayHaveStarted)
            return QString(tr("The service (or its gateway) had a problem; this is not caused by your settings.",
                              "error message, HTTP 5xx")
                           + u' ' + mayHaveStartedNote);
        if (operation == ApiOperation::Poll)
            return tr("The service (or its gateway) had a problem; this is not caused by your settings. "
                      "Trying again shortly.",
                      "error message, HTTP 5xx while polling");
        return tr("The service (or its gateway) had a problem; this is not caused by your settings. "
                  "Try again later.",
                  "error message, HTTP 5xx");
    }
    return withServerText(
        tr("The service refused the request (HTTP %1): %2.", "error message; %1 is the HTTP "
                                                             "status, %2 the service's reason")
            .arg(status),
        tr("The service refused the request (HTTP %1).", "error message; %1 is the HTTP status").arg(status));
}

QString ApiError::technicalDetail() const
{
    QStringList parts;
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Http:
    case Kind::InvalidResponse:
        if (httpStatus > 0)
            parts << u"HTTP %1"_s.arg(httpStatus);
        if (kind == Kind::InvalidResponse)
            parts << tr("unexpected answer", "technical detail: the body is not the expected JSON");
        break;
    case Kind::JobFailed:
        parts << tr("job failed", "technical detail");
        break;
    case Kind::Timeout:
        parts << tr("timed out", "technical detail");
        break;
    case Kind::Cancelled:
    case Kind::ConnectionRefused:
    case Kind::ConnectionClosed:
    case Kind::HostNotFound:
    case Kind::Tls:
    case Kind::Proxy:
    case Kind::Network:
        break;
    }
    if (!code.isEmpty())
        parts << tr("code: %1", "technical detail").arg(code);
    if (!type.isEmpty())
        parts << tr("type: %1", "technical detail").arg(type);
    if (!param.isEmpty())
        parts << tr("param: %1", "technical detail").arg(param);
    if (!requestId.isEmpty())
        parts << tr("request id: %1", "technical detail").arg(requestId);
    if (retryAfterMs >= 0)
        parts << tr("retry after: %1 ms", "technical detail").arg(retryAfterMs);
    if (!message.isEmpty())
        parts << message;
    if (!messageZh.isEmpty() && messageZh != message)
        parts << messageZh;
    if (!bodySnippet.isEmpty())
        parts << bodySnippet;
    if (!transportDetail.isEmpty())
        parts << transportDetail;
    return parts.join(u" · "_s);
}

bool ApiError::operator==(const ApiError &other) const
{
    return kind == other.kind && httpStatus == other.httpStatus && code == other.code && type == other.type
           && param == other.param && message == other.message && messageZh == other.messageZh
           && requestId == other.requestId && retryAfterMs == other.retryAfterMs && bodySnippet == other.bodySnippet
           && transportDetail == other.transportDetail;
}

namespace {
struct KindWord
{
    ApiError::Kind kind;
    QLatin1StringView word;
};

// Stable words for ApiError::Kind in stored rows: never change one, only add.
constexpr KindWord kindWords[] = {
    {ApiError::Kind::None, "none"_L1},
    {ApiError::Kind::Http, "http"_L1},
    {ApiError::Kind::InvalidResponse, "invalid_response"_L1},
    {ApiError::Kind::Timeout, "timeout"_L1},
    {ApiError::Kind::Cancelled, "cancelled"_L1},
    {ApiError::Kind::ConnectionRefused, "connection_refused"_L1},
    {ApiError::Kind::ConnectionClosed, "connection_closed"_L1},
    {ApiError::Kind::HostNotFound, "host_not_found"_L1},
    {ApiError::Kind::Tls, "tls"_L1},
    {ApiError::Kind::Proxy, "proxy"_L1},
    {ApiError::Kind::Network, "network"_L1},
    {ApiError::Kind::JobFailed, "job_failed"_L1},
};

QString wordOf(ApiError::Kind kind)
{
    for (const KindWord &entry : kindWords) {
        if (entry.kind == kind)
            return QString(entry.word);
    }
    return u"network"_s;
}

ApiError::Kind kindOf(const QJsonValue &stored)
{
    // Older download failures stored the enum's number; its order then was the order above.
    if (stored.isDouble()) {
        const int number = stored.toInt(-1);
        for (const KindWord &entry : kindWords) {
            if (int(entry.kind) == number)
                return entry.kind;
        }
        return ApiError::Kind::Network;
    }
    const QString word = stored.toString();
    for (const KindWord &entry : kindWords) {
        if (word == entry.word)
            return entry.kind;
    }
    return ApiError::Kind::Network; // written by a newer version: still an error
}
} // namespace

QJsonObject ApiError::toStoredJson() const
{
    const ApiError empty;
    if (!isError() && code.isEmpty() && message.isEmpty() && messageZh.isEmpty() && httpStatus == 0)
        return QJsonObject();
    QJsonObject object;
    object.insert("kind"_L1, wordOf(kind));
    if (httpStatus != empty.httpStatus)
        object.insert("httpStatus"_L1, httpStatus);
    const auto putString = [&object](QLatin1StringView key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    putString("code"_L1, code);
    putString("type"_L1, type);
    putString("param"_L1, param);
    putString("message"_L1, message);
    putString("messageZh"_L1, messageZh);
    putString("requestId"_L1, requestId);
    putString("bodySnippet"_L1, bodySnippet);
    putString("transportDetail"_L1, transportDetail);
    if (retryAfterMs != empty.retryAfterMs)
        object.insert("retryAfterMs"_L1, retryAfterMs);
    return object;
}

ApiError ApiError::fromStoredJson(const QJsonObject &object)
{
    ApiError error;
    if (object.isEmpty())
        return error;
    error.kind = kindOf(object.value("kind"_L1));
    error.httpStatus = object.value("httpStatus"_L1).toInt(error.httpStatus);
    error.code = object.value("code"_L1).toString();
    error.type = object.value("type"_L1).toString();
    error.param = object.value("param"_L1).toString();
    error.message = object.value("message"_L1).toString();
    error.messageZh = object.value("messageZh"_L1).toString();
    error.requestId = object.value("requestId"_L1).toString();
    error.bodySnippet = object.value("bodySnippet"_L1).toString();
    error.transportDetail = object.value("transportDetail"_L1).toString();
    error.retryAfterMs = object.value("retryAfterMs"_L1).toInt(error.retryAfterMs);
    return error;
}
