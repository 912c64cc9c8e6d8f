#include "demo/demoservice.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString DemoModel = u"video-remix-demo"_s;
const QString DemoSize = u"480x270"_s;
const QString DemoSeconds = u"4"_s;
constexpr qint64 ExpirySecs = 60 * 60; // like OpenAI: a download link lives about an hour

using Status = QHttpServerResponder::StatusCode;

struct Sample
{
    const char *id;
    const char *title;  // QT_TR_NOOP, translated by sampleTitle()
    const char *prompt; // QT_TR_NOOP: what the pretend generator was asked, in the language of the demo's start
};

// Every sample shares the one source clip; they differ in id and words, which is all a picker needs.
const Sample Samples[] = {
    {"video_demo_city", QT_TRANSLATE_NOOP("DemoService", "City street at dusk"),
     QT_TRANSLATE_NOOP("DemoService", "A busy city street at dusk, neon signs, handheld camera (demo sample)")},
    {"video_demo_beach", QT_TRANSLATE_NOOP("DemoService", "Beach at sunrise"),
     QT_TRANSLATE_NOOP("DemoService", "Waves rolling onto a quiet beach at sunrise, wide shot (demo sample)")},
    {"video_demo_cat", QT_TRANSLATE_NOOP("DemoService", "Cat on a windowsill"),
     QT_TRANSLATE_NOOP("DemoService", "A ginger cat watching birds from a sunny windowsill (demo sample)")},
    {"video_demo_forest", QT_TRANSLATE_NOOP("DemoService", "Forest in the rain"),
     QT_TRANSLATE_NOOP("DemoService", "Light rain in a green forest, slow dolly forward (demo sample)")},
};

const char *const ModerationTriggers[] = {"blood", "violence", "violent", "gore", "暴力", "血腥"};

QJsonObject errorBody(const QString &message, const QString &messageZh, const QString &code = QString())
{
    // The seed relay's shape: a ready Chinese message next to the English one.
    QJsonObject error{{u"message"_s, message}, {u"message_zh"_s, messageZh}, {u"type"_s, u"invalid_request_error"_s}};
    if (!code.isEmpty())
        error.insert(u"code"_s, code);
    return QJsonObject{{u"error"_s, error}};
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers()) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.trimmed();
    }
    return {};
}

bool isAlive(QHttpServerResponder &responder)
{
    const QPointer<QTcpSocket> socket = responder.socket();
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

void send(QHttpServerResponder &responder,
          Status status,
          const QByteArray &contentType,
          const QByteArray &body,
          const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    if (!isAlive(responder))
        return;
    // Piece by piece because QHttpServerResponder::write() takes only a fixed initializer list of headers.
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", contentType);
    for (const auto &header : headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

void sendJson(QHttpServerResponder &responder, const QJsonObject &object, Status status = Status::Ok)
{
    send(responder, status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcDemo) << "demo media missing:" << path;
        return {};
    }
    return file.readAll();
}

} // namespace

struct DemoService::Impl
{
    struct Video
    {
        QString id;
        QString prompt;
        QString sourceId;       // empty for the samples
        qint64 createdAtMs = 0; // on clock
        qint64 createdAtEpochMs = 0;
        bool sample = false;
        bool moderated = false;
    };

    struct Phase
    {
        QString status;
        int progress = 0;
        qint64 finishedAtEpochMs = 0; // completed or failed, else 0
    };

    QHttpServer server;
    QElapsedTimer clock;
    QList<Video> videos; // in creation order: the samples first
    int nextRemix = 1;
    QByteArray sourceVideo, resultVideo, sourceThumbnail, resultThumbnail; // loaded on first use

    const Video *find(const QString &id) const
    {
        const auto it = std::find_if(videos.cbegin(), videos.cend(), [&id](const Video &v) { return v.id == id; });
        return it == videos.cend() ? nullptr : &*it;
    }

    Phase phase(const Video &video, double speed) const
    {
        if (video.sample)
            return {u"completed"_s, 100, video.createdAtEpochMs};
        const auto scaled = [speed](int ms) {
            return qint64(std::ceil(ms / speed));
        };
        const qint64 age = clock.elapsed() - video.createdAtMs;
        const qint64 doneAfter = scaled(video.moderated ? ModeratedMs : CompletedMs);
        if (age >= doneAfter)
            return {video.moderated ? u"failed"_s : u"completed"_s, video.moderated ? 0 : 100,
                    video.createdAtEpochMs + doneAfter};
        const qint64 queuedFor = scaled(QueuedMs);
        if (age < queuedFor)
            return {u"queued"_s, 0, 0};
        // Rises steadily from 1 to 99 between the end of the queue and completion.
        const double fraction = double(age - queuedFor) / double(scaled(CompletedMs) - queuedFor);
        return {u"in_progress"_s, std::clamp(int(fraction * 100), 1, 99), 0};
    }

    QJsonObject toJson(const Video &video, double speed) const
    {
        const Phase now = phase(video, speed);
        QJsonObject object{
            {u"id"_s, video.id},       {u"object"_s, u"video"_s},     {u"model"_s, DemoModel},
            {u"status"_s, now.status}, {u"progress"_s, now.progress}, {u"created_at"_s, video.createdAtEpochMs / 1000},
            {u"size"_s, DemoSize},     {u"seconds"_s, DemoSeconds},   {u"prompt"_s, video.prompt}};
        if (!video.sourceId.isEmpty())
            object.insert(u"remixed_from_video_id"_s, video.sourceId);
        if (now.status == "completed"_L1) {
            object.insert(u"completed_at"_s, now.finishedAtEpochMs / 1000);
            // The samples stay; a remix's download "expires" like the real service's does.
            if (!video.sample)
                object.insert(u"expires_at"_s, now.finishedAtEpochMs / 1000 + ExpirySecs);
        } else if (now.status == "failed"_L1) {
            object.insert(u"error"_s,
                          QJsonObject{{u"code"_s, u"moderation_blocked"_s},
                                      {u"message"_s, u"Your request was blocked by our moderation system."_s},
                                      {u"message_zh"_s, u"你的请求被审核系统拦截。"_s}});
        }
        return object;
    }
};

DemoService::DemoService(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>())
{
    // The media live in the static core library: without a reference, the linker would drop them.
    Q_INIT_RESOURCE(demo);
    d->clock.start();
    // The samples were "made" a day ago.
    const qint64 madeAt = QDateTime::currentMSecsSinceEpoch() - 24 * 60 * 60 * 1000;
    for (const Sample &sample : Samples) {
        Impl::Video video;
        video.id = QString::fromLatin1(sample.id);
        // In the user's language (set before the demo starts), as a service in their language would answer.
        video.prompt = QCoreApplication::translate("DemoService", sample.prompt);
        video.createdAtEpochMs = madeAt;
        video.sample = true;
        d->videos.append(video);
    }

    // One catch-all and no routes: the raw, still encoded path reaches us (ids may hold %2F).
    d->server.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const QByteArray method = methodName(request.method());
        const QString path = request.url().path(QUrl::FullyEncoded);
        qCDebug(lcDemo).noquote() << method << path;

        static const QRegularExpression itemPath(u"^/v1/videos/([^/]+)(/remix|/content)?/?$"_s);
        const QRegularExpressionMatch match = itemPath.match(path);
        const bool isList = path == "/v1/videos"_L1 || path == "/v1/videos/"_L1;

        if (isList && method == "GET") {
            const QUrlQuery query(request.url());
            const bool ascending = query.queryItemValue(u"order"_s) == "asc"_L1;
            bool limitOk = false;
            int limit = query.queryItemValue(u"limit"_s).toInt(&limitOk);
            if (!limitOk || limit < 1)
                limit = 20;
            limit = std::min(limit, 100);
            QList<Impl::Video> ordered = d->videos;
            if (!ascending)
                std::reverse(ordered.begin(), ordered.end());
            const QString after = query.queryItemValue(u"after"_s);
            qsizetype first = 0;
            if (!after.isEmpty()) {
                const auto it = std::find_if(ordered.cbegin(), ordered.cend(),
                                             [&after](const Impl::Video &v) { return v.id == after; });
                first = it == ordered.cend() ? ordered.size() : (it - ordered.cbegin()) + 1;
            }
            QJsonArray data;
            for (qsizetype i = first; i < ordered.size() && data.size() < limit; ++i)
                data.append(d->toJson(ordered.at(i), m_speed));
            QJsonObject list{
                {u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, first + data.size() < ordered.size()}};
            list.insert(u"first_id"_s, data.isEmpty() ? QJsonValue() : data.first()[u"id"_s]);
            list.insert(u"last_id"_s, data.isEmpty() ? QJsonValue() : data.last()[u"id"_s]);
            sendJson(responder, list);
            return;
        }
        const bool isExtensions = path == "/v1/videos/extensions"_L1;
        if ((isList || isExtensions) && method == "POST") {
            // A new video (multipart as the SDK sends it, or JSON) or an extension of a completed one.
            QString prompt;
            QString sourceId;
            const QByteArray type = request.value("Content-Type");
            if (isList && type.startsWith("multipart/form-data")) {
                static const QRegularExpression promptPart(u"name=\"prompt\"\r\n\r\n(.*?)\r\n--"_s,
                                                           QRegularExpression::DotMatchesEverythingOption);
                prompt = promptPart.match(QString::fromUtf8(request.body())).captured(1);
            } else {
                const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
                prompt = body.value(u"prompt"_s).toString();
                sourceId = body.value(u"video"_s).toObject().value(u"id"_s).toString();
            }
            if (prompt.trimmed().isEmpty() || prompt.toUcs4().size() > MaxPromptLength) {
                sendJson(responder,
                         errorBody(u"The prompt is empty or too long."_s, u"提示词为空或过长。"_s, u"invalid_prompt"_s),
                         Status::BadRequest);
                return;
            }
            if (isExtensions) {
                const Impl::Video *source = d->find(sourceId);
                if (!source || d->phase(*source, m_speed).status != "completed"_L1) {
                    sendJson(responder,
                             errorBody(u"Only a completed video can be extended."_s, u"只能延长已完成的视频。"_s,
                                       u"video_not_completed"_s),
                             Status::BadRequest);
                    return;
                }
            }
            Impl::Video made;
            made.id = (isExtensions ? u"video_demo_extended_%1"_s : u"video_demo_new_%1"_s).arg(d->nextRemix++);
            made.prompt = prompt;
            made.sourceId = sourceId;
            made.createdAtMs = d->clock.elapsed();
            made.createdAtEpochMs = QDateTime::currentMSecsSinceEpoch();
            made.moderated = tripsModeration(prompt);
            d->videos.append(made);
            qCDebug(lcDemo) << (isExtensions ? "extension" : "new video") << made.id;
            sendJson(responder, d->toJson(made, m_speed));
            return;
        }
        if (!match.hasMatch() || (method != "GET" && method != "POST" && method != "DELETE")) {
            // new-api's answer to a route it lacks.
            sendJson(responder,
                     errorBody(u"Invalid URL (%1 %2)"_s.arg(QString::fromLatin1(method), path),
                               u"无效的地址 (%1 %2)"_s.arg(QString::fromLatin1(method), path)),
                     Status::NotFound);
            return;
        }

        const QString id = QUrl::fromPercentEncoding(match.captured(1).toUtf8());
        const QString action = match.captured(2);
        const Impl::Video *video = d->find(id);
        const bool routeOk = (action.isEmpty() && (method == "GET" || method == "DELETE"))
                             || (action == "/remix"_L1 && method == "POST")
                             || (action == "/content"_L1 && method == "GET");
        if (!routeOk) {
            sendJson(responder,
                     errorBody(u"Invalid URL (%1 %2)"_s.arg(QString::fromLatin1(method), path),
                               u"无效的地址 (%1 %2)"_s.arg(QString::fromLatin1(method), path)),
                     Status::NotFound);
            return;
        }
        if (!video) {
            sendJson(responder,
                     errorBody(u"Video not found: %1. The demo service only knows its sample videos (%2)."_s.arg(
                                   id, sampleVideoIds().join(u", "_s)),
                               u"找不到视频：%1。演示服务只认识它自带的示例视频（%2）。"_s.arg(
                                   id, sampleVideoIds().join(u"、"_s)),
                               u"video_not_found"_s),
                     Status::NotFound);
            return;
        }

        if (action == "/remix"_L1) {
            if (d->phase(*video, m_speed).status != "completed"_L1) {
                sendJson(responder,
                         errorBody(u"Only a completed video can be remixed; %1 is not completed."_s.arg(id),
                                   u"只能改编已完成的视频；%1 尚未完成。"_s.arg(id), u"video_not_completed"_s),
                         Status::BadRequest);
                return;
            }
            QJsonParseError parseError;
            const QJsonDocument body = QJsonDocument::fromJson(request.body(), &parseError);
            const QJsonValue promptValue = body.object().value(u"prompt"_s);
            if (parseError.error != QJsonParseError::NoError || !body.isObject() || !promptValue.isString()) {
                sendJson(responder,
                         errorBody(u"The request body must be JSON with a \"prompt\" string."_s,
                                   u"请求体必须是带有 \"prompt\" 字符串的 JSON。"_s, u"invalid_request"_s),
                         Status::BadRequest);
                return;
            }
            const QString prompt = promptValue.toString();
            if (prompt.trimmed().isEmpty()) {
                sendJson(responder, errorBody(u"The prompt is empty."_s, u"提示词为空。"_s, u"invalid_prompt"_s),
                         Status::BadRequest);
                return;
            }
            if (prompt.toUcs4().size() > MaxPromptLength) {
                sendJson(responder,
                         errorBody(u"The prompt is longer than %1 characters."_s.arg(MaxPromptLength),
                                   u"提示词超过 %1 个字符。"_s.arg(MaxPromptLength), u"invalid_prompt"_s),
                         Status::BadRequest);
                return;
            }
            Impl::Video remix;
            remix.id = u"video_demo_remix_%1"_s.arg(d->nextRemix++);
            remix.prompt = prompt;
            remix.sourceId = id;
            remix.createdAtMs = d->clock.elapsed();
            remix.createdAtEpochMs = QDateTime::currentMSecsSinceEpoch();
            remix.moderated = tripsModeration(prompt);
            d->videos.append(remix);
            qCDebug(lcDemo) << "remix" << remix.id << "of" << id << (remix.moderated ? "(will be blocked)" : "");
            sendJson(responder, d->toJson(remix, m_speed));
            emit remixCreated(remix.id, id);
            return;
        }

        if (action == "/content"_L1) {
            const QString variant = QUrlQuery(request.url()).queryItemValue(u"variant"_s);
            if (!variant.isEmpty() && variant != "video"_L1 && variant != "thumbnail"_L1) {
                sendJson(responder,
                         errorBody(u"The demo service has no \"%1\" variant; use video or thumbnail."_s.arg(variant),
                                   u"演示服务没有 \"%1\" 变体；请使用 video 或 thumbnail。"_s.arg(variant),
                                   u"invalid_variant"_s),
                         Status::BadRequest);
                return;
            }
            if (d->phase(*video, m_speed).status != "completed"_L1) {
                sendJson(responder,
                         errorBody(u"Video %1 is not completed; its content is not available."_s.arg(id),
                                   u"视频 %1 尚未完成，暂时无法下载内容。"_s.arg(id), u"video_not_ready"_s),
                         Status::NotFound);
                return;
            }
            const bool thumbnail = variant == "thumbnail"_L1;
            QByteArray &bytes = thumbnail ? (video->sample ? d->sourceThumbnail : d->resultThumbnail)
                                          : (video->sample ? d->sourceVideo : d->resultVideo);
            if (bytes.isEmpty()) {
                bytes = readResource(
                    u":/demo/%1.%2"_s.arg(video->sample ? u"source"_s : u"result"_s, thumbnail ? u"jpg"_s : u"mp4"_s));
            }
            const QByteArray mime = thumbnail ? "image/jpeg" : "video/mp4";
            const QByteArray fileName = (video->id + (thumbnail ? u".jpg"_s : u".mp4"_s)).toUtf8();
            QList<QPair<QByteArray, QByteArray>> headers{
                {"Accept-Ranges", "bytes"}, {"Content-Disposition", "attachment; filename=\"" + fileName + '"'}};

            const QByteArray range = headerValue(request, "Range");
            if (range.isEmpty()) {
                send(responder, Status::Ok, mime, bytes, headers);
                return;
            }
            // "bytes=N-" or "bytes=N-M"; suffix ranges and lists are not needed by the app.
            static const QRegularExpression rangePattern(u"^bytes=(\\d+)-(\\d*)$"_s);
            const QRegularExpressionMatch r = rangePattern.match(QString::fromLatin1(range));
            const qint64 total = bytes.size();
            const qint64 start = r.hasMatch() ? r.captured(1).toLongLong() : -1;
            qint64 end = r.hasMatch() && !r.captured(2).isEmpty() ? r.captured(2).toLongLong() : total - 1;
            if (start < 0 || start >= total || end < start) {
                headers.append({"Content-Range", "bytes */" + QByteArray::number(total)});
                send(responder, Status::RequestRangeNotSatisfiable, "application/json",
                     QJsonDocument(errorBody(u"Range not satisfiable: %1"_s.arg(QString::fromLatin1(range)),
                                             u"请求的范围无效：%1"_s.arg(QString::fromLatin1(range))))
                         .toJson(QJsonDocument::Compact),
                     headers);
                return;
            }
            end = std::min(end, total - 1);
            headers.append({"Content-Range", "bytes " + QByteArray::number(start) + '-' + QByteArray::number(end) + '/'
                                                 + QByteArray::number(total)});
            send(responder, Status::PartialContent, mime, bytes.mid(start, end - start + 1), headers);
            return;
        }

        if (method == "DELETE") {
            if (video->sample) {
                sendJson(responder,
                         errorBody(u"The demo's sample videos cannot be deleted."_s, u"演示服务的示例视频不能删除。"_s,
                                   u"cannot_delete_sample"_s),
                         Status::BadRequest);
                return;
            }
            d->videos.removeIf([&id](const Impl::Video &v) { return v.id == id; });
            sendJson(responder, QJsonObject{{u"id"_s, id}, {u"object"_s, u"video.deleted"_s}, {u"deleted"_s, true}});
            return;
        }

        sendJson(responder, d->toJson(*video, m_speed));
    });
}

DemoService::~DemoService() = default;

bool DemoService::start(quint16 port)
{
    if (m_port != 0)
        return true;
    // Loopback only: the demo must never be reachable from another machine.
    m_port = d->server.listen(QHostAddress::LocalHost, port);
    if (m_port == 0)
        qCWarning(lcDemo) << "the demo service could not listen on 127.0.0.1";
    else
        qCDebug(lcDemo).noquote() << "demo service at" << baseUrl().toString();
    return m_port != 0;
}

QUrl DemoService::baseUrl() const
{
    if (m_port == 0)
        return {};
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_port));
}

void DemoService::setSpeed(double speed)
{
    if (speed > 0)
        m_speed = speed;
}

QStringList DemoService::sampleVideoIds()
{
    QStringList ids;
    for (const Sample &sample : Samples)
        ids.append(QString::fromLatin1(sample.id));
    return ids;
}

QString DemoService::sampleTitle(const QString &videoId)
{
    for (const Sample &sample : Samples) {
        if (videoId == QLatin1StringView(sample.id))
            return tr(sample.title);
    }
    return {};
}

QString DemoService::suggestedPrompt()
{
    // The seed document's own example ("make the background of this video purple"); the demo's result
    // clip is exactly that. Kept in Chinese on purpose: it is what the users of the seed relay type.
    return u"让这个视频背景变成紫色"_s;
}

QStringList DemoService::moderationTriggers()
{
    QStringList words;
    for (const char *word : ModerationTriggers)
        words.append(QString::fromUtf8(word));
    return words;
}

bool DemoService::tripsModeration(const QString &prompt)
{
    for (const char *word : ModerationTriggers) {
        if (prompt.contains(QString::fromUtf8(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString DemoService::displayName()
{
    return tr("Demo service (no account, nothing leaves this computer)", "name of the built-in pretend service");
}

QString DemoService::description()
{
    return tr("A pretend video service built into Video Remix, for trying the app without an account or key. "
              "It offers a few sample videos to remix, finishes each job within seconds and always returns the "
              "same short sample clip. Prompts mentioning blood or violence are rejected, to show what a "
              "blocked job looks like. Nothing is sent over the internet.",
              "description of the built-in pretend service");
}

QString DemoService::shortLabel()
{
    return tr("Demo", "short badge on anything from the built-in pretend service");
}

int DemoService::remixCount() const
{
    return int(std::count_if(d->videos.cbegin(), d->videos.cend(), [](const Impl::Video &v) { return !v.sample; }));
}
