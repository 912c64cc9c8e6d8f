#include "services/profilestore.h"

#include "logging.h"
#include "services/proxyfactory.h"
#include "settings.h"

#include <QStandardPaths>

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
} // namespace

ProfileStore::ProfileStore(Settings *settings, const Options &options, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_options(options)
    , m_routes(std::make_shared<ProxyRoutes>())
{
    m_storeProblem.status = SecretResult::Status::Ok;
    m_store = makeStore(storageFromKey(m_settings->value(Settings::Key::SecretStorage).toString()));

    connect(m_settings, &Settings::profilesChanged, this, [this] {
        updateRoutes();
        // A profile added by someone else (Settings::setBaseUrl creating "Default") has secrets to read.
        for (const ServiceProfile &profile : m_settings->storedProfiles()) {
            if (!m_loaded.contains(profile.id) && !m_loading.contains(profile.id))
                loadSecrets(profile);
        }
        emit profilesChanged();
    });
    connect(m_settings, &Settings::activeProfileChanged, this, [this](const QString &id) {
        updateRoutes(); // the active profile's route wins on a shared host
        emit activeProfileChanged(id);
    });
    // Settings::setApiKey() (the single-service API) only keeps the key in memory; save it here.
    connect(m_settings, &Settings::apiKeyEdited, this, [this](const QString &id) {
        m_edited.insert(id);
        writeSecret(id, m_settings->cachedSecret(id));
        emit keyChanged(id);
    });

    for (const ServiceProfile &profile : m_settings->storedProfiles())
        loadSecrets(profile);
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

QList<ServiceProfile> ProfileStore::profiles() const
{
    return m_settings->profiles();
}

std::optional<ServiceProfile> ProfileStore::profile(const QString &id) const
{
    return m_settings->profile(id);
}

QString ProfileStore::activeId() const
{
    return m_settings->activeProfileId();
}

std::optional<ServiceProfile> ProfileStore::activeProfile() const
{
    return m_settings->activeProfile();
}

void ProfileStore::setActiveId(const QString &id, bool persist)
{
    m_settings->setActiveProfileId(id, persist);
}

bool ProfileStore::isStored(const QString &id) const
{
    const std::optional<ServiceProfile> found = profile(id);
    return found && found->kind == ServiceProfile::Kind::Stored;
}

void ProfileStore::setDemoAddress(const QString &address)
{
    m_settings->setDemoAddress(address);
}

bool ProfileStore::isServiceConfigured() const
{
    return m_settings->isServiceConfigured();
}

bool ProfileStore::hasLegacyKey() const
{
    return m_settings->hasLegacyApiKey();
}

QString ProfileStore::addProfile(ServiceProfile profile)
{
    profile.kind = ServiceProfile::Kind::Stored;
    while (profile.id.isEmpty() || this->profile(profile.id))
        profile.id = ServiceProfile::newId();
    // A new profile has nothing in the store yet: no read needed, and none may overwrite what the
    // caller sets next.
    m_loaded.insert(profile.id);
    QList<ServiceProfile> stored = m_settings->storedProfiles();
    stored.append(profile);
    m_settings->setStoredProfiles(stored);
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
    QList<ServiceProfile> stored = m_settings->storedProfiles();
    for (ServiceProfile &entry : stored) {
        if (entry.id == profile.id) {
            entry = profile;
            entry.kind = ServiceProfile::Kind::Stored;
        }
    }
    m_settings->setStoredProfiles(stored);
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
    QList<ServiceProfile> stored = m_settings->storedProfiles();
    stored.erase(
        std::remove_if(stored.begin(), stored.end(), [&id](const ServiceProfile &profile) { return profile.id == id; }),
        stored.end());
    m_settings->setStoredProfiles(stored);
    for (const QString &account : {removed.keyAccount(), removed.proxyPasswordAccount()}) {
        m_settings->forgetSecret(account);
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
    return m_settings->apiKeyFor(id);
}

void ProfileStore::setKey(const QString &id, const QString &key)
{
    if (!isStored(id))
        return;
    const QString trimmed = key.trimmed();
    const QString account = profile(id)->keyAccount();
    if (m_settings->hasCachedSecret(account) && m_settings->cachedSecret(account) == trimmed)
        return;
    m_edited.insert(account);
    m_settings->cacheSecret(account, trimmed);
    writeSecret(account, trimmed);
    emit keyChanged(id);
}

QString ProfileStore::proxyPassword(const QString &id) const
{
    const std::optional<ServiceProfile> found = profile(id);
    return found ? m_settings->cachedSecret(found->proxyPasswordAccount()) : QString();
}

void ProfileStore::setProxyPassword(const QString &id, const QString &password)
{
    if (!isStored(id))
        return;
    const QString account = profile(id)->proxyPasswordAccount();
    if (m_settings->hasCachedSecret(account) && m_settings->cachedSecret(account) == password)
        return;
    m_edited.insert(account);
    m_settings->cacheSecret(account, password);
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
        if (result.isOk() && account == QLatin1String(ServiceProfile::DefaultId) && m_settings->hasLegacyApiKey()) {
            // The old plain-text copy goes only once the key is safe somewhere else.
            m_settings->removeLegacyApiKey();
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
                m_settings->cacheSecret(account, result.secret);
            if (result.status != SecretResult::Status::NotFound)
                noteResult(result);
            if (--*pending > 0)
                return;
            m_loading.remove(id);
            m_loaded.insert(id);
            qCDebug(lcSettings) << "secrets of profile" << id << "read";
            updateRoutes();
            emit secretsLoaded(id);
            if (!m_settings->apiKeyFor(id).isEmpty())
                emit keyChanged(id);
        });
    }
}

void ProfileStore::migrateLegacyKey()
{
    if (!m_settings->hasLegacyApiKey())
        return;
    const QString account = QString::fromLatin1(ServiceProfile::DefaultId);
    m_edited.insert(account);
    const QString legacy = m_settings->cachedSecret(account);
    if (legacy.isEmpty()) {
        m_settings->removeLegacyApiKey();
        return;
    }
    writeSecret(account, legacy);
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
    for (const ServiceProfile &profile : m_settings->storedProfiles()) {
        for (const QString &account : {profile.keyAccount(), profile.proxyPasswordAccount()}) {
            if (!m_settings->hasCachedSecret(account))
                continue;
            writeSecret(account, m_settings->cachedSecret(account));
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
    return ServiceEndpoint{found->apiBase(), key(found->id), found->id, found->pollIntervalMs};
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
