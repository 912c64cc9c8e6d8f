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

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

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
    // The window is on screen first; the history opens and loads behind it.
    QTimer::singleShot(0, &window, [&window, historyPath] { window.openHistory(historyPath); });
    // First start: the empty list says what to do next (connect a service, or try the demo); nothing pops up.

    return app.exec();
}
