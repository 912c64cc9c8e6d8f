#include "jobs/joblist.h"
#include "jobs/jobmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
RemixJob makeJob(const QString &id)
{
    RemixJob job;
    job.localId = id;
    job.sourceVideoId = u"video_source_"_s + id;
    job.prompt = u"让这个视频背景变成紫色"_s;
    job.state = JobState::Submitting;
    job.submittedAt = QDateTime::currentDateTimeUtc();
    return job;
}

// The (row, first column, last column) of every dataChanged emission recorded by a spy.
QList<std::tuple<int, int, int>> ranges(const QSignalSpy &spy)
{
    QList<std::tuple<int, int, int>> result;
    for (const QList<QVariant> &args : spy) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        if (topLeft.row() != bottomRight.row())
            result.append({-1, topLeft.column(), bottomRight.column()});
        else
            result.append({topLeft.row(), topLeft.column(), bottomRight.column()});
    }
    return result;
}
} // namespace

class TstJobModel final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_jobs = new JobList(this);
        m_model = new JobModel(m_jobs, this);
        m_model->setCoalesceIntervalMs(0);
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
    }
    void cleanup()
    {
        delete m_model;
        delete m_jobs;
    }

    void newestJobIsRowZero()
    {
        m_jobs->add(makeJob(u"a"_s));
        m_jobs->add(makeJob(u"b"_s));
        m_jobs->add(makeJob(u"c"_s));
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(0, 0).data(JobModel::JobIdRole).toString(), u"c"_s);
        QCOMPARE(m_model->index(2, 0).data(JobModel::JobIdRole).toString(), u"a"_s);
        QCOMPARE(m_model->rowOf(u"a"_s), 2);
        QCOMPARE(m_model->rowOf(u"missing"_s), -1);
        QCOMPARE(m_model->jobs().first().localId, u"c"_s);
    }

    void duplicateIdIsIgnored()
    {
        m_jobs->add(makeJob(u"a"_s));
        m_jobs->add(makeJob(u"a"_s));
        QCOMPARE(m_model->rowCount(), 1);
    }

    void rawValuesInUserRolesTextInDisplayRole()
    {
        RemixJob job = makeJob(u"a"_s);
        job.state = JobState::InProgress;
        job.progress = 42;
        job.resultVideoId = u"video_new"_s;
        m_jobs->add(job);
        const QModelIndex progress = m_model->index(0, JobModel::ProgressColumn);
        QCOMPARE(progress.data(JobModel::ProgressRole).toInt(), 42);
        QVERIFY(progress.data(Qt::DisplayRole).toString().contains(u"42"_s));
        QCOMPARE(progress.data(JobModel::StateRole).toInt(), int(JobState::InProgress));
        QCOMPARE(progress.data(JobModel::StateCategoryRole).toInt(), int(StateCategory::Running));
        QCOMPARE(m_model->index(0, JobModel::ResultColumn).data().toString(), u"video_new"_s);
        QCOMPARE(m_model->index(0, JobModel::StatusColumn).data().toString(),
                 JobStates::displayName(JobState::InProgress));
        QCOMPARE(m_model->index(0, JobModel::PromptColumn).data(Qt::ToolTipRole).toString(), job.prompt);
    }

    void progressChangeTouchesOnlyTheProgressCell()
    {
        m_jobs->add(makeJob(u"a"_s));
        m_jobs->add(makeJob(u"b"_s));
        RemixJob job = *m_model->job(u"a"_s);
        job.state = JobState::InProgress;
        m_jobs->update(job);

        QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
        job.progress = 55;
        m_jobs->update(job);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(ranges(spy).first(), std::make_tuple(1, int(JobModel::ProgressColumn), int(JobModel::ProgressColumn)));
    }

    void stateChangeTouchesStatusAndProgress()
    {
        m_jobs->add(makeJob(u"a"_s));
        QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
        RemixJob job = *m_model->job(u"a"_s);
        job.state = JobState::Queued;
        job.resultVideoId = u"video_1"_s;
        m_jobs->update(job);
        // Status and progress are neighbours (one signal); the result id is one more column.
        QCOMPARE(ranges(spy),
                 (QList<std::tuple<int, int, int>>{{0, int(JobModel::StatusColumn), int(JobModel::ResultColumn)}}));
    }

    void unchangedJobEmitsNothing()
    {
        m_jobs->add(makeJob(u"a"_s));
        QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
        m_jobs->update(*m_model->job(u"a"_s));
        QCOMPARE(spy.count(), 0);
    }

    void updatesAreCoalesced()
    {
        m_model->setCoalesceIntervalMs(50);
        m_jobs->add(makeJob(u"a"_s));
        QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
        RemixJob job = *m_model->job(u"a"_s);
        job.state = JobState::InProgress;
        for (int progress = 1; progress <= 20; ++progress) {
            job.progress = progress;
            m_jobs->update(job);
        }
        QCOMPARE(spy.count(), 0); // nothing yet: gathered
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(ranges(spy).first(), std::make_tuple(0, int(JobModel::StatusColumn), int(JobModel::ProgressColumn)));
        QCOMPARE(m_model->index(0, JobModel::ProgressColumn).data(JobModel::ProgressRole).toInt(), 20);
    }

    void failedJobShowsItsReason()
    {
        RemixJob job = makeJob(u"a"_s);
        job.state = JobState::Failed;
        job.error =
            ApiError::fromFailedJob(u"moderation_blocked"_s, u"Your request was blocked by our moderation system."_s);
        m_jobs->add(job);
        const QModelIndex status = m_model->index(0, JobModel::StatusColumn);
        QVERIFY(!status.data(JobModel::ErrorMessageRole).toString().isEmpty());
        QVERIFY(status.data().toString().startsWith(JobStates::displayName(JobState::Failed)));
        QVERIFY(status.data(JobModel::ErrorDetailRole).toString().contains(u"moderation"_s));
    }

    // The status cell says why in a few words that fit the column; the whole sentence with what to do
    // is in the tooltip (and the details); the bar does not show a stuck-looking "0 %".
    void failedStatusIsShortWithTheFullReasonInTheTooltip()
    {
        RemixJob job = makeJob(u"a"_s);
        job.state = JobState::Failed;
        job.error =
            ApiError::fromFailedJob(u"moderation_blocked"_s, u"Your request was blocked by our moderation system."_s);
        m_jobs->add(job);
        const QModelIndex status = m_model->index(0, JobModel::StatusColumn);
        QCOMPARE(status.data().toString(), u"Failed · blocked by moderation"_s);
        const QString sentence = status.data(JobModel::ErrorMessageRole).toString();
        QVERIFY(status.data(Qt::ToolTipRole).toString().contains(sentence));
        const QModelIndex progress = m_model->index(0, JobModel::ProgressColumn);
        QVERIFY2(!progress.data().toString().contains(u'%'), qPrintable(progress.data().toString()));
        QCOMPARE(progress.data().toString(), JobStates::displayName(JobState::Failed));
        // No result video to show for it, though the service named the job.
        job.resultVideoId = u"video_never_made"_s;
        m_jobs->update(job);
        QVERIFY(m_model->index(0, JobModel::ResultColumn).data().toString().isEmpty());
        QCOMPARE(m_model->index(0, JobModel::ResultColumn).data(JobModel::ResultIdRole).toString(),
                 u"video_never_made"_s);

        // Any other failure, too: a short reason, never the full sentence.
        RemixJob refused = makeJob(u"b"_s);
        refused.state = JobState::SubmitFailed;
        refused.error = ApiError::fromHttp(401, R"({"error":{"message":"Invalid key"}})", ServerHints{});
        m_jobs->add(refused);
        const QString text = m_model->index(0, JobModel::StatusColumn).data().toString();
        QVERIFY2(text.endsWith(u" · API key rejected"_s), qPrintable(text));
    }

    // Screen readers read the progress as "45 percent" and the status in words, with the reason.
    void accessibleTextSpeaksProgressAndStatus()
    {
        RemixJob job = makeJob(u"a"_s);
        job.state = JobState::InProgress;
        job.progress = 45;
        m_jobs->add(job);
        QCOMPARE(m_model->index(0, JobModel::ProgressColumn).data(Qt::AccessibleTextRole).toString(), u"45 percent"_s);
        QCOMPARE(m_model->index(0, JobModel::StatusColumn).data(Qt::AccessibleTextRole).toString(),
                 JobStates::displayName(JobState::InProgress));
        QVERIFY(!m_model->index(0, JobModel::ResultColumn).data(Qt::AccessibleTextRole).toString().isEmpty());

        job.state = JobState::Failed;
        job.error = ApiError::fromFailedJob(u"moderation_blocked"_s, u"Blocked."_s);
        m_jobs->update(job);
        const QString spoken = m_model->index(0, JobModel::StatusColumn).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(u"blocked by moderation"_s) && spoken.contains(u"Change the prompt"_s),
                 qPrintable(spoken));
    }

    void unknownStatusShowsTheRawWord()
    {
        RemixJob job = makeJob(u"a"_s);
        job.state = JobState::Unknown;
        job.rawStatus = u"rendering_v2"_s;
        m_jobs->add(job);
        QVERIFY(m_model->index(0, JobModel::StatusColumn).data().toString().contains(u"rendering_v2"_s));
    }

    void retranslateAnnouncesHeadersAndText()
    {
        m_jobs->add(makeJob(u"a"_s));
        QSignalSpy headers(m_model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy data(m_model, &QAbstractItemModel::dataChanged);
        m_model->retranslate();
        QCOMPARE(headers.count(), 1);
        QCOMPARE(headers.first().at(2).toInt(), JobModel::ColumnCount - 1);
        QCOMPARE(data.count(), 1);
    }

    void removeKeepsKeysConsistent()
    {
        m_jobs->add(makeJob(u"a"_s));
        m_jobs->add(makeJob(u"b"_s));
        m_jobs->add(makeJob(u"c"_s));
        m_jobs->remove(u"b"_s);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->rowOf(u"c"_s), 0);
        QCOMPARE(m_model->rowOf(u"a"_s), 1);
        RemixJob job = *m_model->job(u"a"_s);
        job.progress = 9;
        QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
        m_jobs->update(job);
        QCOMPARE(std::get<0>(ranges(spy).first()), 1);
    }

    // The model adapts a list that already has jobs, and older jobs (the history) land below.
    void adaptsAnExistingListAndOlderJobs()
    {
        delete m_model;
        m_jobs->add(makeJob(u"a"_s));
        m_jobs->add(makeJob(u"b"_s));
        m_model = new JobModel(m_jobs, this);
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_model);
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->index(0, 0).data(JobModel::JobIdRole).toString(), u"b"_s);
        m_jobs->appendOlder({makeJob(u"old2"_s), makeJob(u"old1"_s)});
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->index(2, 0).data(JobModel::JobIdRole).toString(), u"old2"_s);
        QCOMPARE(m_model->index(3, 0).data(JobModel::JobIdRole).toString(), u"old1"_s);
        m_jobs->add(makeJob(u"c"_s));
        QCOMPARE(m_model->index(0, 0).data(JobModel::JobIdRole).toString(), u"c"_s);
        QCOMPARE(m_model->rowOf(u"old1"_s), 4);
    }

    void lineageComesFromTheList()
    {
        RemixJob source = makeJob(u"first"_s);
        source.resultVideoId = u"video_made"_s;
        m_jobs->add(source);
        RemixJob remix = makeJob(u"second"_s);
        remix.sourceVideoId = u"video_made"_s;
        m_jobs->add(remix);
        QCOMPARE(m_model->index(0, 0).data(JobModel::ParentJobIdRole).toString(), u"first"_s);
        QCOMPARE(m_model->index(1, 0).data(JobModel::ParentJobIdRole).toString(), QString());
    }

private:
    JobList *m_jobs = nullptr;
    JobModel *m_model = nullptr;
};

QTEST_GUILESS_MAIN(TstJobModel)
#include "tst_jobmodel.moc"
