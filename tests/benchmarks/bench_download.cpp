// Downloads: a big file (500 MB, sparse) served over loopback by a small Python HTTP server, fetched
// alternately by `curl -o` and by the app's DownloadJob into the same folder, after one warm-up round.
// Figures: the medians' throughput and the median of the rounds' ratios (the app's twice: to its last
// byte written, and to finished(), after its fsync and rename; curl's twice: as it exits, and after an
// fsync of its file, the same durability as the app's), the growth of the resident memory during the app's download
// (sampled), and the longest GUI-thread stall meanwhile (the final flush and fsync included). Run:
// build/tests/benchmarks/bench_download [megabytes] [rounds]. Needs python3 and curl. The process
// takes the app's heap settings (downloads/heappolicy.h) first, as the app's main() does.

#include "benchsupport.h"
#include "downloads/downloadjob.h"
#include "downloads/heappolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace BenchSupport;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

struct AppRun
{
    double seconds = 0;
    double streamSeconds = 0; // to the last byte written (before the final sync and rename)
    double stallMs = 0;
    double busyMs = 0; // of the stalls, the most the GUI thread worked in one (see StallMeter)
    double rssGrowthMb = 0;
    bool ok = false;
};

AppRun downloadWithApp(QNetworkAccessManager *network, const QUrl &url, const QString &target)
{
    AppRun run;
    NetworkContext context;
    context.network = network;
    ServiceEndpoint service;
    service.apiBase = QUrl(u"http://127.0.0.1:9/v1"_s); // another origin: no key goes to the file's host
    auto *job = new DownloadJob(context, service, u"video_bench"_s, u"video"_s, url, target);
    job->setAutoDelete(false);

    const qint64 rssBefore = rssKb();
    qint64 rssMax = rssBefore;
    QTimer sampler;
    sampler.setInterval(20);
    QObject::connect(&sampler, &QTimer::timeout, [&] { rssMax = qMax(rssMax, rssKb()); });
    QElapsedTimer timer;
    QObject::connect(job, &DownloadJob::progress, [&](qint64 received, qint64 total) {
        if (received == total && run.streamSeconds == 0)
            run.streamSeconds = msSince(timer) / 1000.0;
    });
    QEventLoop loop;
    QObject::connect(job, &DownloadJob::finished, &loop, &QEventLoop::quit);
    StallMeter meter;
    sampler.start();
    timer.start();
    job->start();
    loop.exec();
    run.seconds = msSince(timer) / 1000.0;
    run.stallMs = meter.longestMs();
    run.busyMs = meter.longestBusyMs();
    rssMax = qMax(rssMax, rssKb());
    run.rssGrowthMb = double(rssMax - rssBefore) / 1024.0;
    run.ok = job->error() == DownloadError::None;
    if (!run.ok)
        std::fprintf(stderr, "download failed: %s\n", qPrintable(job->errorString()));
    QFile::remove(job->filePath());
    delete job;
    return run;
}

struct CurlRun
{
    double seconds = 0;
    double syncedSeconds = 0; // and fsync'd
};

CurlRun downloadWithCurl(const QUrl &url, const QString &target)
{
    CurlRun run;
    QElapsedTimer timer;
    timer.start();
    QProcess curl;
    curl.start(u"curl"_s, {u"-s"_s, u"-o"_s, target, url.toString()});
    curl.waitForFinished(-1);
    run.seconds = msSince(timer) / 1000.0;
    if (curl.exitCode() != 0)
        std::fprintf(stderr, "curl failed\n");
    QFile file(target);
    if (file.open(QIODevice::ReadWrite))
        ::fsync(file.handle());
    file.close();
    run.syncedSeconds = msSince(timer) / 1000.0;
    QFile::remove(target);
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // as the app's main() does
    QCoreApplication app(argc, argv);
    const int megabytes = app.arguments().value(1, u"500"_s).toInt();
    const int rounds = qMax(1, app.arguments().value(2, u"7"_s).toInt());
    QTemporaryDir served;
    QTemporaryDir target(QDir::currentPath() + u"/bench-download-XXXXXX"_s); // a real disk, not tmpfs
    {
        QFile big(served.filePath(u"big.bin"_s));
        if (!big.open(QIODevice::WriteOnly) || !big.resize(qint64(megabytes) * 1024 * 1024))
            qFatal("cannot make the served file");
    }

    // Python's http.server on a free port; it prints the port first.
    QProcess server;
    server.setWorkingDirectory(served.path());
    server.start(u"python3"_s, {u"-u"_s, u"-c"_s,
                                u"import http.server, socketserver\n"
                                "class Quiet(http.server.SimpleHTTPRequestHandler):\n"
                                "    def log_message(self, *args): pass\n"
                                "s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Quiet)\n"
                                "print(s.server_address[1], flush=True)\n"
                                "s.serve_forever()\n"_s});
    if (!server.waitForReadyRead(10000))
        qFatal("the file server did not start");
    const int port = server.readLine().trimmed().toInt();
    QUrl url(u"http://127.0.0.1/big.bin"_s);
    url.setPort(port);

    QNetworkAccessManager network;
    QList<double> curlSeconds;
    QList<double> curlSyncedSeconds;
    QList<double> appSeconds;
    QList<double> appStreamSeconds;
    // Each round's pair compared on its own: this VM's disk and page cache swing the rates by a factor
    // of two from one minute to the next, and a pair shares its minute.
    QList<double> streamRatios;
    QList<double> syncedRatios;
    double stallMs = 0;
    double busyMs = 0;
    double rssGrowthMb = 0;
    // Round 0 warms up (the served file's pages, the connection, the first file of the folder) and is not
    // counted. Who goes first alternates, since each one inherits the other's write-back.
    for (int round = 0; round <= rounds; ++round) {
        CurlRun curl;
        AppRun run;
        const QString appTarget = target.filePath(u"app %1.mp4"_s.arg(round));
        if (round % 2 == 0) {
            curl = downloadWithCurl(url, target.filePath(u"curl.bin"_s));
            run = downloadWithApp(&network, url, appTarget);
        } else {
            run = downloadWithApp(&network, url, appTarget);
            curl = downloadWithCurl(url, target.filePath(u"curl.bin"_s));
        }
        if (!run.ok)
            return 1;
        std::fprintf(stderr, "round %d: curl %.0f MB/s, app streaming %.0f MB/s (%.0f %%)%s\n", round,
                     megabytes / curl.seconds, megabytes / run.streamSeconds, 100.0 * curl.seconds / run.streamSeconds,
                     round == 0 ? ", warm-up, not counted" : "");
        if (round == 0)
            continue;
        curlSeconds.append(curl.seconds);
        curlSyncedSeconds.append(curl.syncedSeconds);
        appSeconds.append(run.seconds);
        appStreamSeconds.append(run.streamSeconds);
        streamRatios.append(100.0 * curl.seconds / run.streamSeconds);
        syncedRatios.append(100.0 * curl.syncedSeconds / run.seconds);
        stallMs = qMax(stallMs, run.stallMs);
        busyMs = qMax(busyMs, run.busyMs);
        rssGrowthMb = qMax(rssGrowthMb, run.rssGrowthMb);
    }
    server.kill();
    server.waitForFinished();

    const double curlMbs = megabytes / median(curlSeconds);
    const double appMbs = megabytes / median(appSeconds);
    print(u"download_mb"_s, megabytes, 0);
    print(u"download_rounds"_s, rounds, 0);
    print(u"download_curl_mb_per_s"_s, curlMbs, 0);
    print(u"download_app_mb_per_s"_s, appMbs, 0);
    print(u"download_app_to_curl_percent"_s, 100.0 * appMbs / curlMbs, 0);
    const double appStreamMbs = megabytes / median(appStreamSeconds);
    const double curlSyncedMbs = megabytes / median(curlSyncedSeconds);
    print(u"download_app_stream_mb_per_s"_s, appStreamMbs, 0);
    print(u"download_app_stream_to_curl_percent"_s, median(streamRatios), 0);
    print(u"download_app_stream_to_curl_lowest_percent"_s,
          *std::min_element(streamRatios.cbegin(), streamRatios.cend()), 0);
    print(u"download_curl_synced_mb_per_s"_s, curlSyncedMbs, 0);
    print(u"download_app_to_curl_synced_percent"_s, median(syncedRatios), 0);
    print(u"download_app_rss_growth_mb"_s, rssGrowthMb);
    print(u"download_app_longest_gui_stall_ms"_s, stallMs);
    print(u"download_app_longest_gui_busy_ms"_s, busyMs);
    return 0;
}
