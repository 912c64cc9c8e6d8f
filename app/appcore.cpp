#include "appcore.h"

#include "apiclient.h"
#include "apiurl.h"
#include "jobcontroller.h"
#include "jobmodel.h"
#include "languagemanager.h"
#include "settings.h"

AppCore::AppCore(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_apiClient(new ApiClient(this))
    , m_jobModel(new JobModel(this))
    , m_jobController(new JobController(m_apiClient, m_jobModel, this))
    , m_languageManager(new LanguageManager(settings, this))
{
    m_settings->setParent(this);
    // Models get no LanguageChange event: tell the job list explicitly.
    connect(m_languageManager, &LanguageManager::languageChanged, m_jobModel, &JobModel::retranslate);
    applyServiceSettings();
}

AppCore::~AppCore()
{
    // The controller aborts its requests on destruction; those belong to the API client, which as
    // the older child would otherwise be destroyed first.
    delete m_jobController;
    m_jobController = nullptr;
}

void AppCore::applyServiceSettings()
{
    ServiceEndpoint service;
    service.apiBase = ApiUrl::normalizeBase(m_settings->baseUrl());
    service.apiKey = m_settings->apiKey();
    m_jobController->setService(service);

    PollSettings polling = m_jobController->pollSettings();
    polling.intervalMs = m_settings->pollIntervalMs();
    m_jobController->setPollSettings(polling);
}
