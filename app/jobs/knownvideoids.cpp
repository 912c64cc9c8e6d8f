#include "jobs/knownvideoids.h"

#include "jobs/joblist.h"

KnownVideoIds::KnownVideoIds(JobList *jobs, QObject *parent)
    : QStringListModel(parent)
{
    QStringList ids;
    for (const RemixJob &job : jobs->jobs()) {
        if (job.state == JobState::Completed && !job.resultVideoId.isEmpty() && !m_known.contains(job.resultVideoId)) {
            m_known.insert(job.resultVideoId);
            ids.append(job.resultVideoId);
        }
    }
    setStringList(ids);
    const auto follow = [this, jobs](const QString &localId) {
        const RemixJob *job = jobs->find(localId);
        if (job && job->state == JobState::Completed && !job->resultVideoId.isEmpty())
            addId(job->resultVideoId, true);
    };
    connect(jobs, &JobList::jobAdded, this, follow);
    connect(jobs, &JobList::jobChanged, this, follow);
    connect(jobs, &JobList::olderJobsAppended, this, [this, jobs](const QStringList &newestFirst) {
        QStringList older;
        for (const QString &localId : newestFirst) {
            const RemixJob *job = jobs->find(localId);
            if (job && job->state == JobState::Completed && !job->resultVideoId.isEmpty()
                && !m_known.contains(job->resultVideoId)) {
                m_known.insert(job->resultVideoId);
                older.append(job->resultVideoId);
            }
        }
        if (older.isEmpty())
            return;
        // One insert for the whole batch: a long history does not rebuild the list row by row.
        const int first = rowCount();
        insertRows(first, int(older.size()));
        for (int i = 0; i < older.size(); ++i)
            setData(index(first + i), older.at(i));
    });
}

KnownVideoIds::~KnownVideoIds() = default;

void KnownVideoIds::addIds(const QStringList &ids)
{
    for (const QString &id : ids)
        addId(id, false);
}

void KnownVideoIds::addId(const QString &id, bool newest)
{
    if (id.isEmpty() || m_known.contains(id))
        return;
    m_known.insert(id);
    const int row = newest ? 0 : rowCount();
    insertRows(row, 1);
    setData(index(row), id);
}
