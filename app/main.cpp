#include "appcore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
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
    parser.process(app);

    const QString language = parser.value(languageOption);
    if (parser.isSet(languageOption) && !LanguageManager::availableLanguages().contains(language)) {
        const QString message =
            QCoreApplication::translate("main", "Unknown language “%1”; use zh_CN or en.").arg(language);
        std::fputs(qPrintable(message + u'\n'), stderr);
        return 1;
    }

    auto *settings = new Settings(); // owned by core
    AppCore core(settings);
    if (language.isEmpty())
        core.languageManager()->applyInitialLanguage();
    else
        core.languageManager()->setLanguage(language);

    MainWindow window(&core);
    window.show();
    // First start: ask for the service address right away, once the main window is on screen behind it.
    if (!settings->isServiceConfigured())
        QTimer::singleShot(0, &window, &MainWindow::openSettings);

    return app.exec();
}
