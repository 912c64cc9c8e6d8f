#pragma once

#include "services/serviceprofile.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>

class QSettings;

// Every persistent setting of the app itself, its key and its default, in one place (KeePassXC's
// Config table): language, downloads, notifications, window state.
//
// Service profiles are not settings: ProfileStore (app/services/) owns them (the user's, the one from
// the environment, the demo) and keeps the user's in the same file, under "profiles" (never their keys
// or proxy passwords), through file(). The keys in the table that belong to profiles (ActiveProfile,
// SecretStorage, PollIntervalMs and the legacy single-service BaseUrl/ApiKey) are read and written by
// ProfileStore only; they are listed here so that the file has one table of names.
//
// Secrets are never written here.
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
        NewVideoModel,        // QString: the model last chosen for a new video ("" = the service's choice)
        NewVideoSeconds,      // QString: the length last chosen
        NewVideoSize,         // QString: the size last chosen
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

    // The process environment the app started with: ProfileStore reads OPENAI_BASE_URL / OPENAI_API_KEY
    // from it (tests pass an empty one so that whoever runs them does not leak in).
    const QProcessEnvironment &environment() const { return m_environment; }
    // The one settings file; ProfileStore keeps the user's profiles in it (group "profiles").
    QSettings &file() const { return *m_store; }

    // The poll interval new profiles start with, and the environment profile's.
    int defaultPollIntervalMs() const;

    bool autoDownload() const { return value(Key::AutoDownload).toBool(); }
    void setAutoDownload(bool enabled) { setValue(Key::AutoDownload, enabled); }
    // The chosen folder, or the default one (system Videos folder, sub-folder "Video Remix").
    QString downloadFolder() const;
    void setDownloadFolder(const QString &folder);
    bool notificationsEnabled() const { return value(Key::NotificationsEnabled).toBool(); }
    void setNotificationsEnabled(bool enabled) { setValue(Key::NotificationsEnabled, enabled); }

    QString language() const;
    void setLanguage(const QString &code);

    // Raw access for window geometry and other opaque blobs.
    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

signals:
    void changed(Settings::Key key);

private:
    QSettings *m_store;
    bool m_ownsStore;
    QProcessEnvironment m_environment;
};
