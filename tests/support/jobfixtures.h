#pragma once

#include "jobs/remixjob.h"

#include <QString>

// Small job records for tests that only need an id and a prompt (recent prompts, prompt help).
namespace JobFixtures {
inline RemixJob jobWithPrompt(const QString &localId, const QString &prompt)
{
    RemixJob job;
    job.localId = localId;
    job.prompt = prompt;
    job.sourceVideoId = QStringLiteral("video_src");
    return job;
}
} // namespace JobFixtures
