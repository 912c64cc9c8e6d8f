#include "jobs/jobstate.h"

#include "jobs/remixjob.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace {

// Status words from every dialect in the field guide, already lower-cased with spaces and dashes
// turned into underscores. "unknown" is a word relays really send for a job that has not started.
const QHash<QString, JobState> &statusWords()
{
    static const QHash<QString, JobState> words = {
        {u"queued"_s, JobState::Queued},         {u"queueing"_s, JobState::Queued},
        {u"pending"_s, JobState::Queued},        {u"submitted"_s, JobState::Queued},
        {u"not_start"_s, JobState::Queued},      {u"not_started"_s, JobState::Queued},
        {u"notstarted"_s, JobState::Queued},     {u"notstart"_s, JobState::Queued},
        {u"preparing"_s, JobState::Queued},      {u"created"_s, JobState::Queued},
        {u"starting"_s, JobState::Queued},       {u"waiting"_s, JobState::Queued},
        {u"unknown"_s, JobState::Queued},        {u"in_progress"_s, JobState::InProgress},
        {u"inprogress"_s, JobState::InProgress}, {u"processing"_s, JobState::InProgress},
        {u"running"_s, JobState::InProgress},    {u"generating"_s, JobState::InProgress},
        {u"completed"_s, JobState::Completed},   {u"complete"_s, JobState::Completed},
        {u"success"_s, JobState::Completed},     {u"succeeded"_s, JobState::Completed},
        {u"succeed"_s, JobState::Completed},     {u"finished"_s, JobState::Completed},
        {u"failed"_s, JobState::Failed},         {u"failure"_s, JobState::Failed},
        {u"fail"_s, JobState::Failed},           {u"error"_s, JobState::Failed},
        {u"cancelled"_s, JobState::Cancelled},   {u"canceled"_s, JobState::Cancelled},
        {u"expired"_s, JobState::Expired},
    };
    return words;
}

struct StorageEntry
{
    JobState state;
    QLatin1StringView key;
};

constexpr StorageEntry storageKeys[] = {
    {JobState::Submitting, "submitting"_L1},
    {JobState::NotConfirmed, "not_confirmed"_L1},
    {JobState::SubmitFailed, "submit_failed"_L1},
    {JobState::Queued, "queued"_L1},
    {JobState::InProgress, "in_progress"_L1},
    {JobState::Completed, "completed"_L1},
    {JobState::Failed, "failed"_L1},
    {JobState::Cancelled, "cancelled"_L1},
    {JobState::Expired, "expired"_L1},
    {JobState::Unknown, "unknown"_L1},
};

} // namespace

namespace JobStates {

JobState fromServerStatus(const QString &status)
{
    QString word = status.trimmed().toLower();
    word.replace(u' ', u'_');
    word.replace(u'-', u'_');
    return statusWords().value(word, JobState::Unknown);
}

bool isPollable(JobState state)
{
    switch (state) {
    case JobState::Queued:
    case JobState::InProgress:
    case JobState::Unknown:
        return true;
    case JobState::Submitting:
    case JobState::NotConfirmed:
    case JobState::SubmitFailed:
    case JobState::Completed:
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::Expired:
        return false;
    }
    return false;
}

bool isFinal(JobState state)
{
    switch (state) {
    case JobState::Completed:
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::Expired:
    case JobState::SubmitFailed:
    case JobState::NotConfirmed: // only the user can resolve it (check the service, or send again)
        return true;
    case JobState::Submitting:
    case JobState::Queued:
    case JobState::InProgress:
    case JobState::Unknown:
        return false;
    }
    return false;
}

StateCategory category(JobState state)
{
    switch (state) {
    case JobState::Submitting:
    case JobState::Queued:
    case JobState::Unknown:
    case JobState::NotConfirmed:
        return StateCategory::Waiting;
    case JobState::InProgress:
        return StateCategory::Running;
    case JobState::Completed:
        return StateCategory::Done;
    case JobState::Failed:
    case JobState::Cancelled:
    case JobState::Expired:
    case JobState::SubmitFailed:
        return StateCategory::Failed;
    }
    return StateCategory::Waiting;
}

QString displayName(JobState state)
{
    // Literal strings in each branch so that lupdate sees them; translated on every call so that a
    // language switch takes effect at once.
    switch (state) {
    case JobState::Submitting:
        return QCoreApplication::translate("JobState", "Submitting…", "job status");
    case JobState::NotConfirmed:
        return QCoreApplication::translate("JobState", "Not confirmed",
                                           "job status: the remix request may have reached the service, no answer");
    case JobState::SubmitFailed:
        return QCoreApplication::translate("JobState", "Not sent", "job status: the service refused the request");
    case JobState::Queued:
        return QCoreApplication::translate("JobState", "Queued", "job status");
    case JobState::InProgress:
        return QCoreApplication::translate("JobState", "In progress", "job status");
    case JobState::Completed:
        return QCoreApplication::translate("JobState", "Completed", "job status");
    case JobState::Failed:
        return QCoreApplication::translate("JobState", "Failed", "job status");
    case JobState::Cancelled:
        return QCoreApplication::translate("JobState", "Cancelled", "job status");
    case JobState::Expired:
        return QCoreApplication::translate("JobState", "Expired", "job status");
    case JobState::Unknown:
        return QCoreApplication::translate("JobState", "Unknown status", "job status");
    }
    return QCoreApplication::translate("JobState", "Unknown status", "job status");
}

QString storageKey(JobState state)
{
    for (const StorageEntry &entry : storageKeys) {
        if (entry.state == state)
            return QString(entry.key);
    }
    return u"unknown"_s;
}

JobState fromStorageKey(const QString &key)
{
    for (const StorageEntry &entry : storageKeys) {
        if (key == entry.key)
            return entry.state;
    }
    return JobState::Unknown;
}

} // namespace JobStates

namespace JobKinds {

QString storageKey(JobKind kind)
{
    switch (kind) {
    case JobKind::Remix:
        break;
    case JobKind::Create:
        return u"create"_s;
    case JobKind::Extend:
        return u"extend"_s;
    }
    return u"remix"_s;
}

JobKind fromStorageKey(const QString &key)
{
    if (key == "create"_L1)
        return JobKind::Create;
    if (key == "extend"_L1)
        return JobKind::Extend;
    return JobKind::Remix;
}

} // namespace JobKinds
