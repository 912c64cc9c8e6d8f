#include "api/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// JsonFields::text is the one reader of text fields in what services send (ids, statuses, codes,
// messages, seconds): relays send the same field as a string or as a number.
class TstJsonFields : public QObject
{
    Q_OBJECT

private slots:
    void text_data();
    void text();
};

void TstJsonFields::text_data()
{
    QTest::addColumn<QByteArray>("json"); // {"v": <json>}
    QTest::addColumn<QString>("expected");
    QTest::newRow("string") << R"("video_123")"_ba << u"video_123"_s;
    QTest::newRow("chinese string") << R"("内容违规")"_ba << u"内容违规"_s;
    QTest::newRow("empty string") << R"("")"_ba << QString();
    QTest::newRow("whole number") << "8"_ba << u"8"_s;
    QTest::newRow("whole number written with .0") << "12.0"_ba << u"12"_s;
    QTest::newRow("negative") << "-429"_ba << u"-429"_s;
    QTest::newRow("long numeric id") << "1234567890123"_ba << u"1234567890123"_s;
    QTest::newRow("beyond 1e15 still an id") << "12345678901234567"_ba << u"12345678901234568"_s;
    QTest::newRow("fraction") << "1.5"_ba << u"1.5"_s;
    QTest::newRow("huge") << "1e300"_ba << u"1.0000000000000001e+300"_s;
    QTest::newRow("null") << "null"_ba << QString();
    QTest::newRow("bool") << "true"_ba << QString();
    QTest::newRow("object") << R"({"id":"x"})"_ba << QString();
    QTest::newRow("array") << R"(["x"])"_ba << QString();
}

void TstJsonFields::text()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QJsonDocument document = QJsonDocument::fromJson("{\"v\": " + json + "}");
    QVERIFY(document.isObject());
    QCOMPARE(JsonFields::text(document.object().value(u"v"_s)), expected);
    // A missing field reads as empty too.
    QCOMPARE(JsonFields::text(document.object().value(u"missing"_s)), QString());
}

QTEST_GUILESS_MAIN(TstJsonFields)
#include "tst_jsonfields.moc"
