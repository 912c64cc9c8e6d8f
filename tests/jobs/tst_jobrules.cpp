// Which job actions apply to which job (JobRules): the rules the window enables its actions from,
// checked here without widgets for every state and download state where the answer changes.

#include "jobs/jobrules.h"
#include "jobs/remixjob.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(RemixJob)

namespace {

RemixJob makeJob(JobState state, bool hasResult, DownloadState download = DownloadState::None)
{
    RemixJob job;
    job.localId = u"local-1"_s;
    job.sourceVideoId = u"video_source"_s;
    job.prompt = u"purple sky"_s;
    job.state = state;
    if (hasResult)
        job.resultVideoId = u"video_result"_s;
    job.downloadState = download;
    return job;
}

const JobState allStates[] = {
    JobState::Submitting, JobState::NotConfirmed, JobState::SubmitFailed, JobState::Queued,  JobState::InProgress,
    JobState::Completed,  JobState::Failed,       JobState::Cancelled,    JobState::Expired, JobState::Unknown,
};

const DownloadState allDownloadStates[] = {
    DownloadState::None, DownloadState::Pending, DownloadState::Downloading,
    DownloadState::Done, DownloadState::Failed,  DownloadState::Expired,
};

// Whether the service has named the result video by the time a job is in this state.
bool hasResultIn(JobState state)
{
    return state != JobState::Submitting && state != JobState::NotConfirmed && state != JobState::SubmitFailed;
}

QByteArray rowName(JobState state, const char *suffix = "")
{
    return JobStates::storageKey(state).toLatin1() + suffix;
}

const char *downloadName(DownloadState download)
{
    switch (download) {
    case DownloadState::None:
        return "none";
    case DownloadState::Pending:
        return "pending";
    case DownloadState::Downloading:
        return "downloading";
    case DownloadState::Done:
        return "done";
    case DownloadState::Failed:
        return "failed";
    case DownloadState::Expired:
        return "expired";
    }
    return "?";
}

} // namespace

class TstJobRules final : public QObject
{
    Q_OBJECT

private slots:
    void canRetry_data();
    void canRetry();
    void canRefresh_data();
    void canRefresh();
    void canRemixFrom_data();
    void canRemixFrom();
    void canDownloadAgain_data();
    void canDownloadAgain();
    void canDeleteOnService_data();
    void canDeleteOnService();
    void hasSavedFile_data();
    void hasSavedFile();
    void downloadStateDecidesNothingButDownloads();
    void blockedJobsOfferEditAndResend_data();
    void blockedJobsOfferEditAndResend();
    void retryChargesAgainOnlyWhatWasMade_data();
    void retryChargesAgainOnlyWhatWasMade();
};

void TstJobRules::canRetry_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("expected");
    // Only remixes that did not come out: refused, unanswered or failed. Cancelled and expired were a
    // decision; running and finished jobs have nothing to retry.
    for (const JobState state : allStates) {
        const bool expected =
            state == JobState::SubmitFailed || state == JobState::NotConfirmed || state == JobState::Failed;
        QTest::newRow(rowName(state).constData()) << state << expected;
    }
}

void TstJobRules::canRetry()
{
    QFETCH(JobState, state);
    QFETCH(bool, expected);
    QCOMPARE(JobRules::canRetry(makeJob(state, hasResultIn(state))), expected);
    // Whether the service named a result does not change it (a failed job may have one or not).
    QCOMPARE(JobRules::canRetry(makeJob(state, !hasResultIn(state))), expected);
}

void TstJobRules::canRefresh_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("hasResult");
    QTest::addColumn<bool>("pollingStopped");
    QTest::addColumn<bool>("expected");
    // Followed jobs with a server id: waiting, running and unknown ones.
    for (const JobState state : allStates) {
        const bool pollable = state == JobState::Queued || state == JobState::InProgress || state == JobState::Unknown;
        QTest::newRow(rowName(state).constData()) << state << hasResultIn(state) << false << pollable;
    }
    // Without a server id there is nothing to ask about, polling stopped or not.
    QTest::newRow("submitting, no id") << JobState::Submitting << false << false << false;
    QTest::newRow("not confirmed, no id") << JobState::NotConfirmed << false << false << false;
    QTest::newRow("in_progress, no id") << JobState::InProgress << false << false << false;
    QTest::newRow("in_progress, no id, stopped") << JobState::InProgress << false << true << false;
    // Polling stopped (time cap, unknown to the service): a refresh starts it again.
    QTest::newRow("queued, stopped") << JobState::Queued << true << true << true;
    QTest::newRow("in_progress, stopped") << JobState::InProgress << true << true << true;
    QTest::newRow("unknown, stopped") << JobState::Unknown << true << true << true;
    QTest::newRow("completed, stopped") << JobState::Completed << true << true << true;
}

void TstJobRules::canRefresh()
{
    QFETCH(JobState, state);
    QFETCH(bool, hasResult);
    QFETCH(bool, pollingStopped);
    QFETCH(bool, expected);
    RemixJob job = makeJob(state, hasResult);
    job.pollingStopped = pollingStopped;
    QCOMPARE(JobRules::canRefresh(job), expected);
}

void TstJobRules::canRemixFrom_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("hasResult");
    QTest::addColumn<bool>("expected");
    // Only a completed job's result is a video to remix.
    for (const JobState state : allStates)
        QTest::newRow(rowName(state).constData()) << state << hasResultIn(state) << (state == JobState::Completed);
    QTest::newRow("completed without an id") << JobState::Completed << false << false;
}

void TstJobRules::canRemixFrom()
{
    QFETCH(JobState, state);
    QFETCH(bool, hasResult);
    QFETCH(bool, expected);
    QCOMPARE(JobRules::canRemixFrom(makeJob(state, hasResult)), expected);
}

void TstJobRules::canDownloadAgain_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<DownloadState>("download");
    QTest::addColumn<bool>("expected");
    // A completed job, whatever became of its file, unless a download is waiting or under way.
    for (const DownloadState download : allDownloadStates) {
        const bool expected = download != DownloadState::Pending && download != DownloadState::Downloading;
        QTest::addRow("completed, %s", downloadName(download)) << JobState::Completed << download << expected;
    }
    // Nothing to download before a job completed, or after it failed or expired.
    for (const JobState state : allStates) {
        if (state != JobState::Completed)
            QTest::newRow(rowName(state).constData()) << state << DownloadState::None << false;
    }
}

void TstJobRules::canDownloadAgain()
{
    QFETCH(JobState, state);
    QFETCH(DownloadState, download);
    QFETCH(bool, expected);
    QCOMPARE(JobRules::canDownloadAgain(makeJob(state, hasResultIn(state), download)), expected);
}

void TstJobRules::canDeleteOnService_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("hasResult");
    QTest::addColumn<bool>("expected");
    // Every job the service named a result for, finished or not.
    for (const JobState state : allStates)
        QTest::newRow(rowName(state).constData()) << state << hasResultIn(state) << hasResultIn(state);
    // Without a result id there is nothing to name on the service.
    QTest::newRow("completed without an id") << JobState::Completed << false << false;
    QTest::newRow("failed without an id") << JobState::Failed << false << false;
    // While the POST is under way the answer may still change the id: wait for it.
    QTest::newRow("submitting with an id") << JobState::Submitting << true << false;
}

void TstJobRules::canDeleteOnService()
{
    QFETCH(JobState, state);
    QFETCH(bool, hasResult);
    QFETCH(bool, expected);
    QCOMPARE(JobRules::canDeleteOnService(makeJob(state, hasResult)), expected);
}

void TstJobRules::hasSavedFile_data()
{
    QTest::addColumn<DownloadState>("download");
    QTest::addColumn<QString>("filePath");
    QTest::addColumn<bool>("expected");
    // The intended name is set while downloading: only a finished download counts.
    for (const DownloadState download : allDownloadStates) {
        QTest::newRow(downloadName(download))
            << download << u"/videos/remix.mp4"_s << (download == DownloadState::Done);
    }
    QTest::newRow("done without a path") << DownloadState::Done << QString() << false;
}

void TstJobRules::hasSavedFile()
{
    QFETCH(DownloadState, download);
    QFETCH(QString, filePath);
    QFETCH(bool, expected);
    RemixJob job = makeJob(JobState::Completed, true, download);
    job.filePath = filePath;
    QCOMPARE(JobRules::hasSavedFile(job), expected);
}

void TstJobRules::downloadStateDecidesNothingButDownloads()
{
    // The download's progress must not make a finished job look retryable, refreshable or not deletable.
    for (const DownloadState download : allDownloadStates) {
        const RemixJob job = makeJob(JobState::Completed, true, download);
        QVERIFY2(!JobRules::canRetry(job), downloadName(download));
        QVERIFY2(!JobRules::canRefresh(job), downloadName(download));
        QVERIFY2(JobRules::canRemixFrom(job), downloadName(download));
        QVERIFY2(JobRules::canDeleteOnService(job), downloadName(download));
    }
}

// Refused by the content checks, at the POST (a 4xx with a moderation code) or while it was made (status
// failed, moderation_blocked): the prompt goes back to the form; Retry would only be blocked again.
void TstJobRules::blockedJobsOfferEditAndResend_data()
{
    QTest::addColumn<RemixJob>("job");
    QTest::addColumn<bool>("blocked");

    RemixJob failedModeration = makeJob(JobState::Failed, true);
    failedModeration.error = ApiError::fromFailedJob(u"moderation_blocked"_s, u"Your request was blocked."_s);
    QTest::newRow("failed, moderation_blocked") << failedModeration << true;

    RemixJob refused = makeJob(JobState::SubmitFailed, false);
    refused.error = ApiError::fromHttp(
        400, R"({"error":{"message":"blocked by our safety system","code":"sentinel_block"}})", ServerHints());
    QTest::newRow("refused at the POST, sentinel_block") << refused << true;

    RemixJob otherFailure = makeJob(JobState::Failed, true);
    otherFailure.error = ApiError::fromFailedJob(u"internal_error"_s, u"The render crashed."_s);
    QTest::newRow("failed, other reason") << otherFailure << false;

    RemixJob notFound = makeJob(JobState::SubmitFailed, false);
    notFound.error = ApiError::fromHttp(404, R"({"error":{"message":"Video not found"}})", ServerHints());
    QTest::newRow("refused, unknown source") << notFound << false;

    QTest::newRow("completed") << makeJob(JobState::Completed, true) << false;
    RemixJob created = makeJob(JobState::Failed, true);
    created.kind = JobKind::Create;
    created.error = failedModeration.error;
    QTest::newRow("new video, blocked") << created << true;
}

void TstJobRules::blockedJobsOfferEditAndResend()
{
    QFETCH(RemixJob, job);
    QFETCH(bool, blocked);
    QCOMPARE(JobRules::isBlockedByModeration(job), blocked);
    // The remix form takes it back; a new video or an extension is not written there.
    QCOMPARE(JobRules::canEditAndResend(job), blocked && job.kind == JobKind::Remix);
}

// "Charged again" only for a job the service made (it has a result id); a POST that was refused made
// nothing, and one without an answer may or may not have.
void TstJobRules::retryChargesAgainOnlyWhatWasMade_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("wasMade");
    QTest::newRow("failed") << int(JobState::Failed) << true;
    QTest::newRow("submit failed") << int(JobState::SubmitFailed) << false;
    QTest::newRow("not confirmed") << int(JobState::NotConfirmed) << false;
}

void TstJobRules::retryChargesAgainOnlyWhatWasMade()
{
    QFETCH(int, state);
    QFETCH(bool, wasMade);
    const RemixJob job = makeJob(JobState(state), hasResultIn(JobState(state)));
    QVERIFY(JobRules::canRetry(job));
    QCOMPARE(JobRules::wasMadeByService(job), wasMade);
}

QTEST_GUILESS_MAIN(TstJobRules)
#include "tst_jobrules.moc"
