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

// One row of the job list: a remix the user asked for, from the POST to the finished video.
struct RemixJob
{
    QString localId; // the row key: a UUID made before the service gives an id
    QString sourceVideoId;
    QString prompt;
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
