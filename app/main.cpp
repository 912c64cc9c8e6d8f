#include "appcore.h"
#include "history/jobstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "settings.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

#include <QWindow>

#include <cstdio>
#include <ctime>
#include <functional>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {
// For the start-up benchmark (tests/benchmarks/startup_driver.py): with VIDEOREMIX_BENCH_FIRST_FRAME set,
// the first expose of the main window prints the CLOCK_MONOTONIC time (comparable with the driver's
// clock, taken before it started the process) and quits. Nothing else changes.
class FirstFrameProbe final : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *window = qobject_cast<QWindow *>(watched);
        if (event->type() == QEvent::Expose && window && window->isExposed() && !m_done) {
            m_done = true;
            timespec now{};
            clock_gettime(CLOCK_MONOTONIC, &now);
            std::printf("first_expose_monotonic_ns: %lld\n", qint64(now.tv_sec) * 1000000000LL + now.tv_nsec);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    bool m_done = false;
};

// Runs work once the window has been exposed (its first frame is being painted), or after fallbackMs
// when it never is (started minimized, a platform without expose events): whatever is not needed for the
// first frame waits behind it.
class AfterFirstExpose final : public QObject
{
public:
    AfterFirstExpose(QWindow *window, std::function<void()> work, int fallbackMs)
        : QObject(window)
        , m_work(std::move(work))
    {
        window->installEventFilter(this);
        QTimer::singleShot(fallbackMs, this, &AfterFirstExpose::run);
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed())
            QTimer::singleShot(0, this, &AfterFirstExpose::run); // after the paint of this expose
        return false;
    }

private:
    void run()
    {
        if (!m_work)
            return;
        const std::function<void()> work = std::exchange(m_work, nullptr);
        deleteLater();
        work();
    }
    std::function<void()> m_work;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // QSettings derives its file from these two names.
    QCoreApplication::setOrganizationName(u"VideoRemix"_s);
    QCoreApplication::setApplicationName(u"Video Remix"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VIDEOREMIX_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Remix videos of an OpenAI-compatible video service by prompt."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption languageOption(
        u"lang"_s,
        QCoreApplication::translate("main", "User interface language: zh_CN or en (remembered as the choice)."),
        u"code"_s);
    parser.addOption(languageOption);
    const QCommandLineOption demoOption(
        u"demo"_s, QCoreApplication::translate("main", "Start with the built-in demo service and an empty, separate "
                                                       "history (no account needed, nothing leaves this computer)."));
    parser.addOption(demoOption);
    const QCommandLineOption demoIfUnconfiguredOption(
        u"demo-if-unconfigured"_s,
        QCoreApplication::translate("main", "Use the demo service when no service address is configured."));
    parser.addOption(demoIfUnconfiguredOption);
    parser.process(app);

    const QString language = parser.value(languageOption);
    if (parser.isSet(languageOption) && !LanguageManager::availableLanguages().contains(language)) {
        const QString message =
            QCoreApplication::translate("main", "Unknown language “%1”; use zh_CN or en.").arg(language);
        std::fputs(qPrintable(message + u'\n'), stderr);
        return 1;
    }

    // The demo keeps its jobs apart from real ones, and starts empty each time. (Made before the core,
    // so that it outlives the history file opened in it.)
    QTemporaryDir demoFolder;
    AppCore core(new Settings()); // owns the settings
    const bool demo = parser.isSet(demoOption)
                      || (parser.isSet(demoIfUnconfiguredOption) && !core.profileStore()->isServiceConfigured());

    const QString historyPath = demo ? demoFolder.filePath(u"demo-history.sqlite"_s) : JobStore::defaultPath();

    // A second start brings the first window forward instead of opening the history twice.
    SingleInstance instance(historyPath);
    if (!demo && instance.notifyRunningInstance())
        return 0;

    if (language.isEmpty())
        core.languageManager()->applyInitialLanguage();
    else
        core.languageManager()->setLanguage(language);
    if (demo && !core.startDemo()) {
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Video Remix"),
            QCoreApplication::translate("main", "The demo service could not start on this computer."));
        return 1;
    }

    MainWindow window(&core);
    if (!demo)
        instance.listen();
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, &MainWindow::bringToFront);
    window.show();
    if (qEnvironmentVariableIsSet("VIDEOREMIX_BENCH_FIRST_FRAME") && window.windowHandle())
        window.windowHandle()->installEventFilter(new FirstFrameProbe(&window));
    // The window is on screen first; the history opens (integrity check, migrations) and loads behind it.
    const auto openHistory = [&window, historyPath] {
        window.openHistory(historyPath);
    };
    if (window.windowHandle())
        new AfterFirstExpose(window.windowHandle(), openHistory, 1000);
    else
        QTimer::singleShot(0, &window, openHistory);
    // First start: ask for the service address right away, once the main window is on screen behind it.
    if (!demo && !core.profileStore()->isServiceConfigured())
        QTimer::singleShot(0, &window, &MainWindow::openSettings);

    return app.exec();
}
