#pragma once

#include "apiclient.h"

#include <QObject>

class ApiClient;
class DemoService;
class DownloadManager;
class JobController;
class JobStore;
class NotificationCoalescer;
class ServiceActions;
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
    DownloadManager *downloadManager() const { return m_downloadManager; }
    ServiceActions *serviceActions() const { return m_serviceActions; }
    NotificationCoalescer *notifications() const { return m_notifications; }
    JobStore *jobStore() const { return m_jobStore; }          // nullptr until openHistory() succeeded
    DemoService *demoService() const { return m_demoService; } // nullptr unless startDemo() was called

    // Opens the history at path (empty: the default location), then loads it in the background and
    // resumes polling and downloads. Returns the store's result; on failure errorMessage() says why.
    int openHistory(const QString &path = QString());
    QString historyErrorMessage() const { return m_historyError; }

    // Starts the built-in demo service on loopback and makes it the service for new jobs.
    bool startDemo();
    bool isDemo() const { return m_demoService != nullptr; }

    // A new job with the same source and prompt (the caller has asked the user: it costs again).
    QString resubmit(const QString &localId);
    // Removes the job from the list and the history; with deleteFile, also its downloaded video.
    void removeJob(const QString &localId, bool deleteFile);

    // Re-reads the service address, key and poll interval from Settings for new submissions.
    void applyServiceSettings();

    // The service new jobs go to (the demo when it runs).
    ServiceEndpoint currentService() const;
    // The service a job talks to: its own address; the key only when that is the current service's.
    ServiceEndpoint serviceFor(const QString &localId) const;

signals:
    void historyLoaded(int count);
    void historyWriteFailed(const QString &message);

private:
    void applyDownloadSettings();

    Settings *m_settings;
    ApiClient *m_apiClient;
    JobModel *m_jobModel;
    JobController *m_jobController;
    LanguageManager *m_languageManager;
    DownloadManager *m_downloadManager;
    ServiceActions *m_serviceActions;
    NotificationCoalescer *m_notifications;
    JobStore *m_jobStore = nullptr;
    DemoService *m_demoService = nullptr;
    QString m_historyError;
};
