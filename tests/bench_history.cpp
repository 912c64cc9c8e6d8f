// Figures for the job history: how long 10,000 jobs take to write and to load, against an empty
// store, and whether the GUI thread stays responsive while they load. Built, not run by ctest:
//   build/tests/bench_history [job count]
// Prints "name: value" lines, e.g. "history_load_10000_ms: 37.2".

#include "history/jobstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void print(const QString &name, double value, int decimals = 1)
{
    std::printf("%s: %.*f\n", qPrintable(name), decimals, value);
    std::fflush(stdout);
}

// Peak resident set size of this process, from /proc/self/status (0 where there is none).
qint64 peakRssKb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    // readAll(): atEnd() is true at once on /proc files (they report size 0).
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified().split(' ').value(0).toLongLong();
    }
    return 0;
}

// A realistic row: Chinese prompt of typical length, ids, times, and an error on some.
RemixJob makeJob(int n)
{
    RemixJob job;
    job.localId = u"6f1c2a3e-0000-4000-8000-%1"_s.arg(n, 12, 10, QChar(u'0'));
    job.sourceVideoId = u"video_68d7512d07848190b3e45da0ecbebcde%1"_s.arg(n);
    job.prompt = u"把这个视频的背景换成夕阳下的海边，镜头缓慢推进，保持人物动作不变，色调偏暖 #%1"_s.arg(n);
    job.resultVideoId = u"video_68d7512d07848190b3e45da0ecbeffff%1"_s.arg(n);
    job.submittedAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + qint64(n) * 60000, Qt::UTC);
    job.updatedAt = job.submittedAt.addSecs(90);
    switch (n % 10) {
    case 0:
        job.state = JobState::Failed;
        job.error = ApiError::fromFailedJob(u"content_policy_violation"_s, u"The prompt was rejected."_s);
        job.error.messageZh = u"提示词未通过内容审核。"_s;
        break;
    case 1:
        job.state = JobState::Queued;
        break;
    case 2:
        job.state = JobState::InProgress;
        job.progress = 37;
        break;
    default:
        job.state = JobState::Completed;
        job.progress = 100;
        job.completedAt = job.updatedAt;
        break;
    }
    job.rawStatus = JobStates::storageKey(job.state);
    return job;
}

struct LoadFigures
{
    double openMs = 0;
    double syncLoadMs = 0;
    double asyncStartMs = 0; // the loadAsync() call itself, on the GUI thread
    double asyncFirstBatchMs = 0;
    double asyncTotalMs = 0;
    double longestStallMs = 0; // the longest the GUI thread's event loop was kept busy during loadAsync()
    int count = 0;
};

LoadFigures measureLoad(const QString &path)
{
    LoadFigures figures;
    JobStore store;
    QElapsedTimer timer;
    timer.start();
    if (store.open(path) != JobStore::OpenResult::Ok) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(store.errorMessage()));
        std::exit(1);
    }
    figures.openMs = msSince(timer);

    timer.restart();
    figures.count = int(store.loadAll().size());
    figures.syncLoadMs = msSince(timer);

    // The start-up path: loadAsync() while the event loop runs. A 0 ms timer stands for the
    // window's events; the largest gap between its ticks is how long the GUI thread was blocked.
    QEventLoop loop;
    QElapsedTimer gap;
    QTimer heartbeat;
    heartbeat.setInterval(0);
    QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
        figures.longestStallMs = qMax(figures.longestStallMs, msSince(gap));
        gap.restart();
    });
    bool first = true;
    QObject::connect(&store, &JobStore::jobsLoaded, &loop, [&](const QVector<StoredJob> &) {
        if (first)
            figures.asyncFirstBatchMs = msSince(timer);
        first = false;
    });
    QObject::connect(&store, &JobStore::loadFinished, &loop, [&] {
        figures.asyncTotalMs = msSince(timer);
        loop.quit();
    });
    timer.restart();
    gap.start();
    heartbeat.start();
    store.loadAsync();
    figures.asyncStartMs = msSince(timer);
    loop.exec();
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = app.arguments().value(1, u"10000"_s).toInt();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const QString fullPath = dir.filePath(u"full.sqlite"_s);
    const QString emptyPath = dir.filePath(u"empty.sqlite"_s);

    // Fill: one transaction per job, as the app writes on every change.
    {
        JobStore store;
        if (store.open(fullPath) != JobStore::OpenResult::Ok)
            return 1;
        QElapsedTimer timer;
        timer.start();
        for (int n = 0; n < count; ++n)
            store.save(makeJob(n), u"https://api.example.com/v1"_s);
        const double fillMs = msSince(timer);
        print(u"history_fill_%1_ms"_s.arg(count), fillMs);
        print(u"history_inserts_per_s"_s, count / (fillMs / 1000.0), 0);

        // Updates of existing rows (a poll answer changing progress), the common write while running.
        timer.restart();
        for (int n = 0; n < count; ++n) {
            RemixJob job = makeJob(n);
            job.progress = (job.progress + 1) % 100;
            store.save(job);
        }
        const double updateMs = msSince(timer);
        print(u"history_update_%1_ms"_s.arg(count), updateMs);
        print(u"history_updates_per_s"_s, count / (updateMs / 1000.0), 0);
        print(u"history_write_avg_us"_s, (fillMs + updateMs) * 1000.0 / (2.0 * count), 0);
    }
    {
        JobStore store;
        if (store.open(emptyPath) != JobStore::OpenResult::Ok)
            return 1;
    }

    // Warm the page cache the same way for both, as after any previous run.
    measureLoad(fullPath);
    measureLoad(emptyPath);
    const LoadFigures full = measureLoad(fullPath);
    const LoadFigures empty = measureLoad(emptyPath);
    if (full.count != count) {
        std::fprintf(stderr, "loaded %d of %d jobs\n", full.count, count);
        return 1;
    }

    print(u"history_file_kb"_s, double(QFileInfo(fullPath).size() + QFileInfo(fullPath + u"-wal"_s).size()) / 1024.0,
          0);
    print(u"history_open_%1_ms"_s.arg(count), full.openMs);
    print(u"history_open_0_ms"_s, empty.openMs);
    print(u"history_load_%1_ms"_s.arg(count), full.syncLoadMs);
    print(u"history_load_0_ms"_s, empty.syncLoadMs);
    print(u"history_async_start_%1_ms"_s.arg(count), full.asyncStartMs);
    print(u"history_async_first_batch_%1_ms"_s.arg(count), full.asyncFirstBatchMs);
    print(u"history_async_load_%1_ms"_s.arg(count), full.asyncTotalMs);
    print(u"history_async_load_0_ms"_s, empty.asyncTotalMs);
    print(u"history_gui_longest_stall_%1_ms"_s.arg(count), full.longestStallMs);
    print(u"history_gui_longest_stall_0_ms"_s, empty.longestStallMs);
    // What start-up waits for before the window can show: open() only (the load runs behind it).
    print(u"history_startup_blocking_%1_ms"_s.arg(count), full.openMs);
    print(u"history_startup_blocking_0_ms"_s, empty.openMs);
    print(u"peak_rss_kb"_s, double(peakRssKb()), 0);
    return 0;
}
