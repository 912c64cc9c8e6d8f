#pragma once

#include "jobs/remixjob.h"

// Which job actions apply to a job, decided from the job alone: the window enables its actions from
// these, and tests check them without widgets. Each rule is about one job; the window enables an
// action when the rule holds for any selected job (or for the job under the cursor).
namespace JobRules {

// The result can be remixed again: the job completed and the service named the new video.
bool canRemixFrom(const RemixJob &job);
// The video can be continued (POST /videos/extensions): the job completed and the service named it.
bool canExtend(const RemixJob &job);
// Asking the service for the status now makes sense: the job has a server id and is still followed
// (waiting, running, unknown), or its polling stopped (time cap, unknown to the service).
bool canRefresh(const RemixJob &job);
// The remix did not come out and may be sent again as a new, charged job: the POST was refused or
// got no answer, or the service said it failed. Cancelled and expired videos were a decision, not a
// failure: a new remix of those is an ordinary submit.
bool canRetry(const RemixJob &job);
// The service made the job (it named a result video) before it failed: a retry is charged again. A POST
// that was refused made nothing; one without an answer may or may not have (the confirmation says so).
bool wasMadeByService(const RemixJob &job);
// Refused by the service's content checks (moderation), at the POST or while it was made: the same prompt
// would be refused again.
bool isBlockedByModeration(const RemixJob &job);
// Edit and Resend: a blocked remix goes back into the remix form, prompt and source, with the reason.
bool canEditAndResend(const RemixJob &job);
// The finished video's file can be fetched again: the job completed and no download is waiting or
// under way.
bool canDownloadAgain(const RemixJob &job);
// The result video can be deleted on the service: the service named it and the POST is over.
bool canDeleteOnService(const RemixJob &job);
// A downloaded file is recorded for the job (whether it still exists on disk is not checked here).
bool hasSavedFile(const RemixJob &job);

} // namespace JobRules
