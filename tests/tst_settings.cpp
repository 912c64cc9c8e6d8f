#include "settings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstSettings final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store =
            std::make_unique<QSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_counter)), QSettings::IniFormat);
    }

    void defaults()
    {
        Settings settings(m_store.get(), QProcessEnvironment());
        QCOMPARE(settings.baseUrl(), QString());
        QCOMPARE(settings.apiKey(), QString());
        QCOMPARE(settings.pollIntervalMs(), Settings::DefaultPollIntervalMs);
        QCOMPARE(settings.language(), QString());
        // No silent default service: nothing configured means nothing configured.
        QVERIFY(!settings.isServiceConfigured());
    }

    void storedValuesRoundTrip()
    {
        {
            Settings settings(m_store.get(), QProcessEnvironment());
            QSignalSpy spy(&settings, &Settings::changed);
            settings.setBaseUrl(u"  https://relay.example/v1  "_s);
            settings.setApiKey(u"sk-test"_s);
            settings.setPollIntervalMs(7000);
            settings.setLanguage(u"zh_CN"_s);
            // Address, key, interval, language, and the new "Default" profile becoming the active one.
            QCOMPARE(spy.count(), 5);
            settings.setLanguage(u"zh_CN"_s);
            settings.setBaseUrl(u"https://relay.example/v1"_s);
            QCOMPARE(spy.count(), 5); // unchanged values are not announced
            QCOMPARE(settings.apiKey(), u"sk-test"_s);
        }
        Settings reread(m_store.get(), QProcessEnvironment());
        QCOMPARE(reread.baseUrl(), u"https://relay.example/v1"_s);
        // The key lives in memory only: keeping it is the secret store's job (ProfileStore), never the file's.
        QCOMPARE(reread.apiKey(), QString());
        QCOMPARE(reread.pollIntervalMs(), 7000);
        QCOMPARE(reread.language(), u"zh_CN"_s);
        QVERIFY(reread.isServiceConfigured());
        // The single-service setters made one profile, "Default", and it is the active one.
        QCOMPARE(reread.storedProfiles().size(), 1);
        QCOMPARE(reread.activeProfileId(), QString::fromLatin1(ServiceProfile::DefaultId));
        m_store->sync();
        QFile file(m_store->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sk-test"));
    }

    void environmentTakesPrecedence()
    {
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_BASE_URL"_s, u"https://env.example/v1"_s);
        environment.insert(u"OPENAI_API_KEY"_s, u"sk-env"_s);
        Settings settings(m_store.get(), environment);
        settings.setBaseUrl(u"https://stored.example"_s);
        settings.setApiKey(u"sk-stored"_s);
        QCOMPARE(settings.baseUrl(), u"https://env.example/v1"_s);
        QCOMPARE(settings.apiKey(), u"sk-env"_s);
        QVERIFY(settings.baseUrlFromEnvironment());
        QVERIFY(settings.apiKeyFromEnvironment());
        QCOMPARE(settings.activeProfileId(), QString::fromLatin1(ServiceProfile::EnvironmentId));
        // The stored values stay untouched for when the variables are gone.
        Settings withoutEnvironment(m_store.get(), QProcessEnvironment());
        QCOMPARE(withoutEnvironment.baseUrl(), u"https://stored.example"_s);
        QVERIFY(!withoutEnvironment.environmentProfile());
    }

    void keyAloneInEnvironmentGoesWhereTheSdkSendsIt()
    {
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_API_KEY"_s, u"sk-env"_s);
        Settings settings(m_store.get(), environment);
        const std::optional<ServiceProfile> profile = settings.environmentProfile();
        QVERIFY(profile);
        QCOMPARE(profile->apiBase(), QUrl(u"https://api.openai.com/v1"_s));
        QVERIFY(profile->isReadOnly());
    }

    void blankEnvironmentIsIgnored()
    {
        QProcessEnvironment environment;
        environment.insert(u"OPENAI_BASE_URL"_s, u"   "_s);
        Settings settings(m_store.get(), environment);
        QVERIFY(!settings.baseUrlFromEnvironment());
        QVERIFY(!settings.isServiceConfigured());
    }

    void pollIntervalIsBounded()
    {
        Settings settings(m_store.get(), QProcessEnvironment());
        settings.setPollIntervalMs(5);
        QCOMPARE(settings.pollIntervalMs(), Settings::MinPollIntervalMs);
        m_store->setValue(Settings::keyName(Settings::Key::PollIntervalMs), u"garbage"_s);
        QCOMPARE(settings.pollIntervalMs(), Settings::DefaultPollIntervalMs);
        m_store->setValue(Settings::keyName(Settings::Key::PollIntervalMs), 99999999);
        QCOMPARE(settings.pollIntervalMs(), Settings::MaxPollIntervalMs);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_store;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TstSettings)
#include "tst_settings.moc"
