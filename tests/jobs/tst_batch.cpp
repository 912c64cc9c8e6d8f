#include "api/apiclient.h"
#include "api/apiurl.h"
#include "fakevideoserver.h"
#include "jobs/batch.h"
#include "jobs/joblist.h"
#include "testhelpers.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

using Reply = FakeVideoServer::Reply;

// Batches: reading CSV files and lists, and sending many paid jobs without ever sending one twice.
class TstBatch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }

    void csvWithQuotesBomChineseAndABadRow();
    void createCsvChecksEveryColumn();
    void perLineAndVersions();
    void fiftyJobsWithThrottlingADropAndARestart();

private:
    struct Service
    {
        std::unique_ptr<ApiClient> client;
        std::unique_ptr<JobList> jobs;
        std::unique_ptr<JobController> controller;
        std::unique_ptr<BatchRunner> runner;
    };
    // One "run of the app": its own client, job list, controller and runner.
    Service startApp(const QString &storagePath) const;
    ServiceEndpoint endpoint() const
    {
        return ServiceEndpoint{ApiUrl::normalizeBase(m_server->rootUrl().toString() + u"/v1"_s), u"sk-test"_s};
    }

    std::unique_ptr<FakeVideoServer> m_server;
};

TstBatch::Service TstBatch::startApp(const QString &storagePath) const
{
    Service app;
    app.client = std::make_unique<ApiClient>();
    app.client->setTimeoutMs(3000);
    app.jobs = std::make_unique<JobList>();
    app.controller = std::make_unique<JobController>(app.client.get(), app.jobs.get());
    PollSettings poll;
    poll.intervalMs = 50;
    poll.maxPollsPerSecondPerService = 1000;
    app.controller->setPollSettings(poll);
    app.runner = std::make_unique<BatchRunner>(app.controller.get(), app.jobs.get());
    BatchRunner::Pacing pacing;
    pacing.maxInFlight = 3;
    pacing.minSpacingMs = 5;
    pacing.backoffBaseMs = 20;
    app.runner->setPacing(pacing);
    app.runner->setStoragePath(storagePath);
    return app;
}

void TstBatch::csvWithQuotesBomChineseAndABadRow()
{
    const QByteArray csv = "\xEF\xBB\xBF"
                           "source_id,prompt\r\n"
                           "video_1,\"让背景变成紫色, 并且加上雪\"\r\n"
                           "\r\n"
                           "  video_2 , make it \"night\"\r\n"
                           "video_3,\"a prompt over\ntwo lines with \"\"quotes\"\"\"\n"
                           "https://sora.chatgpt.com/g/gen_01abc,share links are no ids\n"
                           "video_5\n"
                           "video_6,   \n"
                           "video_7,最后一行";
    const BatchFile::Parsed parsed = BatchFile::parseRemixCsv(csv);
    QCOMPARE(parsed.entries.size(), 4);
    QCOMPARE(parsed.entries.at(0).request.sourceVideoId, u"video_1"_s);
    QCOMPARE(parsed.entries.at(0).request.prompt, u"让背景变成紫色, 并且加上雪"_s);
    QCOMPARE(parsed.entries.at(0).line, 2);
    QCOMPARE(parsed.entries.at(1).request.sourceVideoId, u"video_2"_s);
    QCOMPARE(parsed.entries.at(1).request.prompt, u"make it \"night\""_s);
    QCOMPARE(parsed.entries.at(2).request.prompt, u"a prompt over\ntwo lines with \"quotes\""_s);
    QCOMPARE(parsed.entries.at(2).line, 5);
    QCOMPARE(parsed.entries.at(3).request.prompt, u"最后一行"_s);
    QCOMPARE(parsed.entries.at(3).line, 10);
    // Bad rows by line number, in words: the share link, the row without a prompt, the empty prompt.
    QCOMPARE(parsed.problems.size(), 3);
    QCOMPARE(parsed.problems.at(0).line, 7);
    QCOMPARE(parsed.problems.at(1).line, 8);
    QCOMPARE(parsed.problems.at(2).line, 9);
    for (const BatchProblem &problem : parsed.problems)
        QVERIFY(!problem.message.isEmpty());

    // Tab-separated works the same.
    const BatchFile::Parsed tsv = BatchFile::parseRemixCsv("video_a\tone, with comma\nvideo_b\ttwo\n");
    QCOMPARE(tsv.entries.size(), 2);
    QCOMPARE(tsv.entries.at(0).request.prompt, u"one, with comma"_s);
}

void TstBatch::createCsvChecksEveryColumn()
{
    const QByteArray csv = "prompt,model,seconds,size,image\n"
                           "一只猫,sora-2,8,720x1280,https://img.example/cat.png\n"
                           "a dog,,,,\n"
                           "bad length,sora-2,eight,,\n"
                           "bad size,sora-2,4,big,\n"
                           "local image,sora-2,4,,/home/me/cat.png\n"
                           "next to the file,sora-2,4,,frames/狗.JPG\n"
                           "not an image,sora-2,4,,notes.txt\n";
    const BatchFile::Parsed parsed = BatchFile::parseCreateCsv(csv, u"/data/batch"_s);
    QCOMPARE(parsed.entries.size(), 4);
    const CreateVideoSpec first = parsed.entries.at(0).request.create;
    QCOMPARE(first.prompt, u"一只猫"_s);
    QCOMPARE(first.seconds, u"8"_s);
    QCOMPARE(first.reference.url, QUrl(u"https://img.example/cat.png"_s));
    QCOMPARE(parsed.entries.at(1).request.create.model, QString());
    // Images on this computer: read when each job is sent (off the GUI thread), a relative path from the
    // CSV file's folder; nothing is read while parsing.
    QCOMPARE(parsed.entries.at(2).request.create.reference.sourcePath, u"/home/me/cat.png"_s);
    QVERIFY(parsed.entries.at(2).request.create.reference.needsReading());
    QCOMPARE(parsed.entries.at(3).request.create.reference.sourcePath, u"/data/batch/frames/狗.JPG"_s);
    QCOMPARE(parsed.problems.size(), 3);
    QCOMPARE(parsed.problems.at(0).line, 4);
    QVERIFY(parsed.problems.at(0).message.contains(u"eight"_s));
    QCOMPARE(parsed.problems.at(1).line, 5);
    QCOMPARE(parsed.problems.at(2).line, 8);
    QVERIFY(parsed.problems.at(2).message.contains(u"notes.txt"_s));
    // Without the file's folder (text typed into the dialog), a relative path cannot be placed.
    const BatchFile::Parsed typed = BatchFile::parseCreateCsv("p,,,,frames/a.png\n");
    QCOMPARE(typed.entries.size(), 0);
    QCOMPARE(typed.problems.size(), 1);
}

void TstBatch::perLineAndVersions()
{
    const BatchFile::Parsed lines = BatchFile::remixPerLine(u"video_x"_s, u"purple\n\n  snow  \r\n"_s);
    QCOMPARE(lines.entries.size(), 2);
    QCOMPARE(lines.entries.at(1).request.prompt, u"snow"_s);
    QCOMPARE(BatchFile::versions(JobRequest::remix(u"video_x"_s, u"p"_s), 5).size(), 5);
}

void TstBatch::fiftyJobsWithThrottlingADropAndARestart()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    // Every third POST is refused with 429 (nothing made); the 10th POST is made but its answer is lost.
    int posts = 0;
    QHash<QString, int> made; // prompt -> videos the service made for it
    m_server->addHandler([&](const FakeVideoServer::Request &request) -> std::optional<Reply> {
        if (request.method != "POST")
            return std::nullopt;
        ++posts;
        const QString prompt = QJsonDocument::fromJson(request.body).object().value(u"prompt"_s).toString();
        if (posts % 3 == 0)
            return Reply::json(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Too many requests"_s}}}}, 429);
        made[prompt] += 1;
        if (posts == 10) {
            Reply drop;
            drop.reset = true;
            return drop;
        }
        return std::nullopt; // the fake makes the video
    });
    QVector<BatchEntry> entries;
    for (int i = 1; i <= 50; ++i)
        entries.append({i, JobRequest::remix(u"video_source"_s, u"item %1"_s.arg(i))});

    QTemporaryDir dir;
    const QString storage = dir.filePath(u"batch.json"_s);
    {
        Service first = startApp(storage);
        first.runner->start(entries, endpoint());
        // Quit in the middle.
        QTRY_VERIFY_WITH_TIMEOUT(first.runner->countOf(BatchRunner::ItemStatus::Sent) >= 20, 10000);
        // Pause, let the POSTs under way answer, and quit. (A POST cut off by quitting could have
        // arrived or not: it would count as not confirmed, and this test counts exactly one such.)
        first.runner->pause();
        QTRY_COMPARE(first.runner->countOf(BatchRunner::ItemStatus::Sending), 0);
    }
    const int madeBeforeRestart = int(made.size());
    QVERIFY(madeBeforeRestart < 50);

    Service second = startApp(storage);
    QVERIFY(second.runner->restore([this](const QString &) { return endpoint(); }));
    QVERIFY(second.runner->isPaused());
    QSignalSpy finished(second.runner.get(), &BatchRunner::finished);
    second.runner->resume();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);

    // Every item was made exactly once; the dropped one is "not confirmed" and was never sent again.
    QCOMPARE(made.size(), 50);
    for (auto it = made.cbegin(); it != made.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    QCOMPARE(second.runner->countOf(BatchRunner::ItemStatus::NotConfirmed), 1);
    QCOMPARE(second.runner->countOf(BatchRunner::ItemStatus::Sent), 49);
    QCOMPARE(second.runner->countOf(BatchRunner::ItemStatus::Waiting), 0);
    const auto dropped =
        std::find_if(second.runner->items().cbegin(), second.runner->items().cend(), [](const BatchRunner::Item &item) {
            return item.status == BatchRunner::ItemStatus::NotConfirmed;
        });
    QVERIFY(made.contains(dropped->entry.request.prompt));
    // Throttled attempts left no rows behind.
    QVERIFY(posts > 50);
}

QTEST_GUILESS_MAIN(TstBatch)
#include "tst_batch.moc"
