// Start-up with a big history: how long until the window is on screen, how long until every job is
// in the list, and how long the GUI thread is ever blocked meanwhile, for an empty store and one of
// 10,000 jobs. Run: build/tests/benchmarks/bench_startup [jobs] (offscreen by default). Prints figures; no
// pass/fail. "bench_startup --fill <path> <jobs>" only writes a history of that many jobs (for
// startup_driver.py, which measures the real app from outside).

#include "appcore.h"
#include "downloads/heappolicy.h"
#include "history/jobstore.h"
#include "jobs/jobmodel.h"
#include "mainwindow.h"
#include "services/profilestore.h"
#include "settings.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {
void fillStore(const QString &path, int count)
{
    JobStore store;
    if (store.open(path) != JobStore::OpenResult::Ok)
        qFatal("cannot open %s", qPrintable(path));
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int i = 0; i < count; ++i) {
        RemixJob job;
        job.localId = u"bench-%1"_s.arg(i, 6, 10, QChar(u'0'));
        job.sourceVideoId = u"video_%1"_s.arg(i * 7919, 8, 16, QChar(u'0'));
        job.resultVideoId = u"video_result_%1"_s.arg(i);
        job.prompt = u"让这个视频背景变成紫色，第 %1 个版本 — make the sky purple"_s.arg(i);
        job.state = JobState::Completed; // finished jobs: nothing to poll, the load itself is measured
        job.progress = 100;
        job.submittedAt = start.addSecs(i * 60);
        job.completedAt = job.submittedAt.addSecs(90);
        job.updatedAt = job.completedAt;
        job.apiBase = QUrl(u"https://relay.example/v1"_s);
        job.downloadState = DownloadState::Done;
        job.filePath = u"/tmp/none/video %1.mp4"_s.arg(i);
        store.save(job);
    }
}

void measure(int jobs)
{
    QTemporaryDir dir;
    const QString historyPath = dir.filePath(u"history.sqlite"_s);
    if (jobs > 0)
        fillStore(historyPath, jobs);

    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto *settings = new Settings(&store, QProcessEnvironment());

    // The longest gap between two ticks of a 1 ms timer: how long the GUI thread was ever busy.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestStall = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestStall = qMax(longestStall, now - lastTick);
        lastTick = now;
    });

    AppCore core(settings);
    core.profileStore()->useSingleService(u"https://relay.example/v1"_s, QString());
    MainWindow window(&core);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qWarning("window not exposed");
    const qint64 shownMs = clock.elapsed();

    QSignalSpy loaded(&core, &AppCore::historyLoaded);
    lastTick = clock.elapsed();
    ticker.start();
    const qint64 openStart = clock.elapsed();
    core.openHistory(historyPath);
    const qint64 openMs = clock.elapsed() - openStart;
    if (!loaded.wait(60000))
        qWarning("history did not load");
    const qint64 loadedMs = clock.elapsed();
    ticker.stop();

    std::printf("startup_%d_window_shown_ms: %lld\n", jobs, static_cast<long long>(shownMs));
    std::printf("startup_%d_history_open_ms: %lld\n", jobs, static_cast<long long>(openMs));
    std::printf("startup_%d_all_jobs_listed_ms: %lld\n", jobs, static_cast<long long>(loadedMs));
    std::printf("startup_%d_rows: %d\n", jobs, core.jobModel()->rowCount());
    std::printf("startup_%d_longest_gui_stall_ms: %lld\n", jobs, static_cast<long long>(longestStall));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // as the app's main() does
    if (argc == 4 && qstrcmp(argv[1], "--fill") == 0) {
        QCoreApplication app(argc, argv);
        fillStore(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]).toInt());
        return 0;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"VideoRemixBench"_s);
    const int jobs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    measure(0);
    measure(jobs);
    return 0;
}
