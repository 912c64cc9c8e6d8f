#include "jobs/jobfiltermodel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

using Bucket = JobFilterModel::Bucket;

namespace {
RemixJob makeJob(const QString &id, JobState state)
{
    RemixJob job;
    job.localId = id;
    job.sourceVideoId = u"video_source_"_s + id;
    job.resultVideoId = u"video_result_"_s + id;
    job.prompt = u"让这个视频背景变成紫色 "_s + id;
    job.state = state;
    job.submittedAt = QDateTime::currentDateTimeUtc();
    return job;
}

const JobState States[] = {JobState::Queued,    JobState::InProgress,   JobState::Completed, JobState::Failed,
                           JobState::Cancelled, JobState::NotConfirmed, JobState::Submitting};
} // namespace

class TstJobFilterModel final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_jobs = new JobList(this);
        m_model = new JobModel(m_jobs, this);
        m_model->setCoalesceIntervalMs(0);
        m_filter = new JobFilterModel(this);
        m_filter->setJobModel(m_model);
        new QAbstractItemModelTester(m_filter, QAbstractItemModelTester::FailureReportingMode::QtTest, m_filter);
    }
    void cleanup()
    {
        delete m_filter;
        delete m_model;
        delete m_jobs;
    }

    // The counts over the whole list follow additions, history batches, status changes and removals.
    void countsFollowEveryChange()
    {
        QSignalSpy changed(m_filter, &JobFilterModel::countsChanged);
        m_jobs->add(makeJob(u"a"_s, JobState::Queued));
        m_jobs->add(makeJob(u"b"_s, JobState::Completed));
        QCOMPARE(counts(), expectedCounts());
        QCOMPARE(m_filter->count(Bucket::Active), 1);
        QCOMPARE(m_filter->count(Bucket::Completed), 1);
        QCOMPARE(changed.count(), 2);

        m_jobs->appendOlder({makeJob(u"old1"_s, JobState::Failed), makeJob(u"old2"_s, JobState::NotConfirmed),
                             makeJob(u"old3"_s, JobState::Completed)});
        QCOMPARE(counts(), expectedCounts());
        QCOMPARE(m_filter->count(Bucket::Failed), 2);
        QCOMPARE(m_filter->count(Bucket::All), 5);

        RemixJob a = *m_jobs->find(u"a"_s);
        a.state = JobState::Failed;
        changed.clear();
        m_jobs->update(a);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_filter->count(Bucket::Active), 0);
        QCOMPARE(m_filter->count(Bucket::Failed), 3);

        // A change that keeps the bucket (progress) says nothing.
        RemixJob b = *m_jobs->find(u"b"_s);
        b.progress = 100;
        changed.clear();
        m_jobs->update(b);
        QCOMPARE(changed.count(), 0);

        m_jobs->remove(u"old2"_s);
        QCOMPARE(counts(), expectedCounts());
        QCOMPARE(m_filter->count(Bucket::Failed), 2);
        QCOMPARE(m_filter->count(Bucket::All), 4);
    }

    // Any sequence of changes leaves the counts equal to a count over all rows.
    void randomChangesKeepCountsExact()
    {
        QRandomGenerator random(12);
        int next = 0;
        for (int step = 0; step < 400; ++step) {
            const JobState state = States[random.bounded(int(std::size(States)))];
            const QVector<RemixJob> jobs = m_jobs->jobs();
            switch (random.bounded(4)) {
            case 0:
                m_jobs->add(makeJob(QString::number(next++), state));
                break;
            case 1:
                m_jobs->appendOlder({makeJob(QString::number(next++), state), makeJob(QString::number(next++), state)});
                break;
            case 2:
                if (!jobs.isEmpty()) {
                    RemixJob job = jobs.at(random.bounded(int(jobs.size())));
                    job.state = state;
                    m_jobs->update(job);
                }
                break;
            default:
                if (!jobs.isEmpty())
                    m_jobs->remove(jobs.at(random.bounded(int(jobs.size()))).localId);
                break;
            }
            QCOMPARE(counts(), expectedCounts());
        }
    }

    // A change of one job costs one job, not a pass over the whole list: after the first count (when
    // the model is set), no change recounts all rows. The search and the bucket do not touch the counts.
    void changesAreCountedIncrementally()
    {
        QVector<RemixJob> history;
        for (int i = 0; i < 500; ++i)
            history.append(makeJob(u"h%1"_s.arg(i), States[i % std::size(States)]));
        m_jobs->appendOlder(history);
        const int recountsBefore = m_filter->fullRecountCount();

        m_jobs->add(makeJob(u"new"_s, JobState::Queued));
        RemixJob job = *m_jobs->find(u"h7"_s);
        job.state = JobState::Completed;
        m_jobs->update(job);
        m_jobs->remove(u"h8"_s);
        m_filter->setSearchText(u"h1"_s);
        m_filter->setBucket(Bucket::Failed);

        QCOMPARE(m_filter->fullRecountCount(), recountsBefore);
        m_filter->setSearchText(QString());
        m_filter->setBucket(Bucket::All);
        QCOMPARE(counts(), expectedCounts());
    }

    // The search reads a cached, case-folded text per row: it must follow every change (a job added at
    // the top, older ones at the end, a new result id or prompt, a removal) exactly as a search of the
    // jobs themselves would, with a bucket set too.
    void searchFollowsEveryChange()
    {
        m_filter->setSearchText(u"RESULT_N"_s);
        m_filter->setBucket(Bucket::Completed);
        QRandomGenerator random(7);
        int next = 0;
        for (int step = 0; step < 300; ++step) {
            const QVector<RemixJob> jobs = m_jobs->jobs();
            const JobState state = States[random.bounded(int(std::size(States)))];
            const int action = jobs.isEmpty() ? 0 : random.bounded(5);
            if (action == 0) {
                m_jobs->add(makeJob(QString::number(next++), state));
            } else if (action == 1) {
                m_jobs->appendOlder({makeJob(QString::number(next++), state)});
            } else if (action == 2 || action == 3) {
                RemixJob job = jobs.at(random.bounded(int(jobs.size())));
                job.state = state;
                if (random.bounded(2))
                    job.resultVideoId = random.bounded(2) ? u"video_result_n"_s + job.localId : u"video_other"_s;
                else
                    job.prompt = random.bounded(2) ? u"Result_N 紫色"_s : u"紫色"_s;
                m_jobs->update(job);
            } else {
                m_jobs->remove(jobs.at(random.bounded(int(jobs.size()))).localId);
            }
            QStringList expected;
            for (const RemixJob &job : m_jobs->jobs()) {
                const bool found = job.sourceVideoId.contains(u"result_n"_s, Qt::CaseInsensitive)
                                   || job.resultVideoId.contains(u"result_n"_s, Qt::CaseInsensitive)
                                   || job.prompt.contains(u"result_n"_s, Qt::CaseInsensitive);
                if (found && JobFilterModel::bucketOf(int(job.state)) == Bucket::Completed)
                    expected.append(job.localId);
            }
            QStringList shown;
            for (int row = 0; row < m_filter->rowCount(); ++row)
                shown.append(m_filter->index(row, 0).data(JobModel::JobIdRole).toString());
            expected.sort();
            shown.sort();
            QCOMPARE(shown, expected);
        }
    }

    // Sorted by time (the list's order), the rows follow additions, history batches, removals and a job
    // whose time changes (the sort reads cached times, kept per change like the counts).
    void timeOrderFollowsEveryChange()
    {
        m_filter->setDynamicSortFilter(true);
        m_filter->sort(JobModel::TimeColumn, Qt::DescendingOrder);
        const QDateTime base = QDateTime::currentDateTimeUtc();
        QRandomGenerator random(11);
        int next = 0;
        const auto jobAt = [&](int minutes) {
            RemixJob job = makeJob(QString::number(next++), JobState::Completed);
            job.submittedAt = base.addSecs(qint64(minutes) * 60);
            return job;
        };
        for (int step = 0; step < 300; ++step) {
            const QVector<RemixJob> jobs = m_jobs->jobs();
            const int action = jobs.isEmpty() ? 0 : random.bounded(4);
            if (action == 0) {
                m_jobs->add(jobAt(random.bounded(1000)));
            } else if (action == 1) {
                m_jobs->appendOlder({jobAt(random.bounded(1000)), jobAt(random.bounded(1000))});
            } else if (action == 2) {
                RemixJob job = jobs.at(random.bounded(int(jobs.size())));
                job.submittedAt = base.addSecs(qint64(random.bounded(1000)) * 60);
                m_jobs->update(job);
            } else {
                m_jobs->remove(jobs.at(random.bounded(int(jobs.size()))).localId);
            }
            QList<qint64> shown;
            for (int row = 0; row < m_filter->rowCount(); ++row) {
                const QString id = m_filter->index(row, 0).data(JobModel::JobIdRole).toString();
                shown.append(m_jobs->find(id)->submittedAt.toMSecsSinceEpoch());
            }
            QList<qint64> expected = shown;
            std::sort(expected.begin(), expected.end(), std::greater<>());
            QCOMPARE(shown, expected);
            QCOMPARE(m_filter->rowCount(), m_jobs->count());
        }
    }

    // A language switch re-reads every cell (one dataChanged over all rows): the counts stay right.
    void retranslateKeepsCounts()
    {
        m_jobs->appendOlder({makeJob(u"x"_s, JobState::Failed), makeJob(u"y"_s, JobState::Completed)});
        m_model->retranslate();
        QCOMPARE(counts(), expectedCounts());
    }

private:
    QList<int> counts() const
    {
        return {m_filter->count(Bucket::All), m_filter->count(Bucket::Active), m_filter->count(Bucket::Completed),
                m_filter->count(Bucket::Failed)};
    }
    // Counted here over every job of the list.
    QList<int> expectedCounts() const
    {
        QList<int> result{int(m_jobs->count()), 0, 0, 0};
        for (const RemixJob &job : m_jobs->jobs())
            ++result[int(JobFilterModel::bucketOf(int(job.state)))];
        return result;
    }

    JobList *m_jobs = nullptr;
    JobModel *m_model = nullptr;
    JobFilterModel *m_filter = nullptr;
};

QTEST_GUILESS_MAIN(TstJobFilterModel)
#include "tst_jobfiltermodel.moc"
