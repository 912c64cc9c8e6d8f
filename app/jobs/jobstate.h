#pragma once

#include <QCoreApplication>
#include <QString>

// Where a remix job stands, from the user's point of view. The first three are local (the POST),
// the rest come from the service's `status` field after normalisation.
enum class JobState
{
    Submitting,   // POST under way
    NotConfirmed, // POST may have reached the service but gave no answer (timeout, reset): never re-sent by itself
    SubmitFailed, // the service plainly refused the POST (4xx, 429, connection refused): nothing was created
    Queued,       // waiting: queued, pending, submitted, not_start, preparing, created, starting, ...
    InProgress,   // running: in_progress, processing, running, generating
    Completed,    // done: completed, complete, success, succeeded, finished
    Failed,       // failed, failure, fail, error
    Cancelled,    // cancelled, canceled
    Expired,      // expired
    Unknown,      // a status nobody knows: keep polling, show the raw word
};

// The colour family of a state, for the progress bar.
enum class StateCategory
{
    Waiting,
    Running,
    Done,
    Failed,
};

namespace JobStates {

// Maps a status word from any dialect in the field guide (case-insensitive) to a state.
// An empty or unrecognised word gives JobState::Unknown.
JobState fromServerStatus(const QString &status);

// True while the app should keep polling the job (waiting, running or unknown).
bool isPollable(JobState state);
// True for states that will not change any more by themselves.
bool isFinal(JobState state);
StateCategory category(JobState state);

// Translated word for the UI, e.g. "Completed" / "已完成". Calls tr() each time: never cache the result.
QString displayName(JobState state);
// Stable English key for storage and logs ("queued", "in_progress", ...).
QString storageKey(JobState state);
JobState fromStorageKey(const QString &key);
} // namespace JobStates
