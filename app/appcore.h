#pragma once

#include <QObject>

class ApiClient;
class JobController;
class JobModel;
class LanguageManager;
class Settings;

// The app without its widgets: settings, network, jobs and language, wired together. The main window
// takes one; tests build one over a temporary settings file and a loopback server.
class AppCore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppCore)

public:
    // Takes ownership of settings.
    explicit AppCore(Settings *settings, QObject *parent = nullptr);
    ~AppCore() override;

    Settings *settings() const { return m_settings; }
    ApiClient *apiClient() const { return m_apiClient; }
    JobModel *jobModel() const { return m_jobModel; }
    JobController *jobController() const { return m_jobController; }
    LanguageManager *languageManager() const { return m_languageManager; }

    // Re-reads the service address, key and poll interval from Settings for new submissions.
    void applyServiceSettings();

private:
    Settings *m_settings;
    ApiClient *m_apiClient;
    JobModel *m_jobModel;
    JobController *m_jobController;
    LanguageManager *m_languageManager;
};
