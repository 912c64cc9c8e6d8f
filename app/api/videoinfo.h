#pragma once

#include "jobs/jobstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QVector>

#include <optional>

// A video object as the service (or a relay) returns it, read tolerantly: every field optional,
// extra fields ignored, `progress` as a number or "NN%" (clamped 0-100), `created` accepted for
// `created_at`, statuses normalised over the whole list in the field guide.
struct VideoInfo
{
    QString id;
    QString object;
    QString model;
    QString rawStatus; // exactly as sent, shown when the state is Unknown
    JobState state = JobState::Unknown;
    std::optional<int> progress; // 0-100 when the service sent one
    QDateTime createdAt;
    QDateTime completedAt;
    QDateTime expiresAt;
    QString size;
    QString seconds;
    QString prompt;
    QString remixedFromVideoId;
    QString errorCode;      // error.code when status is failed
    QString errorMessage;   // error.message (or a plain string `error`) when status is failed
    QString errorMessageZh; // error.message_zh, a ready Chinese message some relays send
    QUrl downloadUrl;       // video_url, url or metadata.url when a relay sends one

    bool isValid() const { return !id.isEmpty(); }

    static VideoInfo fromJson(const QJsonObject &object);
};

// One page of GET /videos: {"object":"list","data":[…],"first_id","last_id","has_more"}. Entries without
// an id are skipped; relays that wrap the list ({"data":{"data":[…]}}) or send a bare array in "data"
// are read too.
struct VideoPage
{
    QVector<VideoInfo> videos; // in the service's order (newest first, as asked)
    bool hasMore = false;
    QString lastId;      // the cursor for the next page ("after"); the last video's id when the service sent none
    bool isList = false; // the answer was a list at all (false: some other JSON, e.g. an error shape)

    static VideoPage fromJson(const QJsonObject &object);
};

namespace VideoFields {
// "42", 42, 42.7, "42%", " 42 % " -> 42; out-of-range values are clamped; anything else -> nullopt.
std::optional<int> parseProgress(const QJsonValue &value);
// Unix seconds (number or numeric string), or ISO 8601 text; invalid QDateTime otherwise.
QDateTime parseTimestamp(const QJsonValue &value);
} // namespace VideoFields
