// Idle is idle: the main window with nothing waiting or running (an empty history, then a history of
// finished jobs), left alone for 10 s after it settled. Counts every timer event delivered in the
// process (QApplication::notify) and the event loop's wake-ups (QAbstractEventDispatcher::awake), and
// names the timers: a QTimer by the class of its parent, so timers of our classes show as ours.
// Run: build/tests/benchmarks/bench_idle [seconds] [finished jobs]. Prints "name: value" lines and, on
// stderr, the timers that fired.

#include "appcore.h"
#include "benchsupport.h"
#include "downloads/heappolicy.h"
#include "history/jobstore.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QMap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace BenchSupport;

namespace {

class CountingApplication final : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (counting && event->type() == QEvent::Timer) {
            QString name = QString::fromLatin1(receiver->metaObject()->className());
            if (qobject_cast<QTimer *>(receiver) && receiver->parent())
                name += u" of "_s + QString::fromLatin1(receiver->parent()->metaObject()->className());
            if (!receiver->objectName().isEmpty())
                name += u" \""_s + receiver->objectName() + u'"';
            ++timers[name];
        }
        return QApplication::notify(receiver, event);
    }
    bool counting = false;
    QMap<QString, int> timers;
};

// Ours: a class of this project (not Qt's, whose names start with Q), or a QTimer one of ours owns.
bool isOurs(const QString &name)
{
    const QString owner =
        name.contains(u" of "_s) ? name.section(u" of "_s, 1).section(u' ', 0, 0) : name.section(u' ', 0, 0);
    return !owner.startsWith(u'Q');
}

void measure(CountingApplication &app, const QString &label, int seconds, int finishedJobs)
{
    QTemporaryDir dir;
    const QString historyPath = dir.filePath(u"history.sqlite"_s);
    if (finishedJobs > 0) {
        JobStore store;
        if (store.open(historyPath) != JobStore::OpenResult::Ok)
            qFatal("cannot open the history");
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
        for (int n = 0; n < finishedJobs; ++n)
            store.save(finishedJob(n, start));
    }
    QSettings settingsFile(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    const std::unique_ptr<AppCore> core = TestHelpers::makeTestCore(dir, &settingsFile, QUrl(u"http://127.0.0.1:9"_s));
    MainWindow window(core.get());
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qWarning("window not exposed");
    TestHelpers::openHistoryAndWait(*core, historyPath);
    QTest::qWait(2000); // what start-up leaves behind settles (a tooltip, the keychain, a first layout)

    int wakeUps = 0;
    QObject context;
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::awake, &context,
                     [&] { ++wakeUps; });
    app.timers.clear();
    app.counting = true;
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit); // this one is the bench's: not counted below
    loop.exec();
    app.counting = false;

    int all = 0;
    int ours = 0;
    for (auto it = app.timers.cbegin(); it != app.timers.cend(); ++it) {
        all += it.value();
        if (isOurs(it.key()))
            ours += it.value();
        std::fprintf(stderr, "%s: %d timer events: %s\n", qPrintable(label), it.value(), qPrintable(it.key()));
    }
    print(label + u"_seconds"_s, seconds, 0);
    print(label + u"_timer_events_ours"_s, ours, 0);
    print(label + u"_timer_events_all"_s, all - 1, 0); // less the bench's own
    print(label + u"_event_loop_wakeups"_s, wakeUps, 0);
}

} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // as the app's main() does
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    CountingApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const int seconds = app.arguments().value(1, u"10"_s).toInt();
    const int finished = app.arguments().value(2, u"1000"_s).toInt();
    measure(app, u"idle_empty"_s, seconds, 0);
    measure(app, u"idle_%1_finished"_s.arg(finished), seconds, finished);
    return 0;
}
