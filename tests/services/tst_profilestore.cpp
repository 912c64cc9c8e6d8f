#include "services/profilestore.h"
#include "services/proxyfactory.h"
#include "services/secretstore.h"
#include "settings.h"
#include "testhelpers.h"

#include <QFile>
#include <QNetworkProxyFactory>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString KeyA = u"sk-profile-a-SECRET-1111"_s;
const QString KeyB = u"sk-profile-b-SECRET-2222"_s;
const QString ProxyPassword = u"proxy-pass-SECRET-3333"_s;

QByteArray fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ServiceProfile relay(const QString &name, const QString &address)
{
    ServiceProfile profile;
    profile.name = name;
    profile.address = address;
    return profile;
}
} // namespace

// Profiles and their secrets, without the network: CRUD and persistence, the migration of an older
// single service, the environment profile, the stores for machines without a keychain, proxy routes.
class TstProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settingsPath = m_dir->filePath(u"settings.ini"_s);
        m_secretsPath = m_dir->filePath(u"keys.json"_s);
    }

    void cleanup()
    {
        m_profiles.reset();
        m_settings.reset();
        m_store.reset();
        m_dir.reset();
    }

    void crudAndPersistence()
    {
        start(SecretStore::Kind::File);
        QCOMPARE(m_profiles->activeId(), QString()); // nothing configured: no silent default
        QVERIFY(!m_profiles->isServiceConfigured());
        // The demo is always there and read-only.
        QCOMPARE(m_profiles->profiles().size(), 1);
        QVERIFY(m_profiles->profiles().constFirst().isDemo());

        QSignalSpy changed(m_profiles.get(), &ProfileStore::profilesChanged);
        const QString a = m_profiles->addProfile(relay(u"Relay A"_s, u"https://a.example"_s));
        const QString b = m_profiles->addProfile(relay(u"Relay B"_s, u"https://b.example/v1/"_s));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && a != b);
        QCOMPARE(changed.count(), 2);
        m_profiles->setKey(a, KeyA);
        m_profiles->setKey(b, KeyB);
        m_profiles->setActiveId(b);
        QCOMPARE(m_profiles->endpoint(b).apiBase, QUrl(u"https://b.example/v1"_s));
        QCOMPARE(m_profiles->endpoint(b).apiKey, KeyB);
        QCOMPARE(m_profiles->endpoint(b).profileId, b);

        const QString copy = m_profiles->duplicateProfile(a);
        QCOMPARE(m_profiles->profile(copy)->address, u"https://a.example"_s);
        QCOMPARE(m_profiles->key(copy), KeyA);
        QVERIFY(m_profiles->profile(copy)->name.contains(u"Relay A"_s));
        QVERIFY(m_profiles->renameProfile(copy, u"  Relay A backup "_s));
        QCOMPARE(m_profiles->profile(copy)->name, u"Relay A backup"_s);
        ServiceProfile edited = *m_profiles->profile(copy);
        edited.pollIntervalMs = 9000;
        edited.proxy.type = ProxySettings::Type::Socks5;
        edited.proxy.host = u"127.0.0.1"_s;
        edited.proxy.port = 1080;
        edited.proxy.user = u"me"_s;
        QVERIFY(m_profiles->updateProfile(edited));
        m_profiles->setProxyPassword(copy, ProxyPassword);

        QVERIFY(m_profiles->removeProfile(a));
        QVERIFY(!m_profiles->profile(a));
        QCOMPARE(m_profiles->key(a), QString());

        // The built-in profiles cannot be changed or removed.
        QVERIFY(!m_profiles->removeProfile(QString::fromLatin1(ServiceProfile::DemoId)));
        QVERIFY(!m_profiles->renameProfile(QString::fromLatin1(ServiceProfile::DemoId), u"x"_s));

        // Another start over the same files: order, fields, active profile and keys are all back.
        restart(SecretStore::Kind::File);
        QStringList ids;
        for (const ServiceProfile &profile : m_profiles->profiles())
            ids << profile.id;
        QCOMPARE(ids, QStringList({b, copy, QString::fromLatin1(ServiceProfile::DemoId)}));
        QCOMPARE(m_profiles->activeId(), b);
        const ServiceProfile reloaded = *m_profiles->profile(copy);
        QCOMPARE(reloaded.name, u"Relay A backup"_s);
        QCOMPARE(reloaded.pollIntervalMs, 9000);
        QCOMPARE(reloaded.proxy, edited.proxy);
        QTRY_VERIFY(m_profiles->areSecretsLoaded(copy) && m_profiles->areSecretsLoaded(b));
        QCOMPARE(m_profiles->key(b), KeyB);
        QCOMPARE(m_profiles->key(copy), KeyA);
        QCOMPARE(m_profiles->proxyPassword(copy), ProxyPassword);
        // The removed profile's key left the store with it.
        QVERIFY(!fileText(m_secretsPath).contains(a.toUtf8()));

        // Secrets are never in the settings file.
        m_store->sync();
        const QByteArray ini = fileText(m_settingsPath);
        QVERIFY(ini.contains("Relay A backup"));
        for (const QString &secret : {KeyA, KeyB, ProxyPassword})
            QVERIFY2(!ini.contains(secret.toUtf8()), ini.constData());
    }

    void remixRouteIsRemembered()
    {
        // What a profile's Test found about the remix route is kept with the profile and reaches the
        // endpoint its jobs are sent through; the standard route is the default.
        start(SecretStore::Kind::File);
        const QString plain = m_profiles->addProfile(relay(u"Standard"_s, u"https://a.example"_s));
        ServiceProfile variant = relay(u"Body"_s, u"https://b.example"_s);
        variant.remixRoute = RemixRoute::VideoIdInBody;
        const QString body = m_profiles->addProfile(variant);
        QCOMPARE(m_profiles->profile(plain)->remixRoute, RemixRoute::Standard);
        QCOMPARE(m_profiles->endpoint(plain).remixRoute, RemixRoute::Standard);
        QCOMPARE(m_profiles->endpoint(body).remixRoute, RemixRoute::VideoIdInBody);

        restart(SecretStore::Kind::File);
        QCOMPARE(m_profiles->profile(plain)->remixRoute, RemixRoute::Standard);
        QCOMPARE(m_profiles->profile(body)->remixRoute, RemixRoute::VideoIdInBody);
        QCOMPARE(m_profiles->endpoint(body).remixRoute, RemixRoute::VideoIdInBody);

        // A later Test that finds the standard route again changes it back, and that is a change
        // (it is written).
        ServiceProfile changed = *m_profiles->profile(body);
        changed.remixRoute = RemixRoute::Standard;
        QSignalSpy spy(m_profiles.get(), &ProfileStore::profilesChanged);
        QVERIFY(m_profiles->updateProfile(changed));
        QCOMPARE(spy.count(), 1);
        restart(SecretStore::Kind::File);
        QCOMPARE(m_profiles->profile(body)->remixRoute, RemixRoute::Standard);
        // A word this version does not know (a newer version's) falls back to the standard route.
        m_store->setValue(u"profiles/1/remixRoute"_s, u"something-new"_s);
        m_store->sync();
        restart(SecretStore::Kind::File);
        QCOMPARE(m_profiles->profile(plain)->remixRoute, RemixRoute::Standard);
    }

    void pricesAreRemembered()
    {
        start(SecretStore::Kind::File);
        ServiceProfile priced = relay(u"Priced"_s, u"https://p.example"_s);
        priced.prices = PriceList::fromText(u"sora-2 = 0.1, * = 0.25"_s, u"¥"_s);
        const QString id = m_profiles->addProfile(priced);
        const QString plain = m_profiles->addProfile(relay(u"Plain"_s, u"https://q.example"_s));
        restart(SecretStore::Kind::File);
        QCOMPARE(m_profiles->profile(id)->prices, priced.prices);
        QVERIFY(m_profiles->profile(plain)->prices.isEmpty()); // unknown, never a default price
        // A hand-edited file without quotes (QSettings reads the commas as a list) still works.
        m_store->setValue(u"profiles/2/prices"_s, QStringList({u"sora-2 = 0.3"_s, u"* = 0.4"_s}));
        m_store->sync();
        restart(SecretStore::Kind::File);
        QCOMPARE(m_profiles->profile(plain)->prices.perSecond(u"other"_s), std::optional<double>(0.4));
    }

    void singleServiceIsMigratedAndTheKeyLeavesTheSettingsFile()
    {
        {
            QSettings old(m_settingsPath, QSettings::IniFormat);
            old.setValue(u"service/baseUrl"_s, u"https://legacy.example/v1"_s);
            old.setValue(u"service/apiKey"_s, KeyA);
            old.setValue(u"polling/intervalMs"_s, 8000);
        }
        QVERIFY(fileText(m_settingsPath).contains(KeyA.toUtf8()));
        start(SecretStore::Kind::Session);
        const QString id = QString::fromLatin1(ServiceProfile::DefaultId);
        QCOMPARE(m_profiles->activeId(), id);
        QCOMPARE(m_profiles->profile(id)->name, u"Default"_s);
        QCOMPARE(m_profiles->profile(id)->pollIntervalMs, 8000);
        QCOMPARE(m_profiles->endpoint(id).apiBase, QUrl(u"https://legacy.example/v1"_s));
        QCOMPARE(m_profiles->key(id), KeyA); // usable at once
        // Once the store holds it, the plain-text copy is gone from the file.
        QTRY_VERIFY(!m_profiles->hasLegacyKey());
        QVERIFY(!fileText(m_settingsPath).contains(KeyA.toUtf8()));
        QVERIFY(!fileText(m_settingsPath).contains("service/baseUrl"));
        QVERIFY(!fileText(m_settingsPath).contains("baseUrl="));
    }

    // No keychain answers (as on this machine and in CI): the key keeps working for the session, the
    // problem is reported, and it is NOT quietly left for the plain settings file; choosing the file
    // store then moves it into a 0600 file and out of the settings file.
    void withoutKeychainTheKeyWaitsForTheUsersChoice()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir->filePath(u"no-bus"_s).toUtf8());
        {
            QSettings old(m_settingsPath, QSettings::IniFormat);
            old.setValue(u"service/baseUrl"_s, u"https://legacy.example/v1"_s);
            old.setValue(u"service/apiKey"_s, KeyA);
        }
        start(SecretStore::Kind::Keychain);
        QCOMPARE(m_profiles->storageKind(), SecretStore::Kind::Keychain);
        QTRY_VERIFY(m_profiles->hasStoreProblem());
        QCOMPARE(m_profiles->storeProblem().status, SecretResult::Status::Unavailable);
        QCOMPARE(m_profiles->key(QString::fromLatin1(ServiceProfile::DefaultId)), KeyA);
        const QString other = m_profiles->addProfile(relay(u"Other"_s, u"https://other.example"_s));
        m_profiles->setKey(other, KeyB);
        QTRY_VERIFY(m_profiles->areSecretsLoaded(QString::fromLatin1(ServiceProfile::DefaultId)));
        QVERIFY(!fileText(m_settingsPath).contains(KeyB.toUtf8()));

        QSignalSpy storage(m_profiles.get(), &ProfileStore::storageChanged);
        m_profiles->setStorageKind(SecretStore::Kind::File);
        QVERIFY(storage.count() >= 1);
        QTRY_VERIFY(!m_profiles->hasLegacyKey());
        QTRY_VERIFY(fileText(m_secretsPath).contains(KeyB.toUtf8()));
        QVERIFY(fileText(m_secretsPath).contains(KeyA.toUtf8()));
        QVERIFY(!fileText(m_settingsPath).contains(KeyA.toUtf8()));
        QVERIFY(!m_profiles->hasStoreProblem());
#ifdef Q_OS_UNIX
        QCOMPARE(QFile::permissions(m_secretsPath) & 0x0077, QFileDevice::Permissions());
#endif
        // The choice is remembered, and the keys come back from the file.
        restart(SecretStore::Kind::Keychain);
        QCOMPARE(m_profiles->storageKind(), SecretStore::Kind::File);
        QTRY_COMPARE(m_profiles->key(other), KeyB);

        // "This session only": kept in memory now, gone after a restart, never in a file.
        m_profiles->setStorageKind(SecretStore::Kind::Session);
        QTRY_VERIFY(!fileText(m_secretsPath).contains(KeyB.toUtf8()));
        QCOMPARE(m_profiles->key(other), KeyB);
        restart(SecretStore::Kind::Keychain);
        QTRY_VERIFY(m_profiles->areSecretsLoaded(other));
        QCOMPARE(m_profiles->key(other), QString());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void environmentProfileIsActiveAndReadOnly()
    {
        start(SecretStore::Kind::Session);
        m_profiles->useSingleService(u"https://stored.example"_s, QString());
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_BASE_URL"_s, u"https://env.example/v1"_s);
        environment.insert(u"OPENAI_API_KEY"_s, KeyB);
        restart(SecretStore::Kind::Session, environment);
        const QString id = QString::fromLatin1(ServiceProfile::EnvironmentId);
        QCOMPARE(m_profiles->activeId(), id);
        QCOMPARE(m_profiles->profiles().constFirst().id, id);
        QCOMPARE(m_profiles->endpoint(id).apiBase, QUrl(u"https://env.example/v1"_s));
        QCOMPARE(m_profiles->endpoint(id).apiKey, KeyB);
        QVERIFY(m_profiles->profile(id)->isReadOnly());
        QVERIFY(!m_profiles->renameProfile(id, u"mine"_s));
        QVERIFY(!m_profiles->removeProfile(id));
        ServiceProfile changed = *m_profiles->profile(id);
        changed.address = u"https://evil.example"_s;
        QVERIFY(!m_profiles->updateProfile(changed));
        m_profiles->setKey(id, KeyA);
        QCOMPARE(m_profiles->key(id), KeyB);
        QCOMPARE(m_profiles->endpoint(id).apiBase, QUrl(u"https://env.example/v1"_s));

        // Picking another profile works for the session; the next start is back on the environment.
        m_profiles->setActiveId(QString::fromLatin1(ServiceProfile::DefaultId));
        QCOMPARE(m_profiles->activeId(), QString::fromLatin1(ServiceProfile::DefaultId));
        restart(SecretStore::Kind::Session, environment);
        QCOMPARE(m_profiles->activeId(), id);
        // Without the variables the profile is gone and the stored choice is back.
        restart(SecretStore::Kind::Session);
        QVERIFY(!m_profiles->profile(id));
        QCOMPARE(m_profiles->activeId(), QString::fromLatin1(ServiceProfile::DefaultId));
    }

    // The system's proxy is asked at most once a second per destination: asked for every request (through
    // libproxy), it made QtNetwork drop and reopen keep-alive connections under load. A change of the
    // system's proxy still applies within the second.
    void systemProxyAnswerIsReusedForASecond()
    {
        start(SecretStore::Kind::Session);
        ProfileProxyFactory factory(m_profiles->proxyRoutes());
        const auto portFor = [&factory](const QString &url) {
            const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
            return proxies.isEmpty() ? -1 : int(proxies.constFirst().port());
        };
        const QByteArray before = qgetenv("http_proxy");
        const auto restore = qScopeGuard([&before] {
            if (before.isEmpty())
                qunsetenv("http_proxy");
            else
                qputenv("http_proxy", before);
        });
        qputenv("http_proxy", "http://10.1.1.1:3128");
        if (QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(QUrl(u"http://cdn.example/a"_s)))
                .constFirst()
                .port()
            != 3128)
            QSKIP("this system's proxy configuration does not follow http_proxy");
        QCOMPARE(portFor(u"http://cdn.example/a"_s), 3128);
        qputenv("http_proxy", "http://10.1.1.1:3129");
        QCOMPARE(portFor(u"http://cdn.example/b"_s), 3128);   // the same destination: the answer kept
        QCOMPARE(portFor(u"http://other.example/a"_s), 3129); // another destination: asked
        QTRY_COMPARE_WITH_TIMEOUT(portFor(u"http://cdn.example/c"_s), 3129, 5000); // and again after a second
    }

    void proxyFactoryRoutesEachProfilesHost()
    {
        start(SecretStore::Kind::Session);
        ServiceProfile socks = relay(u"Socks"_s, u"https://socks-relay.example/v1"_s);
        socks.proxy.type = ProxySettings::Type::Socks5;
        socks.proxy.host = u"10.0.0.5"_s;
        socks.proxy.port = 1080;
        socks.proxy.user = u"me"_s;
        ServiceProfile http = relay(u"Http"_s, u"http://http-relay.example:8080"_s);
        http.proxy.type = ProxySettings::Type::Http;
        http.proxy.host = u"10.0.0.6"_s;
        http.proxy.port = 3128;
        ServiceProfile direct = relay(u"Direct"_s, u"https://direct.example"_s);
        direct.proxy.type = ProxySettings::Type::None;
        const ServiceProfile system = relay(u"System"_s, u"https://system.example"_s);
        const QString socksId = m_profiles->addProfile(socks);
        m_profiles->addProfile(http);
        m_profiles->addProfile(direct);
        m_profiles->addProfile(system);
        m_profiles->setProxyPassword(socksId, ProxyPassword);

        ProfileProxyFactory factory(m_profiles->proxyRoutes());
        const auto proxyFor = [&factory](const QString &url) {
            const QList<QNetworkProxy> proxies = factory.queryProxy(QNetworkProxyQuery(QUrl(url)));
            return proxies.isEmpty() ? QNetworkProxy() : proxies.constFirst();
        };
        const auto systemFor = [](const QString &url) {
            const QList<QNetworkProxy> proxies =
                QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(QUrl(url)));
            return proxies.isEmpty() ? QNetworkProxy() : proxies.constFirst();
        };

        QNetworkProxy proxy = proxyFor(u"https://socks-relay.example/v1/videos/x"_s);
        QCOMPARE(proxy.type(), QNetworkProxy::Socks5Proxy);
        QCOMPARE(proxy.hostName(), u"10.0.0.5"_s);
        QCOMPARE(proxy.port(), quint16(1080));
        QCOMPARE(proxy.user(), u"me"_s);
        QCOMPARE(proxy.password(), ProxyPassword);
        proxy = proxyFor(u"http://http-relay.example:8080/v1/videos/x"_s);
        QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxy.port(), quint16(3128));
        // Same host, another port: not that profile's service.
        QCOMPARE(proxyFor(u"http://http-relay.example/v1"_s), systemFor(u"http://http-relay.example/v1"_s));
        QCOMPARE(proxyFor(u"https://direct.example/v1"_s).type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(u"https://system.example/v1"_s), systemFor(u"https://system.example/v1"_s));
        QCOMPARE(proxyFor(u"https://cdn.elsewhere.example/file.mp4"_s),
                 systemFor(u"https://cdn.elsewhere.example/file.mp4"_s));

        // A connection test of unsaved settings routes only its own address, and only while it runs.
        m_profiles->proxyRoutes()->setOverride(QUrl(u"https://system.example"_s),
                                               ProxyRoutes::routeFor(http.proxy, QString()));
        QCOMPARE(proxyFor(u"https://system.example/v1"_s).type(), QNetworkProxy::HttpProxy);
        QCOMPARE(proxyFor(u"https://socks-relay.example/v1"_s).type(), QNetworkProxy::Socks5Proxy);
        m_profiles->proxyRoutes()->clearOverride();
        QCOMPARE(proxyFor(u"https://system.example/v1"_s), systemFor(u"https://system.example/v1"_s));

        // Edits reach the factory at once.
        ServiceProfile changed = *m_profiles->profile(socksId);
        changed.proxy.type = ProxySettings::Type::None;
        m_profiles->updateProfile(changed);
        QCOMPARE(proxyFor(u"https://socks-relay.example/v1"_s).type(), QNetworkProxy::NoProxy);
    }

    // (Moved from tst_settings with the profile concept.) The single-service shortcut makes one
    // profile, "Default", the active one; its key never reaches the settings file.
    void singleServiceShortcutMakesTheDefaultProfile()
    {
        start(SecretStore::Kind::Session);
        QVERIFY(!m_profiles->isServiceConfigured());
        QSignalSpy active(m_profiles.get(), &ProfileStore::activeProfileChanged);
        const QString id = m_profiles->useSingleService(u"  https://relay.example/v1  "_s, u"sk-test"_s);
        QCOMPARE(id, QString::fromLatin1(ServiceProfile::DefaultId));
        QCOMPARE(m_profiles->activeId(), id);
        QCOMPARE(m_profiles->key(id), u"sk-test"_s);
        QCOMPARE(m_profiles->useSingleService(u"https://relay.example/v1"_s, u"sk-test"_s), id); // the same one
        QCOMPARE(m_profiles->storedProfiles().size(), 1);

        restart(SecretStore::Kind::Keychain);
        QCOMPARE(m_profiles->activeProfile()->address, u"https://relay.example/v1"_s);
        QVERIFY(m_profiles->isServiceConfigured());
        QCOMPARE(m_profiles->activeId(), QString::fromLatin1(ServiceProfile::DefaultId));
        // "This session only": the key is gone after a restart, and it was never in the file.
        QTRY_VERIFY(m_profiles->areSecretsLoaded(id));
        QCOMPARE(m_profiles->key(id), QString());
        QVERIFY(!fileText(m_settingsPath).contains("sk-test"));
    }

    void keyAloneInEnvironmentGoesWhereTheSdkSendsIt()
    {
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_API_KEY"_s, u"sk-env"_s);
        start(SecretStore::Kind::Session, environment);
        const std::optional<ServiceProfile> profile = m_profiles->environmentProfile();
        QVERIFY(profile);
        QCOMPARE(profile->apiBase(), QUrl(u"https://api.openai.com/v1"_s));
        QVERIFY(profile->isReadOnly());
    }

    void blankEnvironmentIsIgnored()
    {
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_BASE_URL"_s, u"   "_s);
        start(SecretStore::Kind::Session, environment);
        QVERIFY(!m_profiles->environmentProfile());
        QVERIFY(!m_profiles->isServiceConfigured());
    }

private:
    void start(SecretStore::Kind kind, const QProcessEnvironment &environment = QProcessEnvironment())
    {
        m_store = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        if (kind != SecretStore::Kind::Keychain)
            m_store->setValue(u"service/secretStorage"_s, kind == SecretStore::Kind::File ? u"file"_s : u"session"_s);
        m_settings = std::make_unique<Settings>(m_store.get(), environment);
        ProfileStore::Options options;
        options.secretFilePath = m_secretsPath;
        options.keychainProbeTimeoutMs = 2000;
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), options);
    }

    // Another run of the app over the same files; kind Keychain keeps the stored choice.
    void restart(SecretStore::Kind kind, const QProcessEnvironment &environment = QProcessEnvironment())
    {
        m_profiles.reset();
        m_settings.reset();
        m_store.reset();
        start(kind, environment);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_settingsPath;
    QString m_secretsPath;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
};

QTEST_GUILESS_MAIN(TstProfileStore)
#include "tst_profilestore.moc"
