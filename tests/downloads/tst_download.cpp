#include "api/apiclient.h"
#include "api/apiurl.h"
#include "downloads/downloadjob.h"
#include "downloads/downloadnaming.h"
#include "downloads/partfile.h"
#include "fakevideoserver.h"
#include "rawtcpserver.h"
#include "services/serviceprofile.h"
#include "testhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
NetworkContext contextFor(QNetworkAccessManager *network)
{
    NetworkContext context;
    context.network = network;
    return context;
}
} // namespace

namespace {

const QString VideoId = u"video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5"_s;
const QString Key = u"sk-test-download"_s;

// A deterministic, incompressible-looking video body: big enough to arrive in several pieces.
QByteArray samplePayload(int size = 256 * 1024)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 state = 12345;
    for (int i = 0; i < size; ++i) {
        state = state * 1103515245u + 12345u;
        data[i] = char(state >> 16);
    }
    // A plausible MP4 head, so nothing mistakes it for a text page.
    data.replace(0, 8,
                 QByteArray("\0\0\0\x18"
                            "ftyp",
                            8));
    return data;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

ServiceEndpoint endpointFor(const QUrl &root)
{
    return ServiceEndpoint{ApiUrl::normalizeBase(root.toString() + u"/v1"_s), Key};
}

// The storage server listens on 127.0.0.2: for the client another origin (another host), reached
// without any name resolution, which a bare build machine may lack.
const QHostAddress OtherHost(u"127.0.0.2"_s);

// Notes a .part at target as begun by an earlier download of this test's video from root's service
// (what an interrupted run of the same job leaves behind).
bool claimPartial(const QString &target, const QUrl &root, const QByteArray &validator = {}, qint64 total = -1)
{
    DownloadJob::PartialInfo info;
    info.service = ServiceProfile::originOf(endpointFor(root).apiBase);
    info.videoId = VideoId;
    info.variant = u"video"_s;
    info.validator = validator;
    info.total = total;
    return DownloadJob::writePartialInfo(target, info);
}

QUrl viaOtherHost(quint16 port, const QString &path)
{
    return QUrl(u"http://%1:%2%3"_s.arg(OtherHost.toString()).arg(port).arg(path));
}

bool isContentRequest(const FakeVideoServer::Request &request)
{
    return request.method == "GET" && request.rawPath.endsWith("/content");
}

// Serves `payload`, honouring "Range: bytes=N-" with a 206.
FakeVideoServer::Reply serveBytes(const FakeVideoServer::Request &request,
                                  const QByteArray &payload,
                                  const QByteArray &contentType = "video/mp4")
{
    FakeVideoServer::Reply reply;
    reply.contentType = contentType;
    const QByteArray range = request.headers.value("range");
    if (range.startsWith("bytes=") && range.endsWith('-')) {
        const qint64 from = range.mid(6, range.size() - 7).toLongLong();
        reply.status = 206;
        reply.body = payload.mid(from);
        reply.headers.append({"Content-Range", "bytes " + QByteArray::number(from) + '-'
                                                   + QByteArray::number(payload.size() - 1) + '/'
                                                   + QByteArray::number(payload.size())});
        return reply;
    }
    reply.body = payload;
    return reply;
}

QByteArray headerOf(const QByteArray &request, const QByteArray &name)
{
    const QList<QByteArray> lines = request.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return QByteArray();
}

// The longest time the GUI thread's event loop did not turn, from construction to longestMs(): a
// 5 ms timer notes every gap between its ticks.
class GuiGapMeter
{
public:
    GuiGapMeter()
    {
        m_ticker.setTimerType(Qt::PreciseTimer);
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, [this] { m_longestMs = qMax(m_longestMs, m_gap.restart()); });
        m_gap.start();
        m_ticker.start();
    }
    qint64 longestMs()
    {
        m_ticker.stop();
        return m_longestMs;
    }

private:
    QTimer m_ticker;
    QElapsedTimer m_gap;
    qint64 m_longestMs = 0;
};

} // namespace

// A server that answers each connection with whatever the script says and then closes it: a
// response may promise more bytes than it sends (a connection that breaks mid-file).
class ScriptedTcpServer final : public QObject
{
    Q_OBJECT

public:
    using Script = std::function<QByteArray(int connection, const QByteArray &request)>;

    explicit ScriptedTcpServer(Script script)
        : m_script(std::move(script))
    {
        connect(&m_server, &QTcpServer::newConnection, this, &ScriptedTcpServer::onNewConnection);
    }

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl rootUrl() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    QList<QByteArray> requests;

private:
    void onNewConnection()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            auto buffer = std::make_shared<QByteArray>();
            const int connection = m_connections++;
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, connection] {
                buffer->append(socket->readAll());
                if (!buffer->contains("\r\n\r\n"))
                    return;
                disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
                requests.append(*buffer);
                socket->write(m_script(connection, *buffer));
                socket->disconnectFromHost();
            });
        }
    }

    QTcpServer m_server;
    Script m_script;
    int m_connections = 0;
};

class TstDownload final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void plainBytes();
    void thumbnailNamedAfterItsType();
    void jsonLinkToOtherHostWithoutKey();
    void jsonLinkOnApiHostKeepsKey();
    void directUrlFromVideoObject();
    void redirectToOtherHostWithoutKey();
    void droppedConnectionResumesWithRange_data();
    void droppedConnectionResumesWithRange();
    void leftoverPartIsResumed();
    void brokenDownloadKeepsPartForLater();
    void foreignPartIsLeftAlone_data();
    void foreignPartIsLeftAlone();
    void changedFileIsNotSpliced();
    void pathForNewDownloadSkipsPartsAndReservations();
    void slicedRangesAreJoined();
    void serverIgnoringRangeRestarts();
    void rangeNotSatisfiableRestarts();
    void transientErrorIsRetried();
    void clientErrorIsNotRetried();
    void expiredLink_data();
    void expiredLink();
    void jsonWithoutLinkIsInvalid();
    void htmlPageIsInvalid();
    void emptyContentIsNeverSaved_data();
    void emptyContentIsNeverSaved();
    void unwritableFolder();
    void diskFull();
    void existingFileIsNotOverwritten();
    void timeoutIsTimeout();
    void abortIsCancelledOnce();
    void deletesItselfByDefault();
    void slowDiskDoesNotHoldTheGuiThread();
    void slowWritesDoNotHoldTheGuiThread();
    void abortWhileWritingKeepsWhatIsWritten();
    void diskSlowerThanNetworkHoldsTheNetworkBack();
    void abortWhileSavingKeepsTheFile();
    void failureDoesNotWaitForAnotherFilesSync();

    void suggestedFileName_data();
    void suggestedFileName();
    void uniquePath();
    void defaultFolder();
    void hasExpired();

private:
    DownloadJob *makeJob(const ServiceEndpoint &service,
                         const QString &target,
                         const QUrl &directUrl = QUrl(),
                         const QString &variant = u"video"_s);
    // Starts the job and waits for its one finished() signal.
    bool run(DownloadJob *job, int timeoutMs = 10000);
    // The API serves payload as every video's content (honouring ranges); other requests go unanswered.
    void serveContent(const QByteArray &payload);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeVideoServer> m_api;
    std::unique_ptr<FakeVideoServer> m_storage;
    QByteArray m_payload;
};

void TstDownload::initTestCase()
{
    TestHelpers::enterTestMode();
    m_payload = samplePayload();
}

void TstDownload::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_api = std::make_unique<FakeVideoServer>();
    QVERIFY(m_api->start());
    m_storage = std::make_unique<FakeVideoServer>();
    QVERIFY(m_storage->start(OtherHost));
}

void TstDownload::cleanup()
{
    m_storage.reset();
    m_api.reset();
    m_dir.reset();
    m_network.reset();
}

DownloadJob *TstDownload::makeJob(const ServiceEndpoint &service,
                                  const QString &target,
                                  const QUrl &directUrl,
                                  const QString &variant)
{
    auto *job = new DownloadJob(contextFor(m_network.get()), service, VideoId, variant, directUrl, target, this);
    job->setAutoDelete(false);
    job->setTimeoutMs(3000);
    job->setRetryPolicy(2, 10);
    return job;
}

bool TstDownload::run(DownloadJob *job, int timeoutMs)
{
    QSignalSpy finished(job, &DownloadJob::finished);
    job->start();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return false;
    return finished.size() == 1 && job->isFinished();
}

void TstDownload::serveContent(const QByteArray &payload)
{
    m_api->addHandler([payload](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (isContentRequest(request))
            return serveBytes(request, payload);
        return std::nullopt;
    });
}

void TstDownload::plainBytes()
{
    serveContent(m_payload);
    const QString target = m_dir->filePath(u"out/2026-11-24 紫色背景 cbcde.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QSignalSpy progress(job.get(), &DownloadJob::progress);

    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QVERIFY(job->errorString().isEmpty());
    QCOMPARE(job->filePath(), target);
    QCOMPARE(readFile(target), m_payload);
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(m_payload.size()));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(m_payload.size()));

    QCOMPARE(m_api->requests().size(), 1);
    const FakeVideoServer::Request request = m_api->requests().first();
    QCOMPARE(request.rawPath, QByteArray("/v1/videos/" + VideoId.toLatin1() + "/content"));
    QCOMPARE(request.query, u"variant=video"_s);
    QCOMPARE(request.headers.value("authorization"), "Bearer " + Key.toLatin1());
    QVERIFY(!request.headers.contains("range"));
}

void TstDownload::thumbnailNamedAfterItsType()
{
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(4000, 'j');
    m_api->addHandler([jpeg](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (isContentRequest(request) && request.query == u"variant=thumbnail"_s)
            return serveBytes(request, jpeg, "image/jpeg");
        return std::nullopt;
    });
    const QString target = m_dir->filePath(u"thumb.webp"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target, QUrl(), u"thumbnail"_s));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(job->filePath(), m_dir->filePath(u"thumb.jpg"_s));
    QCOMPARE(readFile(job->filePath()), jpeg);
    QVERIFY(!QFileInfo::exists(target));
}

void TstDownload::jsonLinkToOtherHostWithoutKey()
{
    const QUrl link = viaOtherHost(m_storage->port(), u"/files/v.mp4?sig=abc&expires=1"_s);
    m_api->addHandler([link](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (isContentRequest(request))
            return FakeVideoServer::Reply::json(QJsonObject{{u"video_url"_s, link.toString()}});
        return std::nullopt;
    });
    m_storage->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.rawPath == "/files/v.mp4")
            return serveBytes(request, m_payload);
        return std::nullopt;
    });

    const QString target = m_dir->filePath(u"linked.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), m_payload);

    QCOMPARE(m_api->requests().size(), 1);
    QVERIFY(m_api->requests().first().headers.contains("authorization"));
    QCOMPARE(m_storage->requests().size(), 1);
    const FakeVideoServer::Request stored = m_storage->requests().first();
    QCOMPARE(stored.query, u"sig=abc&expires=1"_s);
    QVERIFY2(!stored.headers.contains("authorization"), "the API key travelled to the storage host");
}

void TstDownload::jsonLinkOnApiHostKeepsKey()
{
    // Relays that serve the file themselves, under another path: same origin, so the key goes along.
    const QUrl link = m_api->rootUrl().resolved(QUrl(u"/files/v.mp4"_s));
    m_api->addHandler([this, link](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (isContentRequest(request))
            return FakeVideoServer::Reply::json(QJsonObject{{u"data"_s, QJsonObject{{u"url"_s, link.toString()}}}});
        if (request.rawPath == "/files/v.mp4")
            return serveBytes(request, m_payload);
        return std::nullopt;
    });
    const QString target = m_dir->filePath(u"same-host.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), m_payload);
    QCOMPARE(m_api->requests().size(), 2);
    QCOMPARE(m_api->requests().at(1).headers.value("authorization"), "Bearer " + Key.toLatin1());
}

void TstDownload::directUrlFromVideoObject()
{
    m_storage->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.rawPath == "/cdn/x.mp4")
            return serveBytes(request, m_payload);
        return std::nullopt;
    });
    const QString target = m_dir->filePath(u"direct.mp4"_s);
    std::unique_ptr<DownloadJob> job(
        makeJob(endpointFor(m_api->rootUrl()), target, viaOtherHost(m_storage->port(), u"/cdn/x.mp4"_s)));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), m_payload);
    QCOMPARE(m_api->requests().size(), 0);
    QCOMPARE(m_storage->requests().size(), 1);
    QVERIFY(!m_storage->requests().first().headers.contains("authorization"));
}

void TstDownload::redirectToOtherHostWithoutKey()
{
    const QUrl link = viaOtherHost(m_storage->port(), u"/files/r.mp4"_s);
    m_api->addHandler([link](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        FakeVideoServer::Reply reply;
        reply.status = 302;
        reply.contentType.clear();
        reply.headers.append({"Location", link.toEncoded()});
        return reply;
    });
    m_storage->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.rawPath == "/files/r.mp4")
            return serveBytes(request, m_payload);
        return std::nullopt;
    });
    const QString target = m_dir->filePath(u"redirected.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), m_payload);
    QCOMPARE(m_storage->requests().size(), 1);
    QVERIFY(!m_storage->requests().first().headers.contains("authorization"));
}

void TstDownload::droppedConnectionResumesWithRange_data()
{
    QTest::addColumn<int>("writeDelayMs");
    QTest::newRow("fast disk") << 0;
    // The retry is due (10 ms) before the first bytes are written (100 ms): it waits for them.
    QTest::newRow("slow disk") << 100;
}

void TstDownload::droppedConnectionResumesWithRange()
{
    QFETCH(int, writeDelayMs);
    DownloadJob::setWriteDelayForTests(writeDelayMs);
    const auto noDelay = qScopeGuard([] { DownloadJob::setWriteDelayForTests(0); });
    const QByteArray payload = m_payload;
    const int cut = 300;
    ScriptedTcpServer server([payload, cut](int connection, const QByteArray &request) -> QByteArray {
        const QByteArray range = headerOf(request, "Range");
        if (range.isEmpty()) {
            // The first answer promises the whole file, sends 300 bytes and closes. (Qt may re-send the
            // request by itself after such an end; later connections get the whole file.)
            return "HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: " + QByteArray::number(payload.size())
                   + "\r\n\r\n" + (connection == 0 ? payload.left(cut) : payload);
        }
        const qint64 from = range.mid(6, range.size() - 7).toLongLong();
        return "HTTP/1.1 206 Partial Content\r\nContent-Type: video/mp4\r\nContent-Range: bytes "
               + QByteArray::number(from) + '-' + QByteArray::number(payload.size() - 1) + '/'
               + QByteArray::number(payload.size()) + "\r\nContent-Length: " + QByteArray::number(payload.size() - from)
               + "\r\n\r\n" + payload.mid(from);
    });
    QVERIFY(server.start());

    const QString target = m_dir->filePath(u"resumed.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(server.rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QVERIFY(server.requests.size() >= 2);
    QCOMPARE(headerOf(server.requests.first(), "Range"), QByteArray());
    QCOMPARE(headerOf(server.requests.last(), "Range"), QByteArray("bytes=300-"));
    QCOMPARE(readFile(target), payload);
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
}

void TstDownload::leftoverPartIsResumed()
{
    // A download broken off in an earlier session (or by a failed job) left its .part behind.
    const QString target = m_dir->filePath(u"later.mp4"_s);
    QVERIFY(writeFile(DownloadJob::partialPath(target), m_payload.left(1000)));
    QVERIFY(claimPartial(target, m_api->rootUrl()));
    serveContent(m_payload);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 1);
    QCOMPARE(m_api->requests().first().headers.value("range"), QByteArray("bytes=1000-"));
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::brokenDownloadKeepsPartForLater()
{
    // Every attempt breaks off after 300 bytes: the job gives up, the 300 bytes stay in the .part.
    RawTcpServer broken(RawTcpServer::Behaviour::SendThisThenClose);
    broken.setCannedResponse("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                             + QByteArray::number(m_payload.size()) + "\r\n\r\n" + m_payload.left(300));
    QVERIFY(broken.start());
    const QString target = m_dir->filePath(u"broken.mp4"_s);
    std::unique_ptr<DownloadJob> first(makeJob(endpointFor(broken.rootUrl()), target));
    QVERIFY(run(first.get()));
    QCOMPARE(first->error(), DownloadError::Network);
    QVERIFY(!first->errorString().isEmpty());
    QVERIFY(broken.connectionCount() >= 3); // the first try and two retries
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(readFile(DownloadJob::partialPath(target)), m_payload.left(300));

    // Later, the same job, by way of a link that works: only the rest is asked for.
    serveContent(m_payload);
    const QUrl working = ApiUrl::contentUrl(endpointFor(m_api->rootUrl()).apiBase, VideoId, u"video"_s);
    std::unique_ptr<DownloadJob> second(makeJob(endpointFor(broken.rootUrl()), target, working));
    QVERIFY(run(second.get()));
    QCOMPARE(second->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 1);
    QCOMPARE(m_api->requests().first().headers.value("range"), QByteArray("bytes=300-"));
    QCOMPARE(readFile(target), m_payload);
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
}

// A .part this download did not begin (no note, or the note of another video or service) is never
// resumed: its bytes belong to another file. It is left alone and the video is saved under another name.
void TstDownload::foreignPartIsLeftAlone_data()
{
    QTest::addColumn<QString>("owner"); // "" = no note at all
    QTest::newRow("no note") << QString();
    QTest::newRow("another video") << u"video_other"_s;
    QTest::newRow("another service") << u"other-service"_s;
}

void TstDownload::foreignPartIsLeftAlone()
{
    QFETCH(QString, owner);
    const QString target = m_dir->filePath(u"2026-11-25 purple cbcde.mp4"_s);
    const QByteArray foreign(1000, 'f');
    QVERIFY(writeFile(DownloadJob::partialPath(target), foreign));
    if (!owner.isEmpty()) {
        DownloadJob::PartialInfo info;
        info.service = owner == u"other-service"_s ? u"http://127.0.0.9:1"_s
                                                   : ServiceProfile::originOf(endpointFor(m_api->rootUrl()).apiBase);
        info.videoId = owner == u"other-service"_s ? VideoId : owner;
        info.variant = u"video"_s;
        QVERIFY(DownloadJob::writePartialInfo(target, info));
    }
    serveContent(m_payload);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 1);
    QVERIFY(!m_api->requests().first().headers.contains("range"));
    QCOMPARE(job->filePath(), m_dir->filePath(u"2026-11-25 purple cbcde (2).mp4"_s));
    QCOMPARE(readFile(job->filePath()), m_payload);
    QCOMPARE(readFile(DownloadJob::partialPath(target)), foreign);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(DownloadJob::partialInfoPath(job->filePath())));
}

// The file behind the link changed since the .part was begun: If-Range makes the server send the
// whole new file (200) instead of a tail that would not fit the old start.
void TstDownload::changedFileIsNotSpliced()
{
    const QString target = m_dir->filePath(u"changed.mp4"_s);
    QVERIFY(writeFile(DownloadJob::partialPath(target), QByteArray(3000, 'o')));
    QVERIFY(claimPartial(target, m_api->rootUrl(), "\"v1\"", m_payload.size()));
    m_api->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        // RFC 9110: a Range is honoured only when If-Range matches the current ETag.
        FakeVideoServer::Request plain = request;
        if (request.headers.value("if-range") != "\"v2\"")
            plain.headers.remove("range");
        FakeVideoServer::Reply reply = serveBytes(plain, m_payload);
        reply.headers.append(qMakePair(QByteArray("ETag"), QByteArray("\"v2\"")));
        return reply;
    });
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 1);
    QCOMPARE(m_api->requests().first().headers.value("range"), QByteArray("bytes=3000-"));
    QCOMPARE(m_api->requests().first().headers.value("if-range"), QByteArray("\"v1\""));
    QCOMPARE(readFile(target), m_payload);
    QVERIFY(!QFileInfo::exists(DownloadJob::partialInfoPath(target)));
}

void TstDownload::pathForNewDownloadSkipsPartsAndReservations()
{
    const QString dir = m_dir->path();
    const QString name = u"2026-11-25 purple cbcde.mp4"_s;
    QCOMPARE(DownloadNaming::pathForNewDownload(dir, name, {}), m_dir->filePath(name));
    // Queued for another job: taken.
    const QSet<QString> reserved{m_dir->filePath(name)};
    QCOMPARE(DownloadNaming::pathForNewDownload(dir, name, reserved),
             m_dir->filePath(u"2026-11-25 purple cbcde (2).mp4"_s));
    // Another download's partial file: taken too.
    QVERIFY(writeFile(m_dir->filePath(u"2026-11-25 purple cbcde (2).mp4.part"_s), "x"));
    QCOMPARE(DownloadNaming::pathForNewDownload(dir, name, reserved),
             m_dir->filePath(u"2026-11-25 purple cbcde (3).mp4"_s));
}

void TstDownload::slicedRangesAreJoined()
{
    // Some storage answers every request with at most one slice of the file (206).
    const int slice = 64 * 1024;
    m_storage->addHandler([this, slice](const FakeVideoServer::Request &request) {
        const QByteArray range = request.headers.value("range");
        const qint64 from = range.isEmpty() ? 0 : range.mid(6, range.size() - 7).toLongLong();
        const qint64 to = qMin<qint64>(from + slice, m_payload.size()) - 1;
        FakeVideoServer::Reply reply;
        reply.status = 206;
        reply.contentType = "video/mp4";
        reply.body = m_payload.mid(from, to - from + 1);
        reply.headers.append({"Content-Range", "bytes " + QByteArray::number(from) + '-' + QByteArray::number(to) + '/'
                                                   + QByteArray::number(m_payload.size())});
        return std::optional(reply);
    });
    const QString target = m_dir->filePath(u"sliced.mp4"_s);
    std::unique_ptr<DownloadJob> job(
        makeJob(endpointFor(m_api->rootUrl()), target, viaOtherHost(m_storage->port(), u"/s.mp4"_s)));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_storage->requests().size(), 4);
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::serverIgnoringRangeRestarts()
{
    const QString target = m_dir->filePath(u"norange.mp4"_s);
    QVERIFY(writeFile(DownloadJob::partialPath(target), QByteArray(5000, 'x')));
    QVERIFY(claimPartial(target, m_api->rootUrl()));
    m_api->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        FakeVideoServer::Reply reply; // 200 with the whole file, whatever Range said
        reply.contentType = "video/mp4";
        reply.body = m_payload;
        return reply;
    });
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 1);
    QCOMPARE(m_api->requests().first().headers.value("range"), QByteArray("bytes=5000-"));
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::rangeNotSatisfiableRestarts()
{
    const QString target = m_dir->filePath(u"416.mp4"_s);
    QVERIFY(writeFile(DownloadJob::partialPath(target), QByteArray(m_payload.size() + 10, 'x')));
    QVERIFY(claimPartial(target, m_api->rootUrl()));
    m_api->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        if (request.headers.contains("range")) {
            FakeVideoServer::Reply reply;
            reply.status = 416;
            reply.contentType = "text/plain";
            reply.headers.append({"Content-Range", "bytes */" + QByteArray::number(m_payload.size())});
            return reply;
        }
        return serveBytes(request, m_payload);
    });
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(m_api->requests().size(), 2);
    QVERIFY(!m_api->requests().at(1).headers.contains("range"));
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::transientErrorIsRetried()
{
    int calls = 0;
    m_api->addHandler([this, &calls](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        if (++calls == 1) {
            FakeVideoServer::Reply reply;
            reply.status = 503;
            reply.contentType = "text/html";
            reply.body = "<html>502 Bad Gateway</html>";
            return reply;
        }
        return serveBytes(request, m_payload);
    });
    const QString target = m_dir->filePath(u"retried.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(calls, 2);
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::clientErrorIsNotRetried()
{
    m_api->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        return FakeVideoServer::Reply::json(
            QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Video not found"_s}, {u"code"_s, u"not_found"_s}}}},
            404);
    });
    const QString target = m_dir->filePath(u"missing.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::Http);
    QCOMPARE(job->apiError().httpStatus, 404);
    QVERIFY(!job->errorString().isEmpty());
    QCOMPARE(m_api->requests().size(), 1);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target))); // nothing worth resuming
}

void TstDownload::expiredLink_data()
{
    QTest::addColumn<bool>("onStorage"); // the link points at the storage host (else /content on the API)
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("expiresAtPast");
    QTest::addColumn<bool>("expectExpired");

    QTest::newRow("storage 403 S3 XML") << true << 403 << QByteArray("application/xml")
                                        << QByteArray("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                                                      "<Message>Request has expired</Message></Error>")
                                        << false << true;
    QTest::newRow("storage 403 bare") << true << 403 << QByteArray("text/plain") << QByteArray() << false << true;
    QTest::newRow("storage 410") << true << 410 << QByteArray("text/plain") << QByteArray("Gone") << false << true;
    QTest::newRow("api 400 expired json")
        << false << 400 << QByteArray("application/json")
        << QByteArray(R"({"error":{"message":"Video content has expired","type":"invalid_request_error"}})") << false
        << true;
    QTest::newRow("api 404 chinese") << false << 404 << QByteArray("application/json")
                                     << QByteArray(R"({"code":"x","message":"视频已过期","data":null})") << false
                                     << true;
    QTest::newRow("api 404 after expires_at") << false << 404 << QByteArray("application/json")
                                              << QByteArray(R"({"error":{"message":"Not found"}})") << true << true;
    QTest::newRow("api 404 before expires_at") << false << 404 << QByteArray("application/json")
                                               << QByteArray(R"({"error":{"message":"Not found"}})") << false << false;
    QTest::newRow("api 401 expired key") << false << 401 << QByteArray("application/json")
                                         << QByteArray(R"({"error":{"message":"Your API key has expired"}})") << false
                                         << false;
    QTest::newRow("api 403 region") << false << 403 << QByteArray("application/json")
                                    << QByteArray(R"({"error":{"message":"Country not supported"}})") << false << false;
}

void TstDownload::expiredLink()
{
    QFETCH(bool, onStorage);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, expiresAtPast);
    QFETCH(bool, expectExpired);

    FakeVideoServer::Reply refusal;
    refusal.status = status;
    refusal.contentType = contentType;
    refusal.body = body;
    FakeVideoServer *refusing = onStorage ? m_storage.get() : m_api.get();
    refusing->addHandler([refusal](const FakeVideoServer::Request &) { return std::optional(refusal); });

    const QUrl direct = onStorage ? viaOtherHost(m_storage->port(), u"/signed/v.mp4?X-Amz-Expires=3600"_s) : QUrl();
    const QString target = m_dir->filePath(u"expired.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target, direct));
    if (expiresAtPast)
        job->setExpiresAt(QDateTime::currentDateTimeUtc().addSecs(-3600));
    QVERIFY(run(job.get()));
    QCOMPARE(job->isExpired(), expectExpired);
    if (expectExpired) {
        QCOMPARE(job->error(), DownloadError::Expired);
        QVERIFY2(job->errorString().contains(u"expired"_s), qPrintable(job->errorString()));
    } else {
        QCOMPARE(job->error(), DownloadError::Http);
    }
    QCOMPARE(job->apiError().httpStatus, status);
    QCOMPARE(refusing->requests().size(), 1); // an expired link is not retried
    QVERIFY(!QFileInfo::exists(target));
}

void TstDownload::jsonWithoutLinkIsInvalid()
{
    m_api->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (isContentRequest(request))
            return FakeVideoServer::Reply::json(QJsonObject{{u"status"_s, u"ok"_s}});
        return std::nullopt;
    });
    const QString target = m_dir->filePath(u"nolink.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::InvalidResponse);
    QVERIFY(!job->errorString().isEmpty());
    QVERIFY(!QFileInfo::exists(target));
}

void TstDownload::htmlPageIsInvalid()
{
    m_api->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        FakeVideoServer::Reply reply;
        reply.contentType = "text/html";
        reply.body = "<html><body>Please log in to the hotel Wi-Fi</body></html>";
        return reply;
    });
    const QString target = m_dir->filePath(u"portal.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::InvalidResponse);
    QVERIFY(!QFileInfo::exists(target));
}

void TstDownload::emptyContentIsNeverSaved_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::newRow("video/mp4") << QByteArray("video/mp4");
    QTest::newRow("octet-stream") << QByteArray("application/octet-stream");
    QTest::newRow("no type") << QByteArray();
}

// The complaint users have about other apps: a 0-byte video saved and marked done. A 200 with an empty
// body is no video, whatever its type says; no file is left under the target name or as a .part.
void TstDownload::emptyContentIsNeverSaved()
{
    QFETCH(QByteArray, contentType);
    m_api->addHandler([contentType](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        FakeVideoServer::Reply reply;
        reply.contentType = contentType;
        return reply; // 200, Content-Length: 0
    });
    const QString target = m_dir->filePath(u"empty.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QVERIFY(job->error() != DownloadError::None);
    QVERIFY(!job->errorString().isEmpty());
    QVERIFY(job->filePath().isEmpty());
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(QFileInfo(DownloadJob::partialPath(target)).size() == 0);
    QCOMPARE(job->bytesReceived(), 0);
}

void TstDownload::unwritableFolder()
{
    // A folder below a regular file cannot exist, for root as well (chmod would not stop root).
    QTemporaryFile file(m_dir->filePath(u"plainfile-XXXXXX"_s));
    QVERIFY(file.open());
    const QString target = file.fileName() + u"/sub/video.mp4"_s;
    m_api->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        return serveBytes(request, m_payload);
    });

    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::Unwritable);
    QVERIFY(job->filePath().isEmpty());
    QVERIFY2(job->errorString().contains(QDir::toNativeSeparators(file.fileName())), qPrintable(job->errorString()));
    QVERIFY(!DownloadJob::message(DownloadError::Unwritable).isEmpty());
    QCOMPARE(m_api->requests().size(), 0); // nothing downloaded that could not be kept
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
}

void TstDownload::diskFull()
{
    if (!QFileInfo::exists(u"/dev/full"_s))
        QSKIP("needs /dev/full to simulate a full disk");
    // The .part is a link to /dev/full: every write fails with ENOSPC.
    const QString target = m_dir->filePath(u"full.mp4"_s);
    QVERIFY(QFile::link(u"/dev/full"_s, DownloadJob::partialPath(target)));
    QVERIFY(claimPartial(target, m_api->rootUrl()));
    // QFile says so when it opens a character device for appending; not the job's business.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Cannot call seek on a sequential device"_s));
    serveContent(m_payload);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::DiskFull);
    QVERIFY2(job->errorString().contains(u"disk is full"_s), qPrintable(job->errorString()));
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(m_api->requests().size(), 1); // not retried: the disk does not empty itself
}

void TstDownload::existingFileIsNotOverwritten()
{
    const QString target = m_dir->filePath(u"2026-11-24 purple a1b2c3.mp4"_s);
    QVERIFY(writeFile(target, "the user's own file"));
    serveContent(m_payload);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(job->filePath(), m_dir->filePath(u"2026-11-24 purple a1b2c3 (2).mp4"_s));
    QCOMPARE(readFile(target), QByteArray("the user's own file"));
    QCOMPARE(readFile(job->filePath()), m_payload);
}

void TstDownload::timeoutIsTimeout()
{
    m_api->addHandler([](const FakeVideoServer::Request &) {
        FakeVideoServer::Reply reply;
        reply.hang = true;
        return std::optional(reply);
    });
    const QString target = m_dir->filePath(u"slow.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    job->setTimeoutMs(250);
    job->setRetryPolicy(1, 10);
    QVERIFY(run(job.get()));
    QCOMPARE(job->error(), DownloadError::Timeout);
    QVERIFY(job->timedOut());
    QVERIFY(!job->errorString().isEmpty());
    QCOMPARE(m_api->requests().size(), 2); // one retry
}

void TstDownload::abortIsCancelledOnce()
{
    m_api->addHandler([](const FakeVideoServer::Request &) {
        FakeVideoServer::Reply reply;
        reply.hang = true;
        return std::optional(reply);
    });
    const QString target = m_dir->filePath(u"cancelled.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    QSignalSpy finished(job.get(), &DownloadJob::finished);
    job->start();
    QTRY_COMPARE(m_api->requests().size(), 1);
    job->abort();
    QCOMPARE(finished.size(), 1);
    job->abort();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error(), DownloadError::Cancelled);
    QVERIFY(!job->timedOut());
    QVERIFY(!QFileInfo::exists(target));
}

void TstDownload::deletesItselfByDefault()
{
    m_api->addHandler(
        [this](const FakeVideoServer::Request &request) { return std::optional(serveBytes(request, m_payload)); });
    auto *job = new DownloadJob(contextFor(m_network.get()), endpointFor(m_api->rootUrl()), VideoId, u"video"_s, QUrl(),
                                m_dir->filePath(u"auto.mp4"_s));
    QPointer<DownloadJob> guard(job);
    QSignalSpy finished(job, &DownloadJob::finished);
    job->start();
    QVERIFY(finished.wait());
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(readFile(m_dir->filePath(u"auto.mp4"_s)), m_payload);
}

// The final sync, the rename and the .part.json are written on a disk thread: a slow disk (here a
// sync that takes 400 ms) never keeps the GUI thread's event loop from turning, and the job still
// finishes exactly once, with the file complete under its name.
void TstDownload::slowDiskDoesNotHoldTheGuiThread()
{
    serveContent(m_payload);
    const QString target = m_dir->filePath(u"slow disk.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    DownloadJob::setSyncDelayForTests(400);
    GuiGapMeter gaps;
    const bool finishedOnce = run(job.get());
    const qint64 longestGapMs = gaps.longestMs();
    DownloadJob::setSyncDelayForTests(0);
    QVERIFY(finishedOnce);
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), m_payload);
    QVERIFY(!QFileInfo::exists(DownloadJob::partialPath(target)));
    QVERIFY(!QFileInfo::exists(DownloadJob::partialInfoPath(target)));
    QVERIFY2(longestGapMs < 200, qPrintable(u"the GUI thread stood still for %1 ms"_s.arg(longestGapMs)));
}

// The body is written into the .part on the disk thread too: a disk that lags behind the network
// (here every write takes 150 ms) never keeps the GUI thread's event loop from turning, the bytes
// still land in order, and the progress counts only bytes that are in the file.
void TstDownload::slowWritesDoNotHoldTheGuiThread()
{
    const QByteArray payload = samplePayload(1024 * 1024);
    serveContent(payload);
    const QString target = m_dir->filePath(u"slow writes.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    DownloadJob::setWriteDelayForTests(150);
    QSignalSpy progress(job.get(), &DownloadJob::progress);
    // Progress never runs ahead of the file (while there is a .part: the last report follows the rename).
    qint64 aheadOfTheFile = 0;
    connect(job.get(), &DownloadJob::progress, this, [&](qint64 received) {
        const QFileInfo part(DownloadJob::partialPath(target));
        if (part.exists())
            aheadOfTheFile = qMax(aheadOfTheFile, received - part.size());
    });
    GuiGapMeter gaps;
    const bool finishedOnce = run(job.get(), 20000);
    const qint64 longestGapMs = gaps.longestMs();
    DownloadJob::setWriteDelayForTests(0);
    QVERIFY(finishedOnce);
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(readFile(target), payload);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(payload.size()));
    QCOMPARE(aheadOfTheFile, qint64(0));
    QVERIFY2(longestGapMs < 200, qPrintable(u"the GUI thread stood still for %1 ms"_s.arg(longestGapMs)));
}

// More arrives than the disk thread can write: the job stops taking bytes from Qt (whose bounded
// buffer then stops reading the socket) and takes them again as the disk catches up, so the file
// arrives whole and in order without piling up in memory.
void TstDownload::diskSlowerThanNetworkHoldsTheNetworkBack()
{
    const QByteArray payload = samplePayload(12 * 1024 * 1024);
    serveContent(payload);
    const QString target = m_dir->filePath(u"slow disk, big file.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    DownloadJob::setWriteDelayForTests(5);
    const auto noDelay = qScopeGuard([] { DownloadJob::setWriteDelayForTests(0); });
    QVERIFY(run(job.get(), 30000));
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(job->bytesReceived(), qint64(payload.size()));
    QVERIFY(readFile(target) == payload);
}

// Cancelled while chunks still wait for the disk thread: the job finishes once, at once, and what it
// reports received is what the .part holds, the start of the file, kept for a later resume.
void TstDownload::abortWhileWritingKeepsWhatIsWritten()
{
    // Three quarters of the file, then the server says nothing more: the transfer is still under way
    // at the abort, and chunks wait for the disk thread.
    const QByteArray payload = samplePayload(4 * 1024 * 1024);
    RawTcpServer server(RawTcpServer::Behaviour::SendThisThenHang);
    server.setCannedResponse("HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: "
                             + QByteArray::number(payload.size()) + "\r\n\r\n" + payload.left(payload.size() / 4 * 3));
    QVERIFY(server.start());
    const QString target = m_dir->filePath(u"cancelled while writing.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(server.rootUrl()), target));
    DownloadJob::setWriteDelayForTests(50);
    const auto noDelay = qScopeGuard([] { DownloadJob::setWriteDelayForTests(0); });
    QSignalSpy finished(job.get(), &DownloadJob::finished);
    QSignalSpy progress(job.get(), &DownloadJob::progress);
    job->start();
    QTRY_VERIFY(!progress.isEmpty());
    job->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error(), DownloadError::Cancelled);
    // Whatever the disk thread still had queued is done before anyone (a resume) looks at the file.
    DownloadDisk::pool()->waitForDone();
    const QByteArray kept = readFile(DownloadJob::partialPath(target));
    QVERIFY(!kept.isEmpty());
    QCOMPARE(job->bytesReceived(), qint64(kept.size()));
    QVERIFY(payload.startsWith(kept));
    QVERIFY(!QFileInfo::exists(target));
    // Nothing the disk thread still had to say reaches the finished job.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
}

// Each .part has its own queue: while one download's finished file takes 800 ms to sync, another one
// that ends in an error (a thumbnail the service does not have) finishes at once, and the GUI thread
// does not wait for the first one's sync on its way.
void TstDownload::failureDoesNotWaitForAnotherFilesSync()
{
    m_api->addHandler([this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isContentRequest(request))
            return std::nullopt;
        if (request.query.contains(u"thumbnail"_s)) {
            FakeVideoServer::Reply missing;
            missing.status = 404;
            missing.body = R"({"error":{"message":"No thumbnail for this video","type":"invalid_request_error"}})";
            return missing;
        }
        return serveBytes(request, m_payload);
    });
    std::unique_ptr<DownloadJob> video(makeJob(endpointFor(m_api->rootUrl()), m_dir->filePath(u"slow sync.mp4"_s)));
    std::unique_ptr<DownloadJob> thumbnail(
        makeJob(endpointFor(m_api->rootUrl()), m_dir->filePath(u"thumb.webp"_s), QUrl(), u"thumbnail"_s));
    thumbnail->setRetryPolicy(0, 10);
    DownloadJob::setSyncDelayForTests(800);
    const auto noDelay = qScopeGuard([] { DownloadJob::setSyncDelayForTests(0); });
    QSignalSpy videoFinished(video.get(), &DownloadJob::finished);
    QSignalSpy videoProgress(video.get(), &DownloadJob::progress);
    video->start();
    // All bytes are in the file: the video's sync has begun (or is about to).
    QTRY_VERIFY(!videoProgress.isEmpty() && videoProgress.last().at(0).toLongLong() == qint64(m_payload.size()));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(run(thumbnail.get()));
    const qint64 thumbnailMs = clock.elapsed();
    QCOMPARE(thumbnail->error(), DownloadError::Http);
    QVERIFY(videoFinished.isEmpty()); // still syncing
    QVERIFY2(thumbnailMs < 600, qPrintable(u"the thumbnail's failure took %1 ms"_s.arg(thumbnailMs)));

    QVERIFY(videoFinished.wait(5000));
    QCOMPARE(video->error(), DownloadError::None);
}

// Cancelled while the finished file is being synced and renamed: the job still finishes once, and
// says what happened to the file (saved), instead of reporting a cancel for a file that is there.
void TstDownload::abortWhileSavingKeepsTheFile()
{
    serveContent(m_payload);
    const QString target = m_dir->filePath(u"saving.mp4"_s);
    std::unique_ptr<DownloadJob> job(makeJob(endpointFor(m_api->rootUrl()), target));
    DownloadJob::setSyncDelayForTests(300);
    QSignalSpy finished(job.get(), &DownloadJob::finished);
    QSignalSpy progress(job.get(), &DownloadJob::progress);
    job->start();
    // The last bytes are on disk: the job is saving now.
    QTRY_VERIFY(!progress.isEmpty() && progress.last().at(0).toLongLong() == qint64(m_payload.size()));
    job->abort();
    DownloadJob::setSyncDelayForTests(0);
    QCOMPARE(finished.size(), 1);
    // Anything the save still had queued is delivered now: no second finished() may come of it.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(job->error(), DownloadError::None);
    QCOMPARE(job->filePath(), target);
    QCOMPARE(readFile(target), m_payload);
}

void TstDownload::suggestedFileName_data()
{
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("videoId");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("expected");

    QTest::newRow("chinese") << u"让这个视频背景变成紫色"_s << u"video_a1b2c3"_s << u"mp4"_s
                             << u"2026-11-24 让这个视频背景变成紫色 a1b2c3.mp4"_s;
    QTest::newRow("long chinese") << u"把画面里的猫换成一只戴着墨镜的柴犬，并且让它在海边奔跑"_s << u"task_01HX9"_s
                                  << u".mp4"_s << u"2026-11-24 把画面里的猫换成一只戴着 k01HX9.mp4"_s;
    QTest::newRow("english") << u"Make the background purple and add falling snow please"_s << u"video_123456789"_s
                             << u"mp4"_s << u"2026-11-24 Make the background purple and add 456789.mp4"_s;
    QTest::newRow("english 40 chars") << u"Extraordinarily photorealistic cinematographic reinterpretation"_s
                                      << u"abc"_s << u"mp4"_s << u"2026-11-24 Extraordinarily photorealistic abc.mp4"_s;
    QTest::newRow("one huge word") << QString(60, u'x') << u"id_ZZZZZZZ"_s << u"mp4"_s
                                   << u"2026-11-24 "_s + QString(40, u'x') + u" ZZZZZZ.mp4"_s;
    QTest::newRow("emoji") << u"🎬 make it 🌈 rainbow 👍🏽"_s << u"video_ffffff"_s << u"mp4"_s
                           << u"2026-11-24 make it rainbow ffffff.mp4"_s;
    QTest::newRow("slashes and reserved")
        << u"a/b\\c:d*e?f\"g<h>i|j"_s << u"v_1"_s << u"mp4"_s << u"2026-11-24 abcdefghij v1.mp4"_s;
    QTest::newRow("newlines and tabs") << u"  first line\n\tsecond   line  "_s << u"x9"_s << u"mp4"_s
                                       << u"2026-11-24 first line second line x9.mp4"_s;
    QTest::newRow("bidi override") << u"evil\u202Egnp.exe"_s << u"abcdef"_s << u"mp4"_s
                                   << u"2026-11-24 evilgnp.exe abcdef.mp4"_s;
    QTest::newRow("trailing dots") << u"the end..."_s << u"abcdef"_s << u"mp4"_s << u"2026-11-24 the end abcdef.mp4"_s;
    QTest::newRow("empty prompt") << QString() << u"video_a1b2c3"_s << u"mp4"_s << u"2026-11-24 a1b2c3.mp4"_s;
    QTest::newRow("only symbols") << u"?*?///"_s << QString() << u"mp4"_s << u"2026-11-24.mp4"_s;
    QTest::newRow("id with slashes") << u"x"_s << u"abc/def+ghi=="_s << u"webp"_s << u"2026-11-24 x defghi.webp"_s;
    QTest::newRow("no extension") << u"x"_s << u"abcdef"_s << QString() << u"2026-11-24 x abcdef"_s;
    QTest::newRow("very long prompt") << QString(u"word "_s).repeated(5000) << u"a1"_s << u"mp4"_s
                                      << u"2026-11-24 word word word word word word a1.mp4"_s;
}

void TstDownload::suggestedFileName()
{
    QFETCH(QString, prompt);
    QFETCH(QString, videoId);
    QFETCH(QString, extension);
    QFETCH(QString, expected);

    const QDateTime when(QDate(2026, 11, 24), QTime(23, 59));
    const QString name = DownloadNaming::suggestedFileName(when, prompt, videoId, extension);
    QCOMPARE(name, expected);
    QVERIFY(!name.isEmpty());
    QVERIFY(name.size() <= 100);
    static const QString illegal = u"<>:\"/\\|?*"_s;
    for (const QChar c : name)
        QVERIFY2(!illegal.contains(c) && c.unicode() >= 0x20, qPrintable(name));
    QVERIFY(name.isValidUtf16());
}

void TstDownload::uniquePath()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"a b.mp4"_s), dir.filePath(u"a b.mp4"_s));
    QVERIFY(writeFile(dir.filePath(u"a b.mp4"_s), "1"));
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"a b.mp4"_s), dir.filePath(u"a b (2).mp4"_s));
    QVERIFY(writeFile(dir.filePath(u"a b (2).mp4"_s), "2"));
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"a b.mp4"_s), dir.filePath(u"a b (3).mp4"_s));
    QVERIFY(writeFile(dir.filePath(u"noext"_s), "3"));
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"noext"_s), dir.filePath(u"noext (2)"_s));
    // "%1" in a name must not be taken for a placeholder.
    QVERIFY(writeFile(dir.filePath(u"100%1.mp4"_s), "4"));
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"100%1.mp4"_s), dir.filePath(u"100%1 (2).mp4"_s));
    // A .part of an interrupted download does not take the name: passing it again resumes.
    QVERIFY(writeFile(dir.filePath(u"half.mp4.part"_s), "5"));
    QCOMPARE(DownloadNaming::uniquePath(dir.path(), u"half.mp4"_s), dir.filePath(u"half.mp4"_s));
}

void TstDownload::defaultFolder()
{
    const QString folder = DownloadNaming::defaultDownloadFolder();
    QVERIFY(folder.endsWith(u"/Video Remix"_s));
    const QString movies = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    QVERIFY(folder.startsWith(movies.isEmpty() ? QDir::homePath() : QDir::cleanPath(movies)));
}

void TstDownload::hasExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!DownloadJob::hasExpired(QDateTime(), now));
    QVERIFY(!DownloadJob::hasExpired(now.addSecs(60), now));
    QVERIFY(DownloadJob::hasExpired(now.addSecs(-1), now));
}

QTEST_GUILESS_MAIN(TstDownload)
#include "tst_download.moc"
