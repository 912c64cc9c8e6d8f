#include "api/videoinfo.h"
#include "jobs/jobstate.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QDateTime utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}
} // namespace

class TstVideoInfo final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusWords_data();
    void statusWords();
    void stateProperties_data();
    void stateProperties();
    void storageKeysRoundTrip();
    void displayNames_data();
    void displayNames();
    void progress_data();
    void progress();
    void timestamps_data();
    void timestamps();
    void fullOpenAiObject();
    void relayObjects_data();
    void relayObjects();
    void nullsAndMissingFields();
    void errors_data();
    void errors();
    void downloadUrl_data();
    void downloadUrl();
};

void TstVideoInfo::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TstVideoInfo::statusWords_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<JobState>("state");

    const QList<QPair<QStringList, JobState>> groups = {
        {{u"queued"_s, u"pending"_s, u"submitted"_s, u"not_start"_s, u"notstarted"_s, u"preparing"_s, u"created"_s,
          u"starting"_s, u"unknown"_s},
         JobState::Queued},
        {{u"in_progress"_s, u"processing"_s, u"running"_s, u"generating"_s}, JobState::InProgress},
        {{u"completed"_s, u"complete"_s, u"success"_s, u"succeeded"_s, u"finished"_s}, JobState::Completed},
        {{u"failed"_s, u"failure"_s, u"fail"_s, u"error"_s}, JobState::Failed},
        {{u"cancelled"_s, u"canceled"_s}, JobState::Cancelled},
        {{u"expired"_s}, JobState::Expired},
    };
    // Every word of the field guide, in lower, UPPER and Title case.
    for (const auto &[words, state] : groups) {
        for (const QString &word : words) {
            const QString title = word.left(1).toUpper() + word.mid(1);
            for (const QString &form : {word, word.toUpper(), title})
                QTest::addRow("%s", qPrintable(form)) << form << state;
        }
    }
    QTest::newRow("in progress with space") << u"in progress"_s << JobState::InProgress;
    QTest::newRow("in-progress with dash") << u"In-Progress"_s << JobState::InProgress;
    QTest::newRow("padded") << u"  completed \n"_s << JobState::Completed;
    QTest::newRow("empty") << QString() << JobState::Unknown;
    QTest::newRow("new word") << u"rendering_upscale"_s << JobState::Unknown;
    QTest::newRow("almost a word") << u"complet"_s << JobState::Unknown;
}

void TstVideoInfo::statusWords()
{
    QFETCH(QString, status);
    QFETCH(JobState, state);
    QCOMPARE(JobStates::fromServerStatus(status), state);
    // The same through a video object, which keeps the raw word.
    const VideoInfo info = VideoInfo::fromJson(QJsonObject{{u"id"_s, u"video_1"_s}, {u"status"_s, status}});
    QCOMPARE(info.state, state);
    QCOMPARE(info.rawStatus, status);
}

void TstVideoInfo::stateProperties_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<bool>("pollable");
    QTest::addColumn<bool>("final");
    QTest::addColumn<StateCategory>("category");

    QTest::newRow("Submitting") << JobState::Submitting << false << false << StateCategory::Waiting;
    QTest::newRow("NotConfirmed") << JobState::NotConfirmed << false << true << StateCategory::Waiting;
    QTest::newRow("SubmitFailed") << JobState::SubmitFailed << false << true << StateCategory::Failed;
    QTest::newRow("Queued") << JobState::Queued << true << false << StateCategory::Waiting;
    QTest::newRow("InProgress") << JobState::InProgress << true << false << StateCategory::Running;
    QTest::newRow("Completed") << JobState::Completed << false << true << StateCategory::Done;
    QTest::newRow("Failed") << JobState::Failed << false << true << StateCategory::Failed;
    QTest::newRow("Cancelled") << JobState::Cancelled << false << true << StateCategory::Failed;
    QTest::newRow("Expired") << JobState::Expired << false << true << StateCategory::Failed;
    QTest::newRow("Unknown") << JobState::Unknown << true << false << StateCategory::Waiting;
}

void TstVideoInfo::stateProperties()
{
    QFETCH(JobState, state);
    QFETCH(bool, pollable);
    QFETCH(bool, final);
    QFETCH(StateCategory, category);
    QCOMPARE(JobStates::isPollable(state), pollable);
    QCOMPARE(JobStates::isFinal(state), final);
    QCOMPARE(JobStates::category(state), category);
}

void TstVideoInfo::storageKeysRoundTrip()
{
    const QList<JobState> all = {
        JobState::Submitting, JobState::NotConfirmed, JobState::SubmitFailed, JobState::Queued,  JobState::InProgress,
        JobState::Completed,  JobState::Failed,       JobState::Cancelled,    JobState::Expired, JobState::Unknown};
    QSet<QString> keys;
    for (const JobState state : all) {
        const QString key = JobStates::storageKey(state);
        QVERIFY(!key.isEmpty());
        keys.insert(key);
        QCOMPARE(JobStates::fromStorageKey(key), state);
    }
    QCOMPARE(keys.size(), all.size());
    // Stable words on disk: changing one breaks saved job lists.
    QCOMPARE(JobStates::storageKey(JobState::InProgress), u"in_progress"_s);
    QCOMPARE(JobStates::storageKey(JobState::NotConfirmed), u"not_confirmed"_s);
    QCOMPARE(JobStates::fromStorageKey(u"garbage"_s), JobState::Unknown);
}

void TstVideoInfo::displayNames_data()
{
    QTest::addColumn<JobState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("Submitting") << JobState::Submitting << u"Submitting…"_s;
    QTest::newRow("NotConfirmed") << JobState::NotConfirmed << u"Not confirmed"_s;
    QTest::newRow("SubmitFailed") << JobState::SubmitFailed << u"Not sent"_s;
    QTest::newRow("Queued") << JobState::Queued << u"Queued"_s;
    QTest::newRow("InProgress") << JobState::InProgress << u"In progress"_s;
    QTest::newRow("Completed") << JobState::Completed << u"Completed"_s;
    QTest::newRow("Failed") << JobState::Failed << u"Failed"_s;
    QTest::newRow("Cancelled") << JobState::Cancelled << u"Cancelled"_s;
    QTest::newRow("Expired") << JobState::Expired << u"Expired"_s;
    QTest::newRow("Unknown") << JobState::Unknown << u"Unknown status"_s;
}

void TstVideoInfo::displayNames()
{
    QFETCH(JobState, state);
    QFETCH(QString, name);
    QCOMPARE(JobStates::displayName(state), name);
}

void TstVideoInfo::progress_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("expected"); // -1: no progress

    QTest::newRow("int") << QJsonValue(42) << 42;
    QTest::newRow("zero") << QJsonValue(0) << 0;
    QTest::newRow("hundred") << QJsonValue(100) << 100;
    QTest::newRow("fraction") << QJsonValue(42.7) << 42;
    QTest::newRow("string") << QJsonValue(u"42"_s) << 42;
    QTest::newRow("percent") << QJsonValue(u"42%"_s) << 42;
    QTest::newRow("spaced percent") << QJsonValue(u" 42 % "_s) << 42;
    QTest::newRow("100%") << QJsonValue(u"100%"_s) << 100;
    QTest::newRow("decimal percent") << QJsonValue(u"99.9%"_s) << 99;
    QTest::newRow("over 100") << QJsonValue(150) << 100;
    QTest::newRow("over 100 string") << QJsonValue(u"250%"_s) << 100;
    QTest::newRow("negative") << QJsonValue(-5) << 0;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << -1;
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << -1;
    QTest::newRow("bool") << QJsonValue(true) << -1;
    QTest::newRow("empty string") << QJsonValue(QString()) << -1;
    QTest::newRow("word") << QJsonValue(u"half"_s) << -1;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"value"_s, 3}}) << -1;
}

void TstVideoInfo::progress()
{
    QFETCH(QJsonValue, value);
    QFETCH(int, expected);
    const std::optional<int> parsed = VideoFields::parseProgress(value);
    QCOMPARE(parsed.value_or(-1), expected);

    QJsonObject object{{u"id"_s, u"video_1"_s}};
    if (!value.isUndefined())
        object.insert(u"progress"_s, value);
    QCOMPARE(VideoInfo::fromJson(object).progress.value_or(-1), expected);
}

void TstVideoInfo::timestamps_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("seconds") << QJsonValue(1759680000) << utc(1759680000);
    QTest::newRow("seconds as double") << QJsonValue(1759680000.0) << utc(1759680000);
    QTest::newRow("seconds as string") << QJsonValue(u"1759680000"_s) << utc(1759680000);
    QTest::newRow("milliseconds") << QJsonValue(1759680000123.0)
                                  << QDateTime::fromMSecsSinceEpoch(1759680000123, Qt::UTC);
    QTest::newRow("iso") << QJsonValue(u"2025-10-05T16:00:00Z"_s) << utc(1759680000);
    QTest::newRow("iso with offset") << QJsonValue(u"2025-10-06T00:00:00+08:00"_s) << utc(1759680000);
    QTest::newRow("zero means unset") << QJsonValue(0) << QDateTime();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QDateTime();
    QTest::newRow("garbage") << QJsonValue(u"yesterday"_s) << QDateTime();
    // Found by fuzz_videoinfo: casting these to qint64 was undefined behaviour.
    QTest::newRow("far beyond the year 9999") << QJsonValue(1e30) << QDateTime();
    QTest::newRow("beyond qint64 as string") << QJsonValue(u"1e300"_s) << QDateTime();
    QTest::newRow("last millisecond of 9999")
        << QJsonValue(253402300799999.0) << QDateTime::fromMSecsSinceEpoch(253402300799999, Qt::UTC);
}

void TstVideoInfo::timestamps()
{
    QFETCH(QJsonValue, value);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = VideoFields::parseTimestamp(value);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TstVideoInfo::fullOpenAiObject()
{
    const VideoInfo info = VideoInfo::fromJson(parse(R"({
        "id": "video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5",
        "object": "video",
        "model": "sora-2",
        "status": "completed",
        "progress": 100,
        "created_at": 1759680000,
        "completed_at": 1759680120,
        "expires_at": 1759683720,
        "size": "1280x720",
        "seconds": "8",
        "prompt": "Make it snow",
        "remixed_from_video_id": "video_source",
        "error": null,
        "quality": "standard"
    })"));
    QVERIFY(info.isValid());
    QCOMPARE(info.id, u"video_68d7512d07848190b3e45da0ecbebcde004da08e1e0678d5"_s);
    QCOMPARE(info.object, u"video"_s);
    QCOMPARE(info.model, u"sora-2"_s);
    QCOMPARE(info.rawStatus, u"completed"_s);
    QCOMPARE(info.state, JobState::Completed);
    QCOMPARE(info.progress, std::optional<int>(100));
    QCOMPARE(info.createdAt, utc(1759680000));
    QCOMPARE(info.completedAt, utc(1759680120));
    QCOMPARE(info.expiresAt, utc(1759683720));
    QCOMPARE(info.size, u"1280x720"_s);
    QCOMPARE(info.seconds, u"8"_s);
    QCOMPARE(info.prompt, u"Make it snow"_s);
    QCOMPARE(info.remixedFromVideoId, u"video_source"_s);
    QVERIFY(info.errorCode.isEmpty());
    QVERIFY(info.errorMessage.isEmpty());
    QVERIFY(info.downloadUrl.isEmpty());
}

void TstVideoInfo::relayObjects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("object");
    QTest::addColumn<JobState>("state");
    QTest::addColumn<int>("progress");
    QTest::addColumn<QString>("seconds");
    QTest::addColumn<QDateTime>("created");

    QTest::newRow("remix task object") << QByteArray(R"({"id":"video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90",
        "object":"video.remix.task","status":"QUEUED","progress":"0%","created":1759680000,"seconds":15})")
                                       << u"video_0b8e5f6a-4c2d-4e7b-9a31-2f6d8c1e7a90"_s << u"video.remix.task"_s
                                       << JobState::Queued << 0 << u"15"_s << utc(1759680000);
    QTest::newRow("generation object") << QByteArray(R"({"id":"task_01","object":"video.generation",
        "status":"processing","progress":"37%","created_at":"1759680000","seconds":"12"})")
                                       << u"task_01"_s << u"video.generation"_s << JobState::InProgress << 37 << u"12"_s
                                       << utc(1759680000);
    QTest::newRow("new-api nested data") << QByteArray(R"({"code":"success","message":"","data":{
        "task_id":"task_99","status":"SUCCESS","progress":"100%","created_at":1759680000}})")
                                         << u"task_99"_s << QString() << JobState::Completed << 100 << QString()
                                         << utc(1759680000);
    QTest::newRow("nested data with id") << QByteArray(R"({"code":0,"data":{"id":"sora-2:task_5",
        "object":"video","status":"in_progress","progress":55}})")
                                         << u"sora-2:task_5"_s << u"video"_s << JobState::InProgress << 55 << QString()
                                         << QDateTime();
    QTest::newRow("top level wins over data")
        << QByteArray(R"({"id":"video_top","status":"queued",
        "data":{"id":"video_inner","status":"completed"}})")
        << u"video_top"_s << QString() << JobState::Queued << -1 << QString() << QDateTime();
    QTest::newRow("unknown status kept raw") << QByteArray(R"({"id":"video_2","status":"Upscaling"})") << u"video_2"_s
                                             << QString() << JobState::Unknown << -1 << QString() << QDateTime();
}

void TstVideoInfo::relayObjects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, id);
    QFETCH(QString, object);
    QFETCH(JobState, state);
    QFETCH(int, progress);
    QFETCH(QString, seconds);
    QFETCH(QDateTime, created);

    const VideoInfo info = VideoInfo::fromJson(parse(json));
    QCOMPARE(info.id, id);
    QCOMPARE(info.object, object);
    QCOMPARE(info.state, state);
    QCOMPARE(info.progress.value_or(-1), progress);
    QCOMPARE(info.seconds, seconds);
    QCOMPARE(info.createdAt.isValid(), created.isValid());
    if (created.isValid())
        QCOMPARE(info.createdAt, created);
}

void TstVideoInfo::nullsAndMissingFields()
{
    const VideoInfo allNull = VideoInfo::fromJson(parse(R"({"id":null,"object":null,"model":null,"status":null,
        "progress":null,"created_at":null,"completed_at":null,"expires_at":null,"size":null,"seconds":null,
        "prompt":null,"remixed_from_video_id":null,"error":null,"video_url":null,"metadata":null})"));
    QVERIFY(!allNull.isValid());
    QCOMPARE(allNull.state, JobState::Unknown);
    QVERIFY(!allNull.progress.has_value());
    QVERIFY(!allNull.createdAt.isValid());
    QVERIFY(allNull.errorMessage.isEmpty());
    QVERIFY(allNull.downloadUrl.isEmpty());

    const VideoInfo empty = VideoInfo::fromJson(QJsonObject());
    QVERIFY(!empty.isValid());
    QCOMPARE(empty.state, JobState::Unknown);

    const VideoInfo onlyId = VideoInfo::fromJson(parse(R"({"id":"video_x","usage":{"seconds":8},"detail":[1,2]})"));
    QVERIFY(onlyId.isValid());
    QCOMPARE(onlyId.id, u"video_x"_s);
    QVERIFY(onlyId.rawStatus.isEmpty());
    QCOMPARE(onlyId.state, JobState::Unknown);
}

void TstVideoInfo::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<JobState>("state");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    QTest::newRow("openai error object") << QByteArray(
        R"({"id":"video_1","status":"failed","error":{"code":"moderation_blocked",
            "message":"Your request was blocked by our moderation system."}})")
                                         << JobState::Failed << u"moderation_blocked"_s
                                         << u"Your request was blocked by our moderation system."_s;
    QTest::newRow("numeric code") << QByteArray(R"({"id":"video_1","status":"FAILURE","error":{"code":500,
            "message":"upstream error"}})")
                                  << JobState::Failed << u"500"_s << u"upstream error"_s;
    QTest::newRow("plain string error") << QByteArray(
        R"({"id":"video_1","status":"error","error":"content policy violation"})")
                                        << JobState::Failed << QString() << u"content policy violation"_s;
    QTest::newRow("new-api fail_reason") << QByteArray(
        R"({"code":"success","data":{"task_id":"task_1","status":"FAILURE","fail_reason":"超时"}})")
                                         << JobState::Failed << QString() << u"超时"_s;
    QTest::newRow("error with null fields")
        << QByteArray(R"({"id":"video_1","status":"failed","error":{"code":null,"message":null}})") << JobState::Failed
        << QString() << QString();
}

void TstVideoInfo::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(JobState, state);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const VideoInfo info = VideoInfo::fromJson(parse(json));
    QCOMPARE(info.state, state);
    QCOMPARE(info.errorCode, code);
    QCOMPARE(info.errorMessage, message);
}

void TstVideoInfo::downloadUrl_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("url");

    QTest::newRow("video_url") << QByteArray(R"({"id":"v","video_url":"https://cdn.example.com/a.mp4"})")
                               << u"https://cdn.example.com/a.mp4"_s;
    QTest::newRow("url") << QByteArray(R"({"id":"v","url":"https://cdn.example.com/b.mp4?sig=1"})")
                         << u"https://cdn.example.com/b.mp4?sig=1"_s;
    QTest::newRow("metadata.url") << QByteArray(R"({"id":"v","metadata":{"url":"https://cdn.example.com/c.mp4"}})")
                                  << u"https://cdn.example.com/c.mp4"_s;
    QTest::newRow("video_url before url")
        << QByteArray(R"({"id":"v","url":"https://x.example/u.mp4","video_url":"https://x.example/v.mp4"})")
        << u"https://x.example/v.mp4"_s;
    QTest::newRow("empty video_url falls back")
        << QByteArray(R"({"id":"v","video_url":"","metadata":{"url":"https://x.example/m.mp4"}})")
        << u"https://x.example/m.mp4"_s;
    QTest::newRow("not http") << QByteArray(R"j({"id":"v","url":"javascript:alert(1)"})j") << QString();
    QTest::newRow("relative path") << QByteArray(R"({"id":"v","url":"/files/a.mp4"})") << QString();
    QTest::newRow("none") << QByteArray(R"({"id":"v"})") << QString();
}

void TstVideoInfo::downloadUrl()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, url);
    const VideoInfo info = VideoInfo::fromJson(parse(json));
    QCOMPARE(info.downloadUrl.toString(QUrl::FullyEncoded), url);
}

QTEST_GUILESS_MAIN(TstVideoInfo)
#include "tst_videoinfo.moc"
