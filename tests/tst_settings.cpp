#include "settings.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// The app's own preferences. Profiles (address, key, interval, proxy) are ProfileStore's: see
// tests/services/tst_profilestore.cpp.
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
        QCOMPARE(settings.defaultPollIntervalMs(), Settings::DefaultPollIntervalMs);
        QCOMPARE(settings.language(), QString());
        QVERIFY(settings.autoDownload());
        QVERIFY(settings.notificationsEnabled());
        QVERIFY(!settings.downloadFolder().isEmpty()); // the system Videos folder's "Video Remix"
    }

    void storedValuesRoundTrip()
    {
        const QString folder = m_dir.filePath(u"videos"_s);
        {
            Settings settings(m_store.get(), QProcessEnvironment());
            QSignalSpy spy(&settings, &Settings::changed);
            settings.setLanguage(u"zh_CN"_s);
            settings.setAutoDownload(false);
            settings.setDownloadFolder(folder);
            settings.setNotificationsEnabled(false);
            QCOMPARE(spy.count(), 4);
            settings.setLanguage(u"zh_CN"_s);
            settings.setAutoDownload(false);
            QCOMPARE(spy.count(), 4); // unchanged values are not announced
        }
        Settings reread(m_store.get(), QProcessEnvironment());
        QCOMPARE(reread.language(), u"zh_CN"_s);
        QVERIFY(!reread.autoDownload());
        QCOMPARE(reread.downloadFolder(), folder);
        QVERIFY(!reread.notificationsEnabled());
        // A default is stored as nothing, so that it follows the system if that changes.
        reread.setAutoDownload(true);
        m_store->sync();
        QVERIFY(!m_store->contains(Settings::keyName(Settings::Key::AutoDownload)));
    }

    void defaultPollIntervalIsBounded()
    {
        Settings settings(m_store.get(), QProcessEnvironment());
        m_store->setValue(Settings::keyName(Settings::Key::PollIntervalMs), 5);
        QCOMPARE(settings.defaultPollIntervalMs(), Settings::MinPollIntervalMs);
        m_store->setValue(Settings::keyName(Settings::Key::PollIntervalMs), u"garbage"_s);
        QCOMPARE(settings.defaultPollIntervalMs(), Settings::DefaultPollIntervalMs);
        m_store->setValue(Settings::keyName(Settings::Key::PollIntervalMs), 99999999);
        QCOMPARE(settings.defaultPollIntervalMs(), Settings::MaxPollIntervalMs);
    }

    void everyKeyHasOneName()
    {
        QSet<QString> names;
        for (int key = int(Settings::Key::BaseUrl); key <= int(Settings::Key::NewVideoSize); ++key) {
            const QString name = Settings::keyName(Settings::Key(key));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_store;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TstSettings)
#include "tst_settings.moc"
