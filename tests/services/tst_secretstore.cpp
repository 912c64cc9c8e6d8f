#include "logging.h"
#include "services/profilestore.h"
#include "services/secretstore.h"
#include "settings.h"
#include "testhelpers.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMutex>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::Literals::StringLiterals;
using Status = SecretResult::Status;

namespace {

// A key nobody else uses, so a hit anywhere is ours.
const QString TestKey = u"sk-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"-SECRET"_s;

// Waits for one callback and tells how long it took and whether the event loop kept running meanwhile.
struct Outcome
{
    std::optional<SecretResult> result;
    qint64 elapsedMs = 0;
    int ticks = 0; // 10 ms timer ticks seen while waiting: 0 after a long wait means a blocked thread
};

template<typename Call> Outcome waitFor(Call call, int timeoutMs = 10000)
{
    Outcome outcome;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&outcome] { ++outcome.ticks; });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    bool synchronous = true;
    call([&outcome, &synchronous, &clock](const SecretResult &result) {
        QVERIFY2(!synchronous, "the callback ran inside the call");
        outcome.result = result;
        outcome.elapsedMs = clock.elapsed();
    });
    synchronous = false;
    if (!QTest::qWaitFor([&outcome] { return outcome.result.has_value(); }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return outcome;
}

// Sets an environment variable for one scope.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const std::optional<QByteArray> &value)
        : m_name(name)
        , m_old(qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name)) : std::nullopt)
    {
        set(value);
    }
    ~ScopedEnv() { set(m_old); }
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    void set(const std::optional<QByteArray> &value)
    {
        if (value)
            qputenv(m_name, *value);
        else
            qunsetenv(m_name);
    }
    const char *m_name;
    std::optional<QByteArray> m_old;
};

} // namespace

class TstSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keychainUnavailable_data();
    void keychainUnavailable();
    void keychainLiveBusWithoutSecretService();
    void keychainCallbackNeedsLiveContext();

    void sessionRoundTrip();
    void sessionCallbackNeedsLiveContext();

    void fileRoundTrip();
    void fileModeIsOwnerOnly();
    void fileWiderModeIsNarrowed();
    void fileCorruptIsNotOverwritten();
    void fileDefaultsAndWarning();
    void displayNamesAndMessages();

    void keyNotInSettingsFiles();
    // Last: looks through everything logged by the whole run.
    void keyNeverLogged();

private:
    QTemporaryDir m_dir;
};

void TstSecretStore::initTestCase()
{
    TestHelpers::enterTestMode();
    QVERIFY(m_dir.isValid());
    TestHelpers::installLogCollector();
    qCDebug(lcSettings) << "debug output is collected";
    QVERIFY(lcSettings().isDebugEnabled());
}

void TstSecretStore::keychainUnavailable_data()
{
    QTest::addColumn<QString>("address");  // "" = unset; %1 = a silent listener's address
    QTest::addColumn<QString>("listener"); // "", "local", "tcp"

    QTest::newRow("no session bus variable") << QString() << QString();
    QTest::newRow("dead socket path") << u"unix:path=%1"_s.arg(m_dir.filePath(u"no-such-bus"_s)) << QString();
    QTest::newRow("dead abstract socket")
        << u"unix:abstract=/videoremix/no-such-bus-%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128)) << QString();
    QTest::newRow("dead tcp port") << u"tcp:host=127.0.0.1,port=%1"_s << u"tcp-closed"_s;
    // Accepts the connection but never says a word: QtDBus would block the GUI thread for as long as
    // this lasts (measured: unbounded).
    QTest::newRow("silent unix socket") << u"unix:path=%1"_s << u"local"_s;
    QTest::newRow("silent tcp socket") << u"tcp:host=127.0.0.1,port=%1"_s << u"tcp"_s;
}

void TstSecretStore::keychainUnavailable()
{
    QFETCH(QString, address);
    QFETCH(QString, listener);

    QLocalServer localServer;
    QTcpServer tcpServer;
    if (listener == "local"_L1) {
        const QString path = m_dir.filePath(u"silent-bus-%1"_s.arg(QTest::currentDataTag()).replace(u' ', u'-'));
        QVERIFY(localServer.listen(path));
        address = address.arg(path);
    } else if (listener == "tcp"_L1) {
        QVERIFY(tcpServer.listen(QHostAddress::LocalHost, 0));
        address = address.arg(tcpServer.serverPort());
    } else if (listener == "tcp-closed"_L1) {
        QVERIFY(tcpServer.listen(QHostAddress::LocalHost, 0));
        address = address.arg(tcpServer.serverPort());
        tcpServer.close();
    }

    const ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS",
                        address.isEmpty() ? std::nullopt : std::optional<QByteArray>(address.toUtf8()));
    const ScopedEnv runtime("XDG_RUNTIME_DIR", std::nullopt);

    KeychainSecretStore store(u"VideoRemixTest"_s);
    store.setProbeTimeoutMs(500);

    const Outcome probe = waitFor([&store](const SecretStore::Callback &callback) { store.probe(&store, callback); });
    QVERIFY(probe.result);
    QCOMPARE(probe.result->status, Status::Unavailable);
    QVERIFY(!probe.result->detail.isEmpty());
    // Within the guard (plus scheduling slack), and the event loop kept running all along.
    QVERIFY2(probe.elapsedMs < 500 + 1500, qPrintable(QString::number(probe.elapsedMs)));
    if (probe.elapsedMs > 100)
        QVERIFY2(probe.ticks >= 5, qPrintable(u"%1 ticks in %2 ms"_s.arg(probe.ticks).arg(probe.elapsedMs)));
    qInfo("keychain probe, %s: Unavailable after %lld ms (%s)", QTest::currentDataTag(), probe.elapsedMs,
          qPrintable(probe.result->detail));

    // Reads and writes fail the same way, without ever handing the key to anything.
    const Outcome write = waitFor([&store](const SecretStore::Callback &callback) {
        store.write(QString::fromLatin1(SecretStore::DefaultAccount), TestKey, &store, callback);
    });
    QVERIFY(write.result);
    QCOMPARE(write.result->status, Status::Unavailable);
    QVERIFY(!write.result->detail.contains(TestKey));
    const Outcome read = waitFor([&store](const SecretStore::Callback &callback) {
        store.read(QString::fromLatin1(SecretStore::DefaultAccount), &store, callback);
    });
    QVERIFY(read.result);
    QCOMPARE(read.result->status, Status::Unavailable);
    QVERIFY(read.result->secret.isEmpty());
}

void TstSecretStore::keychainLiveBusWithoutSecretService()
{
    // A real, private session bus with nobody offering org.freedesktop.secrets or KWallet: the bus
    // check passes and QtKeychain itself has to say no. This is the only test that lets QtDBus connect.
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        QSKIP("dbus-daemon is not installed");
    QProcess bus;
    bus.start(daemon, {u"--session"_s, u"--nofork"_s, u"--nopidfile"_s, u"--print-address=1"_s});
    QVERIFY(bus.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(bus.canReadLine(), 10000);
    const QByteArray address = bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    const ScopedEnv env("DBUS_SESSION_BUS_ADDRESS", address);

    KeychainSecretStore store(u"VideoRemixTest"_s);
    const Outcome probe = waitFor([&store](const SecretStore::Callback &callback) { store.probe(&store, callback); });
    QVERIFY(probe.result);
    QCOMPARE(probe.result->status, Status::Unavailable);
    QVERIFY2(probe.elapsedMs < KeychainSecretStore::DefaultProbeTimeoutMs + 1000,
             qPrintable(QString::number(probe.elapsedMs)));
    qInfo("keychain probe, live bus without Secret Service: Unavailable after %lld ms (%s)", probe.elapsedMs,
          qPrintable(probe.result->detail));

    const Outcome write = waitFor([&store](const SecretStore::Callback &callback) {
        store.write(QString::fromLatin1(SecretStore::DefaultAccount), TestKey, &store, callback);
    });
    QVERIFY(write.result);
    QVERIFY(write.result->status != Status::Ok);
    QVERIFY(!write.result->detail.contains(TestKey));

    bus.terminate();
    QVERIFY(bus.waitForFinished(5000));
}

void TstSecretStore::keychainCallbackNeedsLiveContext()
{
    const ScopedEnv bus("DBUS_SESSION_BUS_ADDRESS", std::nullopt);
    const ScopedEnv runtime("XDG_RUNTIME_DIR", std::nullopt);
    KeychainSecretStore store;
    int calls = 0;
    auto *context = new QObject;
    store.probe(context, [&calls](const SecretResult &) { ++calls; });
    delete context;
    // A second call with a live context shows the first one had its chance to run.
    const Outcome done = waitFor([&store](const SecretStore::Callback &callback) { store.probe(&store, callback); });
    QVERIFY(done.result);
    QCOMPARE(calls, 0);
}

void TstSecretStore::sessionRoundTrip()
{
    SessionSecretStore store;
    QCOMPARE(store.kind(), SecretStore::Kind::Session);
    QVERIFY(!store.isPersistent());
    const QString account = QString::fromLatin1(SecretStore::DefaultAccount);

    auto probe = waitFor([&](const SecretStore::Callback &cb) { store.probe(this, cb); });
    QCOMPARE(probe.result->status, Status::Ok);
    auto read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
    QCOMPARE(read.result->status, Status::NotFound);
    auto write = waitFor([&](const SecretStore::Callback &cb) { store.write(account, TestKey, this, cb); });
    QCOMPARE(write.result->status, Status::Ok);
    QVERIFY(write.result->secret.isEmpty());
    read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
    QCOMPARE(read.result->status, Status::Ok);
    QCOMPARE(read.result->secret, TestKey);
    read = waitFor([&](const SecretStore::Callback &cb) { store.read(u"other"_s, this, cb); });
    QCOMPARE(read.result->status, Status::NotFound);
    auto removed = waitFor([&](const SecretStore::Callback &cb) { store.remove(account, this, cb); });
    QCOMPARE(removed.result->status, Status::Ok);
    read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
    QCOMPARE(read.result->status, Status::NotFound);
    removed = waitFor([&](const SecretStore::Callback &cb) { store.remove(account, this, cb); });
    QCOMPARE(removed.result->status, Status::Ok); // removing nothing is fine
}

void TstSecretStore::sessionCallbackNeedsLiveContext()
{
    SessionSecretStore store;
    int calls = 0;
    auto *context = new QObject;
    store.write(u"a"_s, TestKey, context, [&calls](const SecretResult &) { ++calls; });
    delete context;
    const Outcome done = waitFor([&](const SecretStore::Callback &cb) { store.read(u"a"_s, &store, cb); });
    QCOMPARE(done.result->secret, TestKey); // the write happened
    QCOMPARE(calls, 0);                     // but nobody was called back
}

void TstSecretStore::fileRoundTrip()
{
    const QString path = m_dir.filePath(u"roundtrip/keys.json"_s);
    const QString account = QString::fromLatin1(SecretStore::DefaultAccount);
    {
        FileSecretStore store(path);
        QCOMPARE(store.kind(), SecretStore::Kind::File);
        QVERIFY(store.isPersistent());
        QCOMPARE(store.filePath(), path);
        auto probe = waitFor([&](const SecretStore::Callback &cb) { store.probe(this, cb); });
        QCOMPARE(probe.result->status, Status::Ok);
        auto read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
        QCOMPARE(read.result->status, Status::NotFound);
        auto write = waitFor([&](const SecretStore::Callback &cb) { store.write(account, TestKey, this, cb); });
        QCOMPARE(write.result->status, Status::Ok);
        write = waitFor([&](const SecretStore::Callback &cb) { store.write(u"profile 2"_s, u"sk-two"_s, this, cb); });
        QCOMPARE(write.result->status, Status::Ok);
    }
    // Another instance (the next start of the app) reads what the first wrote.
    FileSecretStore store(path);
    auto read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
    QCOMPARE(read.result->status, Status::Ok);
    QCOMPARE(read.result->secret, TestKey);
    read = waitFor([&](const SecretStore::Callback &cb) { store.read(u"profile 2"_s, this, cb); });
    QCOMPARE(read.result->secret, u"sk-two"_s);

    auto removed = waitFor([&](const SecretStore::Callback &cb) { store.remove(account, this, cb); });
    QCOMPARE(removed.result->status, Status::Ok);
    read = waitFor([&](const SecretStore::Callback &cb) { store.read(account, this, cb); });
    QCOMPARE(read.result->status, Status::NotFound);
    QVERIFY(QFile::exists(path));
    removed = waitFor([&](const SecretStore::Callback &cb) { store.remove(u"profile 2"_s, this, cb); });
    QCOMPARE(removed.result->status, Status::Ok);
    QVERIFY(!QFile::exists(path)); // no empty key file is left behind
}

void TstSecretStore::fileModeIsOwnerOnly()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are a Unix matter; on Windows the per-user AppData ACL protects the file");
#else
    // Even with a umask that lets everybody read new files, the key file is 0600.
    const mode_t oldMask = ::umask(0);
    const QString path = m_dir.filePath(u"mode/keys.json"_s);
    FileSecretStore store(path);
    const Outcome write = waitFor([&](const SecretStore::Callback &cb) { store.write(u"a"_s, TestKey, this, cb); });
    ::umask(oldMask);
    QCOMPARE(write.result->status, Status::Ok);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    QCOMPARE(QFileInfo(path).permissions(),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
    // No temporary file with the key stays next to it.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files), QStringList{u"keys.json"_s});
#endif
}

void TstSecretStore::fileWiderModeIsNarrowed()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are a Unix matter");
#else
    const QString path = m_dir.filePath(u"wide/keys.json"_s);
    FileSecretStore store(path);
    waitFor([&](const SecretStore::Callback &cb) { store.write(u"a"_s, TestKey, this, cb); });
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    const Outcome read = waitFor([&](const SecretStore::Callback &cb) { store.read(u"a"_s, this, cb); });
    QCOMPARE(read.result->secret, TestKey);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
    // A write keeps it at 0600 too.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0644), 0);
    waitFor([&](const SecretStore::Callback &cb) { store.write(u"b"_s, u"x"_s, this, cb); });
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));
#endif
}

void TstSecretStore::fileCorruptIsNotOverwritten()
{
    const QString path = m_dir.filePath(u"corrupt.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    file.write("{not json " + TestKey.toUtf8());
    file.close();

    FileSecretStore store(path);
    const Outcome read = waitFor([&](const SecretStore::Callback &cb) { store.read(u"a"_s, this, cb); });
    QCOMPARE(read.result->status, Status::Failed);
    QVERIFY(!read.result->detail.contains(TestKey)); // the content is never quoted
    const Outcome write = waitFor([&](const SecretStore::Callback &cb) { store.write(u"a"_s, u"new"_s, this, cb); });
    QCOMPARE(write.result->status, Status::Failed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("{not json"));
}

void TstSecretStore::fileDefaultsAndWarning()
{
    FileSecretStore store;
    QVERIFY(store.filePath().startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QCOMPARE(store.filePath(), FileSecretStore::defaultFilePath());

    const QString warning = FileSecretStore::warningText(store.filePath());
    QVERIFY(warning.contains(QDir::toNativeSeparators(store.filePath())));
    QVERIFY(warning.contains("unencrypted"_L1));
}

void TstSecretStore::displayNamesAndMessages()
{
    for (const auto kind : {SecretStore::Kind::Keychain, SecretStore::Kind::Session, SecretStore::Kind::File})
        QVERIFY(!SecretStore::displayName(kind).isEmpty());
    QVERIFY(SecretStore::userMessage(SecretResult{Status::Ok, {}, {}}).isEmpty());
    for (const auto status : {Status::NotFound, Status::Unavailable, Status::Failed})
        QVERIFY(!SecretStore::userMessage(SecretResult{status, {}, {}}).isEmpty());
}

void TstSecretStore::keyNotInSettingsFiles()
{
    // The settings the app writes, next to a key kept in the file store.
    const QString settingsPath = m_dir.filePath(u"config/settings.ini"_s);
    {
        QSettings qsettings(settingsPath, QSettings::IniFormat);
        Settings settings(&qsettings, QProcessEnvironment());
        ProfileStore::Options options;
        options.storeFactory = [](SecretStore::Kind, QObject *parent) -> SecretStore * {
            return new SessionSecretStore(parent);
        };
        ProfileStore profiles(&settings, options);
        ServiceProfile relay;
        relay.name = u"Relay"_s;
        relay.address = u"https://relay.example.com/v1"_s;
        relay.pollIntervalMs = 7000;
        profiles.setKey(profiles.addProfile(relay), TestKey);
        settings.setLanguage(u"zh_CN"_s);

        FileSecretStore keys(m_dir.filePath(u"config/keys.json"_s));
        const Outcome write = waitFor([&](const SecretStore::Callback &cb) {
            keys.write(QString::fromLatin1(SecretStore::DefaultAccount), TestKey, this, cb);
        });
        QCOMPARE(write.result->status, Status::Ok);
        SessionSecretStore session;
        waitFor([&](const SecretStore::Callback &cb) { session.write(u"a"_s, TestKey, this, cb); });
        qsettings.sync();
    }
    QVERIFY(QFile::exists(settingsPath));

    // Every file in the temporary folder and in the test-mode config folder, except the key file itself.
    QStringList roots{m_dir.path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)};
    int scanned = 0;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QFileInfo(path).fileName().startsWith("keys"_L1) || path.endsWith("corrupt.json"_L1)
                || path.contains("/mode/"_L1) || path.contains("/wide/"_L1) || path.contains("/roundtrip/"_L1))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!file.readAll().contains(TestKey.toUtf8()), qPrintable(path));
            ++scanned;
        }
    }
    QVERIFY(scanned >= 1);
    QFile keyFile(m_dir.filePath(u"config/keys.json"_s));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.readAll().contains(TestKey.toUtf8())); // the scan would have found it
}

void TstSecretStore::keyNeverLogged()
{
    const QStringList log = TestHelpers::collectedLog();
    // The stores did log (debug was on), just never the key.
    QVERIFY(
        std::any_of(log.cbegin(), log.cend(), [](const QString &line) { return line.contains("key file write"_L1); }));
    QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const QString &line) { return line.contains("keychain"_L1); }));
    for (const QString &line : log)
        QVERIFY2(!line.contains(TestKey), qPrintable(line));
}

// Debug output of every category on for the whole run, before the logging rules are read
// (QT_LOGGING_RULES is read once, when QCoreApplication starts).
int main(int argc, char **argv)
{
    qputenv("QT_LOGGING_RULES", "*.debug=true");
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"VideoRemixTest"_s);
    QCoreApplication::setApplicationName(u"tst_secretstore"_s);
    TstSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
