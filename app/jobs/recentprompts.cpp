#include "jobs/recentprompts.h"

#include "jobs/joblist.h"

#include <QSet>

RecentPrompts::RecentPrompts(JobList *jobs, int limit, QObject *parent)
    : QStringListModel(parent)
    , m_limit(qMax(1, limit))
{
    QStringList prompts;
    QSet<QString> seen;
    for (const RemixJob &job : jobs->jobs()) {
        const QString prompt = job.prompt.trimmed();
        if (!prompt.isEmpty() && !seen.contains(prompt)) {
            seen.insert(prompt);
            prompts.append(prompt);
        }
        if (prompts.size() >= m_limit)
            break;
    }
    setStringList(prompts);

    connect(jobs, &JobList::jobAdded, this, [this, jobs](const QString &localId) {
        if (const RemixJob *job = jobs->find(localId))
            addNewest(job->prompt.trimmed());
    });
    connect(jobs, &JobList::olderJobsAppended, this, [this, jobs](const QStringList &newestFirst) {
        QStringList prompts = stringList();
        const qsizetype before = prompts.size();
        for (const QString &localId : newestFirst) {
            if (prompts.size() >= m_limit)
                break;
            const RemixJob *job = jobs->find(localId);
            const QString prompt = job ? job->prompt.trimmed() : QString();
            if (!prompt.isEmpty() && !prompts.contains(prompt))
                prompts.append(prompt);
        }
        if (prompts.size() == before)
            return;
        // One insert for the whole batch: a long history does not rebuild the list row by row.
        insertRows(int(before), int(prompts.size() - before));
        for (qsizetype i = before; i < prompts.size(); ++i)
            setData(index(int(i)), prompts.at(i));
    });
}

RecentPrompts::~RecentPrompts() = default;

void RecentPrompts::addNewest(const QString &prompt)
{
    if (prompt.isEmpty())
        return;
    const int at = int(stringList().indexOf(prompt));
    if (at == 0)
        return;
    if (at > 0)
        moveRows(QModelIndex(), at, 1, QModelIndex(), 0);
    else {
        insertRows(0, 1);
        setData(index(0), prompt);
        if (rowCount() > m_limit)
            removeRows(m_limit, rowCount() - m_limit);
    }
}
