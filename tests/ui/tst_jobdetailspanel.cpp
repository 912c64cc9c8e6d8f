// The details pane tells the truth about the selected job: no "Result video" for a failed job, no link
// expiry once the file is saved, and the video's length before anyone presses Play.

#include "downloads/downloadmanager.h"
#include "jobdetailspanel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/remixjob.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstJobDetailsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void failedJobHasNoResultVideo();
    void savedFileHidesTheLinkExpiry();
    void durationShowsBeforePlay();
    void newVideoHasNoSourceAndExtensionSaysWhatItContinues();
    void fetchedSourceShowsAFirstFrameBeforePlay();

private:
    QString detailsText() const { return m_panel->findChild<QLabel *>(u"detailsLabel"_s)->text(); }
    RemixJob completedJob(const QString &localId);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JobList> m_jobs;
    std::unique_ptr<JobModel> m_model;
    std::unique_ptr<JobDetailsPanel> m_panel;
};

void TstJobDetailsPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_jobs = std::make_unique<JobList>();
    m_model = std::make_unique<JobModel>(m_jobs.get());
    m_model->setCoalesceIntervalMs(0);
    m_panel = std::make_unique<JobDetailsPanel>(m_model.get(), nullptr);
    m_panel->resize(900, 300);
    m_panel->show();
}

void TstJobDetailsPanel::cleanup()
{
    m_panel.reset();
    m_model.reset();
    m_jobs.reset();
    m_dir.reset();
}

RemixJob TstJobDetailsPanel::completedJob(const QString &localId)
{
    const QString file = m_dir->filePath(localId + u".mp4"_s);
    QFile::copy(QStringLiteral(VIDEOREMIX_SOURCE_DIR "/resources/demo/result.mp4"), file);
    RemixJob job;
    job.localId = localId;
    job.sourceVideoId = u"video_source"_s;
    job.resultVideoId = u"video_result_"_s + localId;
    job.prompt = u"make it snow"_s;
    job.state = JobState::Completed;
    job.progress = 100;
    job.submittedAt = QDateTime::currentDateTimeUtc();
    job.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    job.downloadState = DownloadState::Done;
    job.filePath = file;
    return job;
}

void TstJobDetailsPanel::failedJobHasNoResultVideo()
{
    RemixJob job;
    job.localId = u"failed"_s;
    job.sourceVideoId = u"video_source"_s;
    job.resultVideoId = u"video_never_made"_s; // the service named the job before refusing it
    job.prompt = u"blood"_s;
    job.state = JobState::Failed;
    job.error = ApiError::fromFailedJob(u"moderation_blocked"_s, u"Blocked."_s);
    m_jobs->add(job);
    m_panel->setJob(job.localId);
    const QString text = detailsText();
    QVERIFY2(!text.contains(u"video_never_made"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"0 %"_s), qPrintable(text));
    QVERIFY2(text.contains(u"moderation"_s), qPrintable(text));
}

void TstJobDetailsPanel::newVideoHasNoSourceAndExtensionSaysWhatItContinues()
{
    RemixJob created = completedJob(u"created"_s);
    created.kind = JobKind::Create;
    created.sourceVideoId.clear();
    m_jobs->add(created);
    m_panel->setJob(created.localId);
    QString text = detailsText();
    QVERIFY2(!text.contains(u"Source video"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Result video: video_result_created"_s), qPrintable(text));

    RemixJob extension = completedJob(u"extension"_s);
    extension.kind = JobKind::Extend;
    extension.sourceVideoId = created.resultVideoId;
    m_jobs->add(extension);
    m_panel->setJob(extension.localId);
    text = detailsText();
    QVERIFY2(text.contains(u"Continues: video_result_created"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"Source video"_s), qPrintable(text));
}

void TstJobDetailsPanel::savedFileHidesTheLinkExpiry()
{
    RemixJob job = completedJob(u"saved"_s);
    job.downloadState = DownloadState::Pending;
    m_jobs->add(job);
    m_panel->setJob(job.localId);
    QVERIFY2(detailsText().contains(u"Link expires"_s), qPrintable(detailsText()));
    job.downloadState = DownloadState::Done;
    m_jobs->update(job);
    m_panel->refresh();
    QVERIFY2(detailsText().contains(u"Saved as"_s), qPrintable(detailsText()));
    QVERIFY2(!detailsText().contains(u"Link expires"_s), qPrintable(detailsText()));
}

void TstJobDetailsPanel::durationShowsBeforePlay()
{
    const RemixJob job = completedJob(u"played"_s);
    m_jobs->add(job);
    m_panel->setJob(job.localId);
    QCOMPARE(m_panel->resultFile(), job.filePath);
    // No player was made (nobody pressed Play), yet the length is there: the demo clip is a few seconds.
    QVERIFY(!m_panel->resultPlayer());
    auto *time = m_panel->findChild<QLabel *>(u"timeLabel"_s);
    QVERIFY(time);
    QTRY_VERIFY2(!time->text().endsWith(u"/ 0:00"_s), qPrintable(time->text()));
    QVERIFY2(time->text().startsWith(u"0:00 / 0:0"_s), qPrintable(time->text()));
    QVERIFY(!m_panel->resultPlayer());
}

// A source fetched for before/after is no job of the list and has no thumbnail: its first frame is shown
// anyway, so both sides have a picture before Play.
void TstJobDetailsPanel::fetchedSourceShowsAFirstFrameBeforePlay()
{
    QStandardPaths::setTestModeEnabled(true);
    DownloadManager downloads(nullptr, m_jobs.get());
    JobDetailsPanel panel(m_model.get(), &downloads);
    panel.resize(900, 300);
    panel.show();
    const RemixJob job = completedJob(u"compared"_s);
    m_jobs->add(job);
    const QString cached = downloads.cachedSourcePath(job.localId);
    QVERIFY(!cached.isEmpty());
    QVERIFY(QDir().mkpath(QFileInfo(cached).absolutePath()));
    QFile::remove(cached);
    QFile::remove(cached + u".first-frame.jpg"_s);
    QVERIFY(QFile::copy(QStringLiteral(VIDEOREMIX_SOURCE_DIR "/resources/demo/source.mp4"), cached));
    panel.setJob(job.localId);
    QCOMPARE(panel.sourceFile(), cached);
    auto *poster = panel.findChild<QLabel *>(u"sourcePosterLabel"_s);
    QVERIFY(poster);
    QTRY_VERIFY_WITH_TIMEOUT(!poster->pixmap().isNull(), 15000);
    QVERIFY(!panel.sourcePlayer());
    QFile::remove(cached);
    QFile::remove(cached + u".first-frame.jpg"_s);
}

QTEST_MAIN(TstJobDetailsPanel)
#include "tst_jobdetailspanel.moc"
