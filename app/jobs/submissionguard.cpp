#include "jobs/submissionguard.h"

#include <algorithm>

SubmissionGuard::SubmissionGuard(int windowMs)
    : m_windowMs(qMax(0, windowMs))
{
    m_steady.start();
}

void SubmissionGuard::setWindowMs(int ms)
{
    m_windowMs = qMax(0, ms);
}

void SubmissionGuard::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 SubmissionGuard::now() const
{
    return m_clock ? m_clock() : m_steady.elapsed();
}

bool SubmissionGuard::isQuickRepeat(const Submission &submission) const
{
    const qint64 nowMs = now();
    return std::any_of(m_recent.cbegin(), m_recent.cend(),
                       [&](const Entry &entry) { return entry.submission == submission && isRecent(entry, nowMs); });
}

void SubmissionGuard::record(const Submission &submission, const QString &jobId)
{
    const qint64 nowMs = now();
    // Only the window matters: what is older can never make a repeat again.
    m_recent.removeIf([&](const Entry &entry) { return !isRecent(entry, nowMs); });
    m_recent.append({submission, jobId, nowMs});
}

void SubmissionGuard::forget(const QString &jobId)
{
    if (jobId.isEmpty())
        return;
    m_recent.removeIf([&jobId](const Entry &entry) { return entry.jobId == jobId; });
}
