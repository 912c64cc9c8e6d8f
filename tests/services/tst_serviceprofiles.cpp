#include "appcore.h"
#include "demo/demoservice.h"
#include "downloads/downloadjob.h"
#include "fakevideoserver.h"
#include "history/jobstore.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobmodel.h"
#include "services/profilestore.h"
#include "services/proxyfactory.h"
#include "settings.h"
#include "testhelpers.h"

#include <algorithm>
#include <functional>
#include <memory>

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// Keys nobody else uses, so a hit anywhere is ours.
const QString KeyA = u"sk-a-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"-SECRET"_s;
const QString KeyB = u"sk-b-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u"-SECRET"_s;

PollSettings fastPolling()
{
    PollSettings polling;
    // Every job at 30 ms, whatever its profile says (profiles cannot go below a second), and no
    // per-service ceiling worth the name.
    polling.intervalOverrideMs = 30;
    polling.maxPollsPerSecondPerService = 1000;
    polling.backoffBaseMs = 20;
    polling.backoffCapMs = 100;
    return polling;
}

QByteArray fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int requestsFor(const FakeVideoServer &server, const QString &videoId)
{
    int count = 0;
    for (const FakeVideoServer::Request &request : server.requests()) {
        if (request.rawPath.contains(videoId.toUtf8()))
            ++count;
    }
    return count;
}

// Every request the server saw carried exactly this key.
bool allCarry(const FakeVideoServer &server, const QString &key)
{
    for (const FakeVideoServer::Request &request : server.requests()) {
        if (request.headers.value("authorization") != "Bearer " + key.toUtf8())
            return false;
    }
    return !server.requests().isEmpty();
}
} // namespace

// AppCore with several service profiles, over real loopback servers: jobs stay with the profile they
// were sent through, across a switch of the active profile and a restart; the keychain-less fallback
// keeps the key out of the settings file, the log and the history; the demo profile; redirects.
class TstServiceProfiles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TestHelpers::enterTestMode();
        // Every debug line of our categories goes through the handler, to be searched for keys.
        TestHelpers::installLogCollector();
    }

    void cleanupTestCase() { TestHelpers::uninstallLogCollector(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_serverA = std::make_unique<FakeVideoServer>();
        m_serverB = std::make_unique<FakeVideoServer>();
        // B plays another host: 127.0.0.2 is this machine too, but another origin, with no DNS involved.
        QVERIFY(m_serverA->start() && m_serverB->start(QHostAddress(u"127.0.0.2"_s)));
        m_serverA->setRequiredKey(KeyA);
        m_serverB->setRequiredKey(KeyB);
        // No keychain answers: the same on every machine.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir->filePath(u"no-bus"_s).toUtf8());
    }

    void cleanup()
    {
        m_serverA.reset();
        m_serverB.reset();
        m_stores.clear();
        m_dir.reset();
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    }

    void jobsKeepPollingThroughTheirOwnProfile()
    {
        const QString videoId = u"video_remix_1"_s;
        const FakeVideoServer::Reply running = FakeVideoServer::Reply::video(videoId, u"in_progress"_s, 50);
        m_serverA->setVideoScript(videoId, {running});
        QString localId;
        QString a;
        QString b;
        {
            auto core = startCore(SecretStore::Kind::File);
            ProfileStore *profiles = core->profileStore();
            a = profiles->addProfile(profileFor(u"A"_s, *m_serverA));
            b = profiles->addProfile(profileFor(u"B"_s, *m_serverB));
            profiles->setKey(a, KeyA);
            profiles->setKey(b, KeyB);
            profiles->setActiveId(a);
            core->jobController()->setPollSettings(fastPolling());

            localId = core->jobController()->submit(u"video_source"_s, u"make the sky purple"_s);
            QCOMPARE(core->jobModel()->job(localId)->profileId, a);
            QTRY_COMPARE(core->jobModel()->job(localId)->state, JobState::InProgress);
            profiles->setActiveId(b);
            QCOMPARE(core->currentService().apiKey, KeyB);
            const int pollsBefore = requestsFor(*m_serverA, videoId);
            QTRY_VERIFY(requestsFor(*m_serverA, videoId) > pollsBefore + 2);
            QCOMPARE(core->jobModel()->job(localId)->state, JobState::InProgress);
        }
        QVERIFY(allCarry(*m_serverA, KeyA));
        QCOMPARE(m_serverB->requests().size(), 0);

        // A restart: the job comes back from the history and is polled on A, with A's key, even though
        // B is the active profile now.
        m_serverA->clearRequests();
        m_serverA->setVideoScript(videoId, {running, FakeVideoServer::Reply::video(videoId, u"completed"_s, 100)});
        auto core = startCore(SecretStore::Kind::File);
        QCOMPARE(core->profileStore()->activeId(), b);
        QTRY_COMPARE(core->jobModel()->rowCount(), 1);
        QTRY_COMPARE(core->jobModel()->job(localId)->state, JobState::Completed);
        QVERIFY(allCarry(*m_serverA, KeyA));
        QCOMPARE(m_serverA->requestCount("POST"), 0);
        QCOMPARE(m_serverB->requests().size(), 0);
        QCOMPARE(core->serviceFor(localId).apiKey, KeyA);

        // A's address moved to another host: the job keeps its own address but loses the key.
        ServiceProfile moved = *core->profileStore()->profile(a);
        moved.address = m_serverB->rootUrl().toString();
        core->profileStore()->updateProfile(moved);
        QCOMPARE(core->serviceFor(localId).apiBase.port(), int(m_serverA->port()));
        QCOMPARE(core->serviceFor(localId).apiKey, QString());
    }

    // Each job polls at its own profile's interval, whichever profile is active now.
    void eachJobPollsAtItsOwnProfilesInterval()
    {
        const QString videoId = u"video_remix_1"_s; // each server hands out its own first id
        m_serverA->setVideoScript(videoId, {FakeVideoServer::Reply::video(videoId, u"in_progress"_s, 50)});
        m_serverB->setVideoScript(videoId, {FakeVideoServer::Reply::video(videoId, u"in_progress"_s, 50)});
        auto core = startCore(SecretStore::Kind::Session);
        // The app's own pacing, not the tests' fast one.
        core->jobController()->setPollSettings(PollSettings());
        ProfileStore *profiles = core->profileStore();
        ServiceProfile quick = profileFor(u"Quick"_s, *m_serverA);
        quick.pollIntervalMs = 1000;
        ServiceProfile slow = profileFor(u"Slow"_s, *m_serverB);
        slow.pollIntervalMs = 2000;
        const QString a = profiles->addProfile(quick);
        const QString b = profiles->addProfile(slow);
        profiles->setKey(a, KeyA);
        profiles->setKey(b, KeyB);

        profiles->setActiveId(b);
        const QString onSlow = core->jobController()->submit(u"video_source"_s, u"slow"_s);
        profiles->setActiveId(a);
        const QString onQuick = core->jobController()->submit(u"video_source"_s, u"quick"_s);
        QCOMPARE(core->jobModel()->job(onSlow)->profileId, b);
        QCOMPARE(core->jobModel()->job(onQuick)->profileId, a);

        QTRY_VERIFY_WITH_TIMEOUT(m_serverB->requestCount("GET") >= 3, 20000);
        const auto getGaps = [&videoId](const FakeVideoServer &server) {
            QList<qint64> times;
            for (const FakeVideoServer::Request &request : server.requests()) {
                if (request.method == "GET" && request.rawPath.endsWith(videoId.toUtf8()))
                    times.append(request.receivedAtMs);
            }
            QList<qint64> result;
            for (qsizetype i = 1; i < times.size(); ++i)
                result.append(times.at(i) - times.at(i - 1));
            return result;
        };
        const auto text = [](const QList<qint64> &values) {
            QStringList parts;
            for (qint64 value : values)
                parts << QString::number(value);
            return parts.join(u' ');
        };
        const QList<qint64> slowGaps = getGaps(*m_serverB);
        const QList<qint64> quickGaps = getGaps(*m_serverA);
        QVERIFY(slowGaps.size() >= 2 && quickGaps.size() >= 2);
        for (qint64 gap : slowGaps)
            QVERIFY2(gap >= 2000 - 15 && gap <= 2000 + 400, qPrintable(text(slowGaps)));
        for (qint64 gap : quickGaps)
            QVERIFY2(gap >= 1000 - 15 && gap <= 1000 + 400, qPrintable(text(quickGaps)));
    }

    // No keychain: the key goes where the user chose (here the session, then the 0600 file), works for
    // jobs, and is in no settings file, no log line and no history row.
    void keyStaysOutOfSettingsLogAndHistory()
    {
        TestHelpers::clearCollectedLog();
        auto core = startCore(SecretStore::Kind::Keychain);
        ProfileStore *profiles = core->profileStore();
        const QString a = profiles->addProfile(profileFor(u"A"_s, *m_serverA));
        profiles->setActiveId(a);
        profiles->setKey(a, KeyA);
        QTRY_VERIFY(profiles->hasStoreProblem());
        QCOMPARE(profiles->storeProblem().status, SecretResult::Status::Unavailable);
        profiles->setStorageKind(SecretStore::Kind::Session);
        QTRY_VERIFY(!profiles->hasStoreProblem());
        core->jobController()->setPollSettings(fastPolling());

        const QString localId = core->jobController()->submit(u"video_source"_s, u"purple"_s);
        QTRY_COMPARE(core->jobModel()->job(localId)->state, JobState::Completed);
        QVERIFY(allCarry(*m_serverA, KeyA));
        // A rejected key's error detail does not carry it either.
        profiles->setKey(a, KeyB);
        const QString rejected = core->jobController()->submit(u"video_source"_s, u"again"_s);
        QTRY_COMPARE(core->jobModel()->job(rejected)->state, JobState::SubmitFailed);
        QVERIFY(!core->jobModel()->job(rejected)->error.technicalDetail().contains(KeyB));

        profiles->setStorageKind(SecretStore::Kind::File);
        QTRY_VERIFY(fileText(m_dir->filePath(u"keys.json"_s)).contains(KeyB.toUtf8()));
        core.reset();

        const QByteArray ini = fileText(m_dir->filePath(u"settings.ini"_s));
        QVERIFY(ini.contains("A"));
        QVERIFY(!ini.contains(KeyA.toUtf8()) && !ini.contains(KeyB.toUtf8()));
        const QStringList log = TestHelpers::collectedLog();
        // The debug lines, those with URLs and requests, did come through.
        QVERIFY(TestHelpers::collectedDebugLineCount() > 10);
        QVERIFY(std::any_of(log.cbegin(), log.cend(),
                            [](const QString &line) { return line.startsWith("remix.api ->"_L1); }));
        for (const QString &line : log)
            QVERIFY2(!line.contains(KeyA) && !line.contains(KeyB), qPrintable(line));
        int rows = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"inspect"_s);
            db.setDatabaseName(m_dir->filePath(u"history.sqlite"_s));
            QVERIFY(db.open());
            for (const QString &table : db.tables()) {
                QSqlQuery query(u"SELECT * FROM \"%1\""_s.arg(table), db);
                while (query.next()) {
                    ++rows;
                    for (int column = 0; column < query.record().count(); ++column) {
                        const QString value = query.value(column).toString();
                        QVERIFY2(!value.contains(KeyA) && !value.contains(KeyB), qPrintable(table));
                    }
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"inspect"_s);
        QVERIFY(rows >= 2); // the two jobs were there to search
    }

    // Picking the Demo profile starts the built-in service; a job runs to the end with no key at all.
    void demoProfileRunsAJobToCompletion()
    {
        auto core = startCore(SecretStore::Kind::Session);
        QVERIFY(!core->demoService());
        core->profileStore()->setActiveId(QString::fromLatin1(ServiceProfile::DemoId));
        QVERIFY(core->demoService());
        QVERIFY(core->isDemo());
        QVERIFY(core->profileStore()->isServiceConfigured());
        core->demoService()->setSpeed(20.0);
        core->jobController()->setPollSettings(fastPolling());
        QCOMPARE(core->currentService().apiBase, core->demoService()->baseUrl());
        QCOMPARE(core->currentService().apiKey, QString());
        const QString localId = core->jobController()->submit(DemoService::sampleVideoIds().constFirst(), u"purple"_s);
        QCOMPARE(core->jobModel()->job(localId)->profileId, QString::fromLatin1(ServiceProfile::DemoId));
        QTRY_COMPARE_WITH_TIMEOUT(core->jobModel()->job(localId)->state, JobState::Completed, 10000);
        QCOMPARE(core->demoService()->remixCount(), 1);
        // Remembered: the next start is on the demo again.
        core.reset();
        core = startCore(SecretStore::Kind::Session);
        QVERIFY(core->isDemo());
        QVERIFY(core->demoService());
    }

    // The Authorization header never follows a redirect to another origin: 127.0.0.1 sends the client to
    // 127.0.0.2 (the same machine, another origin), whose server must never see the key.
    void keyDoesNotFollowRedirectToAnotherHost()
    {
        const QString target = m_serverB->rootUrl().toString() + u"/v1/videos/video_x"_s;
        m_serverA->setRequiredKey(QString());
        m_serverB->setRequiredKey(QString());
        m_serverA->addHandler([target](const FakeVideoServer::Request &) -> std::optional<FakeVideoServer::Reply> {
            FakeVideoServer::Reply reply;
            reply.status = 307;
            reply.body = "{}";
            reply.headers.append({"Location", target.toUtf8()});
            return reply;
        });

        // First, proof that the redirect target reaches server B: a manager without the policy follows the redirect
        // with the header (so the check below could fail).
        {
            QNetworkAccessManager careless;
            careless.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
            QNetworkRequest request(QUrl(m_serverA->rootUrl().toString() + u"/v1/videos/video_x"_s));
            request.setRawHeader("Authorization", "Bearer " + KeyA.toUtf8());
            QNetworkReply *reply = careless.get(request);
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(10000));
            reply->deleteLater();
            QCOMPARE(m_serverB->requests().size(), 1);
            QCOMPARE(m_serverB->requests().constFirst().headers.value("authorization"), "Bearer " + KeyA.toUtf8());
            m_serverA->clearRequests();
            m_serverB->clearRequests();
        }

        auto core = startCore(SecretStore::Kind::Session);
        const QString a = core->profileStore()->addProfile(profileFor(u"A"_s, *m_serverA));
        core->profileStore()->setKey(a, KeyA);
        ApiRequestJob *job = core->apiClient()->fetchVideo(core->profileStore()->endpoint(a), u"video_x"_s);
        QSignalSpy finished(job, &ApiRequestJob::finished);
        job->start();
        QVERIFY(finished.wait(10000));
        QVERIFY(job->error().isError());
        QCOMPARE(m_serverA->requests().size(), 1);
        for (const FakeVideoServer::Request &request : m_serverB->requests())
            QVERIFY(!request.headers.value("authorization").contains(KeyA.toUtf8()));
    }

    // The proxy factory is on the app's one network access manager: a profile with an HTTP proxy sends
    // its requests through it, another profile goes direct.
    void profileProxyIsUsedByTheApiClient()
    {
        QTcpServer proxy;
        QByteArray proxied;
        QVERIFY(startFakeProxy(proxy, [&proxied](const QByteArray &request) {
            proxied += request;
            return QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 38\r\n"
                              "Connection: close\r\n\r\n{\"error\":{\"message\":\"video not found\"}}");
        }));

        auto core = startCore(SecretStore::Kind::Session);
        ProfileStore *profiles = core->profileStore();
        // A made-up host: only the proxy can answer for it.
        ServiceProfile viaProxy = profileFor(u"Proxied"_s, *m_serverA);
        viaProxy.address = u"http://relay.proxied.invalid:8080/v1"_s;
        viaProxy.proxy.type = ProxySettings::Type::Http;
        viaProxy.proxy.host = u"127.0.0.1"_s;
        viaProxy.proxy.port = proxy.serverPort();
        ServiceProfile direct = profileFor(u"Direct"_s, *m_serverB);
        direct.proxy.type = ProxySettings::Type::None;
        const QString proxiedId = profiles->addProfile(viaProxy);
        const QString directId = profiles->addProfile(direct);
        profiles->setKey(directId, KeyB);

        ApiRequestJob *first = core->apiClient()->fetchVideo(profiles->endpoint(proxiedId), u"video_p"_s);
        QSignalSpy firstDone(first, &ApiRequestJob::finished);
        first->start();
        QVERIFY(firstDone.wait(10000));
        QVERIFY2(proxied.startsWith("GET http://relay.proxied.invalid:8080/v1/videos/video_p "), proxied.constData());

        proxied.clear();
        ApiRequestJob *second = core->apiClient()->fetchVideo(profiles->endpoint(directId), u"video_d"_s);
        QSignalSpy secondDone(second, &ApiRequestJob::finished);
        second->start();
        QVERIFY(secondDone.wait(10000));
        QCOMPARE(m_serverB->requestCount("GET", u"video_d"_s), 1);
        QVERIFY(proxied.isEmpty());
    }

    // A download link on another host (a CDN), and the redirect it answers with, go through the job's
    // own profile's proxy too, without the key; the proxy's pin is gone when the job is.
    void downloadLinkOnAnotherHostUsesTheProfileProxy()
    {
        QTcpServer proxy;
        QList<QByteArray> requests;
        QVERIFY(startFakeProxy(proxy, [&requests](const QByteArray &request) {
            requests << request;
            QByteArray answer;
            if (request.startsWith("GET http://relay.proxied.invalid:8080/v1/videos/video_p/content")) {
                const QByteArray body = "{\"url\":\"http://cdn.proxied.invalid:9000/signed/video.mp4\"}";
                answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            } else if (request.startsWith("GET http://cdn.proxied.invalid:9000/signed/video.mp4")) {
                answer = "HTTP/1.1 302 Found\r\nLocation: http://edge.proxied.invalid:9001/video.mp4\r\n"
                         "Content-Length: 0\r\nConnection: close\r\n\r\n";
            } else if (request.startsWith("GET http://edge.proxied.invalid:9001/video.mp4")) {
                answer = "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: 12\r\n"
                         "Connection: close\r\n\r\n"
                         + QByteArray(4, '\0') + "ftypmp42";
            } else {
                answer = "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            }
            return answer;
        }));

        auto core = startCore(SecretStore::Kind::Session);
        ProfileStore *profiles = core->profileStore();
        ServiceProfile viaProxy = profileFor(u"Proxied"_s, *m_serverA);
        viaProxy.address = u"http://relay.proxied.invalid:8080/v1"_s;
        viaProxy.proxy.type = ProxySettings::Type::Http;
        viaProxy.proxy.host = u"127.0.0.1"_s;
        viaProxy.proxy.port = proxy.serverPort();
        const QString proxiedId = profiles->addProfile(viaProxy);
        profiles->setKey(proxiedId, KeyA);

        const QString target = m_dir->filePath(u"video.mp4"_s);
        auto *download = new DownloadJob(core->apiClient()->context(), profiles->endpoint(proxiedId), u"video_p"_s,
                                         u"video"_s, QUrl(), target, this);
        QSignalSpy done(download, &DownloadJob::finished);
        download->setAutoDelete(false);
        download->start();
        QVERIFY(done.wait(10000));
        QVERIFY2(download->error() == DownloadError::None, qPrintable(download->errorString()));
        QCOMPARE(QFileInfo(download->filePath()).size(), 12);
        delete download;

        QCOMPARE(requests.size(), 3);
        QVERIFY(requests.at(0).contains(QByteArray("Bearer " + KeyA.toUtf8())));
        for (qsizetype i = 1; i < requests.size(); ++i)
            QVERIFY2(!requests.at(i).toLower().contains("authorization"), requests.at(i).constData());
        // The lent routes were returned: the CDN's host is back to the system's proxy.
        QVERIFY(!core->profileStore()->proxyRoutes()->find(u"cdn.proxied.invalid:9000"_s));
        QVERIFY(!core->profileStore()->proxyRoutes()->find(u"edge.proxied.invalid:9001"_s));
    }

private:
    // An HTTP proxy on loopback: every request it is sent (up to the end of its headers) is answered with
    // what answer() returns, then the connection is closed.
    static bool startFakeProxy(QTcpServer &proxy, const std::function<QByteArray(const QByteArray &)> &answer)
    {
        if (!proxy.listen(QHostAddress::LocalHost))
            return false;
        connect(&proxy, &QTcpServer::newConnection, &proxy, [&proxy, answer] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, answer] {
                *buffer += socket->readAll();
                if (!buffer->contains("\r\n\r\n"))
                    return;
                socket->write(answer(*buffer));
                socket->disconnectFromHost();
            });
        });
        return true;
    }

    static ServiceProfile profileFor(const QString &name, const FakeVideoServer &server)
    {
        ServiceProfile profile;
        profile.name = name;
        profile.address = server.rootUrl().toString() + u"/v1"_s;
        return profile;
    }

    // One run of the app over the temporary folder's settings, key file and history.
    // kind: the secret store chosen in the settings file; Keychain leaves the file's choice alone.
    std::unique_ptr<AppCore> startCore(SecretStore::Kind kind)
    {
        auto store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
        if (kind == SecretStore::Kind::File)
            store->setValue(u"service/secretStorage"_s, u"file"_s);
        else if (kind == SecretStore::Kind::Session)
            store->setValue(u"service/secretStorage"_s, u"session"_s);
        auto *settings = new Settings(store.get(), QProcessEnvironment());
        settings->setAutoDownload(false);
        m_stores.push_back(std::move(store));
        ProfileStore::Options options;
        options.secretFilePath = m_dir->filePath(u"keys.json"_s);
        auto core = std::make_unique<AppCore>(settings, options);
        core->jobController()->setPollSettings(fastPolling());
        core->jobModel()->setCoalesceIntervalMs(0);
        TestHelpers::openHistoryAndWait(*core, m_dir->filePath(u"history.sqlite"_s));
        return core;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeVideoServer> m_serverA;
    std::unique_ptr<FakeVideoServer> m_serverB;
    std::vector<std::unique_ptr<QSettings>> m_stores;
};

QTEST_GUILESS_MAIN(TstServiceProfiles)
#include "tst_serviceprofiles.moc"
