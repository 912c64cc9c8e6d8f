// Fuzzes the video object as the service or a relay sends it: raw bytes -> QJsonDocument ->
// VideoInfo::fromJson, for a single object, a wrapped {"data": {...}}, a list {"data": [...]} and a bare
// array. Also reads every top-level value as progress and as a timestamp (VideoFields), as relays put
// anything there.

#include "api/videoinfo.h"
#include "fuzzsupport.h"
#include "jobs/jobstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {

void checkProgress(const std::optional<int> &progress)
{
    FUZZ_CHECK(!progress || (*progress >= 0 && *progress <= 100), "progress is 0-100 when set");
}

void checkVideo(const QJsonObject &object)
{
    const VideoInfo info = VideoInfo::fromJson(object);
    checkProgress(info.progress);
    FUZZ_CHECK(info.isValid() == !info.id.isEmpty(), "valid means an id");
    FUZZ_CHECK(info.state == JobStates::fromServerStatus(info.rawStatus), "state follows the raw status");
    FUZZ_CHECK(JobStates::fromStorageKey(JobStates::storageKey(info.state)) == info.state, "state round-trips");
    FUZZ_CHECK(!JobStates::displayName(info.state).isEmpty(), "every state has a name");
    if (!info.downloadUrl.isEmpty()) {
        const QString scheme = info.downloadUrl.scheme();
        FUZZ_CHECK(info.downloadUrl.isValid() && (scheme == "http"_L1 || scheme == "https"_L1),
                   "download links are http(s)");
    }
    for (const QDateTime &time : {info.createdAt, info.completedAt, info.expiresAt})
        (void)time.toString(Qt::ISODate);

    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        checkProgress(VideoFields::parseProgress(it.value()));
        (void)VideoFields::parseTimestamp(it.value());
    }
}

void checkValue(const QJsonValue &value)
{
    if (value.isObject())
        checkVideo(value.toObject());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(Fuzz::bytes(data, size));
    if (document.isObject()) {
        const QJsonObject object = document.object();
        checkVideo(object);
        // A list answer {"object":"list","data":[...]}
        const QJsonValue list = object.value("data"_L1);
        if (list.isArray()) {
            for (const QJsonValue &item : list.toArray())
                checkValue(item);
        }
    } else if (document.isArray()) {
        for (const QJsonValue &item : document.array()) {
            checkValue(item);
            checkProgress(VideoFields::parseProgress(item));
            (void)VideoFields::parseTimestamp(item);
        }
    }
    return 0;
}
