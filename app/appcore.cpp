#include "appcore.h"

#include "apiclient.h"
#include "apiurl.h"
#include "demoservice.h"
#include "downloadmanager.h"
#include "jobcontroller.h"
#include "jobmodel.h"
#include "jobstore.h"
#include "languagemanager.h"
#include "logging.h"
#include "notificationcoalescer.h"
#include "serviceactions.h"
#include "settings.h"

#include <QFile>

AppCore::AppCore(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_apiClient(new ApiClient(this))
    , m_jobModel(new JobModel(this))
    , m_jobController(new JobController(m_apiClient, m_jobModel, this))
    , m_languageManager(new LanguageManager(settings, this))
    , m_downloadManager(new DownloadManager(m_apiClient, m_jobModel, this))
    , m_serviceActions(new ServiceActions(m_apiClient, m_jobModel, this))
    , m_notifications(new NotificationCoalescer(this))
{
    m_settings->setParent(this);
    // Models get no LanguageChange event: tell the job list explicitly.
    connect(m_languageManager, &LanguageManager::languageChanged, m_jobModel, &JobModel::retranslate);

    const auto resolve = [this](const QString &localId) {
        return serviceFor(localId);
    };
    m_downloadManager->setServiceResolver(resolve);
    m_serviceActions->setServiceResolver(resolve);

    connect(m_jobController, &JobController::jobFinished, this, [this](const QString &localId) {
        const std::optional<RemixJob> job = m_jobModel->job(localId);
        if (!job)
            return;
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
        default:
            break;
        }
    });
    applyServiceSettings();
    applyDownloadSettings();
}

AppCore::~AppCore()
{
    // Stop the request makers before the API client that owns their requests; whatever they write
    // on the way out (a download that stays "downloading") still reaches the history.
    delete m_downloadManager;
    m_downloadManager = nullptr;
    delete m_jobController;
    m_jobController = nullptr;
}

void AppCore::applyServiceSettings()
{
    m_jobController->setService(currentService());
    PollSettings polling = m_jobController->pollSettings();
    polling.intervalMs = m_settings->pollIntervalMs();
    m_jobController->setPollSettings(polling);
}

void AppCore::applyDownloadSettings()
{
    m_downloadManager->setAutoDownload(m_settings->autoDownload());
    m_downloadManager->setFolder(m_settings->downloadFolder());
    m_notifications->setEnabled(m_settings->notificationsEnabled());
}

ServiceEndpoint AppCore::currentService() const
{
    if (m_demoService)
        return ServiceEndpoint{m_demoService->baseUrl(), QString()};
    return ServiceEndpoint{ApiUrl::normalizeBase(m_settings->baseUrl()), m_settings->apiKey()};
}

ServiceEndpoint AppCore::serviceFor(const QString &localId) const
{
    const ServiceEndpoint current = currentService();
    const std::optional<RemixJob> job = m_jobModel->job(localId);
    if (!job || job->apiBase.isEmpty() || job->apiBase == current.apiBase)
        return current;
    // A job from another service (the address changed since): ask it without the key, which belongs to
    // the current service only. Never send a key to a host it was not given for.
    return ServiceEndpoint{job->apiBase, QString()};
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
    connect(m_jobStore, &JobStore::jobsLoaded, this, [this](const QVector<StoredJob> &batch) {
        QVector<RemixJob> jobs;
        jobs.reserve(batch.size());
        for (const StoredJob &stored : batch)
            jobs.append(stored.job);
        m_jobModel->appendOlderJobs(jobs);
        for (const RemixJob &job : std::as_const(jobs)) {
            // Waiting and running jobs resume polling by their server id; nothing is ever re-submitted.
            if (!job.resultVideoId.isEmpty() && JobStates::isPollable(job.state))
                m_jobController->resume(job.localId, serviceFor(job.localId));
        }
    });
    connect(m_jobStore, &JobStore::loadFinished, this, [this](bool ok, int count) {
        qCInfo(lcStore) << "history loaded:" << count << "jobs" << (ok ? "" : "(with errors)");
        m_downloadManager->resumeInterrupted();
        emit historyLoaded(count);
    });
    connect(m_jobStore, &JobStore::writeFailed, this, &AppCore::historyWriteFailed);
    // Every change is written at once, each in its own transaction: a crash loses nothing.
    connect(m_jobModel, &JobModel::jobChanged, m_jobStore, [this](const QString &localId) {
        if (const std::optional<RemixJob> job = m_jobModel->job(localId))
            m_jobStore->save(*job);
    });
    connect(m_jobModel, &JobModel::jobRemoved, m_jobStore, &JobStore::remove);
    m_jobStore->loadAsync();
    return int(result);
}

bool AppCore::startDemo()
{
    if (m_demoService)
        return true;
    auto *demo = new DemoService(this);
    if (!demo->start()) {
        delete demo;
        return false;
    }
    m_demoService = demo;
    applyServiceSettings();
    return true;
}

QString AppCore::resubmit(const QString &localId)
{
    const std::optional<RemixJob> job = m_jobModel->job(localId);
    if (!job)
        return QString();
    return m_jobController->submit(job->sourceVideoId, job->prompt);
}

void AppCore::removeJob(const QString &localId, bool deleteFile)
{
    const std::optional<RemixJob> job = m_jobModel->job(localId);
    if (!job)
        return;
    m_downloadManager->cancel(localId);
    if (deleteFile && !job->filePath.isEmpty()) {
        QFile::remove(job->filePath);
        QFile::remove(job->filePath + QStringLiteral(".part"));
    }
    m_jobModel->removeJob(localId);
}
