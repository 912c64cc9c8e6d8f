#include "jobs/jobrules.h"

namespace JobRules {

bool canRemixFrom(const RemixJob &job)
{
    return job.state == JobState::Completed && !job.resultVideoId.isEmpty();
}

bool canExtend(const RemixJob &job)
{
    return canRemixFrom(job);
}

bool canRefresh(const RemixJob &job)
{
    return !job.resultVideoId.isEmpty() && (JobStates::isPollable(job.state) || job.pollingStopped);
}

bool canRetry(const RemixJob &job)
{
    return job.state == JobState::SubmitFailed || job.state == JobState::NotConfirmed || job.state == JobState::Failed;
}

bool wasMadeByService(const RemixJob &job)
{
    return !job.resultVideoId.isEmpty();
}

bool isBlockedByModeration(const RemixJob &job)
{
    return (job.state == JobState::Failed || job.state == JobState::SubmitFailed) && job.error.isModeration();
}

bool canEditAndResend(const RemixJob &job)
{
    return job.kind == JobKind::Remix && !job.sourceVideoId.isEmpty() && isBlockedByModeration(job);
}

bool canDownloadAgain(const RemixJob &job)
{
    return job.state == JobState::Completed && job.downloadState != DownloadState::Pending
           && job.downloadState != DownloadState::Downloading;
}

bool canDeleteOnService(const RemixJob &job)
{
    return !job.resultVideoId.isEmpty() && job.state != JobState::Submitting;
}

bool hasSavedFile(const RemixJob &job)
{
    return job.downloadState == DownloadState::Done && !job.filePath.isEmpty();
}

} // namespace JobRules
