#include "history/jobstore.h"
#include "testhelpers.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThreadPool>
#include <QtTest>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString ServiceBase = u"https://relay.example.com/v1"_s;

QDateTime at(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

RemixJob makeJob(int n, JobState state)
{
    RemixJob job;
    job.localId = u"local-%1"_s.arg(n, 5, 10, QChar(u'0'));
    job.sourceVideoId = u"video_%1"_s.arg(n);
    job.prompt = u"让这个视频背景变成紫色 #%1 — “quoted” 'single'"_s.arg(n);
    job.state = state;
    job.submittedAt = at(1700000000000 + n * 1000);
    job.updatedAt = at(1700000000500 + n * 1000);
    switch (state) {
    case JobState::Submitting:
    case JobState::SubmitFailed:
        break;
    case JobState::Completed:
        job.completedAt = at(1700000009999 + n * 1000);
        job.progress = 100;
        job.resultVideoId = u"video_result_%1"_s.arg(n);
        job.rawStatus = u"completed"_s;
        break;
    default:
        job.resultVideoId = u"video_result_%1"_s.arg(n);
        job.progress = state == JobState::InProgress ? 42 : 0;
        job.rawStatus = JobStates::storageKey(state);
        break;
    }
    return job;
}

ApiError fullError()
{
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 429;
    error.code = u"rate_limit_exceeded"_s;
    error.type = u"requests"_s;
    error.param = u"prompt"_s;
    error.message = u"Too many requests, slow down"_s;
    error.messageZh = u"请求过多，请稍后再试"_s;
    error.requestId = u"req_0123456789abcdef"_s;
    error.retryAfterMs = 2500;
    error.bodySnippet = u"{\"error\":{…}}"_s;
    error.transportDetail = u"Error transferring – server replied: Too Many Requests"_s;
    return error;
}

// QCOMPARE every field; check QTest::currentTestFailed() after calling.
void compareJobs(const RemixJob &actual, const RemixJob &expected)
{
    QCOMPARE(actual.localId, expected.localId);
    QCOMPARE(int(actual.kind), int(expected.kind));
    QCOMPARE(actual.model, expected.model);
    QCOMPARE(actual.seconds, expected.seconds);
    QCOMPARE(actual.size, expected.size);
    QCOMPARE(actual.reference, expected.reference);
    QCOMPARE(actual.sourceVideoId, expected.sourceVideoId);
    QCOMPARE(actual.prompt, expected.prompt);
    QCOMPARE(actual.resultVideoId, expected.resultVideoId);
    QCOMPARE(actual.state, expected.state);
    QCOMPARE(actual.progress, expected.progress);
    QCOMPARE(actual.rawStatus, expected.rawStatus);
    QCOMPARE(actual.retrying, expected.retrying);
    QCOMPARE(actual.pollingStopped, expected.pollingStopped);
    QCOMPARE(actual.pollingStartedAt, expected.pollingStartedAt);
    QCOMPARE(actual.submittedAt, expected.submittedAt);
    QCOMPARE(actual.updatedAt, expected.updatedAt);
    QCOMPARE(actual.completedAt, expected.completedAt);
    QCOMPARE(actual.submittedAt.isValid(), expected.submittedAt.isValid());
    QCOMPARE(actual.completedAt.isValid(), expected.completedAt.isValid());
    QCOMPARE(actual.error.kind, expected.error.kind);
    QCOMPARE(actual.error.httpStatus, expected.error.httpStatus);
    QCOMPARE(actual.error.code, expected.error.code);
    QCOMPARE(actual.error.type, expected.error.type);
    QCOMPARE(actual.error.param, expected.error.param);
    QCOMPARE(actual.error.message, expected.error.message);
    QCOMPARE(actual.error.messageZh, expected.error.messageZh);
    QCOMPARE(actual.error.requestId, expected.error.requestId);
    QCOMPARE(actual.error.retryAfterMs, expected.error.retryAfterMs);
    QCOMPARE(actual.error.bodySnippet, expected.error.bodySnippet);
    QCOMPARE(actual.error.transportDetail, expected.error.transportDetail);
}

// The jobs a "previous run" leaves behind: one of every kind the next run must handle.
QVector<RemixJob> restartFixture()
{
    QVector<RemixJob> jobs;
    jobs.append(makeJob(1, JobState::Completed));
    jobs.append(makeJob(2, JobState::Queued));
    jobs.append(makeJob(3, JobState::InProgress));
    RemixJob failed = makeJob(4, JobState::Failed);
    failed.error = ApiError::fromFailedJob(u"content_policy"_s, u"The prompt was rejected"_s);
    failed.error.messageZh = u"提示词未通过审核"_s;
    jobs.append(failed);
    RemixJob unknown = makeJob(5, JobState::Unknown);
    unknown.rawStatus = u"thinking_hard"_s;
    unknown.retrying = true;
    jobs.append(unknown);
    jobs.append(makeJob(6, JobState::Submitting)); // the previous run died during this POST
    RemixJob stopped = makeJob(7, JobState::InProgress);
    stopped.pollingStopped = true;
    stopped.pollingStartedAt = at(1700000007000);
    jobs.append(stopped);
    return jobs;
}

QByteArray fileContents(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// Runs a statement on the file through a separate connection, outside any JobStore.
QStringList rawQuery(const QString &path, const QString &statement)
{
    QStringList rows;
    const QString name = u"raw-%1"_s.arg(QRandomGenerator::global()->generate());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(statement)) {
                while (query.next())
                    rows.append(query.value(0).toString());
            } else {
                rows.append(u"ERROR: "_s + query.lastError().text());
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

// A line from a child, or an empty array after the timeout.
QByteArray readChildLine(QProcess &child, int timeoutMs = 20000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!child.canReadLine()) {
        if (deadline.hasExpired() || !child.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return child.canReadLine() ? child.readLine().trimmed() : QByteArray();
    }
    return child.readLine().trimmed();
}

void startChild(QProcess &child, const QStringList &arguments)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
}

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void waitForParent()
{
    std::string line;
    std::getline(std::cin, line);
}

// --- Child process modes: the test binary re-runs itself to be "another instance". ---

int childHoldLock(const QString &path)
{
    JobStore store;
    const JobStore::OpenResult result = store.open(path);
    say(result == JobStore::OpenResult::Ok ? "locked" : "failed");
    waitForParent();
    return 0;
}

// Writes jobs forever: each job is inserted queued, then updated to running, then completed,
// one transaction per change; after each commit prints "<n> <step>". The parent kills it.
int childWriter(const QString &path)
{
    JobStore store;
    if (store.open(path) != JobStore::OpenResult::Ok) {
        say("failed");
        return 1;
    }
    int n = int(store.loadAll().size());
    say("ready");
    for (;; ++n) {
        RemixJob job = makeJob(n, JobState::Queued);
        if (!store.save(job, ServiceBase))
            return 2;
        say(QByteArray::number(n) + " 0");
        job.state = JobState::InProgress;
        job.progress = 50;
        if (!store.save(job))
            return 2;
        say(QByteArray::number(n) + " 1");
        job.state = JobState::Completed;
        job.progress = 100;
        job.completedAt = job.updatedAt;
        if (!store.save(job))
            return 2;
        say(QByteArray::number(n) + " 2");
    }
}

int childFill(const QString &path, const QString &mode)
{
    JobStore store;
    if (store.open(path) != JobStore::OpenResult::Ok) {
        say("failed");
        return 1;
    }
    for (const RemixJob &job : restartFixture()) {
        if (!store.save(job, ServiceBase))
            return 2;
    }
    say("filled");
    if (mode == "killed"_L1)
        waitForParent(); // killed here, with the store open
    return 0;
}

} // namespace

Q_DECLARE_METATYPE(RemixJob)

class TstJobStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultPath();
    void newStoreHasCurrentSchema();
    void roundTrip_data();
    void roundTrip();
    void downloadFieldsRoundTrip();
    void migratesVersion1History();
    void migratesVersion2History();
    void migratesVersion3DownloadFailuresToOneErrorForm();
    void orderIsInsertionOrderNewestFirst();
    void updateKeepsPlaceAndServiceBase();
    void removeDeletesOneJob();
    void submittingComesBackNotConfirmed();
    void migratesEmptyVersion0File();
    void migratesHandMadeVersion0();
    void migratesToAFutureVersion();
    void failedMigrationLeavesTheFileAsItWas();
    void newerSchemaIsLeftAlone();
    void lockedBySecondInstance();
    void lockedBySecondProcess_data();
    void lockedBySecondProcess();
    void corruptFileIsKept_data();
    void corruptFileIsKept();
    void integrityCheckedAheadIsUsedOnlyForTheSameFile();
    void foreignDatabaseIsKept();
    void cannotCreate();
    void crashSafetyUnderSigkill();
    void restartInAnotherProcess_data();
    void restartInAnotherProcess();
    void loadAsyncDeliversBatchesNewestFirst();
    void closeDuringLoadIsSafe();
    void saveSoonWritesATurnInOneGo();

private:
    QString dbPath() const { return m_dir->filePath(u"history.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

// saveSoon(): nothing is written until the event loop turns, then every job of that turn in one
// transaction, in the order they came, each as it was given last; remove() and save() take precedence
// over a pending one; close() writes what is pending.
void TstJobStore::saveSoonWritesATurnInOneGo()
{
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        store.saveSoon(makeJob(1, JobState::Queued));
        store.saveSoon(makeJob(2, JobState::Queued));
        RemixJob later = makeJob(1, JobState::InProgress);
        later.progress = 42;
        store.saveSoon(later);
        store.saveSoon(makeJob(3, JobState::Queued));
        store.remove(makeJob(3, JobState::Queued).localId);
        store.saveSoon(makeJob(4, JobState::Queued));
        RemixJob now = makeJob(4, JobState::Completed);
        QVERIFY(store.save(now)); // newer than the pending one: the pending one is dropped
        QCOMPARE(store.loadAll().size(), 1);
        QTRY_COMPARE(store.loadAll().size(), 3);
        const QVector<StoredJob> jobs = store.loadAll(); // newest first: 2, 1 (first saved), 4 (saved at once)
        QCOMPARE(jobs.at(0).job.localId, makeJob(2, JobState::Queued).localId);
        QCOMPARE(jobs.at(1).job.localId, later.localId);
        QCOMPARE(jobs.at(1).job.state, JobState::InProgress);
        QCOMPARE(jobs.at(1).job.progress, 42);
        QCOMPARE(jobs.at(2).job.state, JobState::Completed);
        store.saveSoon(makeJob(5, JobState::Queued));
    } // closed with job 5 pending
    JobStore reopened;
    QCOMPARE(reopened.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(reopened.loadAll().size(), 4);
}

void TstJobStore::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TstJobStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstJobStore::cleanup()
{
    m_dir.reset();
}

void TstJobStore::defaultPath()
{
    const QString path = JobStore::defaultPath();
    QVERIFY(path.endsWith(u"/history.sqlite"_s));
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
    QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
}

void TstJobStore::newStoreHasCurrentSchema()
{
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(store.errorMessage().isEmpty());
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    QCOMPARE(JobStore::currentSchemaVersion(), 5);
    QVERIFY(store.loadAll().isEmpty());
    QVERIFY(QFileInfo::exists(dbPath() + u".lock"_s));
    store.close();
    QVERIFY(!QFileInfo::exists(dbPath() + u".lock"_s));

    QCOMPARE(rawQuery(dbPath(), u"PRAGMA journal_mode"_s), QStringList{u"wal"_s});
    // The API key has no place in the history.
    const QStringList columns = rawQuery(dbPath(), u"SELECT name FROM pragma_table_info('jobs')"_s);
    QVERIFY(columns.contains(u"service_base"_s));
    for (const QString &column : columns)
        QVERIFY2(!column.contains(u"key"_s) && !column.contains(u"auth"_s), qPrintable(column));
}

void TstJobStore::roundTrip_data()
{
    QTest::addColumn<RemixJob>("job");

    const JobState states[] = {JobState::SubmitFailed, JobState::NotConfirmed, JobState::Queued,
                               JobState::InProgress,   JobState::Completed,    JobState::Failed,
                               JobState::Cancelled,    JobState::Expired,      JobState::Unknown};
    int n = 0;
    for (JobState state : states)
        QTest::addRow("%s", qPrintable(JobStates::storageKey(state))) << makeJob(++n, state);

    RemixJob withError = makeJob(++n, JobState::Failed);
    withError.error = fullError();
    withError.retrying = true;
    withError.pollingStopped = true;
    withError.pollingStartedAt = at(1700000001234);
    QTest::newRow("every error field, message_zh") << withError;

    RemixJob empty;
    empty.localId = u"bare"_s;
    empty.state = JobState::SubmitFailed;
    QTest::newRow("no times, empty strings") << empty;

    RemixJob transport = makeJob(++n, JobState::NotConfirmed);
    transport.error = ApiError::fromNetworkError(QNetworkReply::RemoteHostClosedError, u"Connection closed"_s, false);
    QTest::newRow("transport error") << transport;

    RemixJob odd = makeJob(++n, JobState::Queued);
    odd.prompt = u"line one\nline two\t\"tab\" ; DROP TABLE jobs; -- 😀 中文"_s;
    odd.submittedAt = QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::LocalTime);
    QTest::newRow("odd prompt, local time") << odd;

    RemixJob newVideo = makeJob(++n, JobState::Queued);
    newVideo.kind = JobKind::Create;
    newVideo.sourceVideoId.clear();
    newVideo.prompt = u"一只猫在雨中的东京街头散步"_s;
    newVideo.model = u"sora-2-landscape-15s"_s;
    newVideo.seconds = u"16"_s;
    newVideo.size = u"1280x720"_s;
    newVideo.reference = u"猫.png"_s;
    QTest::newRow("new video") << newVideo;

    RemixJob extension = makeJob(++n, JobState::InProgress);
    extension.kind = JobKind::Extend;
    extension.seconds = u"8"_s;
    QTest::newRow("extension") << extension;
}

void TstJobStore::roundTrip()
{
    QFETCH(RemixJob, job);
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QVERIFY(store.save(job, ServiceBase));
    }
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    const QVector<StoredJob> loaded = store.loadAll();
    QCOMPARE(loaded.size(), 1);
    compareJobs(loaded.first().job, job);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(loaded.first().serviceBase, ServiceBase);
}

void TstJobStore::downloadFieldsRoundTrip()
{
    RemixJob job = makeJob(1, JobState::Completed);
    job.apiBase = QUrl(ServiceBase);
    job.profileId = u"profile-relay"_s;
    job.expiresAt = at(1700000099000);
    job.downloadUrl = QUrl(u"https://cdn.example/v/abc.mp4?sig=1"_s);
    job.downloadState = DownloadState::Downloading;
    job.downloadProgress = 37;
    job.filePath = u"/home/user/Videos/Video Remix/2026-11-24 让这个视频 abc123.mp4"_s;
    job.downloadFailure.kind = DownloadError::DiskFull;
    job.downloadFailure.folder = u"/home/user/Videos/Video Remix"_s;
    job.thumbnailPath = u"/home/user/.cache/thumbnails/video_result_1.webp"_s;
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QVERIFY(store.save(job));
    }
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    const RemixJob loaded = store.loadAll().value(0).job;
    QCOMPARE(loaded.apiBase, job.apiBase);
    QCOMPARE(loaded.profileId, job.profileId);
    QCOMPARE(loaded.expiresAt, job.expiresAt);
    QCOMPARE(loaded.downloadUrl, job.downloadUrl);
    QCOMPARE(loaded.downloadState, DownloadState::Downloading);
    QCOMPARE(loaded.downloadProgress, 37);
    QCOMPARE(loaded.filePath, job.filePath);
    QVERIFY(loaded.downloadFailure == job.downloadFailure);
    // Stored raw, worded when shown: the folder is named in the sentence of the current language.
    QVERIFY(loaded.downloadFailure.message().contains(u"Video Remix"_s));
    QCOMPARE(loaded.thumbnailPath, job.thumbnailPath);
}

void TstJobStore::migratesVersion1History()
{
    // A history written by the first release (schema 1, no download columns), rows as it wrote them.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1-writer"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QVERIFY(JobStore::builtInMigrations().constFirst()(db));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE meta (schema_version INTEGER NOT NULL)"_s));
        QVERIFY(query.exec(u"INSERT INTO meta (schema_version) VALUES (1)"_s));
        QVERIFY(query.exec(u"INSERT INTO jobs (local_id, seq, source_video_id, result_video_id, state, progress, "
                           "service_base) VALUES ('local-00001', 1, 'video_1', 'video_result_1', 'completed', 100, "
                           "'https://relay.example/v1')"_s));
        QVERIFY(query.exec(u"INSERT INTO jobs (local_id, seq, source_video_id, result_video_id, state, progress, "
                           "service_base) VALUES ('local-00002', 2, 'video_2', 'video_result_2', 'in_progress', 42, "
                           "'https://relay.example/v1')"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v1-writer"_s);
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    const QVector<StoredJob> loaded = store.loadAll();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.at(0).job.state, JobState::InProgress);
    QCOMPARE(loaded.at(1).job.resultVideoId, u"video_result_1"_s);
    QCOMPARE(loaded.at(1).job.downloadState, DownloadState::None);
    QCOMPARE(loaded.at(1).job.apiBase, QUrl(u"https://relay.example/v1"_s));
    QVERIFY(store.save(loaded.at(0).job)); // the current save statement fits the migrated table
}

void TstJobStore::migratesVersion2History()
{
    // A history written by the previous release (schema 2, no polling start), rows as it wrote them.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v2-writer"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QVERIFY(JobStore::builtInMigrations().at(0)(db));
        QVERIFY(JobStore::builtInMigrations().at(1)(db));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE meta (schema_version INTEGER NOT NULL)"_s));
        QVERIFY(query.exec(u"INSERT INTO meta (schema_version) VALUES (2)"_s));
        const QString insert =
            u"INSERT INTO jobs (local_id, seq, result_video_id, state, polling_stopped, submitted_at, "
            "service_base, profile_id) VALUES ('%1', %2, 'video_%1', '%3', %4, %5, "
            "'https://relay.example/v1', 'p1')"_s;
        QVERIFY(query.exec(insert.arg(u"running"_s).arg(1).arg(u"in_progress"_s).arg(0).arg(1700000000000)));
        QVERIFY(query.exec(insert.arg(u"waiting"_s).arg(2).arg(u"queued"_s).arg(0).arg(1700000001000)));
        QVERIFY(query.exec(insert.arg(u"stopped"_s).arg(3).arg(u"unknown"_s).arg(1).arg(1700000002000)));
        QVERIFY(query.exec(insert.arg(u"done"_s).arg(4).arg(u"completed"_s).arg(0).arg(1700000003000)));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v2-writer"_s);
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    QHash<QString, RemixJob> byId;
    for (const StoredJob &stored : store.loadAll())
        byId.insert(stored.job.localId, stored.job);
    QCOMPARE(byId.size(), 4);
    // Jobs still being checked keep their time cap from their submission: a restart does not restart it.
    QCOMPARE(byId.value(u"running"_s).pollingStartedAt, at(1700000000000));
    QCOMPARE(byId.value(u"waiting"_s).pollingStartedAt, at(1700000001000));
    QCOMPARE(byId.value(u"stopped"_s).pollingStartedAt, at(1700000002000));
    QVERIFY(byId.value(u"stopped"_s).pollingStopped);
    // A finished job is not polled: nothing to start.
    QVERIFY(!byId.value(u"done"_s).pollingStartedAt.isValid());
    QCOMPARE(byId.value(u"running"_s).profileId, u"p1"_s);
    // The current save statement fits the migrated table, and the new column round-trips.
    RemixJob running = byId.value(u"running"_s);
    running.pollingStartedAt = at(1700000009000);
    QVERIFY(store.save(running));
    QCOMPARE(rawQuery(dbPath(), u"SELECT polling_started_at FROM jobs WHERE local_id = 'running'"_s),
             QStringList{u"1700000009000"_s});
}

void TstJobStore::migratesVersion3DownloadFailuresToOneErrorForm()
{
    // Schema 3 stored a download failure's kinds as enum numbers (the job's error used words already).
    const QString oldHttp = uR"({"kind":4,"folder":"","writeError":"","api":{"kind":1,"httpStatus":403,)"
                            uR"("code":"forbidden","message":"Denied","messageZh":"拒绝","transportDetail":""}})"_s;
    const QString oldDiskFull = uR"({"kind":7,"folder":"/videos","writeError":"No space left on device"})"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v3-writer"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        for (int version = 0; version < 3; ++version)
            QVERIFY(JobStore::builtInMigrations().at(version)(db));
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE meta (schema_version INTEGER NOT NULL)"_s));
        QVERIFY(query.exec(u"INSERT INTO meta (schema_version) VALUES (3)"_s));
        QVERIFY(query.prepare(u"INSERT INTO jobs (local_id, seq, state, submitted_at, download_state, "
                              "download_error) VALUES (?, ?, 'completed', 1700000000000, 'failed', ?)"_s));
        const QList<QPair<QString, QString>> rows{{u"http"_s, oldHttp}, {u"disk"_s, oldDiskFull}};
        int seq = 0;
        for (const auto &[id, text] : rows) {
            query.addBindValue(id);
            query.addBindValue(++seq);
            query.addBindValue(text);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v3-writer"_s);

    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    // The rows now hold the one stored form: words for kinds, ApiError's fields as the job's error has them.
    const QString http = rawQuery(dbPath(), u"SELECT download_error FROM jobs WHERE local_id = 'http'"_s).value(0);
    const QJsonObject httpObject = QJsonDocument::fromJson(http.toUtf8()).object();
    QCOMPARE(httpObject.value(u"kind"_s).toString(), u"http"_s);
    QCOMPARE(httpObject.value(u"api"_s).toObject(),
             ApiError::fromStoredJson(httpObject.value(u"api"_s).toObject()).toStoredJson());
    QCOMPARE(httpObject.value(u"api"_s).toObject().value(u"kind"_s).toString(), u"http"_s);
    const QString disk = rawQuery(dbPath(), u"SELECT download_error FROM jobs WHERE local_id = 'disk'"_s).value(0);
    QCOMPARE(QJsonDocument::fromJson(disk.toUtf8()).object().value(u"kind"_s).toString(), u"disk_full"_s);

    // Nothing was lost on the way.
    QHash<QString, RemixJob> byId;
    for (const StoredJob &stored : store.loadAll())
        byId.insert(stored.job.localId, stored.job);
    const DownloadFailure httpFailure = byId.value(u"http"_s).downloadFailure;
    QCOMPARE(httpFailure.kind, DownloadError::Http);
    QCOMPARE(httpFailure.apiError.kind, ApiError::Kind::Http);
    QCOMPARE(httpFailure.apiError.httpStatus, 403);
    QCOMPARE(httpFailure.apiError.code, u"forbidden"_s);
    QCOMPARE(httpFailure.apiError.message, u"Denied"_s);
    QCOMPARE(httpFailure.apiError.messageZh, u"拒绝"_s);
    const DownloadFailure diskFailure = byId.value(u"disk"_s).downloadFailure;
    QCOMPARE(diskFailure.kind, DownloadError::DiskFull);
    QCOMPARE(diskFailure.folder, u"/videos"_s);
    QCOMPARE(diskFailure.writeError, u"No space left on device"_s);
}

void TstJobStore::orderIsInsertionOrderNewestFirst()
{
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    // Insertion order, not submission time, decides the place.
    for (int n : {5, 1, 9, 3, 7}) {
        RemixJob job = makeJob(n, JobState::Queued);
        QVERIFY(store.save(job));
    }
    store.close();
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QStringList ids;
    for (const StoredJob &stored : store.loadAll())
        ids.append(stored.job.localId);
    QCOMPARE(ids,
             (QStringList{u"local-00007"_s, u"local-00003"_s, u"local-00009"_s, u"local-00001"_s, u"local-00005"_s}));
}

void TstJobStore::updateKeepsPlaceAndServiceBase()
{
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(store.save(makeJob(1, JobState::Submitting), ServiceBase));
    QVERIFY(store.save(makeJob(2, JobState::Submitting), u"https://other.example/v1"_s));
    QVERIFY(store.save(makeJob(3, JobState::Submitting), ServiceBase));

    RemixJob first = makeJob(1, JobState::Completed);
    first.error = fullError();
    QVERIFY(store.save(first)); // no service: keeps the stored one
    RemixJob second = makeJob(2, JobState::InProgress);
    QVERIFY(store.save(second, u"https://moved.example/v1"_s));

    const QVector<StoredJob> loaded = store.loadAll();
    QCOMPARE(loaded.size(), 3);
    QCOMPARE(loaded.at(0).job.localId, u"local-00003"_s);
    QCOMPARE(loaded.at(1).job.localId, u"local-00002"_s);
    QCOMPARE(loaded.at(1).serviceBase, u"https://moved.example/v1"_s);
    QCOMPARE(loaded.at(2).serviceBase, ServiceBase);
    compareJobs(loaded.at(2).job, first);
    if (QTest::currentTestFailed())
        return;
    compareJobs(loaded.at(1).job, second);
}

void TstJobStore::removeDeletesOneJob()
{
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    for (int n = 1; n <= 3; ++n)
        QVERIFY(store.save(makeJob(n, JobState::Completed)));
    QVERIFY(store.remove(u"local-00002"_s));
    QVERIFY(store.remove(u"no-such-job"_s)); // nothing to do is not an error
    QVERIFY(store.save(makeJob(4, JobState::Completed)));
    QStringList ids;
    for (const StoredJob &stored : store.loadAll())
        ids.append(stored.job.localId);
    QCOMPARE(ids, (QStringList{u"local-00004"_s, u"local-00003"_s, u"local-00001"_s}));
}

void TstJobStore::submittingComesBackNotConfirmed()
{
    RemixJob job = makeJob(1, JobState::Submitting);
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QVERIFY(store.save(job, ServiceBase));
        QVERIFY(store.save(makeJob(2, JobState::Queued), ServiceBase));
        // Within the run that owns it, a job being submitted stays Submitting.
        QCOMPARE(store.loadAll().constLast().job.state, JobState::Submitting);
        QCOMPARE(store.recoveredUnconfirmedCount(), 0);
    }
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.recoveredUnconfirmedCount(), 1);
    const QVector<StoredJob> loaded = store.loadAll();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.at(1).job.state, JobState::NotConfirmed);
    QVERIFY(!JobStates::isPollable(loaded.at(1).job.state)); // never re-sent, never polled by itself
    QCOMPARE(loaded.at(1).job.prompt, job.prompt);
    QCOMPARE(loaded.at(0).job.state, JobState::Queued);
}

void TstJobStore::migratesEmptyVersion0File()
{
    // An empty file: what a run that died right after creating it leaves.
    QVERIFY(writeFile(dbPath(), QByteArray()));
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    QVERIFY(store.save(makeJob(1, JobState::Queued)));
    QCOMPARE(store.loadAll().size(), 1);
}

void TstJobStore::migratesHandMadeVersion0()
{
    // A database that has the meta table at version 0 and nothing else (a hand-made "version 0").
    QCOMPARE(rawQuery(dbPath(), u"CREATE TABLE meta (schema_version INTEGER NOT NULL)"_s), QStringList());
    QCOMPARE(rawQuery(dbPath(), u"INSERT INTO meta VALUES (0)"_s), QStringList());
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion());
    QCOMPARE(rawQuery(dbPath(), u"SELECT COUNT(*) FROM meta"_s), QStringList{u"1"_s});
    QVERIFY(store.save(makeJob(1, JobState::Queued)));
}

void TstJobStore::migratesToAFutureVersion()
{
    // Version 1 with jobs, as this build writes it.
    const QVector<RemixJob> jobs = restartFixture();
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        for (const RemixJob &job : jobs)
            QVERIFY(store.save(job, ServiceBase));
    }
    // A future build adds one function: the next version adds a column with a value derived from old rows.
    QVector<JobStore::Migration> migrations = JobStore::builtInMigrations();
    migrations.append([](QSqlDatabase &db) {
        QSqlQuery query(db);
        return query.exec(u"ALTER TABLE jobs ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0"_s)
               && query.exec(u"UPDATE jobs SET favourite = 1 WHERE state = 'completed'"_s);
    });
    JobStore store;
    store.setMigrations(migrations);
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion() + 1);
    const QVector<StoredJob> loaded = store.loadAll();
    QCOMPARE(loaded.size(), jobs.size());
    QCOMPARE(loaded.constLast().job.localId, jobs.constFirst().localId);
    QVERIFY(store.save(makeJob(99, JobState::Queued))); // the save statement still fits the table
    store.close();
    QCOMPARE(rawQuery(dbPath(), u"SELECT local_id FROM jobs WHERE favourite = 1"_s),
             QStringList{jobs.constFirst().localId});

    // Opening again with the same list migrates nothing.
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.schemaVersion(), JobStore::currentSchemaVersion() + 1);
}

void TstJobStore::failedMigrationLeavesTheFileAsItWas()
{
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QVERIFY(store.save(makeJob(1, JobState::Completed)));
    }
    QVector<JobStore::Migration> migrations = JobStore::builtInMigrations();
    migrations.append([](QSqlDatabase &db) {
        QSqlQuery query(db);
        query.exec(u"ALTER TABLE jobs ADD COLUMN half_done INTEGER"_s);
        return query.exec(u"this is not SQL"_s);
    });
    JobStore store;
    store.setMigrations(migrations);
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::UpgradeFailed);
    QVERIFY(!store.errorMessage().isEmpty());
    QVERIFY(!store.isOpen());
    QCOMPARE(rawQuery(dbPath(), u"SELECT schema_version FROM meta"_s),
             QStringList{QString::number(JobStore::currentSchemaVersion())});
    QVERIFY(!rawQuery(dbPath(), u"SELECT name FROM pragma_table_info('jobs')"_s).contains(u"half_done"_s));

    JobStore current;
    QCOMPARE(current.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(current.loadAll().size(), 1);
}

void TstJobStore::newerSchemaIsLeftAlone()
{
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QVERIFY(store.save(makeJob(1, JobState::Submitting)));
    }
    QCOMPARE(rawQuery(dbPath(), u"UPDATE meta SET schema_version = 7"_s), QStringList());
    QCOMPARE(rawQuery(dbPath(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s).size(), 1);
    const QByteArray before = fileContents(dbPath());

    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::NewerSchema);
    QVERIFY(store.errorMessage().contains(u'7'));
    QVERIFY(!store.isOpen());
    QCOMPARE(fileContents(dbPath()), before);
    // Not even the Submitting job was touched.
    QCOMPARE(rawQuery(dbPath(), u"SELECT state FROM jobs"_s), QStringList{u"submitting"_s});
}

void TstJobStore::lockedBySecondInstance()
{
    JobStore first;
    QCOMPARE(first.open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(first.save(makeJob(1, JobState::Queued)));

    JobStore second;
    QCOMPARE(second.open(dbPath()), JobStore::OpenResult::Locked);
    QVERIFY(!second.isOpen());
    QVERIFY(!second.isLockedByAnotherProcess());
    QCOMPARE(second.lockOwnerPid(), QCoreApplication::applicationPid());
    QVERIFY(!second.errorMessage().isEmpty());
    QVERIFY(!second.save(makeJob(2, JobState::Queued)));

    // The refused instance did not disturb the first one.
    QVERIFY(first.save(makeJob(3, JobState::Queued)));
    QCOMPARE(first.loadAll().size(), 2);

    first.close();
    QCOMPARE(second.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(second.loadAll().size(), 2);
}

void TstJobStore::lockedBySecondProcess_data()
{
    QTest::addColumn<bool>("kill");
    QTest::newRow("other instance quits") << false;
    QTest::newRow("other instance is killed") << true;
}

void TstJobStore::lockedBySecondProcess()
{
    QFETCH(bool, kill);
    QProcess child;
    startChild(child, {u"--child-hold-lock"_s, dbPath()});
    QVERIFY(child.waitForStarted());
    QCOMPARE(readChildLine(child), "locked");

    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Locked);
    QVERIFY(store.isLockedByAnotherProcess());
    QCOMPARE(store.lockOwnerPid(), child.processId());
    QVERIFY(store.errorMessage().contains(QString::number(child.processId())));

    if (kill) {
        child.kill();
    } else {
        child.write("\n");
        child.closeWriteChannel();
    }
    QVERIFY(child.waitForFinished());
    // A killed owner leaves its lock file behind; it is stale because the process is gone.
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(!store.isLockedByAnotherProcess());
}

void TstJobStore::corruptFileIsKept_data()
{
    QTest::addColumn<QByteArray>("contents");

    // A real database to damage.
    // _data() runs before init(): a folder of its own.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString goodPath = dir.filePath(u"good.sqlite"_s);
    {
        JobStore store;
        QCOMPARE(store.open(goodPath), JobStore::OpenResult::Ok);
        for (int n = 0; n < 200; ++n)
            QVERIFY(store.save(makeJob(n, JobState::Completed)));
    }
    QCOMPARE(rawQuery(goodPath, u"PRAGMA wal_checkpoint(TRUNCATE)"_s).size(), 1);
    const QByteArray good = fileContents(goodPath);
    QVERIFY(good.size() > 8192);

    QByteArray random(4096 * 4, Qt::Uninitialized);
    QRandomGenerator generator(42);
    generator.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    QByteArray garbageAfterHeader = random;
    garbageAfterHeader.replace(0, 100, good.left(100));
    QByteArray garbageSchema = good;
    garbageSchema.replace(100, 3000, random.left(3000));

    QTest::newRow("random bytes") << random;
    QTest::newRow("text file") << QByteArray("history of my jobs\nnot a database\n");
    QTest::newRow("truncated header") << good.left(50);
    QTest::newRow("valid header, random pages") << garbageAfterHeader;
    QTest::newRow("damaged schema page") << garbageSchema;
    QTest::newRow("truncated to half") << good.left(good.size() / 2);
}

void TstJobStore::corruptFileIsKept()
{
    QFETCH(QByteArray, contents);
    QVERIFY(writeFile(dbPath(), contents));

    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Corrupt);
    QVERIFY(!store.isOpen());
    QVERIFY(!store.errorMessage().isEmpty());
    QVERIFY(!store.save(makeJob(1, JobState::Queued)));
    QCOMPARE(fileContents(dbPath()), contents);
    QVERIFY(!QFileInfo::exists(dbPath() + u"-wal"_s));

    // The lock is still held until the user decides: nobody else can start over the file meanwhile.
    JobStore other;
    QCOMPARE(other.open(dbPath()), JobStore::OpenResult::Locked);

    // The user agreed: the file is kept under a new name and a new history starts.
    QVERIFY(store.moveAsideCorrupt());
    const QString aside = store.movedAsidePath();
    QVERIFY(aside.startsWith(dbPath() + u".corrupt-"_s));
    QCOMPARE(fileContents(aside), contents);
    QVERIFY(!QFileInfo::exists(dbPath()));
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(store.loadAll().isEmpty());
    QCOMPARE(fileContents(aside), contents);
}

// main() checks the history's integrity on a pool thread while the window's first frame is drawn;
// open() takes that verdict only if the file is as it was when the check began. A file damaged in
// between (here: cut in half, which only the integrity check notices; the schema page is intact) is
// checked again and found damaged, never opened on the strength of the earlier "ok".
void TstJobStore::integrityCheckedAheadIsUsedOnlyForTheSameFile()
{
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        for (int n = 0; n < 200; ++n)
            QVERIFY(store.save(makeJob(n, JobState::Completed)));
    }
    QCOMPARE(rawQuery(dbPath(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s).size(), 1);
    const QByteArray good = fileContents(dbPath());

    // Checked ahead, unchanged: opens, and every job is there.
    JobStore::checkIntegrityAhead(dbPath());
    {
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        QCOMPARE(store.loadAll().size(), 200);
    }
    QCOMPARE(rawQuery(dbPath(), u"PRAGMA wal_checkpoint(TRUNCATE)"_s).size(), 1);

    // Checked ahead (and done: the check runs on the global pool), then damaged: checked again. The
    // damage (garbage over the last pages, same size) is one that only the integrity check notices.
    JobStore::checkIntegrityAhead(dbPath());
    QThreadPool::globalInstance()->waitForDone();
    QByteArray damaged = fileContents(dbPath());
    QCOMPARE(damaged.size(), good.size());
    for (qsizetype i = damaged.size() - 8192; i < damaged.size(); ++i)
        damaged[i] = char(0xA5 ^ (i & 0xff));
    QVERIFY(writeFile(dbPath(), damaged));
    {
        // Written a second later, as a change by anyone would be seen.
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(1), QFileDevice::FileModificationTime));
    }
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Corrupt);
    QCOMPARE(fileContents(dbPath()), damaged);

    // A file that does not exist is not checked; opening it makes a new history.
    const QString fresh = m_dir->filePath(u"new.sqlite"_s);
    JobStore::checkIntegrityAhead(fresh);
    JobStore other;
    QCOMPARE(other.open(fresh), JobStore::OpenResult::Ok);
}

void TstJobStore::foreignDatabaseIsKept()
{
    QCOMPARE(rawQuery(dbPath(), u"CREATE TABLE photos (id INTEGER)"_s), QStringList());
    const QByteArray before = fileContents(dbPath());
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Corrupt);
    QCOMPARE(fileContents(dbPath()), before);
    QVERIFY(store.moveAsideCorrupt());
    QCOMPARE(fileContents(store.movedAsidePath()), before);
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
}

void TstJobStore::cannotCreate()
{
    // The folder cannot be made: a file is in the way.
    QVERIFY(writeFile(m_dir->filePath(u"plainfile"_s), "x"));
    JobStore store;
    QCOMPARE(store.open(m_dir->filePath(u"plainfile/history.sqlite"_s)), JobStore::OpenResult::CannotCreate);
    QVERIFY(!store.errorMessage().isEmpty());
    // The path is a folder.
    QVERIFY(QDir(m_dir->path()).mkdir(u"folder.sqlite"_s));
    QCOMPARE(store.open(m_dir->filePath(u"folder.sqlite"_s)), JobStore::OpenResult::CannotCreate);
    QVERIFY(!store.moveAsideCorrupt());
}

void TstJobStore::crashSafetyUnderSigkill()
{
    // The state of every job as found after the previous kill: later runs must not lose or change it.
    QVector<JobState> before;
    for (int round = 0; round < 8; ++round) {
        QProcess child;
        startChild(child, {u"--child-writer"_s, dbPath()});
        QVERIFY(child.waitForStarted());
        QCOMPARE(readChildLine(child), "ready");
        // Kill at a different moment each round: after a varying number of commits.
        const int commitsBeforeKill = 20 + round * 37;
        int job = -1;
        int step = -1;
        for (int i = 0; i < commitsBeforeKill; ++i) {
            const QList<QByteArray> parts = readChildLine(child).split(' ');
            QCOMPARE(parts.size(), 2);
            job = parts.at(0).toInt();
            step = parts.at(1).toInt();
        }
        child.kill(); // SIGKILL, mid-write most of the time
        QVERIFY(child.waitForFinished());
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // The child runs ahead of our reading: its last complete line is its last report. It may
        // have committed one more change without reporting it.
        while (child.canReadLine()) {
            const QList<QByteArray> parts = child.readLine().trimmed().split(' ');
            QCOMPARE(parts.size(), 2);
            job = parts.at(0).toInt();
            step = parts.at(1).toInt();
        }

        QCOMPARE(rawQuery(dbPath(), u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
        JobStore store;
        QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
        const QVector<StoredJob> loaded = store.loadAll();
        // Every job reported committed is there, in order, at least as far as reported.
        QVERIFY2(loaded.size() > job, qPrintable(u"%1 jobs, last reported %2"_s.arg(loaded.size()).arg(job)));
        QVERIFY(loaded.size() <= job + 2); // at most one unreported insert
        QVector<JobState> now;
        for (int i = 0; i < loaded.size(); ++i) {
            const StoredJob &stored = loaded.at(loaded.size() - 1 - i);
            QCOMPARE(stored.job.localId, makeJob(i, JobState::Queued).localId);
            QCOMPARE(stored.job.prompt, makeJob(i, JobState::Queued).prompt);
            QCOMPARE(stored.serviceBase, ServiceBase);
            const JobState state = stored.job.state;
            now.append(state);
            if (i < before.size()) {
                QCOMPARE(state, before.at(i)); // from an earlier run: untouched since
            } else if (i < job) {
                QCOMPARE(state, JobState::Completed); // finished in this run
            } else if (i == job) {
                const JobState reported[] = {JobState::Queued, JobState::InProgress, JobState::Completed};
                QVERIFY(int(state) >= int(reported[step]));
            } else {
                QCOMPARE(state, JobState::Queued); // inserted, unreported
            }
        }
        QVERIFY(now.size() > before.size());
        before = now;
    }
}

void TstJobStore::restartInAnotherProcess_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("previous run quit") << u"quit"_s;
    QTest::newRow("previous run was killed") << u"killed"_s;
}

void TstJobStore::restartInAnotherProcess()
{
    QFETCH(QString, mode);
    QProcess child;
    startChild(child, {u"--child-fill"_s, dbPath(), mode});
    QVERIFY(child.waitForStarted());
    QCOMPARE(readChildLine(child), "filled");
    if (mode == "killed"_L1)
        child.kill();
    QVERIFY(child.waitForFinished());

    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    QCOMPARE(store.recoveredUnconfirmedCount(), 1);
    const QVector<StoredJob> loaded = store.loadAll();
    const QVector<RemixJob> expected = restartFixture();
    QCOMPARE(loaded.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        RemixJob want = expected.at(expected.size() - 1 - i);
        if (want.state == JobState::Submitting)
            want.state = JobState::NotConfirmed;
        compareJobs(loaded.at(i).job, want);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(loaded.at(i).serviceBase, ServiceBase);
        // What the lead needs to resume polling: a server id for every pollable job.
        if (JobStates::isPollable(loaded.at(i).job.state))
            QVERIFY(!loaded.at(i).job.resultVideoId.isEmpty());
    }
}

void TstJobStore::loadAsyncDeliversBatchesNewestFirst()
{
    JobStore store;
    QCOMPARE(store.open(dbPath()), JobStore::OpenResult::Ok);
    constexpr int Count = 1234;
    for (int n = 0; n < Count; ++n)
        QVERIFY(store.save(makeJob(n, n % 3 ? JobState::Completed : JobState::Queued), ServiceBase));

    QStringList ids;
    int batches = 0;
    int batchSize = 100;
    connect(&store, &JobStore::jobsLoaded, this, [&](const QVector<StoredJob> &batch) {
        ++batches;
        QVERIFY(batch.size() <= batchSize);
        for (const StoredJob &stored : batch)
            ids.append(stored.job.localId);
    });
    QSignalSpy finished(&store, &JobStore::loadFinished);
    QVERIFY(store.loadAsync(100));
    QVERIFY(store.isLoading());
    QVERIFY(!store.loadAsync(100)); // one at a time
    // Saving while the worker reads: allowed, and not delivered (the caller has that job already).
    QVERIFY(store.save(makeJob(Count, JobState::Submitting)));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(finished.at(0).at(1).toInt(), Count);
    QVERIFY(!store.isLoading());
    QCOMPARE(batches, 13);
    QCOMPARE(ids.size(), Count);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(ids.at(i), makeJob(Count - 1 - i, JobState::Queued).localId);

    // A second load after the first works too, and includes the job saved meanwhile.
    ids.clear();
    batchSize = 500;
    QVERIFY(store.loadAsync(batchSize));
    QVERIFY(finished.wait(20000));
    QCOMPARE(ids.size(), Count + 1);
}

void TstJobStore::closeDuringLoadIsSafe()
{
    auto store = std::make_unique<JobStore>();
    QCOMPARE(store->open(dbPath()), JobStore::OpenResult::Ok);
    for (int n = 0; n < 2000; ++n)
        QVERIFY(store->save(makeJob(n, JobState::Completed)));
    int delivered = 0;
    connect(store.get(), &JobStore::jobsLoaded, this,
            [&delivered](const QVector<StoredJob> &batch) { delivered += int(batch.size()); });
    QSignalSpy finished(store.get(), &JobStore::loadFinished);
    // The loader says when it has queued batches; this thread has not run its event loop, so they are
    // all still waiting in the queue when close() comes.
    QSemaphore queued;
    store->setBatchQueuedHook([&queued] { queued.release(); });
    QVERIFY(store->loadAsync(10));
    QVERIFY(queued.tryAcquire(3, 20000));
    store->close();
    QVERIFY(!store->isLoading());
    QCOMPARE(delivered, 0); // sampled before any event was processed
    // Now the queued batches come up: none of them may reach the (closed) store's listeners.
    QSignalSpy loaded(store.get(), &JobStore::jobsLoaded);
    QVERIFY(!loaded.wait(200));
    QCOMPARE(delivered, 0);
    QCOMPARE(finished.size(), 0);

    // Destroying the store during a load is fine as well.
    queued.acquire(queued.available());
    QCOMPARE(store->open(dbPath()), JobStore::OpenResult::Ok);
    QVERIFY(store->loadAsync(10));
    QVERIFY(queued.tryAcquire(1, 20000));
    store.reset();
    QCoreApplication::processEvents();
    QCOMPARE(delivered, 0);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() >= 3) {
        const QString mode = arguments.at(1);
        const QString path = arguments.at(2);
        if (mode == "--child-hold-lock"_L1)
            return childHoldLock(path);
        if (mode == "--child-writer"_L1)
            return childWriter(path);
        if (mode == "--child-fill"_L1)
            return childFill(path, arguments.value(3));
    }
    TstJobStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_jobstore.moc"
