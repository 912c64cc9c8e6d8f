#pragma once

#include "api/apiclient.h"
#include "services/secretstore.h"
#include "services/serviceprofile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class ProxyRoutes;
class Settings;

// Where a ProfileStore keeps secrets. (Outside the class: a nested struct with member initializers
// cannot be a default argument of its enclosing class's constructor.)
struct ProfileStoreOptions
{
    using StoreFactory = std::function<SecretStore *(SecretStore::Kind kind, QObject *parent)>;

    // The keychain's service name; empty: "VideoRemix" ("VideoRemix-test" in QStandardPaths test
    // mode, so tests never touch the user's real entries).
    QString keychainService;
    int keychainProbeTimeoutMs = KeychainSecretStore::DefaultProbeTimeoutMs;
    // The file store's path; empty: FileSecretStore::defaultFilePath().
    QString secretFilePath;
    // Makes the stores; empty: the three real ones above. Tests inject their own.
    StoreFactory storeFactory;
};

// The service profiles with their secrets: the one owner of the profile concept. What the settings
// dialog edits, the profile picker shows and AppCore sends jobs through.
// - Three kinds of profile: the user's own ("Stored": name, address, poll interval, proxy, kept in the
//   settings file under "profiles"), "From environment" when OPENAI_BASE_URL or OPENAI_API_KEY is set
//   (the OpenAI SDKs' convention; then the active one at start), and the demo. The built-in ones are
//   read-only.
// - An older version's single service ("service/baseUrl", plain-text "service/apiKey") becomes the
//   profile "Default" at construction; its key is usable at once and leaves the file once it is stored
//   in the secret store.
// - Keys and proxy passwords live in one SecretStore (the system keychain by default; "this session only" or a 0600
// file when the user
//   chooses so), under the accounts ServiceProfile::keyAccount() / proxyPasswordAccount().
// - Secrets are read asynchronously at start; secretsLoaded(id) tells when a profile's are in (or known
//   to be missing). Until then key() is empty. Nothing here ever blocks the GUI thread.
// - A secret is kept in memory for the session even when the store refuses it (no keychain), so the
//   app works; storeProblem() says so, and the settings dialog offers the other stores.
// - The proxy routes (which proxy each profile's host:port goes through) follow every change.
class ProfileStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)

public:
    using StoreFactory = ProfileStoreOptions::StoreFactory;
    using Options = ProfileStoreOptions;

    // settings must outlive the store.
    explicit ProfileStore(Settings *settings, const Options &options = Options(), QObject *parent = nullptr);
    ~ProfileStore() override;

    Settings *settings() const { return m_settings; }

    // Every profile: the environment one (when set) first, then the stored ones in the user's order,
    // then the demo.
    QList<ServiceProfile> profiles() const;
    std::optional<ServiceProfile> profile(const QString &id) const;
    QList<ServiceProfile> storedProfiles() const;
    std::optional<ServiceProfile> environmentProfile() const;
    ServiceProfile demoProfile() const;
    // The profile new jobs go to: the one picked this session, else the environment one, else the
    // stored choice, else the first stored profile; "" when there is none.
    QString activeId() const;
    std::optional<ServiceProfile> activeProfile() const;
    // persist = false: for this session only (--demo must not change what the next start uses).
    void setActiveId(const QString &id, bool persist = true);
    // True when the active profile has an address, or is the demo (a key may be empty: some relays).
    bool isServiceConfigured() const;
    // True while an older version's plain-text key is still in the settings file (it leaves once it is
    // stored in the secret store).
    bool hasLegacyKey() const;

    // Stored profiles only; the built-in ones cannot be changed. addProfile gives a new id when the
    // profile has none (or one in use) and returns it.
    QString addProfile(ServiceProfile profile);
    QString duplicateProfile(const QString &id); // with the key and proxy password; "" if unknown
    bool updateProfile(const ServiceProfile &profile);
    bool renameProfile(const QString &id, const QString &name);
    bool removeProfile(const QString &id); // also its secrets
    // The single-service shortcut (a first start, tests): gives the active stored profile (or the
    // first one, or a new "Default") this address and key, and returns its id.
    QString useSingleService(const QString &address, const QString &key);

    // Secrets. key() of the environment profile is OPENAI_API_KEY; the demo's is empty.
    QString key(const QString &id) const;
    void setKey(const QString &id, const QString &key);
    QString proxyPassword(const QString &id) const;
    void setProxyPassword(const QString &id, const QString &password);
    bool areSecretsLoaded(const QString &id) const;

    // Where secrets are kept, and whether that works.
    SecretStore::Kind storageKind() const { return m_store->kind(); }
    SecretStore *secretStore() const { return m_store; }
    // Moves every secret of this session into a new store and removes them from the old one.
    void setStorageKind(SecretStore::Kind kind);
    // The last failure of the store (Unavailable, Failed), or an Ok result when none since the last
    // success. The dialog shows it; never contains a secret.
    const SecretResult &storeProblem() const { return m_storeProblem; }
    bool hasStoreProblem() const { return !m_storeProblem.isOk(); }
    // Where the file store keeps keys (shown to the user before choosing it).
    QString fileStorePath() const;
    // Asks the store whether it works (the keychain answers Unavailable within its probe timeout).
    void probeStore();

    // The running demo's loopback address (its port changes every start); the Demo profile's address.
    void setDemoAddress(const QString &address);

    // Where jobs of a profile go: its normalised address, its key, its id. The demo's address is the
    // running demo's (invalid while it is not running).
    ServiceEndpoint endpoint(const QString &profileId) const;
    // The profile whose address has this exact API base, the active one first.
    std::optional<ServiceProfile> profileForBase(const QUrl &apiBase) const;

    // Read by the ProfileProxyFactory installed on the app's network access manager.
    std::shared_ptr<ProxyRoutes> proxyRoutes() const { return m_routes; }

signals:
    void profilesChanged();
    void activeProfileChanged(const QString &profileId);
    // The profile's key and proxy password were read from the store (found or not).
    void secretsLoaded(const QString &profileId);
    void keyChanged(const QString &profileId);
    // The storage kind changed, or the store just failed or worked again (see storeProblem()).
    void storageChanged();

private:
    SecretStore *makeStore(SecretStore::Kind kind);
    void loadSecrets(const ServiceProfile &profile);
    void writeSecret(const QString &account, const QString &secret);
    void noteResult(const SecretResult &result);
    void migrateLegacyKey();
    void removeLegacyKey();
    void updateRoutes();
    bool isStored(const QString &id) const;
    // The user's profiles in the settings file.
    void writeStoredProfiles(const QList<ServiceProfile> &profiles);
    void migrateSingleService();
    QString editableProfileId();
    QString cachedSecret(const QString &account) const { return m_secrets.value(account); }
    void cacheSecret(const QString &account, const QString &secret);

    Settings *m_settings;
    QString m_sessionActiveId;
    QString m_demoAddress;
    QHash<QString, QString> m_secrets; // this session's secrets by account, read from or written to m_store
    Options m_options;
    SecretStore *m_store = nullptr;
    QList<QPointer<SecretStore>> m_retiredStores; // finishing their removes after a storage change
    std::shared_ptr<ProxyRoutes> m_routes;
    QSet<QString> m_loaded;  // profile ids whose secrets were read
    QSet<QString> m_loading; // profile ids with reads under way
    QSet<QString> m_edited;  // accounts set this session: a later read must not overwrite them
    SecretResult m_storeProblem;
};
