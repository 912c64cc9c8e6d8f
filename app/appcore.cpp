#include "appcore.h"

#include "api/apiclient.h"
#include "api/apiurl.h"
#include "demo/demoservice.h"
#include "downloads/downloadmanager.h"
#include "history/jobstore.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/notificationcoalescer.h"
#include "jobs/serviceactions.h"
#include "languagemanager.h"
#include "logging.h"
#include "services/proxyfactory.h"
#include "settings.h"

#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

AppCore::AppCore(Settings *settings, QObject *parent)
    : AppCore(settings, ProfileStore::Options(), parent)
{}

AppCore::AppCore(Settings *settings, const ProfileStore::Options &options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_profiles(new ProfileStore(settings, options, this))
    , m_apiClient(new ApiClient(this))
    , m_jobList(new JobList(this))
    , m_jobModel(new JobModel(m_jobList, this))
    , m_jobController(new JobController(m_apiClient, m_jobList, this))
    , m_languageManager(new LanguageManager(settings, this))
    , m_downloadManager(new DownloadManager(m_apiClient, m_jobList, this))
    , m_serviceActions(new ServiceActions(m_apiClient, m_jobList, this))
    , m_notifications(new NotificationCoalescer(this))
{
    m_settings->setParent(this);
    m_batch = new BatchRunner(m_jobController, m_jobList, this);
    m_batch->setServiceResolver([this](const QString &profileId) { return m_profiles->endpoint(profileId); });
    // One network access manager for every profile; each profile's host:port gets its own proxy. The
    // manager owns the factory; the routes are shared with the profile store that keeps them current.
    m_apiClient->setProxyRoutes(m_profiles->proxyRoutes());
    // Models get no LanguageChange event: tell the job list explicitly.
    connect(m_languageManager, &LanguageManager::languageChanged, m_jobModel, &JobModel::retranslate);

    const auto resolve = [this](const QString &localId) {
        return serviceFor(localId);
    };
    m_downloadManager->setServiceResolver(resolve);
    m_serviceActions->setServiceResolver(resolve);
    m_jobController->setServiceResolver(resolve);

    connect(m_jobController, &JobController::jobFinished, this, [this](const QString &localId) {
        const std::optional<RemixJob> job = m_jobList->job(localId);
        if (!job)
            return;
        if (job->state == JobState::SubmitFailed) {
            // Refused by the service: nothing was made or charged, so sending it again is no repeat.
            m_submissionGuard.forget(localId);
        }
        if (job->state == JobState::Completed) {
            m_notifications->jobCompleted(localId);
            m_downloadManager->onJobFinished(localId);
        } else {
            m_notifications->jobFailed(localId);
        }
    });
    connect(m_settings, &Settings::changed, this, [this](Settings::Key key) {
        switch (key) {
        case Settings::Key::AutoDownload:
        case Settings::Key::DownloadFolder:
        case Settings::Key::NotificationsEnabled:
            applyDownloadSettings();
            break;
        case Settings::Key::PollIntervalMs:
            applyServiceSettings();
            break;
        default:
            break;
        }
    });
    connect(m_profiles, &ProfileStore::activeProfileChanged, this, [this] {
        if (isDemo())
            ensureDemoRunning();
        applyServiceSettings();
    });
    connect(m_profiles, &ProfileStore::profilesChanged, this, &AppCore::applyServiceSettings);
    connect(m_profiles, &ProfileStore::keyChanged, this, &AppCore::applyServiceSettings);
    connect(m_profiles, &ProfileStore::secretsLoaded, this, [this](const QString &profileId) {
        applyServiceSettings();
        resumeWaiting(profileId);
        resumeDownloadsWhenKeysAreRead();
    });
    // The demo picked last time comes back with the app.
    if (isDemo())
        ensureDemoRunning();
    applyServiceSettings();
    applyDownloadSettings();
}

AppCore::~AppCore()
{
    // Stop the request makers before the API client that owns their requests; whatever they write
    // on the way out (a download that stays "downloading") still reaches the history.
    m_profiles->disconnect(this);
    delete m_downloadManager;
    m_downloadManager = nullptr;
    delete m_jobController;
    m_jobController = nullptr;
}

void AppCore::applyServiceSettings()
{
    if (!m_jobController)
        return;
    // The active profile's interval goes with its endpoint, to the jobs sent through it only: the
    // controller's own settings are not touched, so a job sent elsewhere keeps its profile's pace.
    m_jobController->setService(currentService());
}

void AppCore::applyDownloadSettings()
{
    m_downloadManager->setAutoDownload(m_settings->autoDownload());
    m_downloadManager->setFolder(m_settings->downloadFolder());
    m_notifications->setEnabled(m_settings->notificationsEnabled());
}

bool AppCore::isDemoJob(const RemixJob &job)
{
    return job.profileId == QLatin1String(ServiceProfile::DemoId);
}

bool AppCore::isDemo() const
{
    return m_profiles->activeId() == QLatin1String(ServiceProfile::DemoId);
}

ServiceEndpoint AppCore::currentService() const
{
    return m_profiles->endpoint(m_profiles->activeId());
}

QString AppCore::profileIdOf(const RemixJob &job) const
{
    if (!job.profileId.isEmpty())
        return job.profileId;
    // Jobs from before profiles: the profile that has their address now, if any.
    const std::optional<ServiceProfile> byAddress = m_profiles->profileForBase(job.apiBase);
    return byAddress ? byAddress->id : QString();
}

ServiceEndpoint AppCore::serviceFor(const QString &localId) const
{
    const std::optional<RemixJob> job = m_jobList->job(localId);
    if (!job)
        return currentService();
    const QString profileId = profileIdOf(*job);
    const std::optional<ServiceProfile> profile = m_profiles->profile(profileId);
    if (!profile) {
        // Its profile is gone (removed, or the environment variables unset): the job's own address,
        // without any key, since no key was given for it.
        // Its interval is the poller's default then.
        return job->apiBase.isEmpty() ? currentService() : ServiceEndpoint{job->apiBase, QString(), job->profileId};
    }
    if (profile->isDemo()) {
        // The demo's port changes with every start; a demo job belongs to whichever demo runs.
        const ServiceEndpoint demo = m_profiles->endpoint(profile->id);
        return demo.isValid() ? demo : ServiceEndpoint{job->apiBase, QString(), profile->id, profile->pollIntervalMs};
    }
    const ServiceEndpoint endpoint = m_profiles->endpoint(profile->id);
    if (job->apiBase.isEmpty())
        return endpoint;
    // The profile may have been pointed elsewhere since the job was sent: the job stays at its own
    // address, and gets the profile's key only if that address is still the profile's host.
    const bool sameHost = ServiceProfile::originOf(job->apiBase) == ServiceProfile::originOf(endpoint.apiBase);
    return ServiceEndpoint{job->apiBase, sameHost ? endpoint.apiKey : QString(), profile->id, profile->pollIntervalMs};
}

void AppCore::resumeWhenKeyIsRead(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobList->job(localId);
    if (!job)
        return;
    const QString profileId = profileIdOf(*job);
    if (!profileId.isEmpty() && !m_profiles->areSecretsLoaded(profileId)) {
        // Polling without the key would only earn a 401 and a failed-looking job: wait for the keychain.
        m_waitingForKey[profileId].append(localId);
        return;
    }
    if (profileId == QLatin1String(ServiceProfile::DemoId) && !m_demoService)
        ensureDemoRunning();
    m_jobController->resume(localId, serviceFor(localId));
}

void AppCore::resumeWaiting(const QString &profileId)
{
    const QStringList waiting = m_waitingForKey.take(profileId);
    for (const QString &localId : waiting)
        resumeWhenKeyIsRead(localId);
}

int AppCore::openHistory(const QString &path)
{
    // Opening again (after a corrupt file was set aside) replaces the store that held the lock.
    delete m_jobStore;
    m_jobStore = nullptr;
    auto *store = new JobStore(this);
    const JobStore::OpenResult result = store->open(path.isEmpty() ? JobStore::defaultPath() : path);
    if (result != JobStore::OpenResult::Ok) {
        m_historyError = store->errorMessage();
        qCWarning(lcStore) << "history not opened:" << int(result);
        // Keep the store when it holds the lock on a corrupt file (the UI may move the file aside).
        if (result == JobStore::OpenResult::Corrupt)
            m_jobStore = store;
        else
            delete store;
        return int(result);
    }
    m_jobStore = store;
    m_batch->setStoragePath(QFileInfo(store->path()).absolutePath() + u"/batch.json"_s);
    // Batches from the loading thread can arrive faster than the list takes them: they are queued
    // here and handed to the model one per event-loop turn, so input and painting go on in between.
    connect(m_jobStore, &JobStore::jobsLoaded, this, [this](const QVector<StoredJob> &batch) {
        m_pendingHistory.enqueue(batch);
        if (m_pendingHistory.size() == 1)
            QTimer::singleShot(0, this, &AppCore::takeNextHistoryBatch);
    });
    connect(m_jobStore, &JobStore::loadFinished, this, [this](bool ok, int count) {
        qCInfo(lcStore) << "history read:" << count << "jobs" << (ok ? "" : "(with errors)");
        m_historyCount = count;
        m_historyReadDone = true;
        if (m_pendingHistory.isEmpty())
            finishHistoryLoad();
    });
    connect(m_jobStore, &JobStore::writeFailed, this, &AppCore::historyWriteFailed);
    // Every change is written at the end of its event-loop turn, all of a turn in one transaction.
    // The history listens to the job list; jobs it handed back itself (olderJobsAppended) are not re-saved.
    // Demo jobs are not kept: the demo starts empty each time, so they could be neither played nor remixed
    // after a restart (the window says so while the demo is in use).
    const auto save = [this](const QString &localId) {
        if (const RemixJob *job = m_jobList->find(localId); job && !isDemoJob(*job))
            m_jobStore->saveSoon(*job);
    };
    connect(m_jobList, &JobList::jobAdded, m_jobStore, save);
    connect(m_jobList, &JobList::jobChanged, m_jobStore, save);
    connect(m_jobList, &JobList::jobRemoved, m_jobStore, &JobStore::remove);
    m_jobStore->loadAsync();
    return int(result);
}

void AppCore::takeNextHistoryBatch()
{
    if (m_pendingHistory.isEmpty())
        return;
    const QVector<StoredJob> batch = m_pendingHistory.dequeue();
    QVector<RemixJob> jobs;
    jobs.reserve(batch.size());
    for (const StoredJob &stored : batch) {
        // Written by an earlier version, which kept demo jobs: nothing of them is left to show.
        if (isDemoJob(stored.job))
            m_jobStore->remove(stored.job.localId);
        else
            jobs.append(stored.job);
    }
    m_jobList->appendOlder(jobs);
    for (const RemixJob &job : std::as_const(jobs)) {
        // Waiting and running jobs resume polling by their server id; nothing is ever re-submitted. A job
        // that had stopped being checked stays so until the user refreshes it.
        if (!job.resultVideoId.isEmpty() && JobStates::isPollable(job.state) && !job.pollingStopped)
            resumeWhenKeyIsRead(job.localId);
    }
    if (!m_pendingHistory.isEmpty())
        QTimer::singleShot(0, this, &AppCore::takeNextHistoryBatch);
    else if (m_historyReadDone)
        finishHistoryLoad();
}

void AppCore::finishHistoryLoad()
{
    m_historyListed = true;
    resumeDownloadsWhenKeysAreRead();
    emit historyLoaded(m_historyCount);
    // A batch the last run did not finish waits, paused, for the user to go on.
    if (m_batch->restore([this](const QString &profileId) { return m_profiles->endpoint(profileId); }))
        emit batchInterrupted(m_batch->countOf(BatchRunner::ItemStatus::Waiting));
}

void AppCore::resumeDownloadsWhenKeysAreRead()
{
    if (!m_historyListed || m_downloadsResumed)
        return;
    // A download asked without its key would fail with 401 and be marked failed for good.
    const QList<ServiceProfile> profiles = m_profiles->profiles();
    for (const ServiceProfile &profile : profiles) {
        if (!m_profiles->areSecretsLoaded(profile.id))
            return;
    }
    m_downloadsResumed = true;
    m_downloadManager->resumeInterrupted();
}

bool AppCore::ensureDemoRunning()
{
    if (m_demoService)
        return true;
    auto *demo = new DemoService(this);
    if (!demo->start()) {
        delete demo;
        qCWarning(lcDemo) << "the demo service could not start";
        return false;
    }
    m_demoService = demo;
    m_profiles->setDemoAddress(demo->baseUrl().toString());
    return true;
}

bool AppCore::startDemo()
{
    if (!ensureDemoRunning())
        return false;
    m_profiles->setActiveId(QString::fromLatin1(ServiceProfile::DemoId), false);
    applyServiceSettings();
    return true;
}

QString AppCore::submit(const QString &sourceVideoId, const QString &prompt)
{
    return submit(JobRequest::remix(sourceVideoId, prompt));
}

namespace {
// What the quick-repeat guard compares: the kind and everything sent besides the prompt.
QString guardKeyOf(const JobRequest &request)
{
    switch (request.kind) {
    case JobKind::Remix:
        break;
    case JobKind::Create: {
        const CreateVideoSpec &spec = request.create;
        return QStringList{u"create"_s,
                           spec.model,
                           spec.seconds,
                           spec.size,
                           spec.reference.description(),
                           QString::number(qHash(spec.reference.bytes))}
            .join(u'\n');
    }
    case JobKind::Extend:
        return QStringList{u"extend"_s, request.sourceVideoId, request.seconds}.join(u'\n');
    }
    return request.sourceVideoId;
}
} // namespace

QString AppCore::submit(const JobRequest &request)
{
    // The controller's service is the active profile's (applyServiceSettings() keeps it so).
    const ServiceEndpoint service = m_jobController->service();
    const QString localId = m_jobController->submit(request, service);
    m_submissionGuard.record({guardKeyOf(request), request.prompt, service.profileId}, localId);
    if (request.kind == JobKind::Create)
        m_newVideoSpecs.insert(localId, request.create);
    return localId;
}

bool AppCore::isQuickRepeat(const JobRequest &request) const
{
    return m_submissionGuard.isQuickRepeat({guardKeyOf(request), request.prompt, m_jobController->service().profileId});
}

bool AppCore::isQuickRepeat(const QString &sourceVideoId, const QString &prompt) const
{
    return m_submissionGuard.isQuickRepeat({sourceVideoId, prompt, m_jobController->service().profileId});
}

void AppCore::startBatch(const QVector<BatchEntry> &entries)
{
    m_batch->start(entries, m_jobController->service());
}

QString AppCore::adoptVideo(const VideoInfo &video)
{
    if (!video.isValid())
        return QString();
    if (const QString known = m_jobList->jobIdForResult(video.id); !known.isEmpty())
        return known;
    const ServiceEndpoint service = m_jobController->service();
    RemixJob job;
    job.localId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.kind = video.remixedFromVideoId.isEmpty() ? JobKind::Create : JobKind::Remix;
    job.sourceVideoId = video.remixedFromVideoId;
    job.prompt = video.prompt;
    job.model = video.model;
    job.seconds = video.seconds;
    job.size = video.size;
    job.resultVideoId = video.id;
    job.state = video.state == JobState::Unknown ? JobState::Queued : video.state;
    job.rawStatus = video.rawStatus;
    job.progress = video.progress.value_or(job.state == JobState::Completed ? 100 : 0);
    job.submittedAt = video.createdAt.isValid() ? video.createdAt.toLocalTime() : QDateTime::currentDateTime();
    job.updatedAt = QDateTime::currentDateTime();
    job.completedAt = video.completedAt;
    job.expiresAt = video.expiresAt;
    job.apiBase = service.apiBase;
    job.profileId = service.profileId;
    if (JobStates::isPollable(job.state))
        job.pollingStartedAt = QDateTime::currentDateTimeUtc();
    m_jobList->add(job);
    if (JobStates::isPollable(job.state))
        m_jobController->resume(job.localId, service);
    return job.localId;
}

QString AppCore::extend(const QString &localId, const QString &prompt, const QString &seconds)
{
    const std::optional<RemixJob> job = m_jobList->job(localId);
    if (!job || job->resultVideoId.isEmpty())
        return QString();
    const ServiceEndpoint service = serviceFor(localId);
    const JobRequest request = JobRequest::extension(job->resultVideoId, prompt, seconds);
    const QString newId = m_jobController->submit(request, service);
    m_submissionGuard.record({guardKeyOf(request), request.prompt, service.profileId}, newId);
    return newId;
}

QString AppCore::resubmit(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobList->job(localId);
    if (!job)
        return QString();
    // Where the original went (its profile and that profile's key), not wherever new jobs go now.
    const ServiceEndpoint service = serviceFor(localId);
    JobRequest request = JobRequest::remix(job->sourceVideoId, job->prompt);
    if (job->kind == JobKind::Extend) {
        request = JobRequest::extension(job->sourceVideoId, job->prompt, job->seconds);
    } else if (job->kind == JobKind::Create) {
        CreateVideoSpec spec = m_newVideoSpecs.value(localId);
        if (spec.prompt.isEmpty()) {
            // From an earlier session: what the job list kept. A local image is read again from its file
            // (by the controller, off the GUI thread); only a bare file name (an older version's) is gone.
            const QString scheme = QUrl(job->reference).scheme();
            const bool webImage = scheme == "https"_L1 || scheme == "http"_L1 || scheme == "data"_L1;
            const bool localFile = !webImage && QFileInfo(job->reference).isAbsolute();
            if (!job->reference.isEmpty() && !webImage && !localFile)
                return QString();
            spec.prompt = job->prompt;
            spec.model = job->model;
            spec.seconds = job->seconds;
            spec.size = job->size;
            if (localFile) {
                spec.reference.sourcePath = job->reference;
                spec.reference.fileName = QFileInfo(job->reference).fileName();
            } else if (!job->reference.isEmpty()) {
                spec.reference.url = QUrl(job->reference);
            }
        }
        request = JobRequest::newVideo(spec);
    }
    const QString newId = m_jobController->submit(request, service);
    if (request.kind == JobKind::Create)
        m_newVideoSpecs.insert(newId, request.create);
    // Asked for already (Retry has its own question); remembered so that the form asks before a third.
    m_submissionGuard.record({guardKeyOf(request), request.prompt, service.profileId}, newId);
    return newId;
}

void AppCore::removeJob(const QString &localId, bool deleteFile)
{
    const std::optional<RemixJob> job = m_jobList->job(localId);
    if (!job)
        return;
    // A half-downloaded file is no result to keep, whatever is done with a finished one.
    m_downloadManager->cancel(localId, DownloadManager::PartialFiles::Discard);
    if (deleteFile && !job->filePath.isEmpty()) {
        QFile::remove(job->filePath);
        QFile::remove(job->filePath + QStringLiteral(".part"));
    }
    m_jobList->remove(localId);
}
