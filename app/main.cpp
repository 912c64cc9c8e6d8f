#include "api/apiclient.h"
#include "appcore.h"
#include "downloads/heappolicy.h"
#include "firstframe.h"
#include "history/jobstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "quitonsignal.h"
#include "settings.h"
#include "singleinstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QIcon>
#include <QImageReader>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
struct Options
{
    QCommandLineOption language{u"lang"_s,
                                QCoreApplication::translate("main",
                                                            "User interface language: zh_CN or en (remembered "
                                                            "as the choice)."),
                                u"code"_s};
    QCommandLineOption demo{u"demo"_s,
                            QCoreApplication::translate("main",
                                                        "Start with the built-in demo service and an empty, "
                                                        "separate history (no account needed, nothing leaves "
                                                        "this computer).")};
    QCommandLineOption demoIfUnconfigured{
        u"demo-if-unconfigured"_s,
        QCoreApplication::translate("main", "Use the demo service when no service address is configured.")};
};

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
void setUpApplication()
{
    // QSettings derives its file from these two names.
    QCoreApplication::setOrganizationName(u"VideoRemix"_s);
    QCoreApplication::setApplicationName(u"Video Remix"_s);
    // The one version number: CMake's project(VERSION).
    QCoreApplication::setApplicationVersion(QStringLiteral(VIDEOREMIX_VERSION));
}

// The app's own icon for every window and the tray (the same drawing as the installed one). Set after the
// first frame: decoding eight PNGs, and the image plugins the first decode loads, take longer than the
// bare window takes to appear.
void setAppIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/videoremix-%1.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
}

// One-time costs that the GUI thread would otherwise pay, paid by a pool thread while the window is
// being built (all thread-safe and locked inside Qt): the font database (fontconfig's configuration and
// caches, before the first line of text is laid out), the image-format plugins, which the first image
// read anywhere loads (QImageReader asks each plugin whether it reads PNG; the toolbar's extension
// button is the first).
void warmUpOffTheGuiThread()
{
    QThreadPool::globalInstance()->start([] {
        QFontDatabase::families();
        QImageReader reader(u":/icons/videoremix-16.png"_s);
        reader.canRead();
    });
}

// The options, described in the language already installed.
void describe(QCommandLineParser &parser, const Options &options)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Remix videos of an OpenAI-compatible video service by prompt."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.language, options.demo, options.demoIfUnconfigured});
}

// --help and --version need no display: answered before the GUI starts (a QGuiApplication without a
// screen aborts), in the system's language, or the one given with --lang.
bool wantsOnlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "-?" || argument == "--help-all" || argument == "-v"
            || argument == "--version")
            return true;
    }
    return false;
}

int answerInText(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setUpApplication();
    QString language = LanguageManager::languageForLocale(QLocale::system());
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--lang"
            && LanguageManager::availableLanguages().contains(QString::fromLocal8Bit(argv[i + 1])))
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    QTranslator translator;
    QTranslator qtTranslator; // "Usage:", "Options:", "Displays help…" are Qt's own words
    if (language != LanguageManager::English) {
        if (translator.load(QLocale(language), u"videoremix"_s, u"_"_s, u":/i18n"_s))
            QCoreApplication::installTranslator(&translator);
        if (qtTranslator.load(QLocale(language), u"qtbase"_s, u"_"_s,
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qtTranslator);
    }
    const Options options;
    QCommandLineParser parser;
    describe(parser, options);
    parser.process(app); // prints and exits for --help and --version
    return 0;
}
} // namespace

int main(int argc, char *argv[])
{
    HeapPolicy::applyForLargeTransfers(); // before any thread allocates
    if (wantsOnlyText(argc, argv))
        return answerInText(argc, argv);

    QApplication app(argc, argv);
    setUpApplication();
    warmUpOffTheGuiThread();

    const Options options;
    QCommandLineParser parser;
    describe(parser, options);
    parser.process(app);
    const QCommandLineOption &languageOption = options.language;
    const QCommandLineOption &demoOption = options.demo;
    const QCommandLineOption &demoIfUnconfiguredOption = options.demoIfUnconfigured;

    const QString language = parser.value(languageOption);
    if (parser.isSet(languageOption) && !LanguageManager::availableLanguages().contains(language)) {
        const QString message =
            QCoreApplication::translate("main", "Unknown language “%1”; use zh_CN or en.").arg(language);
        std::fputs(qPrintable(message + u'\n'), stderr);
        return 1;
    }

    // The demo keeps its jobs apart from real ones, and starts empty each time. (Declared before the
    // core, so that it outlives the history file opened in it; made only for the demo, so that a normal
    // start leaves no folder behind even when it is killed.)
    std::optional<QTemporaryDir> demoFolder;
    AppCore core(new Settings()); // owns the settings
    const bool demo = parser.isSet(demoOption)
                      || (parser.isSet(demoIfUnconfiguredOption) && !core.profileStore()->isServiceConfigured());

    if (demo)
        demoFolder.emplace();
    const QString historyPath = demo ? demoFolder->filePath(u"demo-history.sqlite"_s) : JobStore::defaultPath();

    // A second start brings the first window forward instead of opening the history twice.
    SingleInstance instance(historyPath);
    if (!demo && instance.notifyRunningInstance())
        return 0;

    if (language.isEmpty())
        core.languageManager()->applyInitialLanguage();
    else
        core.languageManager()->setLanguage(language);
    if (demo && !core.startDemo()) {
        setAppIcon();
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Video Remix"),
            QCoreApplication::translate("main", "The demo service could not start on this computer."));
        return 1;
    }

    // Icons, clear buttons and the like wait until the window's first frame is on screen.
    FirstFrame::hold();
    MainWindow window(&core);
    // A logout or `kill` ends the app like Quit does, so the demo folder above goes with it.
    QuitOnSignal quitOnSignal;
    if (!demo)
        instance.listen();
    QObject::connect(&instance, &SingleInstance::activationRequested, &window, &MainWindow::bringToFront);
    window.show();
    if (qEnvironmentVariableIsSet("VIDEOREMIX_BENCH_FIRST_FRAME") && window.windowHandle())
        window.windowHandle()->installEventFilter(new FirstFrameProbe(&window));
    // The window is on screen first; then a pool thread checks the history file's integrity (SQLite's
    // quick_check, ~10 ms for 10,000 jobs) and the history opens (migrations) and loads behind it.
    const auto afterFirstFrame = [&window, historyPath] {
        // TLS, which the first request (a poll of the history's running jobs) would load on this thread.
        QThreadPool::globalInstance()->start([] { ApiClient::initializeTls(); });
        auto *checked = new QFutureWatcher<void>(&window);
        QObject::connect(checked, &QFutureWatcher<void>::finished, &window, [&window, checked, historyPath] {
            checked->deleteLater();
            window.openHistory(historyPath);
        });
        checked->setFuture(JobStore::checkIntegrityAhead(historyPath));
        setAppIcon();
        FirstFrame::release();
    };
    if (window.windowHandle())
        new AfterFirstExpose(window.windowHandle(), afterFirstFrame, 1000);
    else
        QTimer::singleShot(0, &window, afterFirstFrame);
    // First start: the empty list says what to do next (connect a service, or try the demo); nothing pops up.

    return app.exec();
}
