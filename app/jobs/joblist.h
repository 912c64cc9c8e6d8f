#pragma once

#include "jobs/remixjob.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <optional>

// The jobs of this session and of the history: the one place where a job's record is kept and changed.
// The controller (what the service says), the downloads (where the file stands) and the history (what
// was saved last time) change jobs only through add(), appendOlder(), update() and remove(); everybody
// else listens. JobModel adapts the list for the views, the history store writes each change. Data
// flows one way: service -> request -> job list -> model -> view (qBittorrent's Session and its
// TransferListModel have the same split).
//
// Jobs are keyed by RemixJob::localId and ordered newest first (position 0 is the newest). Before a job
// is kept, anything a service said in it is scrubbed of every known key (KnownSecrets), so no listener
// can show or store one.
class JobList final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobList)

public:
    explicit JobList(QObject *parent = nullptr);
    ~JobList() override;

    // A new job, now the newest. Ignored (false) when its id is empty or already present.
    bool add(const RemixJob &job);
    // Older jobs (the history, newest first) after the existing ones, in one step; known ids are skipped.
    void appendOlder(const QVector<RemixJob> &newestFirst);
    // Replaces the job with the same localId. False when there is none.
    bool update(const RemixJob &job);
    // False when there is no such job.
    bool remove(const QString &localId);

    int count() const { return int(m_jobs.size()); }
    bool contains(const QString &localId) const { return m_positionById.contains(localId); }
    std::optional<RemixJob> job(const QString &localId) const;
    // The stored job, or nullptr; valid until the list next changes.
    const RemixJob *find(const QString &localId) const;
    QVector<RemixJob> jobs() const; // newest first
    // Calls visit(const RemixJob &) for every job, newest first, without copying any (a long history
    // is read this way); the list must not change meanwhile.
    template<typename Visit> void forEachJob(Visit visit) const
    {
        for (auto it = m_jobs.crbegin(); it != m_jobs.crend(); ++it)
            visit(*it);
    }
    // The job whose result is this video ("" when none): the source -> remix chain.
    QString jobIdForResult(const QString &resultVideoId) const { return m_jobIdByResult.value(resultVideoId); }

signals:
    void jobAdded(const QString &localId);
    // count older jobs were appended after the existing ones (newestFirst order, as given).
    void olderJobsAppended(const QStringList &localIds);
    // Something in the job changed; previous is the record before the change (for the model's cells).
    // Not emitted when update() brought nothing new.
    void jobChanged(const QString &localId, const RemixJob &previous);
    void jobRemoved(const QString &localId);

private:
    QVector<RemixJob> m_jobs;                // oldest first
    QHash<QString, int> m_positionById;      // localId -> m_firstSeq + index in m_jobs: never moves on insert
    int m_firstSeq = 0;                      // goes down as older jobs are put in front
    QHash<QString, QString> m_jobIdByResult; // resultVideoId -> localId
};
