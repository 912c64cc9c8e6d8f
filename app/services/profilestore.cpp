#include "services/profilestore.h"

#include "api/secretmask.h"
#include "logging.h"
#include "services/proxyfactory.h"
#include "settings.h"

#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
QString storageKey(SecretStore::Kind kind)
{
    switch (kind) {
    case SecretStore::Kind::Keychain:
        return QString(); // the default is stored as nothing
    case SecretStore::Kind::Session:
        return u"session"_s;
    case SecretStore::Kind::File:
        return u"file"_s;
    }
    return QString();
}

SecretStore::Kind storageFromKey(const QString &key)
{
    if (key == "session"_L1)
        return SecretStore::Kind::Session;
    if (key == "file"_L1)
        return SecretStore::Kind::File;
    return SecretStore::Kind::Keychain;
}

const QString BaseUrlVariable = u"OPENAI_BASE_URL"_s;
const QString ApiKeyVariable = u"OPENAI_API_KEY"_s;
// Where the OpenAI SDKs send OPENAI_API_KEY when OPENAI_BASE_URL is not set.
const QString SdkDefaultBaseUrl = u"https://api.openai.com/v1"_s;
const QString ProfilesGroup = u"profiles"_s;
// The demo answers at once; asking every second makes its six-second remix feel alive.
constexpr int DemoPollIntervalMs = 1000;

int boundedInterval(int ms)
{
    return qBound(ServiceProfile::MinPollIntervalMs, ms, ServiceProfile::MaxPollIntervalMs);
}
} // namespace

ProfileStore::ProfileStore(Settings *settings, const Options &options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(options)
    , m_routes(std::make_shared<ProxyRoutes>())
{
    m_storeProblem.status = SecretResult::Status::Ok;
    m_store = makeStore(storageFromKey(m_settings->value(Settings::Key::SecretStorage).toString()));
    const QProcessEnvironment &environment = m_settings->environment();
    if (!environment.value(BaseUrlVariable).trimmed().isEmpty())
        qCInfo(lcSettings) << "service address taken from" << BaseUrlVariable;
    if (!environment.value(ApiKeyVariable).trimmed().isEmpty())
        qCInfo(lcSettings) << "API key taken from" << ApiKeyVariable; // the name only, never the value
    KnownSecrets::add(environment.value(ApiKeyVariable).trimmed());
    migrateSingleService();

    for (const ServiceProfile &profile : storedProfiles()) {
        if (!m_loading.contains(profile.id))
            loadSecrets(profile);
    }
    migrateLegacyKey();
    updateRoutes();
}

ProfileStore::~ProfileStore() = default;

SecretStore *ProfileStore::makeStore(SecretStore::Kind kind)
{
    if (m_options.storeFactory) {
        if (SecretStore *store = m_options.storeFactory(kind, this))
            return store;
    }
    switch (kind) {
    case SecretStore::Kind::Session:
        return new SessionSecretStore(this);
    case SecretStore::Kind::File:
        return new FileSecretStore(m_options.secretFilePath, this);
    case SecretStore::Kind::Keychain:
        break;
    }
    QString service = m_options.keychainService;
    if (service.isEmpty())
        service = QStandardPaths::isTestModeEnabled() ? u"VideoRemix-test"_s : u"VideoRemix"_s;
    auto *keychain = new KeychainSecretStore(service, this);
    keychain->setProbeTimeoutMs(m_options.keychainProbeTimeoutMs);
    return keychain;
}

QList<ServiceProfile> ProfileStore::storedProfiles() const
{
    QSettings &file = m_settings->file();
    QList<ServiceProfile> profiles;
    const int count = file.beginReadArray(ProfilesGroup);
    for (int i = 0; i < count; ++i) {
        file.setArrayIndex(i);
        ServiceProfile profile;
        profile.id = file.value(u"id"_s).toString();
        // A hand-edited file could hold a built-in id or a duplicate; such entries are skipped.
        if (profile.id.isEmpty() || profile.id == QLatin1String(ServiceProfile::DemoId)
            || profile.id == QLatin1String(ServiceProfile::EnvironmentId)
            || std::any_of(profiles.cbegin(), profiles.cend(),
                           [&profile](const ServiceProfile &other) { return other.id == profile.id; })) {
            continue;
        }
        profile.name = file.value(u"name"_s).toString();
        profile.address = file.value(u"address"_s).toString();
        bool ok = false;
        const int interval = file.value(u"pollIntervalMs"_s).toInt(&ok);
        profile.pollIntervalMs = ok ? boundedInterval(interval) : ServiceProfile::DefaultPollIntervalMs;
        profile.proxy.type = ProxySettings::typeFromKey(file.value(u"proxyType"_s).toString());
        profile.proxy.host = file.value(u"proxyHost"_s).toString();
        profile.proxy.port = quint16(qBound(0, file.value(u"proxyPort"_s).toInt(), 65535));
        profile.proxy.user = file.value(u"proxyUser"_s).toString();
        profile.remixRoute = ServiceProfile::remixRouteFromKey(file.value(u"remixRoute"_s).toString());
        // A hand-edited file's unquoted "a = 1, b = 2" reads as a list in QSettings' ini format.
        const QVariant prices = file.value(u"prices"_s);
        profile.prices = PriceList::fromText(
            prices.typeId() == QMetaType::QStringList ? prices.toStringList().join(u", "_s) : prices.toString(),
            file.value(u"priceCurrency"_s).toString());
        profiles.append(profile);
    }
    file.endArray();
    return profiles;
}

void ProfileStore::writeStoredProfiles(const QList<ServiceProfile> &profiles)
{
    const QList<ServiceProfile> old = storedProfiles();
    if (profiles.size() == old.size()) {
        bool same = true;
        for (qsizetype i = 0; i < old.size() && same; ++i) {
            const ServiceProfile &a = old.at(i);
            const ServiceProfile &b = profiles.at(i);
            same = a.id == b.id && a.name == b.name && a.address == b.address && a.pollIntervalMs == b.pollIntervalMs
                   && a.proxy == b.proxy && a.remixRoute == b.remixRoute && a.prices == b.prices;
        }
        if (same)
            return;
    }
    // The whole array is rewritten: QSettings keeps stale entries of a longer old array otherwise.
    QSettings &file = m_settings->file();
    file.remove(ProfilesGroup);
    file.beginWriteArray(ProfilesGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ServiceProfile &profile = profiles.at(i);
        file.setArrayIndex(i);
        file.setValue(u"id"_s, profile.id);
        file.setValue(u"name"_s, profile.name);
        file.setValue(u"address"_s, profile.address.trimmed());
        file.setValue(u"pollIntervalMs"_s, boundedInterval(profile.pollIntervalMs));
        file.setValue(u"proxyType"_s, ProxySettings::typeKey(profile.proxy.type));
        file.setValue(u"proxyHost"_s, profile.proxy.host.trimmed());
        file.setValue(u"proxyPort"_s, int(profile.proxy.port));
        file.setValue(u"proxyUser"_s, profile.proxy.user);
        file.setValue(u"remixRoute"_s, ServiceProfile::remixRouteKey(profile.remixRoute));
        file.setValue(u"prices"_s, profile.prices.toText());
        file.setValue(u"priceCurrency"_s, profile.prices.currency);
    }
    file.endArray();
    file.sync();
    updateRoutes();
    // A profile nobody has read secrets for yet (a new "Default") gets them read.
    for (const ServiceProfile &profile : profiles) {
        if (!m_loaded.contains(profile.id) && !m_loading.contains(profile.id))
            loadSecrets(profile);
    }
    emit profilesChanged();
}

std::optional<ServiceProfile> ProfileStore::environmentProfile() const
{
    const QProcessEnvironment &environment = m_settings->environment();
    const QString address = environment.value(BaseUrlVariable).trimmed();
    if (address.isEmpty() && environment.value(ApiKeyVariable).trimmed().isEmpty())
        return std::nullopt;
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::EnvironmentId);
    profile.kind = ServiceProfile::Kind::Environment;
    profile.address = address.isEmpty() ? SdkDefaultBaseUrl : address;
    profile.pollIntervalMs = m_settings->defaultPollIntervalMs();
    return profile;
}

ServiceProfile ProfileStore::demoProfile() const
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

QList<ServiceProfile> ProfileStore::profiles() const
{
    QList<ServiceProfile> all;
    if (const std::optional<ServiceProfile> environment = environmentProfile())
        all.append(*environment);
    all.append(storedProfiles());
    all.append(demoProfile());
    return all;
}

std::optional<ServiceProfile> ProfileStore::profile(const QString &id) const
{
    if (id.isEmpty())
        return std::nullopt;
    for (const ServiceProfile &profile : profiles()) {
        if (profile.id == id)
            return profile;
    }
    return std::nullopt;
}

QString ProfileStore::activeId() const
{
    if (!m_sessionActiveId.isEmpty() && profile(m_sessionActiveId))
        return m_sessionActiveId;
    if (environmentProfile())
        return QString::fromLatin1(ServiceProfile::EnvironmentId);
    const QString chosen = m_settings->value(Settings::Key::ActiveProfile).toString();
    if (profile(chosen))
        return chosen;
    const QList<ServiceProfile> stored = storedProfiles();
    return stored.isEmpty() ? QString() : stored.constFirst().id;
}

std::optional<ServiceProfile> ProfileStore::activeProfile() const
{
    return profile(activeId());
}

void ProfileStore::setActiveId(const QString &id, bool persist)
{
    if (!profile(id))
        return;
    const QString before = activeId();
    m_sessionActiveId = id;
    if (persist)
        m_settings->setValue(Settings::Key::ActiveProfile, id);
    if (activeId() != before) {
        qCInfo(lcSettings) << "active service profile:" << id;
        updateRoutes(); // the active profile's route wins on a shared host
        emit activeProfileChanged(id);
    }
}

void ProfileStore::migrateSingleService()
{
    QSettings &file = m_settings->file();
    if (file.contains(ProfilesGroup + u"/size"_s))
        return;
    const QString legacyAddress = file.value(Settings::keyName(Settings::Key::BaseUrl)).toString().trimmed();
    const bool legacyKey = hasLegacyKey();
    if (legacyAddress.isEmpty() && !legacyKey)
        return;
    ServiceProfile profile;
    profile.id = QString::fromLatin1(ServiceProfile::DefaultId);
    profile.name = u"Default"_s; // a name the user may change, not a translated label
    profile.address = legacyAddress;
    profile.pollIntervalMs = m_settings->defaultPollIntervalMs();
    if (legacyKey) {
        // Usable at once; it leaves the file when it is somewhere safe (migrateLegacyKey()).
        cacheSecret(profile.keyAccount(), file.value(Settings::keyName(Settings::Key::ApiKey)).toString().trimmed());
        m_edited.insert(profile.keyAccount());
    }
    writeStoredProfiles({profile});
    if (m_settings->value(Settings::Key::ActiveProfile).toString().isEmpty())
        m_settings->setValue(Settings::Key::ActiveProfile, profile.id);
    file.remove(Settings::keyName(Settings::Key::BaseUrl));
    file.sync();
    qCInfo(lcSettings) << "single service migrated into profile" << profile.id << (legacyKey ? "(with a key)" : "");
}

QString ProfileStore::editableProfileId()
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
    profile.pollIntervalMs = m_settings->defaultPollIntervalMs();
    const QString id = addProfile(profile);
    if (m_settings->value(Settings::Key::ActiveProfile).toString().isEmpty())
        m_settings->setValue(Settings::Key::ActiveProfile, id);
    return id;
}

QString ProfileStore::useSingleService(const QString &address, const QString &key)
{
    const QString id = editableProfileId();
    std::optional<ServiceProfile> found = profile(id);
    found->address = address.trimmed();
    updateProfile(*found);
    setKey(id, key);
    return id;
}

void ProfileStore::cacheSecret(const QString &account, const QString &secret)
{
    m_secrets.insert(account, secret);
    KnownSecrets::add(secret);
}

bool ProfileStore::isStored(const QString &id) const
{
    const std::optional<ServiceProfile> found = profile(id);
    return found && found->kind == ServiceProfile::Kind::Stored;
}

void ProfileStore::setDemoAddress(const QString &address)
{
    if (m_demoAddress == address)
        return;
    m_demoAddress = address;
    updateRoutes();
    emit profilesChanged();
}

bool ProfileStore::isServiceConfigured() const
{
    const std::optional<ServiceProfile> active = activeProfile();
    return active && (active->isDemo() || !active->address.trimmed().isEmpty());
}

bool ProfileStore::hasLegacyKey() const
{
    return m_settings->file().contains(Settings::keyName(Settings::Key::ApiKey));
}

QString ProfileStore::addProfile(ServiceProfile profile)
{
    profile.kind = ServiceProfile::Kind::Stored;
    while (profile.id.isEmpty() || this->profile(profile.id))
        profile.id = ServiceProfile::newId();
    // A new profile has nothing in the store yet: no read needed, and none may overwrite what the
    // caller sets next.
    m_loaded.insert(profile.id);
    QList<ServiceProfile> stored = storedProfiles();
    stored.append(profile);
    writeStoredProfiles(stored);
    emit secretsLoaded(profile.id);
    return profile.id;
}

QString ProfileStore::duplicateProfile(const QString &id)
{
    const std::optional<ServiceProfile> original = profile(id);
    if (!original)
        return QString();
    ServiceProfile copy = *original;
    copy.id.clear();
    copy.name = tr("%1 (copy)", "name of a duplicated service profile").arg(original->displayName());
    if (original->isDemo()) {
        // The demo's address changes every start; a copy of it would soon point nowhere.
        copy.address.clear();
    }
    const QString newId = addProfile(copy);
    if (!original->isDemo()) {
        const QString originalKey = key(id);
        if (!originalKey.isEmpty())
            setKey(newId, originalKey);
    }
    const QString password = proxyPassword(id);
    if (!password.isEmpty())
        setProxyPassword(newId, password);
    return newId;
}

bool ProfileStore::updateProfile(const ServiceProfile &profile)
{
    if (!isStored(profile.id))
        return false;
    QList<ServiceProfile> stored = storedProfiles();
    for (ServiceProfile &entry : stored) {
        if (entry.id == profile.id) {
            entry = profile;
            entry.kind = ServiceProfile::Kind::Stored;
        }
    }
    writeStoredProfiles(stored);
    return true;
}

bool ProfileStore::renameProfile(const QString &id, const QString &name)
{
    std::optional<ServiceProfile> found = profile(id);
    if (!found || found->isReadOnly())
        return false;
    found->name = name.trimmed();
    return updateProfile(*found);
}

bool ProfileStore::removeProfile(const QString &id)
{
    if (!isStored(id))
        return false;
    const ServiceProfile removed = *profile(id);
    const bool wasActive = activeId() == id;
    QList<ServiceProfile> stored = storedProfiles();
    stored.erase(
        std::remove_if(stored.begin(), stored.end(), [&id](const ServiceProfile &profile) { return profile.id == id; }),
        stored.end());
    writeStoredProfiles(stored);
    for (const QString &account : {removed.keyAccount(), removed.proxyPasswordAccount()}) {
        m_secrets.remove(account);
        m_edited.remove(account);
        m_store->remove(account, this, [this](const SecretResult &result) { noteResult(result); });
    }
    m_loaded.remove(id);
    if (wasActive)
        emit activeProfileChanged(activeId());
    return true;
}

QString ProfileStore::key(const QString &id) const
{
    if (id == QLatin1String(ServiceProfile::EnvironmentId))
        return m_settings->environment().value(ApiKeyVariable).trimmed();
    if (id == QLatin1String(ServiceProfile::DemoId))
        return QString();
    return m_secrets.value(id);
}

void ProfileStore::setKey(const QString &id, const QString &key)
{
    if (!isStored(id))
        return;
    const QString trimmed = key.trimmed();
    const QString account = profile(id)->keyAccount();
    if (m_secrets.contains(account) && cachedSecret(account) == trimmed)
        return;
    m_edited.insert(account);
    cacheSecret(account, trimmed);
    writeSecret(account, trimmed);
    emit keyChanged(id);
}

QString ProfileStore::proxyPassword(const QString &id) const
{
    const std::optional<ServiceProfile> found = profile(id);
    return found ? cachedSecret(found->proxyPasswordAccount()) : QString();
}

void ProfileStore::setProxyPassword(const QString &id, const QString &password)
{
    if (!isStored(id))
        return;
    const QString account = profile(id)->proxyPasswordAccount();
    if (m_secrets.contains(account) && cachedSecret(account) == password)
        return;
    m_edited.insert(account);
    cacheSecret(account, password);
    writeSecret(account, password);
    updateRoutes();
}

bool ProfileStore::areSecretsLoaded(const QString &id) const
{
    // The built-in profiles have nothing to read.
    return !isStored(id) || m_loaded.contains(id);
}

void ProfileStore::writeSecret(const QString &account, const QString &secret)
{
    const auto done = [this, account](const SecretResult &result) {
        noteResult(result);
        if (result.isOk() && account == QLatin1String(ServiceProfile::DefaultId) && hasLegacyKey()) {
            // The old plain-text copy goes only once the key is safe somewhere else.
            removeLegacyKey();
        }
    };
    if (secret.isEmpty())
        m_store->remove(account, this, done);
    else
        m_store->write(account, secret, this, done);
}

void ProfileStore::noteResult(const SecretResult &result)
{
    if (result.status == SecretResult::Status::NotFound)
        return;
    const bool changed = result.status != m_storeProblem.status || result.detail != m_storeProblem.detail;
    if (changed && !result.isOk()) {
        // Once per new problem. The detail names the store's reason (no bus, access denied); a secret
        // is never part of it.
        qCInfo(lcSettings) << "secret store" << m_store->kind() << "not usable:" << result.detail;
    }
    m_storeProblem = result;
    if (changed)
        emit storageChanged();
}

void ProfileStore::loadSecrets(const ServiceProfile &profile)
{
    const QString id = profile.id;
    m_loading.insert(id);
    const QStringList accounts = {profile.keyAccount(), profile.proxyPasswordAccount()};
    auto pending = std::make_shared<int>(int(accounts.size()));
    for (const QString &account : accounts) {
        m_store->read(account, this, [this, id, account, pending](const SecretResult &result) {
            if (result.isOk() && !m_edited.contains(account))
                cacheSecret(account, result.secret);
            if (result.status != SecretResult::Status::NotFound)
                noteResult(result);
            if (--*pending > 0)
                return;
            m_loading.remove(id);
            m_loaded.insert(id);
            qCDebug(lcSettings) << "secrets of profile" << id << "read";
            updateRoutes();
            emit secretsLoaded(id);
            if (!key(id).isEmpty())
                emit keyChanged(id);
        });
    }
}

void ProfileStore::migrateLegacyKey()
{
    if (!hasLegacyKey())
        return;
    const QString account = QString::fromLatin1(ServiceProfile::DefaultId);
    m_edited.insert(account);
    const QString legacy = cachedSecret(account);
    if (legacy.isEmpty()) {
        removeLegacyKey();
        return;
    }
    writeSecret(account, legacy);
}

void ProfileStore::removeLegacyKey()
{
    m_settings->file().remove(Settings::keyName(Settings::Key::ApiKey));
    m_settings->file().sync();
    qCInfo(lcSettings) << "plain-text API key removed from the settings file";
}

void ProfileStore::setStorageKind(SecretStore::Kind kind)
{
    if (kind == m_store->kind())
        return;
    SecretStore *old = m_store;
    m_store = makeStore(kind);
    m_storeProblem = SecretResult{SecretResult::Status::Ok, QString(), QString()};
    m_settings->setValue(Settings::Key::SecretStorage, storageKey(kind));
    qCInfo(lcSettings) << "secrets are now kept in" << kind;

    // Everything known this session moves over; the old store forgets it (best effort: a keychain
    // that is not there has nothing to forget).
    for (const ServiceProfile &profile : storedProfiles()) {
        for (const QString &account : {profile.keyAccount(), profile.proxyPasswordAccount()}) {
            if (!m_secrets.contains(account))
                continue;
            writeSecret(account, cachedSecret(account));
            old->remove(account, this, [](const SecretResult &) {});
        }
    }
    m_retiredStores.append(old);
    migrateLegacyKey();
    emit storageChanged();
}

QString ProfileStore::fileStorePath() const
{
    return m_options.secretFilePath.isEmpty() ? FileSecretStore::defaultFilePath() : m_options.secretFilePath;
}

void ProfileStore::probeStore()
{
    m_store->probe(this, [this](const SecretResult &result) { noteResult(result); });
}

ServiceEndpoint ProfileStore::endpoint(const QString &profileId) const
{
    const std::optional<ServiceProfile> found = profile(profileId);
    if (!found)
        return ServiceEndpoint{};
    return ServiceEndpoint{found->apiBase(), key(found->id), found->id, found->pollIntervalMs, found->remixRoute};
}

std::optional<ServiceProfile> ProfileStore::profileForBase(const QUrl &apiBase) const
{
    if (!apiBase.isValid() || apiBase.isEmpty())
        return std::nullopt;
    const std::optional<ServiceProfile> active = activeProfile();
    if (active && active->apiBase() == apiBase)
        return active;
    for (const ServiceProfile &candidate : profiles()) {
        if (candidate.apiBase() == apiBase)
            return candidate;
    }
    return std::nullopt;
}

void ProfileStore::updateRoutes()
{
    QList<QPair<QString, ProxyRoutes::Route>> routes;
    const auto add = [this, &routes](const ServiceProfile &profile) {
        routes.append(
            {ProxyRoutes::keyFor(profile.apiBase()), ProxyRoutes::routeFor(profile.proxy, proxyPassword(profile.id))});
    };
    if (const std::optional<ServiceProfile> active = activeProfile())
        add(*active);
    for (const ServiceProfile &profile : profiles())
        add(profile);
    m_routes->setRoutes(routes);
}
