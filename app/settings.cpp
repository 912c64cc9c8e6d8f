#include "settings.h"

#include "downloads/downloadnaming.h"

#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {
struct KeyDefinition
{
    Settings::Key key;
    QString name;
    QVariant defaultValue;
};

// The one table of every key and its default.
const QList<KeyDefinition> &keyTable()
{
    static const QList<KeyDefinition> table = {
        {Settings::Key::BaseUrl, u"service/baseUrl"_s, QString()},
        {Settings::Key::ApiKey, u"service/apiKey"_s, QString()},
        {Settings::Key::PollIntervalMs, u"polling/intervalMs"_s, Settings::DefaultPollIntervalMs},
        {Settings::Key::Language, u"ui/language"_s, QString()},
        {Settings::Key::MainWindowGeometry, u"ui/mainWindowGeometry"_s, QByteArray()},
        {Settings::Key::MainWindowState, u"ui/mainWindowState"_s, QByteArray()},
        {Settings::Key::JobListHeaderState, u"ui/jobListHeaderState"_s, QByteArray()},
        {Settings::Key::AutoDownload, u"downloads/automatic"_s, true},
        {Settings::Key::DownloadFolder, u"downloads/folder"_s, QString()},
        {Settings::Key::NotificationsEnabled, u"ui/notifications"_s, true},
        {Settings::Key::MainSplitterState, u"ui/mainSplitterState"_s, QByteArray()},
        {Settings::Key::JobListFilter, u"ui/jobListFilter"_s, 0},
        {Settings::Key::ActiveProfile, u"service/activeProfile"_s, QString()},
        {Settings::Key::SecretStorage, u"service/secretStorage"_s, QString()},
        {Settings::Key::NewVideoModel, u"newVideo/model"_s, u"sora-2"_s},
        {Settings::Key::NewVideoSeconds, u"newVideo/seconds"_s, u"8"_s},
        {Settings::Key::NewVideoSize, u"newVideo/size"_s, u"720x1280"_s},
    };
    return table;
}

const KeyDefinition &definition(Settings::Key key)
{
    for (const KeyDefinition &entry : keyTable()) {
        if (entry.key == key)
            return entry;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings(QSettings *store, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_store(store ? store : new QSettings())
    , m_ownsStore(store == nullptr)
    , m_environment(environment)
{}

Settings::~Settings()
{
    m_store->sync();
    if (m_ownsStore)
        delete m_store;
}

QString Settings::keyName(Key key)
{
    return definition(key).name;
}

QVariant Settings::defaultValue(Key key)
{
    return definition(key).defaultValue;
}

QVariant Settings::value(Key key) const
{
    return m_store->value(keyName(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &value)
{
    if (m_store->value(keyName(key), defaultValue(key)) == value)
        return;
    if (value == defaultValue(key))
        m_store->remove(keyName(key));
    else
        m_store->setValue(keyName(key), value);
    emit changed(key);
}

int Settings::defaultPollIntervalMs() const
{
    bool ok = false;
    const int ms = value(Key::PollIntervalMs).toInt(&ok);
    return ok ? qBound(MinPollIntervalMs, ms, MaxPollIntervalMs) : DefaultPollIntervalMs;
}

QString Settings::downloadFolder() const
{
    const QString chosen = value(Key::DownloadFolder).toString();
    return chosen.isEmpty() ? DownloadNaming::defaultDownloadFolder() : chosen;
}

void Settings::setDownloadFolder(const QString &folder)
{
    // The default is stored as "" so that it follows the system's Videos folder if that moves.
    setValue(Key::DownloadFolder, folder == DownloadNaming::defaultDownloadFolder() ? QString() : folder);
}

QString Settings::language() const
{
    return value(Key::Language).toString();
}

void Settings::setLanguage(const QString &code)
{
    setValue(Key::Language, code);
}
