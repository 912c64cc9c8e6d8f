#include "fakevideoserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <iterator>

#include <sys/socket.h>

#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

// A created video walks this lifecycle, one step per GET, then stays completed.
struct LifecycleStep
{
    const char *status;
    int progress;
};
constexpr LifecycleStep DefaultLifecycle[] = {
    {"queued", 0}, {"in_progress", 30}, {"in_progress", 70}, {"completed", 100}};
constexpr int DefaultLifecycleSteps = int(std::size(DefaultLifecycle));

FakeVideoServer::Reply notFound(const FakeVideoServer::Request &request)
{
    const QString message =
        u"Invalid URL (%1 %2)"_s.arg(QString::fromLatin1(request.method), QString::fromLatin1(request.rawPath));
    return FakeVideoServer::Reply::json(
        QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, message}, {u"type"_s, u"invalid_request_error"_s}}}}, 404);
}

} // namespace

struct FakeVideoServer::Impl
{
    struct CreatedVideo
    {
        QString sourceId;
        QString prompt;
        QString extendedFrom; // POST /videos/extensions
        qint64 createdAt = 0;
        int step = 0; // next lifecycle step to answer
    };

    // Declared first so it is destroyed last: parked responders refer to its sockets.
    QHttpServer server;
    QList<Handler> handlers; // newest first
    QList<Reply> remixQueue;
    QHash<QString, QList<Reply>> scripts; // decoded video id -> answers
    QHash<QString, int> scriptPositions;
    QHash<QString, CreatedVideo> videos;
    QStringList videoOrder; // ids, oldest first (the list route answers newest first)
    int nextVideoNumber = 1;
    // Responders of "hanging" replies: kept (unanswered) until the server goes away.
    std::vector<std::shared_ptr<QHttpServerResponder>> parked;
};

FakeVideoServer::Reply FakeVideoServer::Reply::json(const QJsonObject &object, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

FakeVideoServer::Reply FakeVideoServer::Reply::video(const QString &id, const QString &status, int progress)
{
    QJsonObject object{{u"id"_s, id},
                       {u"object"_s, u"video"_s},
                       {u"model"_s, u"sora-2"_s},
                       {u"status"_s, status},
                       {u"created_at"_s, QDateTime::currentSecsSinceEpoch()}};
    if (progress >= 0)
        object.insert(u"progress"_s, progress);
    return json(object);
}

FakeVideoServer::FakeVideoServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Impl>())
{
    m_clock.start();
    // One catch-all and no routes: every method and every raw (still encoded) path reaches us.
    d->server.setMissingHandler([this](const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder) {
        Request request;
        request.method = methodName(httpRequest.method());
        request.rawPath = httpRequest.url().path(QUrl::FullyEncoded).toLatin1();
        request.query = httpRequest.url().query(QUrl::FullyEncoded);
        request.body = httpRequest.body();
        for (const auto &header : httpRequest.headers())
            request.headers.insert(header.first.toLower(), header.second);
        request.receivedAtMs = m_clock.elapsed();
        m_requests.append(request);
        emit requestReceived(request);

        std::optional<Reply> reply;
        if (!m_requiredKey.isEmpty() && request.headers.value("authorization") != "Bearer " + m_requiredKey.toUtf8()) {
            // The seed relay's shape, with its ready Chinese message.
            reply = Reply::json(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Invalid token"_s},
                                                                     {u"message_zh"_s, u"无效的令牌"_s},
                                                                     {u"type"_s, u"new_api_error"_s}}}},
                                401);
        }
        for (int i = 0; !reply && i < d->handlers.size(); ++i)
            reply = d->handlers.at(i)(request);
        if (!reply)
            reply = defaultReply(request);

        auto holder = std::make_shared<QHttpServerResponder>(std::move(responder));
        if (reply->hang) {
            d->parked.push_back(holder);
            return;
        }
        if (reply->delayMs > 0) {
            QTimer::singleShot(reply->delayMs, this, [holder, r = *reply] { send(*holder, r); });
            return;
        }
        send(*holder, *reply);
    });
}

FakeVideoServer::~FakeVideoServer() = default;

bool FakeVideoServer::start(const QHostAddress &address)
{
    m_address = address;
    m_port = d->server.listen(address, 0);
    m_clock.restart();
    m_connections = 0;
    for (QTcpServer *tcp : d->server.servers())
        connect(tcp, &QTcpServer::newConnection, this, [this] { ++m_connections; });
    return m_port != 0;
}

QUrl FakeVideoServer::rootUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(m_port);
    return url;
}

void FakeVideoServer::addHandler(const Handler &handler)
{
    d->handlers.prepend(handler);
}

void FakeVideoServer::queueRemixReply(const Reply &reply)
{
    d->remixQueue.append(reply);
}

void FakeVideoServer::setVideoScript(const QString &videoId, const QList<Reply> &replies)
{
    d->scripts.insert(videoId, replies);
    d->scriptPositions.insert(videoId, 0);
}

int FakeVideoServer::videoCount() const
{
    return int(d->videoOrder.size());
}

int FakeVideoServer::requestCount(const QByteArray &method, const QString &pathContains) const
{
    int count = 0;
    for (const Request &request : m_requests) {
        if ((method.isEmpty() || request.method == method)
            && (pathContains.isEmpty() || QString::fromLatin1(request.rawPath).contains(pathContains)))
            ++count;
    }
    return count;
}

std::optional<FakeVideoServer::Reply> FakeVideoServer::defaultReply(const Request &request)
{
    // Any prefix before /videos is accepted, so "/v1", "/openai/v1" and friends all work.
    static const QRegularExpression remixPath(u"/videos/([^/]+)/remix$"_s);
    static const QRegularExpression videoPath(u"/videos/([^/]+)$"_s);
    const QString path = QString::fromLatin1(request.rawPath);

    static const QRegularExpression createPath(u"/videos$"_s);
    static const QRegularExpression extendPath(u"/videos/extensions$"_s);
    const auto created = [this](const QString &id, const Impl::CreatedVideo &video) {
        d->videos.insert(id, video);
        d->videoOrder.append(id);
        QJsonObject object{{u"id"_s, id},
                           {u"object"_s, u"video"_s},
                           {u"model"_s, u"sora-2"_s},
                           {u"status"_s, u"queued"_s},
                           {u"progress"_s, 0},
                           {u"created_at"_s, video.createdAt},
                           {u"prompt"_s, video.prompt}};
        if (!video.sourceId.isEmpty())
            object.insert(u"remixed_from_video_id"_s, video.sourceId);
        return Reply::json(object);
    };
    if (request.method == "POST" && createPath.match(path).hasMatch()) {
        // A new video: the prompt from a multipart field or from JSON.
        Impl::CreatedVideo video;
        video.createdAt = QDateTime::currentSecsSinceEpoch();
        const QByteArray type = request.headers.value("content-type");
        if (type.startsWith("multipart/form-data")) {
            static const QRegularExpression promptPart(u"name=\"prompt\"\r\n\r\n([^\r]*)\r\n"_s);
            video.prompt = promptPart.match(QString::fromUtf8(request.body)).captured(1);
        } else {
            video.prompt = QJsonDocument::fromJson(request.body).object().value(u"prompt"_s).toString();
        }
        return created(u"video_new_%1"_s.arg(d->nextVideoNumber++), video);
    }
    if (request.method == "POST" && extendPath.match(path).hasMatch()) {
        const QJsonObject sent = QJsonDocument::fromJson(request.body).object();
        Impl::CreatedVideo video;
        video.createdAt = QDateTime::currentSecsSinceEpoch();
        video.prompt = sent.value(u"prompt"_s).toString();
        video.extendedFrom = sent.value(u"video"_s).toObject().value(u"id"_s).toString();
        return created(u"video_ext_%1"_s.arg(d->nextVideoNumber++), video);
    }
    if (request.method == "GET" && createPath.match(path).hasMatch()) {
        // The list, newest first, with after/limit.
        const QUrlQuery query(request.query);
        const int limit = qBound(1, query.queryItemValue(u"limit"_s).toInt(), 100);
        const QString after = query.queryItemValue(u"after"_s, QUrl::FullyDecoded);
        QStringList newestFirst = d->videoOrder;
        std::reverse(newestFirst.begin(), newestFirst.end());
        qsizetype first = 0;
        if (!after.isEmpty())
            first = newestFirst.indexOf(after) + 1;
        QJsonArray data;
        for (qsizetype i = first; i < newestFirst.size() && data.size() < limit; ++i) {
            const Impl::CreatedVideo &video = d->videos.value(newestFirst.at(i));
            data.append(QJsonObject{{u"id"_s, newestFirst.at(i)},
                                    {u"object"_s, u"video"_s},
                                    {u"status"_s, u"completed"_s},
                                    {u"progress"_s, 100},
                                    {u"created_at"_s, video.createdAt},
                                    {u"seconds"_s, u"8"_s},
                                    {u"size"_s, u"720x1280"_s},
                                    {u"prompt"_s, video.prompt}});
        }
        const bool more = first + data.size() < newestFirst.size();
        QJsonObject page{{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, more}};
        if (!data.isEmpty()) {
            page.insert(u"first_id"_s, data.first().toObject().value(u"id"_s));
            page.insert(u"last_id"_s, data.last().toObject().value(u"id"_s));
        }
        return Reply::json(page);
    }

    if (request.method == "POST") {
        static const QRegularExpression remixByBodyPath(u"/videos/remix$"_s);
        const QRegularExpressionMatch match = remixPath.match(path);
        const bool byBody = remixByBodyPath.match(path).hasMatch();
        const bool standardServed = m_remixDialect != RemixDialect::VideoIdInBody;
        const bool byBodyServed = m_remixDialect != RemixDialect::Standard;
        if (byBody ? !byBodyServed : (!match.hasMatch() || !standardServed))
            return notFound(request);
        if (!d->remixQueue.isEmpty())
            return d->remixQueue.takeFirst();

        const QJsonObject sent = QJsonDocument::fromJson(request.body).object();
        const QString sourceId =
            byBody ? sent.value(u"video_id"_s).toString() : QUrl::fromPercentEncoding(match.captured(1).toLatin1());
        // Both routes validate the body as real services do: no prompt (or no video_id) makes nothing.
        const QString missing = sent.value(u"prompt"_s).toString().isEmpty() ? u"prompt"_s
                                : sourceId.isEmpty()                         ? u"video_id"_s
                                                                             : QString();
        if (!missing.isEmpty()) {
            return Reply::json(
                QJsonObject{
                    {u"error"_s, QJsonObject{{u"message"_s, u"Missing required parameter: '%1'."_s.arg(missing)},
                                             {u"type"_s, u"invalid_request_error"_s},
                                             {u"param"_s, missing},
                                             {u"code"_s, u"missing_required_parameter"_s}}}},
                byBody ? 422 : 400);
        }
        Impl::CreatedVideo video;
        video.sourceId = sourceId;
        video.prompt = sent.value(u"prompt"_s).toString();
        video.createdAt = QDateTime::currentSecsSinceEpoch();
        const QString id = u"video_remix_%1"_s.arg(d->nextVideoNumber++);
        d->videos.insert(id, video);
        d->videoOrder.append(id);
        return Reply::json(QJsonObject{{u"id"_s, id},
                                       {u"object"_s, u"video"_s},
                                       {u"model"_s, u"sora-2"_s},
                                       {u"status"_s, u"queued"_s},
                                       {u"progress"_s, 0},
                                       {u"created_at"_s, video.createdAt},
                                       {u"remixed_from_video_id"_s, sourceId},
                                       {u"prompt"_s, video.prompt}});
    }

    if (request.method == "GET") {
        const QRegularExpressionMatch match = videoPath.match(path);
        if (!match.hasMatch())
            return notFound(request);
        const QString id = QUrl::fromPercentEncoding(match.captured(1).toLatin1());

        const auto script = d->scripts.constFind(id);
        if (script != d->scripts.constEnd() && !script->isEmpty()) {
            int &position = d->scriptPositions[id];
            const Reply reply = script->at(qMin(position, int(script->size()) - 1));
            ++position;
            return reply;
        }

        const auto video = d->videos.find(id);
        if (video == d->videos.end()) {
            return Reply::json(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Video not found: %1"_s.arg(id)},
                                                                    {u"type"_s, u"invalid_request_error"_s},
                                                                    {u"code"_s, u"video_not_found"_s}}}},
                               404);
        }
        const LifecycleStep step = DefaultLifecycle[qMin(video->step, DefaultLifecycleSteps - 1)];
        ++video->step;
        QJsonObject object{{u"id"_s, id},
                           {u"object"_s, u"video"_s},
                           {u"model"_s, u"sora-2"_s},
                           {u"status"_s, QString::fromLatin1(step.status)},
                           {u"progress"_s, step.progress},
                           {u"created_at"_s, video->createdAt},
                           {u"remixed_from_video_id"_s, video->sourceId},
                           {u"prompt"_s, video->prompt}};
        if (step.progress == 100)
            object.insert(u"completed_at"_s, QDateTime::currentSecsSinceEpoch());
        return Reply::json(object);
    }

    return notFound(request);
}

void FakeVideoServer::send(QHttpServerResponder &responder, const Reply &reply)
{
    // The client may have given up (timeout, abort) while the answer was delayed: its socket is gone.
    const QPointer<QTcpSocket> socket = responder.socket();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (reply.reset) {
        // SO_LINGER with a zero timeout makes the close send RST instead of FIN.
        const struct linger lingerOption
        {
            1, 0
        };
        ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof(lingerOption));
        socket->abort();
        return;
    }
    // Written piece by piece because QHttpServerResponder::write() takes only a fixed header list.
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    if (!reply.contentType.isEmpty())
        responder.writeHeader("Content-Type", reply.contentType);
    for (const auto &header : reply.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
    responder.writeBody(reply.body);
}
