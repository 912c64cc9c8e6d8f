#include "api/videoinfo.h"

#include "api/jsonfields.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

// 9999-12-31T23:59:59.999Z: later timestamps are not dates but noise.
constexpr double MaxTimestampMSecs = 253402300799999.0;

QUrl httpUrlOf(const QJsonValue &value)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return QUrl();
    const QUrl url(text, QUrl::TolerantMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != "http"_L1 && scheme != "https"_L1))
        return QUrl();
    return url;
}

// Relays that wrap the object ({"code": "success", "data": {...video...}}) keep nothing useful on
// the top level; the video is the inner object then.
QJsonObject unwrap(const QJsonObject &object)
{
    const bool hasOwnFields = object.contains("id"_L1) || object.contains("status"_L1) || object.contains("task_id"_L1);
    if (!hasOwnFields && object.value("data"_L1).isObject())
        return object.value("data"_L1).toObject();
    return object;
}

} // namespace

namespace VideoFields {

std::optional<int> parseProgress(const QJsonValue &value)
{
    double number = 0;
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        QString text = value.toString().trimmed();
        if (text.endsWith(u'%'))
            text.chop(1);
        bool ok = false;
        number = QLocale::c().toDouble(text.trimmed(), &ok);
        if (!ok)
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!std::isfinite(number))
        return std::nullopt;
    return static_cast<int>(std::clamp(std::floor(number), 0.0, 100.0));
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    double seconds = 0;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool ok = false;
        seconds = QLocale::c().toDouble(text, &ok);
        if (!ok) {
            QDateTime iso = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!iso.isValid())
                iso = QDateTime::fromString(text, Qt::ISODate);
            return iso.isValid() ? iso.toUTC() : QDateTime();
        }
    } else {
        return QDateTime();
    }
    // 0 is how some relays say "not yet"; beyond 1e11 it can only be milliseconds.
    if (!std::isfinite(seconds) || seconds <= 0)
        return QDateTime();
    const double msecs = seconds > 1e11 ? seconds : seconds * 1000.0;
    // Past the year 9999 it is garbage, and casting a double beyond qint64 is undefined behaviour.
    if (msecs > MaxTimestampMSecs)
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(msecs), Qt::UTC);
}

} // namespace VideoFields

VideoInfo VideoInfo::fromJson(const QJsonObject &json)
{
    const QJsonObject object = unwrap(json);
    VideoInfo info;

    info.id = JsonFields::text(object.value("id"_L1));
    if (info.id.isEmpty())
        info.id = JsonFields::text(object.value("task_id"_L1));
    info.object = JsonFields::text(object.value("object"_L1));
    info.model = JsonFields::text(object.value("model"_L1));
    info.rawStatus = JsonFields::text(object.value("status"_L1));
    info.state = JobStates::fromServerStatus(info.rawStatus);
    info.progress = VideoFields::parseProgress(object.value("progress"_L1));

    info.createdAt = VideoFields::parseTimestamp(object.value("created_at"_L1));
    if (!info.createdAt.isValid())
        info.createdAt = VideoFields::parseTimestamp(object.value("created"_L1));
    info.completedAt = VideoFields::parseTimestamp(object.value("completed_at"_L1));
    info.expiresAt = VideoFields::parseTimestamp(object.value("expires_at"_L1));

    info.size = JsonFields::text(object.value("size"_L1));
    info.seconds = JsonFields::text(object.value("seconds"_L1));
    info.prompt = JsonFields::text(object.value("prompt"_L1));
    info.remixedFromVideoId = JsonFields::text(object.value("remixed_from_video_id"_L1));

    const QJsonValue error = object.value("error"_L1);
    if (error.isObject()) {
        const QJsonObject errorObject = error.toObject();
        info.errorCode = JsonFields::text(errorObject.value("code"_L1));
        info.errorMessage = JsonFields::text(errorObject.value("message"_L1));
        info.errorMessageZh = JsonFields::text(errorObject.value("message_zh"_L1));
    } else if (error.isString()) {
        info.errorMessage = error.toString();
    }
    // new-api task objects carry the reason of a failure here.
    if (info.errorMessage.isEmpty())
        info.errorMessage = JsonFields::text(object.value("fail_reason"_L1));

    for (const QLatin1StringView key : {"video_url"_L1, "url"_L1}) {
        info.downloadUrl = httpUrlOf(object.value(key));
        if (info.downloadUrl.isValid())
            break;
    }
    if (!info.downloadUrl.isValid())
        info.downloadUrl = httpUrlOf(object.value("metadata"_L1).toObject().value("url"_L1));
    return info;
}

VideoPage VideoPage::fromJson(const QJsonObject &object)
{
    VideoPage page;
    QJsonValue data = object.value("data"_L1);
    QJsonObject outer = object;
    if (data.isObject()) {
        outer = data.toObject(); // {"code":…, "data": {"data": […], "has_more": …}}
        data = outer.value("data"_L1);
    }
    if (!data.isArray())
        return page;
    page.isList = true;
    const QJsonArray entries = data.toArray();
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject())
            continue;
        const VideoInfo video = VideoInfo::fromJson(entry.toObject());
        if (video.isValid())
            page.videos.append(video);
    }
    const QJsonValue more = outer.value("has_more"_L1);
    page.hasMore = more.isBool() ? more.toBool() : JsonFields::text(more) == "true"_L1;
    page.lastId = JsonFields::text(outer.value("last_id"_L1));
    if (page.lastId.isEmpty() && !page.videos.isEmpty())
        page.lastId = page.videos.constLast().id;
    // A page that says there is more but brings nothing new would loop for ever.
    if (page.videos.isEmpty())
        page.hasMore = false;
    return page;
}
