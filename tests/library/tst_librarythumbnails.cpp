// The library's thumbnails: finished videos get theirs (GET /videos/{id}/content?variant=thumbnail),
// a few at a time, into the cache; a second look reads the cache and asks nothing; a service without
// thumbnails is not asked for all of them; unfinished videos are never asked for.

#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "jobs/jobstate.h"
#include "library/librarymodel.h"
#include "library/librarythumbnails.h"
#include "testhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// A 1x1 PNG: the bytes are what matters here (the core library has no image code to test with).
QByteArray pngBytes()
{
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
}

QJsonObject videoObject(const QString &id, const QString &status)
{
    return QJsonObject{{u"id"_s, id},          {u"object"_s, u"video"_s},    {u"status"_s, status},
                       {u"progress"_s, 100},   {u"seconds"_s, u"4"_s},       {u"size"_s, u"720x1280"_s},
                       {u"prompt"_s, u"猫"_s}, {u"created_at"_s, 1764800000}};
}

bool isThumbnailRequest(const FakeVideoServer::Request &request)
{
    return request.method == "GET" && request.rawPath.endsWith("/content") && request.query == u"variant=thumbnail"_s;
}
} // namespace

class TstLibraryThumbnails final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }
    void init();
    void cleanup();
    void finishedVideosGetThumbnailsAndTheCacheServesTheNextLook();
    void serviceWithoutThumbnailsIsNotAskedForAll();

private:
    int thumbnailRequests() const;
    ServiceEndpoint endpoint() const
    {
        return ServiceEndpoint{ApiUrl::normalizeBase(m_server->rootUrl().toString() + u"/v1"_s), u"sk-test"_s};
    }
    void serveList(const QStringList &completed, const QStringList &running);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<ApiClient> m_client;
};

void TstLibraryThumbnails::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<ApiClient>();
}

void TstLibraryThumbnails::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

int TstLibraryThumbnails::thumbnailRequests() const
{
    int count = 0;
    for (const FakeVideoServer::Request &request : m_server->requests())
        count += isThumbnailRequest(request) ? 1 : 0;
    return count;
}

void TstLibraryThumbnails::serveList(const QStringList &completed, const QStringList &running)
{
    QJsonArray data;
    for (const QString &id : completed)
        data.append(videoObject(id, u"completed"_s));
    for (const QString &id : running)
        data.append(videoObject(id, u"in_progress"_s));
    m_server->addHandler([data](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.method == "GET" && request.rawPath == "/v1/videos")
            return FakeVideoServer::Reply::json(
                QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, false}});
        return std::nullopt;
    });
}

void TstLibraryThumbnails::finishedVideosGetThumbnailsAndTheCacheServesTheNextLook()
{
    const QStringList completed{u"video_a"_s, u"video_b"_s, u"video_c"_s};
    serveList(completed, {u"video_running"_s});
    const QByteArray png = pngBytes();
    m_server->addHandler([png](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isThumbnailRequest(request))
            return std::nullopt;
        FakeVideoServer::Reply reply;
        reply.body = png;
        reply.contentType = "image/png";
        reply.delayMs = 150; // long enough to see how many are asked at once
        return reply;
    });
    const QString folder = m_dir->filePath(u"thumbnails"_s);
    {
        LibraryModel model(m_client.get());
        model.setThumbnailFolder(folder);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setService(endpoint());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 4, 10000);
        for (int row = 0; row < 3; ++row) {
            QTRY_VERIFY_WITH_TIMEOUT(
                !model.index(row, LibraryModel::VideoColumn).data(LibraryModel::ThumbnailPathRole).toString().isEmpty(),
                10000);
            const QString path = model.index(row, 0).data(LibraryModel::ThumbnailPathRole).toString();
            QVERIFY2(QFileInfo(path).isFile() && path.startsWith(folder), qPrintable(path));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), png);
        }
        // Only the video column's thumbnail changed.
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &arguments : std::as_const(changed)) {
            QCOMPARE(arguments.at(0).toModelIndex().column(), int(LibraryModel::VideoColumn));
            QCOMPARE(arguments.at(2).value<QList<int>>(), QList<int>{LibraryModel::ThumbnailPathRole});
        }
        // An unfinished video has no thumbnail to ask for.
        QVERIFY(model.index(3, 0).data(LibraryModel::ThumbnailPathRole).toString().isEmpty());
        QCOMPARE(thumbnailRequests(), 3);
        // Two at a time: the third was asked only after one of the first two was answered.
        QList<qint64> times;
        for (const FakeVideoServer::Request &request : m_server->requests()) {
            if (isThumbnailRequest(request))
                times << request.receivedAtMs;
        }
        QVERIFY2(times.at(2) - times.at(0) >= 100, qPrintable(u"%1 %2 %3"_s.arg(times[0]).arg(times[1]).arg(times[2])));
        QTRY_COMPARE(model.thumbnails()->runningCount(), 0);
    }

    // The next time the library opens: the cache, and no request.
    m_server->clearRequests();
    LibraryModel again(m_client.get());
    again.setThumbnailFolder(folder);
    again.setService(endpoint());
    QTRY_COMPARE_WITH_TIMEOUT(again.rowCount(), 4, 10000);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!again.index(row, 0).data(LibraryModel::ThumbnailPathRole).toString().isEmpty());
    QCOMPARE(again.thumbnails()->runningCount(), 0);
    QCOMPARE(thumbnailRequests(), 0);
}

void TstLibraryThumbnails::serviceWithoutThumbnailsIsNotAskedForAll()
{
    QStringList completed;
    for (int i = 0; i < 12; ++i)
        completed << u"video_%1"_s.arg(i);
    serveList(completed, {});
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (!isThumbnailRequest(request))
            return std::nullopt;
        return FakeVideoServer::Reply::json(
            QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Invalid URL (GET /v1/videos/x/content)"_s}}}}, 404);
    });
    LibraryModel model(m_client.get());
    model.setThumbnailFolder(m_dir->filePath(u"thumbnails"_s));
    model.setService(endpoint());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 12, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(model.thumbnails()->serviceHasNone(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(model.thumbnails()->runningCount(), 0, 10000);
    // Only those already under way when the first 404 came (at most two), never twelve.
    QVERIFY2(thumbnailRequests() <= LibraryThumbnails::MaxInFlight, qPrintable(QString::number(thumbnailRequests())));
    for (int row = 0; row < 12; ++row)
        QVERIFY(model.index(row, 0).data(LibraryModel::ThumbnailPathRole).toString().isEmpty());
    // Reloading asks again only if the service changes; the same service stays marked.
    model.thumbnails()->request(u"video_0"_s);
    QCOMPARE(model.thumbnails()->runningCount(), 0);
}

QTEST_MAIN(TstLibraryThumbnails)
#include "tst_librarythumbnails.moc"
