#include "jobs/joblist.h"

#include "api/secretmask.h"
#include "logging.h"

namespace {
// The last net for keys: the request layer masks the key of the job's own service; this also catches
// the keys of the other profiles (and key-shaped text) in anything a service said, before the job is
// shown or reaches the history.
RemixJob scrubbed(RemixJob job)
{
    KnownSecrets::scrub(job.error);
    KnownSecrets::scrub(job.downloadFailure.apiError);
    job.downloadFailure.writeError = KnownSecrets::scrub(job.downloadFailure.writeError);
    job.rawStatus = KnownSecrets::scrub(job.rawStatus);
    return job;
}

// Every field, so that a change no cell shows (updatedAt, downloadUrl, ...) still reaches the history.
bool sameRecord(const RemixJob &a, const RemixJob &b)
{
    return a.localId == b.localId && a.kind == b.kind && a.sourceVideoId == b.sourceVideoId && a.prompt == b.prompt
           && a.model == b.model && a.seconds == b.seconds && a.size == b.size && a.reference == b.reference
           && a.resultVideoId == b.resultVideoId && a.state == b.state && a.progress == b.progress
           && a.rawStatus == b.rawStatus && a.error == b.error && a.retrying == b.retrying
           && a.pollingStopped == b.pollingStopped && a.pollingStartedAt == b.pollingStartedAt
           && a.submittedAt == b.submittedAt && a.updatedAt == b.updatedAt && a.completedAt == b.completedAt
           && a.apiBase == b.apiBase && a.profileId == b.profileId && a.expiresAt == b.expiresAt
           && a.downloadUrl == b.downloadUrl && a.downloadState == b.downloadState
           && a.downloadProgress == b.downloadProgress && a.filePath == b.filePath
           && a.downloadFailure == b.downloadFailure && a.thumbnailPath == b.thumbnailPath;
}
} // namespace

JobList::JobList(QObject *parent)
    : QObject(parent)
{}

JobList::~JobList() = default;

bool JobList::add(const RemixJob &unscrubbed)
{
    const RemixJob job = scrubbed(unscrubbed);
    if (job.localId.isEmpty() || m_positionById.contains(job.localId)) {
        qCWarning(lcModel) << "ignoring job without id or with a duplicate id" << job.localId;
        return false;
    }
    m_positionById.insert(job.localId, m_firstSeq + int(m_jobs.size()));
    m_jobs.append(job);
    if (!job.resultVideoId.isEmpty())
        m_jobIdByResult.insert(job.resultVideoId, job.localId);
    emit jobAdded(job.localId);
    return true;
}

void JobList::appendOlder(const QVector<RemixJob> &newestFirst)
{
    // Stored oldest first: the older jobs go in front (QList prepends in place), each numbered one below
    // the first; no stored number moves, so a batch costs its own size, not the list's.
    QStringList ids;
    for (const RemixJob &job : newestFirst) {
        if (job.localId.isEmpty() || m_positionById.contains(job.localId))
            continue;
        m_jobs.prepend(scrubbed(job));
        m_positionById.insert(job.localId, --m_firstSeq);
        if (!job.resultVideoId.isEmpty())
            m_jobIdByResult.insert(job.resultVideoId, job.localId);
        ids.append(job.localId);
    }
    if (ids.isEmpty())
        return;
    emit olderJobsAppended(ids);
}

bool JobList::update(const RemixJob &unscrubbed)
{
    const RemixJob job = scrubbed(unscrubbed);
    const auto it = m_positionById.constFind(job.localId);
    if (it == m_positionById.cend()) {
        qCWarning(lcModel) << "update for unknown job" << job.localId;
        return false;
    }
    RemixJob &stored = m_jobs[it.value() - m_firstSeq];
    if (sameRecord(stored, job))
        return true;
    if (stored.resultVideoId != job.resultVideoId) {
        m_jobIdByResult.remove(stored.resultVideoId);
        if (!job.resultVideoId.isEmpty())
            m_jobIdByResult.insert(job.resultVideoId, job.localId);
    }
    const RemixJob previous = std::exchange(stored, job);
    emit jobChanged(job.localId, previous);
    return true;
}

bool JobList::remove(const QString &localId)
{
    const auto it = m_positionById.constFind(localId);
    if (it == m_positionById.cend())
        return false;
    const int number = it.value();
    m_jobIdByResult.remove(m_jobs.at(number - m_firstSeq).resultVideoId);
    m_jobs.removeAt(number - m_firstSeq);
    m_positionById.erase(it);
    for (auto id = m_positionById.begin(); id != m_positionById.end(); ++id) {
        if (id.value() > number)
            --id.value();
    }
    emit jobRemoved(localId);
    return true;
}

std::optional<RemixJob> JobList::job(const QString &localId) const
{
    if (const RemixJob *stored = find(localId))
        return *stored;
    return std::nullopt;
}

const RemixJob *JobList::find(const QString &localId) const
{
    const auto it = m_positionById.constFind(localId);
    return it == m_positionById.cend() ? nullptr : &m_jobs.at(it.value() - m_firstSeq);
}

QVector<RemixJob> JobList::jobs() const
{
    QVector<RemixJob> newestFirst;
    newestFirst.reserve(m_jobs.size());
    for (auto it = m_jobs.crbegin(); it != m_jobs.crend(); ++it)
        newestFirst.append(*it);
    return newestFirst;
}
