// The key in every form a relay can echo it in is masked; ordinary text, short strings and bytes that
// hold no key stay exactly as they were.
#include "api/apierror.h"
#include "api/secretmask.h"

#include <QUrl>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString Key = u"sk-proj-AbC123/xyz+QQ=="_s;
}

class TstSecretMask final : public QObject
{
    Q_OBJECT

private slots:
    void masksEveryForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("as sent") << u"无效的令牌：Bearer "_s + Key;
        QTest::newRow("percent-encoded") << u"GET /v1?key="_s + QString::fromLatin1(QUrl::toPercentEncoding(Key));
        QTest::newRow("percent-encoded, lower case")
            << u"token="_s + QString::fromLatin1(QUrl::toPercentEncoding(Key)).toLower();
        QTest::newRow("JSON with escaped slash") << u"{\"message\":\"bad "_s + QString(Key).replace(u'/', u"\\/"_s);
        QTest::newRow("twice") << Key + u" and again "_s + Key;
    }

    void masksEveryForm()
    {
        QFETCH(QString, text);
        const QString masked = SecretMask::mask(text, Key);
        for (const QString &form : SecretMask::formsOf(Key))
            QVERIFY2(!masked.contains(form), qPrintable(masked));
        QVERIFY2(masked.contains(SecretMask::Mask), qPrintable(masked));
    }

    // Keys this process never held, in the shapes relays echo them.
    void masksTokenShapes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bearer") << u"invalid Bearer abc123def456ghi"_s << u"invalid Bearer ***"_s;
        QTest::newRow("sk key") << u"key sk-live0123456789abcdef rejected"_s << u"key sk-*** rejected"_s;
        QTest::newRow("prose stays") << u"Bearer token required"_s << u"Bearer token required"_s;
        QTest::newRow("short sk stays") << u"task sk-1 done"_s << u"task sk-1 done"_s;
        QTest::newRow("plain text stays") << u"让这个视频背景变成紫色"_s << u"让这个视频背景变成紫色"_s;
    }

    void masksTokenShapes()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SecretMask::mask(text, QString()), expected);
    }

    void shortSecretsAreNotMasked()
    {
        // A one-letter "key" would turn every "a" into "***".
        QCOMPARE(SecretMask::mask(u"a banana"_s, u"a"_s), u"a banana"_s);
        QVERIFY(SecretMask::formsOf(u"abc"_s).isEmpty());
    }

    void bytesWithoutKeyStayByteForByte()
    {
        const QByteArray notUtf8("\xff\xfe video bytes \x00\x01", 18);
        QCOMPARE(SecretMask::mask(notUtf8, Key), notUtf8);
        QCOMPARE(SecretMask::mask(QByteArray("error " + Key.toUtf8()), Key), QByteArray("error ***"));
    }

    void everyFieldOfAnError()
    {
        ApiError error;
        error.kind = ApiError::Kind::Http;
        error.code = Key;
        error.type = Key;
        error.param = Key;
        error.message = u"bad "_s + Key;
        error.messageZh = u"令牌 "_s + Key;
        error.requestId = Key;
        error.bodySnippet = Key;
        error.transportDetail = Key;
        SecretMask::mask(error, Key);
        for (const QString &field : {error.code, error.type, error.param, error.message, error.messageZh,
                                     error.requestId, error.bodySnippet, error.transportDetail})
            QVERIFY2(!field.contains(Key), qPrintable(field));
        QVERIFY(!error.userMessage(ApiOperation::Download).contains(Key));
        QVERIFY(!error.technicalDetail().contains(Key));
    }

    // Keys of every profile are known; text from anywhere is scrubbed against all of them.
    void knownSecretsScrubAnyProfilesKey()
    {
        const QString other = u"relay-key-0000-1111-2222"_s;
        KnownSecrets::add(other);
        QCOMPARE(KnownSecrets::scrub(u"echo relay-key-0000-1111-2222 end"_s), u"echo *** end"_s);
        KnownSecrets::remove(other);
        QCOMPARE(KnownSecrets::scrub(u"echo relay-key-0000-1111-2222 end"_s), u"echo relay-key-0000-1111-2222 end"_s);
    }
};

QTEST_GUILESS_MAIN(TstSecretMask)
#include "tst_secretmask.moc"
