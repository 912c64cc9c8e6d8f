#include "settings.h"

#include "api/secretmask.h"
#include "downloads/downloadnaming.h"
#include "logging.h"

#include <QSettings>

#include <algorithm>

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

const QString BaseUrlVariable = u"OPENAI_BASE_URL"_s;
const QString ApiKeyVariable = u"OPENAI_API_KEY"_s;
// Where the OpenAI SDKs send OPENAI_API_KEY when OPENAI_BASE_URL is not set.
const QString SdkDefaultBaseUrl = u"https://api.openai.com/v1"_s;
const QString ProfilesGroup = u"profiles"_s;
// The demo answers at once; asking every second makes its six-second remix feel alive.
constexpr int DemoPollIntervalMs = 1000;
} // namespace

Settings::Settings(QSettings *store, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_store(store ? store : new QSettings())
    , m_ownsStore(store == nullptr)
    , m_environment(environment)
{
    if (baseUrlFromEnvironment())
        qCInfo(lcSettings) << "service address taken from" << BaseUrlVariable;
    if (apiKeyFromEnvironment())
        qCInfo(lcSettings) << "API key taken from" << ApiKeyVariable; // the name only, never the value
    KnownSecrets::add(m_environment.value(ApiKeyVariable));
    migrateSingleService();
}

void Settings::migrateSingleService()
{
    if (m_store->contains(ProfilesGroup + u"/size"_s))
        return;
    const QString legacyAddress = m_store->value(keyName(Key::BaseUrl)).toString().trimmed();
    const bool legacyKey = hasLegacyApiKey();
    if (legacyAddress.isEmpty() && !legacyKey)
        return;
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::DefaultId);
    profile.name = u"Default"_s; // a name the user may change, not a translated label
    profile.address = legacyAddress;
    profile.pollIntervalMs = qBound(MinPollIntervalMs, value(Key::PollIntervalMs).toInt(), MaxPollIntervalMs);
    setStoredProfiles({profile});
    if (value(Key::ActiveProfile).toString().isEmpty())
        m_store->setValue(keyName(Key::ActiveProfile), profile.id);
    m_store->remove(keyName(Key::BaseUrl));
    if (legacyKey) {
        // Usable at once; it leaves the file when ProfileStore has put it somewhere safe.
        m_secrets.insert(profile.keyAccount(), m_store->value(keyName(Key::ApiKey)).toString().trimmed());
    }
    m_store->sync();
    qCInfo(lcSettings) << "single service migrated into profile" << profile.id << (legacyKey ? "(with a key)" : "");
}

bool Settings::hasLegacyApiKey() const
{
    return m_store->contains(keyName(Key::ApiKey));
}

void Settings::removeLegacyApiKey()
{
    if (!hasLegacyApiKey())
        return;
    m_store->remove(keyName(Key::ApiKey));
    m_store->sync();
    qCInfo(lcSettings) << "plain-text API key removed from the settings file";
}

QList<ServiceProfile> Settings::storedProfiles() const
{
    QList<ServiceProfile> profiles;
    const int count = m_store->beginReadArray(ProfilesGroup);
    for (int i = 0; i < count; ++i) {
        m_store->setArrayIndex(i);
        ServiceProfile profile;
        profile.id = m_store->value(u"id"_s).toString();
        // A hand-edited file could hold a built-in id or a duplicate; such entries are skipped.
        if (profile.id.isEmpty() || profile.id == QLatin1String(ServiceProfile::DemoId)
            || profile.id == QLatin1String(ServiceProfile::EnvironmentId)
            || std::any_of(profiles.cbegin(), profiles.cend(),
                           [&profile](const ServiceProfile &other) { return other.id == profile.id; })) {
            continue;
        }
        profile.name = m_store->value(u"name"_s).toString();
        profile.address = m_store->value(u"address"_s).toString();
        bool ok = false;
        const int interval = m_store->value(u"pollIntervalMs"_s).toInt(&ok);
        profile.pollIntervalMs = ok ? qBound(MinPollIntervalMs, interval, MaxPollIntervalMs) : DefaultPollIntervalMs;
        profile.proxy.type = ProxySettings::typeFromKey(m_store->value(u"proxyType"_s).toString());
        profile.proxy.host = m_store->value(u"proxyHost"_s).toString();
        profile.proxy.port = quint16(qBound(0, m_store->value(u"proxyPort"_s).toInt(), 65535));
        profile.proxy.user = m_store->value(u"proxyUser"_s).toString();
        profiles.append(profile);
    }
    m_store->endArray();
    return profiles;
}

void Settings::setStoredProfiles(const QList<ServiceProfile> &profiles)
{
    if (profiles.size() == storedProfiles().size()) {
        const QList<ServiceProfile> old = storedProfiles();
        bool same = true;
        for (qsizetype i = 0; i < old.size() && same; ++i) {
            const ServiceProfile &a = old.at(i);
            const ServiceProfile &b = profiles.at(i);
            same = a.id == b.id && a.name == b.name && a.address == b.address && a.pollIntervalMs == b.pollIntervalMs
                   && a.proxy == b.proxy;
        }
        if (same)
            return;
    }
    // The whole array is rewritten: QSettings keeps stale entries of a longer old array otherwise.
    m_store->remove(ProfilesGroup);
    m_store->beginWriteArray(ProfilesGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ServiceProfile &profile = profiles.at(i);
        m_store->setArrayIndex(i);
        m_store->setValue(u"id"_s, profile.id);
        m_store->setValue(u"name"_s, profile.name);
        m_store->setValue(u"address"_s, profile.address.trimmed());
        m_store->setValue(u"pollIntervalMs"_s, qBound(MinPollIntervalMs, profile.pollIntervalMs, MaxPollIntervalMs));
        m_store->setValue(u"proxyType"_s, ProxySettings::typeKey(profile.proxy.type));
        m_store->setValue(u"proxyHost"_s, profile.proxy.host.trimmed());
        m_store->setValue(u"proxyPort"_s, int(profile.proxy.port));
        m_store->setValue(u"proxyUser"_s, profile.proxy.user);
    }
    m_store->endArray();
    m_store->sync();
    emit profilesChanged();
}

std::optional<ServiceProfile> Settings::environmentProfile() const
{
    if (!baseUrlFromEnvironment() && !apiKeyFromEnvironment())
        return std::nullopt;
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::EnvironmentId);
    profile.kind = ServiceProfile::Kind::Environment;
    profile.address = baseUrlFromEnvironment() ? m_environment.value(BaseUrlVariable).trimmed() : SdkDefaultBaseUrl;
    profile.pollIntervalMs = qBound(MinPollIntervalMs, value(Key::PollIntervalMs).toInt(), MaxPollIntervalMs);
    return profile;
}

ServiceProfile Settings::demoProfile() const
{
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::DemoId);
    profile.kind = ServiceProfile::Kind::Demo;
    profile.address = m_demoAddress;
    profile.pollIntervalMs = DemoPollIntervalMs;
    // The demo is on loopback: a system proxy must not catch it.
    profile.proxy.type = ProxySettings::Type::None;
    return profile;
}

void Settings::setDemoAddress(const QString &address)
{
    if (m_demoAddress == address)
        return;
    m_demoAddress = address;
    emit profilesChanged();
}

QList<ServiceProfile> Settings::profiles() const
{
    QList<ServiceProfile> all;
    if (const std::optional<ServiceProfile> environment = environmentProfile())
        all.append(*environment);
    all.append(storedProfiles());
    all.append(demoProfile());
    return all;
}

std::optional<ServiceProfile> Settings::profile(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    for (const ServiceProfile &profile : profiles()) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

QString Settings::activeProfileId() const
{
    if (!m_sessionActiveId.isEmpty() && profile(m_sessionActiveId))
        return m_sessionActiveId;
    if (environmentProfile())
        return QString::fromLatin1(ServiceProfile::EnvironmentId);
    const QString chosen = value(Key::ActiveProfile).toString();
    if (profile(chosen))
        return chosen;
    const QList<ServiceProfile> stored = storedProfiles();
    return stored.isEmpty() ? QString() : stored.constFirst().id;
}

std::optional<ServiceProfile> Settings::activeProfile() const
{
    return profile(activeProfileId());
}

void Settings::setActiveProfileId(const QString &id, bool persist)
{
    if (!profile(id))
        return;
    const QString before = activeProfileId();
    m_sessionActiveId = id;
    if (persist)
        setValue(Key::ActiveProfile, id);
    if (activeProfileId() != before) {
        qCInfo(lcSettings) << "active service profile:" << id;
        emit activeProfileChanged(id);
    }
}

QString Settings::editableProfileId()
{
    const std::optional<ServiceProfile> active = activeProfile();
    if (active && active->kind == ServiceProfile::Kind::Stored)
        return active->id;
    const QList<ServiceProfile> stored = storedProfiles();
    if (!stored.isEmpty())
        return stored.constFirst().id;
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::DefaultId);
    profile.name = u"Default"_s;
    profile.pollIntervalMs = qBound(MinPollIntervalMs, value(Key::PollIntervalMs).toInt(), MaxPollIntervalMs);
    setStoredProfiles({profile});
    if (value(Key::ActiveProfile).toString().isEmpty())
        setValue(Key::ActiveProfile, profile.id);
    return profile.id;
}

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

bool Settings::baseUrlFromEnvironment() const
{
    return !m_environment.value(BaseUrlVariable).trimmed().isEmpty();
}

QString Settings::baseUrl() const
{
    const std::optional<ServiceProfile> active = activeProfile();
    return active ? active->address : QString();
}

void Settings::setBaseUrl(const QString &url)
{
    const QString id = editableProfileId();
    QList<ServiceProfile> stored = storedProfiles();
    for (ServiceProfile &profile : stored) {
        if (profile.id == id)
            profile.address = url.trimmed();
    }
    const QString before = baseUrl();
    setStoredProfiles(stored);
    if (baseUrl() != before)
        emit changed(Key::BaseUrl);
}

bool Settings::apiKeyFromEnvironment() const
{
    return !m_environment.value(ApiKeyVariable).trimmed().isEmpty();
}

QString Settings::apiKeyFor(const QString &profileId) const
{
    if (profileId == QLatin1String(ServiceProfile::EnvironmentId))
        return m_environment.value(ApiKeyVariable).trimmed();
    if (profileId == QLatin1String(ServiceProfile::DemoId))
        return QString();
    return m_secrets.value(profileId);
}

QString Settings::apiKey() const
{
    return apiKeyFor(activeProfileId());
}

void Settings::setApiKey(const QString &key)
{
    const QString id = editableProfileId();
    const QString trimmed = key.trimmed();
    if (m_secrets.value(id) == trimmed && m_secrets.contains(id))
        return;
    m_secrets.insert(id, trimmed);
    KnownSecrets::add(trimmed);
    emit apiKeyEdited(id);
    emit changed(Key::ApiKey);
}

void Settings::cacheSecret(const QString &account, const QString &secret)
{
    m_secrets.insert(account, secret);
    KnownSecrets::add(secret);
}

void Settings::forgetSecret(const QString &account)
{
    m_secrets.remove(account);
}

int Settings::pollIntervalMs() const
{
    const std::optional<ServiceProfile> active = activeProfile();
    if (active && active->kind != ServiceProfile::Kind::Environment)
        return active->pollIntervalMs;
    bool ok = false;
    const int ms = value(Key::PollIntervalMs).toInt(&ok);
    return ok ? qBound(MinPollIntervalMs, ms, MaxPollIntervalMs) : DefaultPollIntervalMs;
}

void Settings::setPollIntervalMs(int ms)
{
    const int bounded = qBound(MinPollIntervalMs, ms, MaxPollIntervalMs);
    const std::optional<ServiceProfile> active = activeProfile();
    if (active && active->kind == ServiceProfile::Kind::Stored) {
        QList<ServiceProfile> stored = storedProfiles();
        for (ServiceProfile &profile : stored) {
            if (profile.id == active->id)
                profile.pollIntervalMs = bounded;
        }
        const int before = pollIntervalMs();
        setStoredProfiles(stored);
        if (pollIntervalMs() != before)
            emit changed(Key::PollIntervalMs);
        return;
    }
    setValue(Key::PollIntervalMs, bounded);
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

bool Settings::isServiceConfigured() const
{
    const std::optional<ServiceProfile> active = activeProfile();
    return active && (active->isDemo() || !active->address.trimmed().isEmpty());
}
