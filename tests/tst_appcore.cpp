#include "api/referenceimagefile.h"
#include "appcore.h"
#include "demo/demoservice.h"
#include "downloads/downloadjob.h"
#include "downloads/downloadmanager.h"
#include "fakevideoserver.h"
#include "history/jobstore.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/notificationcoalescer.h"
#include "rawtcpserver.h"
#include "services/profilestore.h"
#include "settings.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
PollSettings fastPolling()
{
    PollSettings polling;
    // Every job at 30 ms, whatever its profile says (profiles cannot go below a second), and no
    // per-service ceiling worth the name.
    polling.intervalOverrideMs = 30;
    polling.maxPollsPerSecondPerService = 1000;
    polling.backoffBaseMs = 20;
    polling.backoffCapMs = 100;
    return polling;
}

FakeVideoServer::Reply video(const QString &id, const QString &status, int progress)
{
    return FakeVideoServer::Reply::video(id, status, progress);
}
} // namespace

// The app without widgets, as a user lives with it across restarts: history, resumed polling,
// downloads of finished videos, the demo service, notifications, the filter bar's model.
class TstAppCore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<FakeVideoServer>();
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_server.reset();
        m_stores.clear();
        m_dir.reset();
    }

    // Jobs waiting or running when the app closed come back in order and finish; no POST is sent again.
    void restartResumesPollingWithoutResubmitting()
    {
        m_server->setVideoScript(u"video_remix_1"_s, {video(u"video_remix_1"_s, u"in_progress"_s, 40)});
        m_server->setVideoScript(u"video_remix_2"_s, {video(u"video_remix_2"_s, u"queued"_s, 0)});
        QString first;
        QString second;
        {
            auto core = startCore();
            first = core->jobController()->submit(u"video_source_a"_s, u"让这个视频背景变成紫色"_s);
            second = core->jobController()->submit(u"video_source_b"_s, u"Make the sky orange"_s);
            QTRY_COMPARE(stateOf(*core, first), JobState::InProgress);
            QTRY_COMPARE(stateOf(*core, second), JobState::Queued);
            QTRY_COMPARE(core->jobModel()->job(first)->progress, 40);
        }
        QCOMPARE(m_server->requestCount("POST"), 2);

        m_server->setVideoScript(u"video_remix_1"_s, {video(u"video_remix_1"_s, u"completed"_s, 100)});
        m_server->setVideoScript(u"video_remix_2"_s, {video(u"video_remix_2"_s, u"in_progress"_s, 10),
                                                      video(u"video_remix_2"_s, u"succeeded"_s, 100)});
        auto core = startCore();
        QTRY_COMPARE(core->jobModel()->rowCount(), 2);
        QCOMPARE(core->jobModel()->jobAt(0)->localId, second); // newest first, as before
        QCOMPARE(core->jobModel()->jobAt(1)->prompt, u"让这个视频背景变成紫色"_s);
        QTRY_COMPARE(stateOf(*core, first), JobState::Completed);
        QTRY_COMPARE(stateOf(*core, second), JobState::Completed);
        QCOMPARE(m_server->requestCount("POST"), 2);
    }

    // A new video made from a local image, refused by the service, retried after a restart: the image is
    // read again from its file (its path was kept with the job) and sent once; a file gone since then
    // sends nothing and says why.
    void newVideoWithALocalImageIsRetriedAfterARestart()
    {
        const QString imagePath = m_dir->filePath(u"猫 first frame.png"_s);
        QImage frame(8, 8, QImage::Format_RGB32);
        frame.fill(Qt::magenta);
        QVERIFY(frame.save(imagePath, "PNG"));
        QFile image(imagePath);
        QVERIFY(image.open(QIODevice::ReadOnly));
        const QByteArray png = image.readAll();
        image.close();
        FakeVideoServer::Reply busy;
        busy.status = 429;
        busy.body = R"({"error":{"message":"busy"}})";
        auto refuse = std::make_shared<bool>(true);
        m_server->addHandler(
            [busy, refuse](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
                if (*refuse && request.method == "POST" && request.rawPath == "/v1/videos")
                    return busy;
                return std::nullopt;
            });
        QString refused;
        {
            auto core = startCore();
            CreateVideoSpec spec;
            spec.prompt = u"一只猫"_s;
            spec.seconds = u"4"_s;
            const ReferenceImageFile::Prepared prepared = ReferenceImageFile::prepare(imagePath, QString(), {});
            QVERIFY(prepared.check.isOk());
            spec.reference = prepared.image;
            refused = core->jobController()->submit(JobRequest::newVideo(spec), core->currentService());
            QTRY_COMPARE(stateOf(*core, refused), JobState::SubmitFailed);
        }
        QCOMPARE(m_server->requestCount("POST"), 1);

        *refuse = false; // the service takes new videos again
        m_server->clearRequests();
        auto core = startCore();
        QTRY_COMPARE(core->jobModel()->rowCount(), 1);
        QCOMPARE(core->jobList()->find(refused)->reference, QFileInfo(imagePath).absoluteFilePath());
        const QString again = core->resubmit(refused);
        QVERIFY(!again.isEmpty());
        QTRY_COMPARE(m_server->requestCount("POST"), 1);
        const QByteArray body = m_server->requests().constLast().body;
        QVERIFY2(body.contains("name=\"input_reference\""), body.left(400).constData());
        QVERIFY(body.contains(png));
        QTRY_VERIFY(stateOf(*core, again) != JobState::Submitting);

        // The file is gone: nothing is sent, and the job says it could not be read.
        QVERIFY(QFile::remove(imagePath));
        m_server->clearRequests();
        const QString gone = core->resubmit(refused);
        QVERIFY(!gone.isEmpty());
        QTRY_COMPARE(stateOf(*core, gone), JobState::SubmitFailed);
        QCOMPARE(m_server->requestCount("POST"), 0);
    }

    // The app closed (or died) while the POST was under way: the job says "not confirmed" and is
    // never sent again by itself.
    void unansweredSubmitIsNotConfirmedAfterRestart()
    {
        FakeVideoServer::Reply hang;
        hang.hang = true;
        m_server->queueRemixReply(hang);
        QString lost;
        {
            auto core = startCore();
            lost = core->jobController()->submit(u"video_source_a"_s, u"first"_s);
            QTRY_COMPARE(m_server->requestCount("POST"), 1);
            QCOMPARE(stateOf(*core, lost), JobState::Submitting);
        }
        auto core = startCore();
        QTRY_COMPARE(core->jobModel()->rowCount(), 1);
        QCOMPARE(stateOf(*core, lost), JobState::NotConfirmed);
        // A new job runs to the end meanwhile; only its own POST reaches the server.
        const QString fresh = core->jobController()->submit(u"video_source_b"_s, u"second"_s);
        QTRY_COMPARE(stateOf(*core, fresh), JobState::Completed);
        QCOMPARE(m_server->requestCount("POST"), 2);
        QCOMPARE(stateOf(*core, lost), JobState::NotConfirmed);
    }

    // "Stopped checking" (the polling time cap) is remembered: after a restart the job is not asked
    // about again until the user refreshes it.
    void stoppedCheckingSurvivesRestart()
    {
        m_server->setVideoScript(u"video_remix_1"_s, {video(u"video_remix_1"_s, u"in_progress"_s, 40)});
        QString id;
        {
            auto core = startCore();
            PollSettings polling = core->jobController()->pollSettings();
            polling.maxPollingMs = 200;
            core->jobController()->setPollSettings(polling);
            id = core->jobController()->submit(u"video_source_a"_s, u"紫色的天空"_s);
            QTRY_VERIFY(core->jobModel()->job(id)->pollingStopped);
        }
        const int getsBefore = m_server->requestCount("GET");
        auto core = startCore();
        QTRY_COMPARE(core->jobModel()->rowCount(), 1);
        QVERIFY(core->jobModel()->job(id)->pollingStopped);
        QCOMPARE(stateOf(*core, id), JobState::InProgress);
        QSignalSpy requests(m_server.get(), &FakeVideoServer::requestReceived);
        QVERIFY(!requests.wait(10 * fastPolling().intervalOverrideMs));
        QCOMPARE(m_server->requestCount("GET"), getsBefore);
        QCOMPARE(core->jobController()->activeJobCount(), 0);

        // The user's refresh asks again and follows the job to the end.
        m_server->setVideoScript(u"video_remix_1"_s, {video(u"video_remix_1"_s, u"completed"_s, 100)});
        core->jobController()->refreshNow(id);
        QTRY_COMPARE(stateOf(*core, id), JobState::Completed);
        QVERIFY(!core->jobModel()->job(id)->pollingStopped);
    }

    // A restart does not give a job a fresh time cap: the clock started when polling began.
    void restartKeepsTheTimeCapClock()
    {
        m_server->setVideoScript(u"video_remix_1"_s, {video(u"video_remix_1"_s, u"in_progress"_s, 40)});
        constexpr qint64 CapMs = 3000;
        const auto capped = [](AppCore &core) {
            PollSettings polling = core.jobController()->pollSettings();
            polling.maxPollingMs = CapMs;
            core.jobController()->setPollSettings(polling);
        };
        QElapsedTimer clock;
        QString id;
        {
            auto core = startCore();
            capped(*core);
            clock.start();
            id = core->jobController()->submit(u"video_source_a"_s, u"p"_s);
            // Polled for a good part of the cap before the app closes.
            QTRY_VERIFY_WITH_TIMEOUT(pollingSpanMs() >= CapMs / 3, 10000);
        }
        const qint64 restartedAt = clock.elapsed();
        auto core = startCore();
        capped(*core);
        QTRY_VERIFY_WITH_TIMEOUT(core->jobModel()->job(id) && core->jobModel()->job(id)->pollingStopped, 15000);
        const qint64 stoppedAt = clock.elapsed();
        QVERIFY2(stoppedAt >= CapMs, qPrintable(QString::number(stoppedAt)));
        // Within the cap of the first start (plus an interval and a slow machine), not a new cap from the restart.
        QVERIFY2(stoppedAt < CapMs + 700,
                 qPrintable(u"stopped %1 ms after submitting, restarted at %2 ms"_s.arg(stoppedAt).arg(restartedAt)));
    }

    // The demo service end to end: remix, completion, the MP4 downloaded at once, a thumbnail.
    void demoJobIsDownloadedWithThumbnail()
    {
        auto core = startCore();
        QVERIFY(core->startDemo());
        core->demoService()->setSpeed(20.0);
        core->jobController()->setPollSettings(fastPolling());
        QVERIFY(core->currentService().apiBase.host() == u"127.0.0.1"_s);
        const QString id = core->jobController()->submit(u"video_demo_city"_s, u"让这个视频背景变成紫色"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*core, id), JobState::Completed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(int(core->jobModel()->job(id)->downloadState), int(DownloadState::Done), 10000);
        const RemixJob job = *core->jobModel()->job(id);
        QVERIFY2(job.filePath.startsWith(m_dir->filePath(u"videos"_s)), qPrintable(job.filePath));
        QVERIFY2(job.filePath.contains(u"让这个视频"_s), qPrintable(job.filePath));
        QFile file(job.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.read(8).mid(4), QByteArray("ftyp"));
        QVERIFY(!QFile::exists(job.filePath + u".part"_s));
        QTRY_VERIFY(!core->jobModel()->job(id)->thumbnailPath.isEmpty());
        QVERIFY(QFile::exists(core->jobModel()->job(id)->thumbnailPath));
    }

    // Demo jobs cannot be remixed or played after a restart (the demo starts empty each time): they stay out
    // of the history, while a real job of the same session is kept. Demo rows that an earlier version
    // wrote are dropped when the history is read.
    void demoJobsAreNotKeptInTheHistory()
    {
        QString real;
        {
            auto core = startCore();
            real = core->submit(u"video_source_a"_s, u"real job"_s);
            QTRY_COMPARE(stateOf(*core, real), JobState::Completed);
            QVERIFY(core->startDemo());
            core->demoService()->setSpeed(20.0);
            const QString demo = core->submit(u"video_demo_city"_s, u"demo job"_s);
            QCOMPARE(core->jobModel()->job(demo)->profileId, QString::fromLatin1(ServiceProfile::DemoId));
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(*core, demo), JobState::Completed, 10000);
            QCOMPARE(core->jobModel()->rowCount(), 2);
        }
        {
            auto core = startCore();
            QTRY_COMPARE(core->jobModel()->rowCount(), 1);
            QCOMPARE(core->jobModel()->jobAt(0)->localId, real);
        }
        // A demo row written by an earlier version is not listed, and is gone from the file afterwards.
        {
            JobStore store;
            QCOMPARE(store.open(m_dir->filePath(u"history.sqlite"_s)), JobStore::OpenResult::Ok);
            RemixJob old;
            old.localId = u"old-demo-job"_s;
            old.sourceVideoId = u"video_demo_cat"_s;
            old.prompt = u"old demo"_s;
            old.profileId = QString::fromLatin1(ServiceProfile::DemoId);
            old.state = JobState::Completed;
            old.submittedAt = QDateTime::currentDateTimeUtc();
            store.save(old);
        }
        {
            auto core = startCore();
            QTRY_COMPARE(core->jobModel()->rowCount(), 1);
            QCOMPARE(core->jobModel()->jobAt(0)->localId, real);
        }
        JobStore store;
        QCOMPARE(store.open(m_dir->filePath(u"history.sqlite"_s)), JobStore::OpenResult::Ok);
        const QVector<StoredJob> stored = store.loadAll();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.constFirst().job.localId, real);
    }

    // Before / after when the source is not a job of the list: its video comes from the service.
    void sourceIsFetchedForBeforeAfter()
    {
        auto core = startCore();
        QVERIFY(core->startDemo());
        core->demoService()->setSpeed(20.0);
        core->jobController()->setPollSettings(fastPolling());
        const QString id = core->jobController()->submit(u"video_demo_beach"_s, u"sunset"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(*core, id), JobState::Completed, 10000);
        // Every run starts in a fresh home: the source is not cached yet, so it is really fetched.
        QVERIFY(!QFileInfo::exists(core->downloadManager()->cachedSourcePath(id)));
        QSignalSpy saved(core->downloadManager(), &DownloadManager::sourceSaved);
        core->downloadManager()->fetchSource(id);
        QVERIFY(core->downloadManager()->isFetchingSource(id));
        QVERIFY(saved.wait(10000));
        const QString path = saved.first().at(1).toString();
        QCOMPARE(path, core->downloadManager()->cachedSourcePath(id));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QFile original(u":/demo/source.mp4"_s);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), original.readAll()); // the source, not the result
        // Asked again: answered from the cache, no second download.
        core->downloadManager()->fetchSource(id);
        QVERIFY(saved.wait(5000));
        QCOMPARE(saved.count(), 2);
    }

    // Removing a job while its video downloads stops the download and deletes the .part (and its note):
    // a half file is no result to keep, and nobody would ever resume it.
    void removingDownloadingJobDiscardsItsPart()
    {
        // The file's first bytes arrive, then nothing more.
        RawTcpServer storage(RawTcpServer::Behaviour::SendThisThenHang);
        storage.setCannedResponse("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 100000\r\n\r\n"
                                  + QByteArray(4000, 'v'));
        QVERIFY(storage.start());
        QJsonObject completed =
            QJsonDocument::fromJson(FakeVideoServer::Reply::video(u"video_remix_1"_s, u"completed"_s, 100).body)
                .object();
        completed.insert(u"video_url"_s, QString(storage.rootUrl().toString() + u"/file.mp4"_s));
        m_server->setVideoScript(u"video_remix_1"_s, {FakeVideoServer::Reply::json(completed)});
        auto core = startCore();
        core->settings()->setAutoDownload(true);
        const QString id = core->jobController()->submit(u"video_source"_s, u"make it purple"_s);
        QTRY_COMPARE(core->jobModel()->job(id)->downloadState, DownloadState::Downloading);
        const QString target = core->jobModel()->job(id)->filePath;
        QTRY_COMPARE(QFileInfo(DownloadJob::partialPath(target)).size(), 4000);
        core->removeJob(id, false);
        QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
        QVERIFY(!QFileInfo::exists(DownloadJob::partialInfoPath(target)));
        QCOMPARE(core->downloadManager()->activeCount(), 0);
        QVERIFY(QDir(m_dir->filePath(u"videos"_s)).entryList(QDir::Files).isEmpty());
    }

    // Two finished jobs whose names come out the same (same day, same prompt words, same last six id
    // characters) are downloaded at the same time into two files, each with its own bytes.
    void sameNamedDownloadsNeverShareAFile()
    {
        const QByteArray first(70000, 'A');
        const QByteArray second(50000, 'B');
        m_server->addHandler([&](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
            if (!request.rawPath.endsWith("/content") || !request.query.contains(u"video"_s)
                || request.query.contains(u"thumbnail"_s))
                return std::nullopt;
            FakeVideoServer::Reply reply;
            reply.contentType = "video/mp4";
            reply.body = request.rawPath.contains("aaaa_abcdef") ? first : second;
            reply.delayMs = 100; // both are under way at once
            return reply;
        });
        auto core = startCore();
        const QDateTime when = QDateTime::currentDateTime();
        for (const QString &result : {u"video_aaaa_abcdef"_s, u"video_bbbb_abcdef"_s}) {
            RemixJob job;
            job.localId = result;
            job.sourceVideoId = u"video_source"_s;
            job.prompt = u"make it purple"_s;
            job.resultVideoId = result;
            job.state = JobState::Completed;
            job.progress = 100;
            job.submittedAt = when;
            job.completedAt = when;
            job.apiBase = core->jobController()->service().apiBase;
            core->jobList()->add(job);
        }
        core->downloadManager()->downloadNow(u"video_aaaa_abcdef"_s);
        core->downloadManager()->downloadNow(u"video_bbbb_abcdef"_s);
        QTRY_COMPARE(core->jobModel()->job(u"video_aaaa_abcdef"_s)->downloadState, DownloadState::Done);
        QTRY_COMPARE(core->jobModel()->job(u"video_bbbb_abcdef"_s)->downloadState, DownloadState::Done);
        const QString pathA = core->jobModel()->job(u"video_aaaa_abcdef"_s)->filePath;
        const QString pathB = core->jobModel()->job(u"video_bbbb_abcdef"_s)->filePath;
        QVERIFY2(pathA != pathB, qPrintable(pathA));
        QFile fileA(pathA);
        QFile fileB(pathB);
        QVERIFY(fileA.open(QIODevice::ReadOnly) && fileB.open(QIODevice::ReadOnly));
        QCOMPARE(fileA.readAll(), first);
        QCOMPARE(fileB.readAll(), second);
    }

    // Cache files (thumbnails, frames, fetched sources) are named after the service and the exact id:
    // ids that differ only in "/ + = :" and the same id on two services get files of their own.
    void cacheFilesAreKeyedByServiceAndExactId()
    {
        auto core = startCore();
        const auto addJob = [&core](const QString &localId, const QString &resultId, const QString &base) {
            RemixJob job;
            job.localId = localId;
            job.sourceVideoId = resultId;
            job.resultVideoId = resultId;
            job.state = JobState::Completed;
            job.apiBase = QUrl(base);
            core->jobList()->add(job);
        };
        addJob(u"a"_s, u"dmlk/ZW8+MQ=="_s, u"https://relay.example/v1"_s);
        addJob(u"b"_s, u"dmlk_ZW8_MQ__"_s, u"https://relay.example/v1"_s);
        addJob(u"c"_s, u"dmlk:ZW8+MQ=="_s, u"https://relay.example/v1"_s);
        addJob(u"d"_s, u"dmlk/ZW8+MQ=="_s, u"https://other.example/v1"_s);
        DownloadManager *downloads = core->downloadManager();
        QSet<QString> frames;
        QSet<QString> sources;
        for (const QString &id : {u"a"_s, u"b"_s, u"c"_s, u"d"_s}) {
            frames.insert(downloads->frameThumbnailPath(id));
            sources.insert(downloads->cachedSourcePath(id));
        }
        QCOMPARE(frames.size(), 4);
        QCOMPARE(sources.size(), 4);
        // Still readable: the file name starts with the id's letters.
        QVERIFY2(QFileInfo(downloads->frameThumbnailPath(u"a"_s)).fileName().startsWith(u"dmlk_ZW8_MQ__-"_s),
                 qPrintable(downloads->frameThumbnailPath(u"a"_s)));
    }

    void severalFinishingJobsMakeOneNotification()
    {
        auto core = startCore();
        QVERIFY(core->startDemo());
        core->demoService()->setSpeed(20.0);
        core->jobController()->setPollSettings(fastPolling());
        core->notifications()->setWindowMs(1500);
        QSignalSpy spy(core->notifications(), &NotificationCoalescer::summaryReady);
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids << core->jobController()->submit(u"video_demo_cat"_s, u"prompt %1"_s.arg(i));
        for (const QString &id : std::as_const(ids))
            QTRY_COMPARE_WITH_TIMEOUT(stateOf(*core, id), JobState::Completed, 10000);
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(1).toInt(), 3);
        QCOMPARE(spy.first().at(2).toInt(), 0);
        QCOMPARE(spy.first().at(0).toStringList().size(), 3);
    }

    void notificationsCanBeTurnedOff()
    {
        NotificationCoalescer coalescer;
        coalescer.setWindowMs(10);
        QSignalSpy spy(&coalescer, &NotificationCoalescer::summaryReady);
        coalescer.jobCompleted(u"a"_s);
        coalescer.jobFailed(u"b"_s);
        coalescer.jobFailed(u"b"_s); // the same job twice counts once
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.first().at(1).toInt(), 1);
        QCOMPARE(spy.first().at(2).toInt(), 1);
        coalescer.setEnabled(false);
        coalescer.jobCompleted(u"c"_s);
        coalescer.flush();
        QCOMPARE(spy.count(), 1);
    }

    void filterBucketsCountsAndSearch()
    {
        JobList jobList;
        JobModel model(&jobList);
        JobFilterModel filter;
        new QAbstractItemModelTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest, &filter);
        filter.setJobModel(&model);
        QSignalSpy counts(&filter, &JobFilterModel::countsChanged);
        const QList<QPair<JobState, QString>> jobs = {
            {JobState::Completed, u"purple sky"_s}, {JobState::Completed, u"orange sea"_s},
            {JobState::InProgress, u"紫色背景"_s},  {JobState::Queued, u"night city"_s},
            {JobState::Failed, u"blood"_s},         {JobState::NotConfirmed, u"lost"_s},
        };
        int n = 0;
        for (const auto &[state, prompt] : jobs) {
            RemixJob job;
            job.localId = u"job-%1"_s.arg(++n);
            job.sourceVideoId = u"video_src_%1"_s.arg(n);
            job.prompt = prompt;
            job.state = state;
            jobList.add(job);
        }
        QVERIFY(counts.count() > 0);
        QCOMPARE(filter.count(JobFilterModel::Bucket::All), 6);
        QCOMPARE(filter.count(JobFilterModel::Bucket::Completed), 2);
        QCOMPARE(filter.count(JobFilterModel::Bucket::Active), 2);
        QCOMPARE(filter.count(JobFilterModel::Bucket::Failed), 2);

        filter.setBucket(JobFilterModel::Bucket::Failed);
        QCOMPARE(filter.rowCount(), 2);
        filter.setBucket(JobFilterModel::Bucket::All);
        filter.setSearchText(u"  紫色 "_s);
        QCOMPARE(filter.rowCount(), 1);
        filter.setSearchText(u"SRC_4"_s); // ids too, any case
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(JobModel::PromptRole).toString(), u"night city"_s);
        filter.setSearchText(QString());

        // A job that completes moves between buckets, and the counts follow.
        model.setCoalesceIntervalMs(0);
        RemixJob running = *model.job(u"job-3"_s);
        running.state = JobState::Completed;
        jobList.update(running);
        QCOMPARE(filter.count(JobFilterModel::Bucket::Completed), 3);
        QCOMPARE(filter.count(JobFilterModel::Bucket::Active), 1);
    }

private:
    std::unique_ptr<AppCore> startCore()
    {
        // Each "start" reads the same settings file and history, like a new process would.
        auto store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        auto *settings = new Settings(store.get(), QProcessEnvironment());
        settings->setDownloadFolder(m_dir->filePath(u"videos"_s));
        m_stores.push_back(std::move(store));
        auto core = std::make_unique<AppCore>(settings);
        core->profileStore()->useSingleService(m_server->rootUrl().toString() + u"/v1"_s, u"test-key"_s);
        core->jobController()->setPollSettings(fastPolling());
        core->jobModel()->setCoalesceIntervalMs(0);
        TestHelpers::openHistoryAndWait(*core, m_dir->filePath(u"history.sqlite"_s));
        return core;
    }

    // From the first to the last request the server saw.
    qint64 pollingSpanMs() const
    {
        const QList<FakeVideoServer::Request> requests = m_server->requests();
        return requests.size() < 2 ? 0 : requests.constLast().receivedAtMs - requests.constFirst().receivedAtMs;
    }

    static JobState stateOf(const AppCore &core, const QString &localId)
    {
        const std::optional<RemixJob> job = core.jobModel()->job(localId);
        return job ? job->state : JobState::Unknown;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeVideoServer> m_server;
    std::vector<std::unique_ptr<QSettings>> m_stores;
};

QTEST_GUILESS_MAIN(TstAppCore)
#include "tst_appcore.moc"
