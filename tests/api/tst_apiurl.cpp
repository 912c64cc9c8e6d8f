#include "api/apiurl.h"

#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstApiUrl final : public QObject
{
    Q_OBJECT

private slots:
    // One meaning of "the same service" for key scope, proxy routes, caches and polling ceilings.
    void originMakesDefaultPortsExplicit()
    {
        QCOMPARE(ApiUrl::origin(QUrl(u"HTTPS://Relay.Example/v1"_s)), u"https://relay.example:443"_s);
        QCOMPARE(ApiUrl::origin(QUrl(u"http://relay.example/v1"_s)), u"http://relay.example:80"_s);
        QCOMPARE(ApiUrl::origin(QUrl(u"https://relay.example:443/v1"_s)),
                 ApiUrl::origin(QUrl(u"https://relay.example/other"_s)));
        QVERIFY(ApiUrl::origin(QUrl(u"http://relay.example:8080"_s))
                != ApiUrl::origin(QUrl(u"http://relay.example"_s)));
        QVERIFY(ApiUrl::origin(QUrl(u"https://relay.example"_s)) != ApiUrl::origin(QUrl(u"http://relay.example"_s)));
        QCOMPARE(ApiUrl::origin(QUrl()), QString());
        QCOMPARE(ApiUrl::effectivePort(QUrl(u"https://a.example"_s)), 443);
    }

    void normalizeBase_data();
    void normalizeBase();
    void invalidBase_data();
    void invalidBase();
    void requestUrls_data();
    void requestUrls();
    void contentVariant();
    void encodedIdSurvivesRoundTrip_data();
    void encodedIdSurvivesRoundTrip();
    void emptyIdGivesInvalidUrl();
    void insecureRemote_data();
    void insecureRemote();
};

void TstApiUrl::normalizeBase_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const QString v1 = u"https://api.example.com/v1"_s;
    QTest::newRow("host only") << u"https://api.example.com"_s << v1;
    QTest::newRow("trailing slash") << u"https://api.example.com/"_s << v1;
    QTest::newRow("with v1") << u"https://api.example.com/v1"_s << v1;
    QTest::newRow("with v1/") << u"https://api.example.com/v1/"_s << v1;
    QTest::newRow("double slashes") << u"https://api.example.com//v1//"_s << v1;
    QTest::newRow("upper-case scheme and host") << u"HTTPS://API.Example.COM/v1"_s << v1;
    QTest::newRow("spaces around") << u"  https://api.example.com/v1 \n"_s << v1;
    QTest::newRow("quoted") << u"\"https://api.example.com/v1\""_s << v1;
    QTest::newRow("bare host") << u"api.example.com"_s << v1;
    QTest::newRow("bare host/v1") << u"api.example.com/v1/"_s << v1;
    QTest::newRow("bare host:port") << u"api.example.com:8443"_s << u"https://api.example.com:8443/v1"_s;
    QTest::newRow("bare localhost") << u"localhost:8080"_s << u"http://localhost:8080/v1"_s;
    QTest::newRow("bare 127.0.0.1") << u"127.0.0.1:3000/v1"_s << u"http://127.0.0.1:3000/v1"_s;
    QTest::newRow("http kept") << u"http://192.168.1.5:3000"_s << u"http://192.168.1.5:3000/v1"_s;
    QTest::newRow("openai/v1") << u"https://api.example.com/openai/v1"_s << u"https://api.example.com/openai/v1"_s;
    QTest::newRow("openai without version")
        << u"https://api.example.com/openai"_s << u"https://api.example.com/openai/v1"_s;
    QTest::newRow("openai/ without version")
        << u"https://api.example.com/openai/"_s << u"https://api.example.com/openai/v1"_s;
    QTest::newRow("other version kept") << u"https://api.example.com/api/v3"_s << u"https://api.example.com/api/v3"_s;
    QTest::newRow("pasted remix endpoint") << u"https://api.example.com/v1/videos/abc/remix"_s << v1;
    QTest::newRow("pasted video endpoint") << u"https://api.example.com/v1/videos/video_123"_s << v1;
    QTest::newRow("pasted videos without v1") << u"https://api.example.com/videos"_s << v1;
    QTest::newRow("pasted chat endpoint") << u"https://api.example.com/v1/chat/completions"_s << v1;
    QTest::newRow("query and fragment dropped") << u"https://api.example.com/v1?key=x#top"_s << v1;
    QTest::newRow("user info dropped") << u"https://user:pw@api.example.com/v1"_s << v1;
    // Found by fuzz_apiurl: quotes left at the end of the path once the query or the endpoint is cut off.
    QTest::newRow("quote before a dropped query") << u"https://api.example.com/v1'?key=x"_s << v1;
    QTest::newRow("quotes before a dropped endpoint")
        << u"https://api.example.com/v1/openai''/chat/completions"_s << u"https://api.example.com/v1/openai"_s;
    QTest::newRow("quoted endpoint segment")
        << u"https://api.example.com/openai/chat'/x"_s << u"https://api.example.com/openai/v1"_s;
}

void TstApiUrl::normalizeBase()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QUrl base = ApiUrl::normalizeBase(input);
    QVERIFY2(base.isValid(), qPrintable(input));
    QCOMPARE(base.toString(QUrl::FullyEncoded), expected);
    // What the settings dialog shows normalizes to itself.
    QCOMPARE(ApiUrl::normalizeBase(base.toString()), base);
}

void TstApiUrl::invalidBase_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces only") << u"   \t\n"_s;
    QTest::newRow("ftp") << u"ftp://api.example.com/v1"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("space in host") << u"https://api example.com/v1"_s;
    QTest::newRow("scheme only") << u"https://"_s;
    QTest::newRow("bad port") << u"https://api.example.com:port/v1"_s;
}

void TstApiUrl::invalidBase()
{
    QFETCH(QString, input);
    QVERIFY(!ApiUrl::normalizeBase(input).isValid());
}

void TstApiUrl::requestUrls_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("remix");
    QTest::addColumn<QString>("video");
    QTest::addColumn<QString>("content");

    const QString hex = u"video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5"_s;
    QTest::newRow("openai hex id, host form")
        << u"https://api.example.com"_s << hex << u"https://api.example.com/v1/videos/"_s + hex + u"/remix"_s
        << u"https://api.example.com/v1/videos/"_s + hex
        << u"https://api.example.com/v1/videos/"_s + hex + u"/content"_s;
    QTest::newRow("uuid id, /v1/ form")
        << u"https://relay.example.cn/v1/"_s << u"video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90"_s
        << u"https://relay.example.cn/v1/videos/video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90/remix"_s
        << u"https://relay.example.cn/v1/videos/video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90"_s
        << u"https://relay.example.cn/v1/videos/video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90/content"_s;
    QTest::newRow("task id, openai/v1 form") << u"https://host.example/openai/v1"_s << u"task_01k6x9abc"_s
                                             << u"https://host.example/openai/v1/videos/task_01k6x9abc/remix"_s
                                             << u"https://host.example/openai/v1/videos/task_01k6x9abc"_s
                                             << u"https://host.example/openai/v1/videos/task_01k6x9abc/content"_s;
    QTest::newRow("model:task id, bare host")
        << u"host.example"_s << u"sora-2:task_01k6"_s << u"https://host.example/v1/videos/sora-2%3Atask_01k6/remix"_s
        << u"https://host.example/v1/videos/sora-2%3Atask_01k6"_s
        << u"https://host.example/v1/videos/sora-2%3Atask_01k6/content"_s;
    QTest::newRow("id:provider, localhost")
        << u"localhost:8080"_s << u"abc123:openai"_s << u"http://localhost:8080/v1/videos/abc123%3Aopenai/remix"_s
        << u"http://localhost:8080/v1/videos/abc123%3Aopenai"_s
        << u"http://localhost:8080/v1/videos/abc123%3Aopenai/content"_s;
    QTest::newRow("base64 with / + =") << u"https://api.example.com/v1"_s << u"dmlk/ZW8+X2lk=="_s
                                       << u"https://api.example.com/v1/videos/dmlk%2FZW8%2BX2lk%3D%3D/remix"_s
                                       << u"https://api.example.com/v1/videos/dmlk%2FZW8%2BX2lk%3D%3D"_s
                                       << u"https://api.example.com/v1/videos/dmlk%2FZW8%2BX2lk%3D%3D/content"_s;
    QTest::newRow("percent sign and space")
        << u"https://api.example.com/v1"_s << u"a%b c"_s << u"https://api.example.com/v1/videos/a%25b%20c/remix"_s
        << u"https://api.example.com/v1/videos/a%25b%20c"_s << u"https://api.example.com/v1/videos/a%25b%20c/content"_s;
    QTest::newRow("pasted endpoint as base")
        << u"https://api.example.com/v1/videos/old/remix"_s << u"video_1"_s
        << u"https://api.example.com/v1/videos/video_1/remix"_s << u"https://api.example.com/v1/videos/video_1"_s
        << u"https://api.example.com/v1/videos/video_1/content"_s;
}

void TstApiUrl::requestUrls()
{
    QFETCH(QString, base);
    QFETCH(QString, id);
    QFETCH(QString, remix);
    QFETCH(QString, video);
    QFETCH(QString, content);

    const QUrl normalized = ApiUrl::normalizeBase(base);
    QVERIFY(normalized.isValid());
    QCOMPARE(ApiUrl::remixUrl(normalized, id).toString(QUrl::FullyEncoded), remix);
    QCOMPARE(ApiUrl::videoUrl(normalized, id).toString(QUrl::FullyEncoded), video);
    QCOMPARE(ApiUrl::contentUrl(normalized, id).toString(QUrl::FullyEncoded), content);
    // What QNetworkRequest sends on the wire.
    QCOMPARE(QString::fromLatin1(ApiUrl::remixUrl(normalized, id).toEncoded()), remix);
}

void TstApiUrl::contentVariant()
{
    const QUrl base = ApiUrl::normalizeBase(u"https://api.example.com"_s);
    QCOMPARE(ApiUrl::contentUrl(base, u"video_1"_s, u"thumbnail"_s).toString(QUrl::FullyEncoded),
             u"https://api.example.com/v1/videos/video_1/content?variant=thumbnail"_s);
    QCOMPARE(ApiUrl::contentUrl(base, u"a/b"_s, u"video"_s).toString(QUrl::FullyEncoded),
             u"https://api.example.com/v1/videos/a%2Fb/content?variant=video"_s);
}

void TstApiUrl::encodedIdSurvivesRoundTrip_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("slash") << u"a/b/c"_s;
    QTest::newRow("base64") << u"dmlk/ZW8+X2lk=="_s;
    QTest::newRow("colon") << u"sora-2:task_1"_s;
    QTest::newRow("unicode") << u"视频_1"_s;
}

void TstApiUrl::encodedIdSurvivesRoundTrip()
{
    QFETCH(QString, id);
    const QUrl url = ApiUrl::videoUrl(ApiUrl::normalizeBase(u"https://api.example.com"_s), id);
    // Parsing the URL again (as a server would) gives the id back as exactly one segment.
    const QUrl reparsed = QUrl::fromEncoded(url.toEncoded(), QUrl::StrictMode);
    const QStringList segments = reparsed.path(QUrl::FullyEncoded).split(u'/', Qt::SkipEmptyParts);
    QCOMPARE(segments.size(), 3);
    QCOMPARE(segments.at(1), u"videos"_s);
    QCOMPARE(QUrl::fromPercentEncoding(segments.at(2).toUtf8()), id);
}

void TstApiUrl::emptyIdGivesInvalidUrl()
{
    const QUrl base = ApiUrl::normalizeBase(u"https://api.example.com"_s);
    QVERIFY(!ApiUrl::remixUrl(base, QString()).isValid());
    QVERIFY(!ApiUrl::videoUrl(base, QString()).isValid());
    QVERIFY(!ApiUrl::remixUrl(QUrl(), u"video_1"_s).isValid());
    // "." and ".." would become path steps ("%2E" is decoded by QUrl): refused, not sent elsewhere.
    QVERIFY(!ApiUrl::remixUrl(base, u".."_s).isValid());
    QVERIFY(!ApiUrl::videoUrl(base, u"."_s).isValid());
    QVERIFY(ApiUrl::videoUrl(base, u"..."_s).isValid());
}

void TstApiUrl::insecureRemote_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("insecure");
    QTest::newRow("https remote") << u"https://api.example.com/v1"_s << false;
    QTest::newRow("http remote") << u"http://api.example.com/v1"_s << true;
    QTest::newRow("http LAN") << u"http://192.168.1.5:3000/v1"_s << true;
    QTest::newRow("HTTP upper-case") << u"HTTP://api.example.com/v1"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:8080/v1"_s << false;
    QTest::newRow("http LOCALHOST") << u"http://LOCALHOST:8080/v1"_s << false;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080/v1"_s << false;
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3/v1"_s << false;
    QTest::newRow("http ::1") << u"http://[::1]:8080/v1"_s << false;
    QTest::newRow("http 127 lookalike host") << u"http://127.0.0.1.evil.example/v1"_s << true;
}

void TstApiUrl::insecureRemote()
{
    QFETCH(QString, url);
    QFETCH(bool, insecure);
    QCOMPARE(ApiUrl::isInsecureRemote(QUrl(url)), insecure);
}

QTEST_GUILESS_MAIN(TstApiUrl)
#include "tst_apiurl.moc"
