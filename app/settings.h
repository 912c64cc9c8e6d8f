#pragma once

#include "services/serviceprofile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>

#include <optional>

class QSettings;

// Every persistent setting, its key and its default, in one place (KeePassXC's Config table).
//
// The app's own preferences (language, downloads, notifications, window state) are read here. Service
// profiles are read through ProfileStore (app/services/), which owns the concept: the profile
// functions below are its storage, called by ProfileStore, by main.cpp before the store exists, and
// by tests that set up a service the short way (setBaseUrl(), setApiKey()). ui/ does not call them.
//
// Services are profiles (ServiceProfile): the user's own ones live in the settings file under
// "profiles" (never their keys or proxy passwords), plus two built-in read-only ones: the demo, and
// "From environment" when OPENAI_BASE_URL or OPENAI_API_KEY is set (the OpenAI SDKs' convention),
// which is then the active one at start.
//
// Secrets are never written here. Settings only keeps them in memory (cacheSecret()) for whoever asks
// during this session; ProfileStore loads them from and saves them into a SecretStore. An older
// version's single service ("service/baseUrl", plain-text "service/apiKey") becomes the profile
// "Default"; its key stays readable in memory and leaves the file once ProfileStore has stored it
// (removeLegacyApiKey()). The key is never logged.
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key
    {
        BaseUrl,        // legacy single-service address: only read to migrate it into a profile
        ApiKey,         // legacy plain-text key: only read to move it into the secret store
        PollIntervalMs, // int: default for new profiles and for the environment profile
        Language,       // QString: "" = follow the system, "zh_CN", "en"
        MainWindowGeometry,
        MainWindowState,
        JobListHeaderState,
        AutoDownload,         // bool: save finished videos at once
        DownloadFolder,       // QString: where videos are saved ("" = the system Videos folder/Video Remix)
        NotificationsEnabled, // bool: desktop message when jobs finish
        MainSplitterState,    // QByteArray: form / list / details heights
        JobListFilter,        // int: JobFilterModel::Bucket last chosen
        ActiveProfile,        // QString: the id of the profile new jobs go to
        SecretStorage,        // QString: "keychain" (default), "session", "file": where keys are kept
    };

    // The bounds of Key::PollIntervalMs: a profile's (see ServiceProfile).
    static constexpr int DefaultPollIntervalMs = ServiceProfile::DefaultPollIntervalMs;
    static constexpr int MinPollIntervalMs = ServiceProfile::MinPollIntervalMs;
    static constexpr int MaxPollIntervalMs = ServiceProfile::MaxPollIntervalMs;

    // store: where values live (tests pass a QSettings on a temporary file); nullptr = the app's
    // default QSettings. environment: where OPENAI_* are read from (tests pass their own).
    explicit Settings(QSettings *store = nullptr,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                      QObject *parent = nullptr);
    ~Settings() override;

    // Profiles. profiles() lists the environment one (when set) first, then the stored ones in the
    // user's order, then the demo.
    QList<ServiceProfile> profiles() const;
    std::optional<ServiceProfile> profile(const QString &id) const;
    QList<ServiceProfile> storedProfiles() const;
    // Replaces every stored profile (ids must be unique and not the built-in ones); emits profilesChanged.
    void setStoredProfiles(const QList<ServiceProfile> &profiles);
    std::optional<ServiceProfile> environmentProfile() const;
    ServiceProfile demoProfile() const;
    // The demo's loopback address while it runs (not stored: its port changes every start).
    void setDemoAddress(const QString &address);

    // The profile new jobs go to: the one picked this session, else the environment one, else the
    // stored choice, else the first stored profile; "" when there is none.
    QString activeProfileId() const;
    std::optional<ServiceProfile> activeProfile() const;
    // persist = false: for this session only (--demo must not change what the next start uses).
    void setActiveProfileId(const QString &id, bool persist = true);

    // The active profile's address and key. The setters change the active stored profile (or the
    // first one, or create "Default"): the single-service API older code and tests use.
    QString baseUrl() const;
    void setBaseUrl(const QString &url);
    bool baseUrlFromEnvironment() const;
    QString apiKey() const;
    // Memory only; ProfileStore saves it into the secret store (apiKeyEdited()).
    void setApiKey(const QString &key);
    bool apiKeyFromEnvironment() const;
    QString apiKeyFor(const QString &profileId) const;

    // Secrets of this session, by SecretStore account. Never written to the settings file.
    QString cachedSecret(const QString &account) const { return m_secrets.value(account); }
    bool hasCachedSecret(const QString &account) const { return m_secrets.contains(account); }
    void cacheSecret(const QString &account, const QString &secret);
    void forgetSecret(const QString &account);

    // True while an older version's plain-text key is still in the settings file.
    bool hasLegacyApiKey() const;
    void removeLegacyApiKey();

    // The active profile's poll interval (the global default for the environment profile).
    int pollIntervalMs() const;
    void setPollIntervalMs(int ms);

    bool autoDownload() const { return value(Key::AutoDownload).toBool(); }
    void setAutoDownload(bool enabled) { setValue(Key::AutoDownload, enabled); }
    // The chosen folder, or the default one (system Videos folder, sub-folder "Video Remix").
    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);
    bool notificationsEnabled() const { return value(Key::NotificationsEnabled).toBool(); }
    void setNotificationsEnabled(bool enabled) { setValue(Key::NotificationsEnabled, enabled); }

    QString language() const;
    void setLanguage(const QString &code);

    // True when the active profile has an address, or is the demo. A key may be empty (some relays).
    bool isServiceConfigured() const;

    // Raw access for window geometry and other opaque blobs.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

signals:
    void changed(Settings::Key key);
    void profilesChanged();
    void activeProfileChanged(const QString &profileId);
    // setApiKey() gave the active profile a new key (for ProfileStore to save it).
    void apiKeyEdited(const QString &profileId);

private:
    void migrateSingleService();
    // The stored profile setBaseUrl()/setApiKey() change, created as "Default" when there is none.
    QString editableProfileId();

    QSettings *m_store;
    bool m_ownsStore;
    QProcessEnvironment m_environment;
    QString m_sessionActiveId;
    QString m_demoAddress;
    QHash<QString, QString> m_secrets;
};
