#pragma once

#include "api/apierror.h"
#include "downloads/downloadfailure.h"
#include "jobs/jobstate.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

// Where the finished video's file stands.
enum class DownloadState
{
    None,        // nothing to download yet (job not completed) or auto-download is off
    Pending,     // waiting for a download slot
    Downloading, // bytes arriving into "<file>.part"
    Done,        // the file is complete under filePath
    Failed,      // see downloadFailure; "Download again" retries
    Expired,     // the service's link expired before the file was saved
};

// What a job asked the service for.
enum class JobKind
{
    Remix,  // POST /videos/{id}/remix: the source with one change
    Create, // POST /videos: a new video from a prompt (and a reference image)
    Extend, // POST /videos/extensions: the source continued
};

namespace JobKinds {
// Stable words for the history ("remix", "create", "extend"); unknown words read as Remix.
QString storageKey(JobKind kind);
JobKind fromStorageKey(const QString &key);
} // namespace JobKinds

// One row of the job list: a video the user asked for (a remix, a new video or an extension), from the
// POST to the finished video.
struct RemixJob
{
    QString localId; // the row key: a UUID made before the service gives an id
    JobKind kind = JobKind::Remix;
    QString sourceVideoId; // the remixed or extended video; "" for a new video
    QString prompt;
    // What a new video or an extension asked for ("" = the service's choice). reference is the image's
    // file name or URL, never its bytes.
    QString model;
    QString seconds;
    QString size;
    QString reference;
    QString resultVideoId; // the id of the new video, once the service answered the POST
    JobState state = JobState::Submitting;
    int progress = 0;            // 0-100, last known
    QString rawStatus;           // the service's own word, shown for unknown statuses
    ApiError error;              // why it failed, or the transient problem being retried (see retrying)
    bool retrying = false;       // a poll failed transiently; the job keeps its last known state meanwhile
    bool pollingStopped = false; // polled longer than the cap, or unknown to the service; a refresh starts again
    QDateTime pollingStartedAt;  // when polling began (or was last restarted by a refresh): the time cap's start
    QDateTime submittedAt;
    QDateTime updatedAt;
    QDateTime completedAt;

    // Where the job talks to (never the key): captured at submission, kept for polling after a restart.
    QUrl apiBase;
    QString profileId; // the service profile it was submitted through ("" = the default service)

    // The finished video.
    QDateTime expiresAt; // when the service's download link stops working (expires_at)
    QUrl downloadUrl;    // a direct link the service sent (video_url / metadata.url), if any
    DownloadState downloadState = DownloadState::None;
    int downloadProgress = 0;        // 0-100
    QString filePath;                // the final file (or its intended name while downloading)
    DownloadFailure downloadFailure; // why the last download failed (raw; worded when shown)
    QString thumbnailPath;           // a cached thumbnail image, when the service has one
};
