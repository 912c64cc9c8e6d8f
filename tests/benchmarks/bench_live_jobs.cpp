// Many jobs at once: 1,000 running jobs polled against the loopback fake (in its own thread, so its
// work is not counted as ours). Figures, over a measured window after a warm-up:
// - requests per job per interval (1.0 = every job asked once per interval),
// - the largest number of requests in any 100 ms (what the server sees as a burst; the even spread is
//   jobs * 100 / interval),
// - TCP connections the server accepted (reused connections: a handful),
// - the longest GUI-thread stall, and the model's dataChanged signals per second against the job
//   changes per second (coalescing).
// Twice: with the app's defaults (5 s interval, at most 2 polls per second per service) and with the
// ceiling off at a 2 s interval (the spreading alone, at 500 requests per second).
// Run: build/tests/benchmarks/bench_live_jobs [jobs] [seconds]. Prints "name: value" lines.

#include "appcore.h"
#include "benchsupport.h"
#include "downloads/heappolicy.h"
#include "fakevideoserver.h"
#include "history/jobstore.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "testhelpers.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;
using namespace BenchSupport;

namespace {

// The fake in a thread of its own; every in-progress video answers with a progress that moves.
class ServerThread
{
public:
    ServerThread()
    {
        m_anchor->moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            m_anchor,
            [this] {
                m_server = new FakeVideoServer;
                m_server->addHandler(
                    [this](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
                        if (request.method != "GET" || !request.rawPath.startsWith("/v1/videos/"))
                            return std::nullopt;
                        const QString id = QString::fromLatin1(request.rawPath.mid(int(qstrlen("/v1/videos/"))));
                        const int n = ++m_asked[id];
                        return FakeVideoServer::Reply::video(id, u"in_progress"_s, 1 + n % 98);
                    });
                m_server->start();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            m_anchor,
            [this] {
                delete m_server;
                m_anchor->deleteLater(); // when the thread finishes
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QUrl rootUrl() const { return m_server->rootUrl(); }
    // The GETs' arrival times (server clock, ms) and the connections so far.
    QPair<QList<qint64>, int> snapshot()
    {
        QPair<QList<qint64>, int> result;
        QMetaObject::invokeMethod(
            m_anchor,
            [&] {
                for (const FakeVideoServer::Request &request : m_server->requests()) {
                    if (request.method == "GET")
                        result.first.append(request.receivedAtMs);
                }
                result.second = m_server->connectionCount();
            },
            Qt::BlockingQueuedConnection);
        return result;
    }

private:
    QThread m_thread;
    QObject *m_anchor = new QObject; // lives in m_thread: what the server's work is queued to
    FakeVideoServer *m_server = nullptr;
    QHash<QString, int> m_asked;
};

void run(const QString &label, int jobs, int seconds, const PollSettings &polling)
{
    ServerThread server;
    QTemporaryDir dir;
    QSettings settingsFile(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const std::unique_ptr<AppCore> core = TestHelpers::makeTestCore(dir, &settingsFile, server.rootUrl());
    core->jobController()->setPollSettings(polling);
    // The history as in the app: every change is written.
    TestHelpers::openHistoryAndWait(*core, dir.filePath(u"history.sqlite"_s));

    const QDateTime start = QDateTime::currentDateTimeUtc();
    for (int n = 0; n < jobs; ++n) {
        RemixJob job = finishedJob(n, start.addSecs(-jobs * 60));
        job.state = JobState::InProgress;
        job.progress = 1;
        job.completedAt = QDateTime();
        job.downloadState = DownloadState::None;
        job.filePath.clear();
        job.apiBase = QUrl(server.rootUrl().toString() + u"/v1"_s);
        // Sent in the last minutes, like jobs that are really running: an older one would reach the
        // polling time cap and stop being asked, which is not what this measures.
        job.submittedAt = start.addMSecs(-qint64(n) * 100);
        job.pollingStartedAt = job.submittedAt;
        core->jobList()->add(job);
        core->jobController()->resume(job.localId, core->currentService());
    }

    // Warm-up: one interval, so every job has had its first turn; then the measured window.
    const int intervalMs = polling.intervalOverrideMs > 0 ? polling.intervalOverrideMs : polling.intervalMs;
    QEventLoop loop;
    QTimer::singleShot(intervalMs, &loop, &QEventLoop::quit);
    loop.exec();

    int changes = 0;
    int dataChangedSignals = 0;
    QObject context;
    QObject::connect(core->jobList(), &JobList::jobChanged, &context, [&] { ++changes; });
    QObject::connect(core->jobModel(), &QAbstractItemModel::dataChanged, &context, [&] { ++dataChangedSignals; });
    const auto before = server.snapshot();
    StallMeter meter;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    const double stallMs = meter.longestMs();
    const auto after = server.snapshot();

    QList<qint64> times = after.first.mid(before.first.size());
    std::sort(times.begin(), times.end());
    int burst = 0;
    for (int i = 0, j = 0; i < times.size(); ++i) {
        while (times.at(i) - times.at(j) >= 100)
            ++j;
        burst = qMax(burst, i - j + 1);
    }
    const double intervals = seconds * 1000.0 / intervalMs;
    print(label + u"_jobs"_s, jobs, 0);
    print(label + u"_interval_ms"_s, intervalMs, 0);
    print(label + u"_requests_per_s"_s, times.size() / double(seconds));
    print(label + u"_requests_per_job_per_interval"_s, times.size() / double(jobs) / intervals, 3);
    print(label + u"_max_requests_in_100ms"_s, burst, 0);
    // The even spread: every request alone in its share of the interval (or of the ceiling).
    double perSecond = jobs * 1000.0 / intervalMs;
    if (polling.maxPollsPerSecondPerService > 0)
        perSecond = qMin(perSecond, polling.maxPollsPerSecondPerService);
    print(label + u"_even_spread_in_100ms"_s, perSecond / 10.0, 1);
    print(label + u"_tcp_connections"_s, after.second, 0);
    print(label + u"_tcp_connections_opened_while_measured"_s, after.second - before.second, 0);
    print(label + u"_longest_gui_stall_ms"_s, stallMs);
    print(label + u"_job_changes_per_s"_s, changes / double(seconds));
    print(label + u"_datachanged_per_s"_s, dataChangedSignals / double(seconds));
}

} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // as the app's main() does
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int jobs = app.arguments().value(1, u"1000"_s).toInt();
    const int seconds = app.arguments().value(2, u"10"_s).toInt();

    PollSettings defaults; // 5 s, 2 per second per service
    run(u"live_default"_s, jobs, seconds, defaults);

    PollSettings uncapped;
    uncapped.intervalOverrideMs = 2000;
    uncapped.maxPollsPerSecondPerService = 0;
    run(u"live_uncapped"_s, jobs, seconds, uncapped);
    return 0;
}
