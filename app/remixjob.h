#pragma once

#include "apierror.h"
#include "jobstate.h"

#include <QDateTime>
#include <QString>

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
    bool pollingStopped = false; // polled longer than the cap; a manual refresh starts again
    QDateTime submittedAt;
    QDateTime updatedAt;
    QDateTime completedAt;
};
