// Figures for the job history: how long 10,000 jobs take to write and to load, against an empty
// store, and whether the GUI thread stays responsive while they load; then the same history in the
// main window (offscreen): the longest GUI stall while it is listed, how long a filter or a search
// takes to show, the slowest repaint while scrolling from top to bottom, the memory over an empty
// list, and what one status change costs the filter's counts. Built, not run by ctest:
//   build/tests/benchmarks/bench_history [job count]
// Prints "name: value" lines, e.g. "history_load_10000_ms: 37.2".

#include "api/apiclient.h"
#include "appcore.h"
#include "benchsupport.h"
#include "downloads/heappolicy.h"
#include "history/jobstore.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QApplication>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

using namespace BenchSupport;

namespace {

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

// Lets the event loop run until nothing is pending (layout, paint).
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// The history in the main window, as the app shows it.
void measureWindow(const QString &fullPath, int count)
{
    QTemporaryDir dir;
    QSettings settingsFile(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const std::unique_ptr<AppCore> core = TestHelpers::makeTestCore(dir, &settingsFile, QUrl(u"http://127.0.0.1:9"_s));
    // The app's own polling (a fifth of these jobs are waiting or running and resume, to an address
    // that refuses), not the tests' fast one.
    core->jobController()->setPollSettings(PollSettings());
    MainWindow window(core.get());
    window.resize(960, 640);
    window.show();
    // As main() does after the first frame: TLS loaded and the history checked on pool threads.
    QThreadPool::globalInstance()->start([] { ApiClient::initializeTls(); });
    JobStore::checkIntegrityAhead(fullPath);
    if (!QTest::qWaitForWindowExposed(&window))
        qWarning("window not exposed");

    // The memory of the window with an empty list (no history yet: a second history opened in the same
    // core would be listed after the first one's load had finished, which the app never does).
    settle();
    const qint64 emptyRssKb = rssKb();

    // Then the full one, while the event loop runs: the longest stall, and when every job is listed.
    StallMeter meter;
    QSignalSpy loaded(core.get(), &AppCore::historyLoaded);
    QElapsedTimer timer;
    timer.start();
    core->openHistory(fullPath);
    const double openMs = msSince(timer);
    if (!loaded.wait(60000))
        qWarning("history did not load");
    const double listedMs = msSince(timer);
    settle();
    const double stallMs = meter.longestMs();
    meter.stop();
    print(u"window_history_open_%1_ms"_s.arg(count), openMs);
    print(u"window_all_listed_%1_ms"_s.arg(count), listedMs);
    print(u"window_load_longest_gui_stall_%1_ms"_s.arg(count), stallMs);
    print(u"window_load_longest_gui_busy_%1_ms"_s.arg(count), meter.longestBusyMs());
    print(u"window_rows"_s, core->jobModel()->rowCount(), 0);
    if (core->jobModel()->rowCount() != count)
        qFatal("%d of %d jobs listed", core->jobModel()->rowCount(), count);

    auto *filter = window.findChild<JobFilterModel *>(u"jobFilterModel"_s);
    auto *view = window.findChild<QTreeView *>(u"jobView"_s);
    if (!filter || !view)
        qFatal("no filter model or job view");

    // Filter and search: the model's update and the repaint of the list that follows.
    const auto timed = [&](const std::function<void()> &change) {
        QElapsedTimer t;
        t.start();
        change();
        view->viewport()->repaint();
        settle();
        return msSince(t);
    };
    double searchMs = 0;
    for (const QString &text : {u"v"_s, u"vi"_s, u"video_result_99"_s, u"紫色"_s, u"第 5"_s, QString()})
        searchMs = qMax(searchMs, timed([&] { filter->setSearchText(text); }));
    double bucketMs = 0;
    for (const JobFilterModel::Bucket bucket : {JobFilterModel::Bucket::Failed, JobFilterModel::Bucket::Completed,
                                                JobFilterModel::Bucket::Active, JobFilterModel::Bucket::All})
        bucketMs = qMax(bucketMs, timed([&] { filter->setBucket(bucket); }));
    print(u"filter_search_max_ms"_s, searchMs);
    print(u"filter_bucket_max_ms"_s, bucketMs);

    // One job changes its status (a poll answer): what the filter's counts and the view pay for it.
    JobList *list = core->jobList();
    QVector<RemixJob> jobs = list->jobs();
    double statusChangeMs = 0;
    for (int i = 0; i < 20; ++i) {
        RemixJob job = jobs.at(i * 97 % jobs.size());
        job.state = i % 2 ? JobState::Completed : JobState::Failed;
        job.updatedAt = job.updatedAt.addSecs(1);
        QElapsedTimer t;
        t.start();
        list->update(job);
        core->jobModel()->flushPendingChanges();
        statusChangeMs = qMax(statusChangeMs, msSince(t));
    }
    print(u"filter_status_change_max_ms"_s, statusChangeMs, 2);

    // Scrolling from top to bottom, a page at a time: the slowest repaint of the list.
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(0);
    settle();
    double frameMs = 0;
    double frameSum = 0;
    int frames = 0;
    while (true) {
        QElapsedTimer t;
        t.start();
        view->viewport()->repaint();
        const double ms = msSince(t);
        frameMs = qMax(frameMs, ms);
        frameSum += ms;
        ++frames;
        if (bar->value() >= bar->maximum())
            break;
        bar->setValue(bar->value() + bar->pageStep());
        settle();
    }
    print(u"scroll_frames"_s, frames, 0);
    print(u"scroll_frame_max_ms"_s, frameMs);
    print(u"scroll_frame_avg_ms"_s, frameSum / qMax(1, frames), 2);
    print(u"memory_over_empty_list_mb"_s, double(rssKb() - emptyRssKb) / 1024.0);
}

} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // as the app's main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
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
    measureWindow(fullPath, count);
    print(u"peak_rss_kb"_s, double(peakRssKb()), 0);
    return 0;
}
