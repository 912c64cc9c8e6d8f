#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>

class QSettings;

// Every persistent setting, its key and its default, in one place (KeePassXC's Config table).
// OPENAI_BASE_URL and OPENAI_API_KEY from the environment (the OpenAI SDKs' convention) take
// precedence over the stored values. The key is never logged.
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    enum class Key
    {
        BaseUrl,        // QString, what the user typed (normalised only when used)
        ApiKey,         // QString
        PollIntervalMs, // int
        Language,       // QString: "" = follow the system, "zh_CN", "en"
        MainWindowGeometry,
        MainWindowState,
        JobListHeaderState,
        AutoDownload,         // bool: save finished videos at once
        DownloadFolder,       // QString: where videos are saved ("" = the system Videos folder/Video Remix)
        NotificationsEnabled, // bool: desktop message when jobs finish
        MainSplitterState,    // QByteArray: form / list / details heights
        JobListFilter,        // int: JobFilterModel::Bucket last chosen
    };

    static constexpr int DefaultPollIntervalMs = 5000;
    static constexpr int MinPollIntervalMs = 1000;
    static constexpr int MaxPollIntervalMs = 10 * 60 * 1000;

    // store: where values live (tests pass a QSettings on a temporary file); nullptr = the app's
    // default QSettings. environment: where OPENAI_* are read from (tests pass their own).
    explicit Settings(QSettings *store = nullptr,
                      const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                      QObject *parent = nullptr);
    ~Settings() override;

    QString baseUrl() const; // environment first
    void setBaseUrl(const QString &url);
    bool baseUrlFromEnvironment() const;

    QString apiKey() const; // environment first
    void setApiKey(const QString &key);
    bool apiKeyFromEnvironment() const;

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

    // True when a service address is known (environment or stored). A key may be empty (some relays).
    bool isServiceConfigured() const;

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
