#pragma once

#include "api/apiclient.h"
#include "history/jobstore.h"
#include "jobs/batch.h"
#include "jobs/jobcontroller.h"
#include "jobs/submissionguard.h"
#include "services/profilestore.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QVector>

class ApiClient;
class DemoService;
class DownloadManager;
class JobController;
class JobStore;
class NotificationCoalescer;
class ServiceActions;
class JobList;
class JobModel;
class LanguageManager;
class Settings;
struct RemixJob;

// The app without its widgets: settings, network, jobs and language, wired together. The main window
// takes one; tests build one over a temporary settings file and a loopback server.
class AppCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppCore)

public:
    // Takes ownership of settings. options: where the profiles' secrets are kept (tests inject stores).
    explicit AppCore(Settings *settings, QObject *parent = nullptr);
    AppCore(Settings *settings, const ProfileStore::Options &options, QObject *parent = nullptr);
    ~AppCore() override;

    Settings *settings() const { return m_settings; }
    ProfileStore *profileStore() const { return m_profiles; }
    ApiClient *apiClient() const { return m_apiClient; }
    JobList *jobList() const { return m_jobList; }
    JobModel *jobModel() const { return m_jobModel; }
    JobController *jobController() const { return m_jobController; }
    LanguageManager *languageManager() const { return m_languageManager; }
    DownloadManager *downloadManager() const { return m_downloadManager; }
    ServiceActions *serviceActions() const { return m_serviceActions; }
    NotificationCoalescer *notifications() const { return m_notifications; }
    JobStore *jobStore() const { return m_jobStore; }          // nullptr until openHistory() succeeded
    DemoService *demoService() const { return m_demoService; } // nullptr unless startDemo() was called

    // Opens the history at path (empty: the default location), then loads it in the background and
    // resumes polling and downloads. Returns the store's result; on failure errorMessage() says why.
    int openHistory(const QString &path = QString());
    QString historyErrorMessage() const { return m_historyError; }

    // Starts the built-in demo service on loopback and makes the Demo profile the active one for this
    // session (not remembered: `--demo` must not change the next normal start). Picking the Demo profile
    // (ProfileStore::setActiveId) starts it too, and that choice is remembered.
    bool startDemo();
    // True while the active profile is the demo.
    bool isDemo() const;
    // A job sent to the demo: such jobs are not written to the history (the demo starts empty each time).
    static bool isDemoJob(const RemixJob &job);

    // A new job to the active profile's service; returns its local id. Every remix is paid: ask first
    // when isQuickRepeat() says the same one was sent moments ago.
    QString submit(const QString &sourceVideoId, const QString &prompt);
    // True when the same remix (source, prompt and active profile) was sent less than the guard's
    // window ago and the service has not refused it: most likely one gesture that arrived twice.
    bool isQuickRepeat(const QString &sourceVideoId, const QString &prompt) const;
    // Any kind of job (a new video, an extension, a remix), with the same rules: paid, so ask first when
    // isQuickRepeat() says the same one was sent moments ago.
    QString submit(const JobRequest &request);
    bool isQuickRepeat(const JobRequest &request) const;
    // What submit() and resubmit() remember; tests change its window and clock.
    SubmissionGuard *submissionGuard() { return &m_submissionGuard; }

    // A video of the service's library in the job list (once: the job that already has it is returned):
    // a finished one can be played, saved and remixed from its row, an unfinished one is followed. Nothing
    // is sent to make it.
    QString adoptVideo(const VideoInfo &video);
    // Continues the job's finished video: an extension sent where the video lives (the job's own
    // profile), a new job linked to it. Paid: the caller has asked.
    QString extend(const QString &localId, const QString &prompt, const QString &seconds);
    // Batches: one at a time, kept next to the history so that a restart resumes it (paused).
    BatchRunner *batchRunner() const { return m_batch; }
    void startBatch(const QVector<BatchEntry> &entries);
    // A new job with the same source and prompt (the caller has asked the user: it costs again).
    QString resubmit(const QString &localId);
    // Removes the job from the list and the history; with deleteFile, also its downloaded video.
    void removeJob(const QString &localId, bool deleteFile);

    // Re-reads the active profile (address, key, poll interval) for new submissions. Called by itself on
    // every profile change; kept public for callers that changed Settings directly. Jobs already sent
    // keep their own profile's interval (see serviceFor()).
    void applyServiceSettings();

    // The service new jobs go to: the active profile's address and key.
    ServiceEndpoint currentService() const;
    // The service a job talks to: the profile it was submitted through (or, for jobs from before
    // profiles, the profile with its address), at the job's own address. The key goes along only when
    // the profile still points at the job's host: a key never goes to a host it was not given for.
    ServiceEndpoint serviceFor(const QString &localId) const;

signals:
    // The history's batch was interrupted by the end of the last run; waiting jobs are not yet sent.
    void batchInterrupted(int waiting);
    void historyLoaded(int count);
    void historyWriteFailed(const QString &message);

private:
    void applyDownloadSettings();
    void takeNextHistoryBatch();
    void finishHistoryLoad();
    bool ensureDemoRunning();
    // Resumes polling of loaded jobs once their profile's key has been read.
    void resumeWhenKeyIsRead(const QString &localId);
    void resumeDownloadsWhenKeysAreRead();
    void resumeWaiting(const QString &profileId);
    QString profileIdOf(const RemixJob &job) const;

    Settings *m_settings;
    ProfileStore *m_profiles;
    ApiClient *m_apiClient;
    JobList *m_jobList;
    BatchRunner *m_batch = nullptr;
    JobModel *m_jobModel;
    JobController *m_jobController;
    LanguageManager *m_languageManager;
    DownloadManager *m_downloadManager;
    ServiceActions *m_serviceActions;
    NotificationCoalescer *m_notifications;
    JobStore *m_jobStore = nullptr;
    DemoService *m_demoService = nullptr;
    QString m_historyError;
    QQueue<QVector<StoredJob>> m_pendingHistory; // read but not yet in the list
    bool m_historyReadDone = false;
    bool m_historyListed = false;
    bool m_downloadsResumed = false;
    int m_historyCount = 0;
    QHash<QString, QStringList> m_waitingForKey; // profile id -> loaded jobs to resume once its key is read
    SubmissionGuard m_submissionGuard;
    // What new videos of this session were made from (the reference image's bytes are not in the job
    // list): a retry sends the same again. After a restart a new video with a file reference cannot be
    // retried as it was.
    QHash<QString, CreateVideoSpec> m_newVideoSpecs;
};
