// Help > About Video Remix: opened from the Help menu, it shows the version of CMakeLists.txt, the
// licence, the folders the app really uses (the open history, the download folder, the settings file)
// and the web address, and follows a language switch.

#include "aboutdialog.h"
#include "appcore.h"
#include "history/jobstore.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "settings.h"
#include "testhelpers.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstAboutDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpMenuOpensItWithVersionLicenceAndPlaces();
    void historyNotOpenIsSaid();
};

void TstAboutDialog::initTestCase()
{
    TestHelpers::enterTestMode();
    QCoreApplication::setApplicationVersion(QStringLiteral(VIDEOREMIX_VERSION));
}

void TstAboutDialog::helpMenuOpensItWithVersionLicenceAndPlaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto core = TestHelpers::makeTestCore(dir, &store, QUrl(u"http://127.0.0.1:9"_s));
    const QString historyPath = dir.filePath(u"history.sqlite"_s);
    TestHelpers::openHistoryAndWait(*core, historyPath);
    MainWindow window(core.get());
    window.show();

    auto *about = window.findChild<QAction *>(u"aboutAction"_s);
    QVERIFY(about);
    about->trigger();
    auto *dialog = window.findChild<AboutDialog *>(u"aboutDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // A second click brings the same dialog forward instead of opening another.
    about->trigger();
    QCOMPARE(window.findChildren<AboutDialog *>().size(), 1);

    const QString title = dialog->findChild<QLabel *>(u"aboutTitleLabel"_s)->text();
    QVERIFY2(title.contains(QStringLiteral(VIDEOREMIX_VERSION)), qPrintable(title));
    const QString description = dialog->findChild<QLabel *>(u"aboutDescriptionLabel"_s)->text();
    QVERIFY2(description.contains(QStringLiteral(VIDEOREMIX_LICENSE)), qPrintable(description));
    const QString places = dialog->findChild<QLabel *>(u"aboutPlacesLabel"_s)->text();
    QVERIFY2(places.contains(QDir::toNativeSeparators(historyPath).toHtmlEscaped()), qPrintable(places));
    QVERIFY2(places.contains(QDir::toNativeSeparators(core->settings()->downloadFolder()).toHtmlEscaped()),
             qPrintable(places));
    // The history's link opens its folder, not the database file.
    QVERIFY2(places.contains(QUrl::fromLocalFile(dir.path()).toString(QUrl::FullyEncoded)), qPrintable(places));
    const QString links = dialog->findChild<QLabel *>(u"aboutLinksLabel"_s)->text();
    QVERIFY2(links.contains(QStringLiteral(VIDEOREMIX_HOMEPAGE)), qPrintable(links));
    QCOMPARE(dialog->windowTitle(), u"About Video Remix"_s);

    core->languageManager()->setLanguage(LanguageManager::Chinese);
    QTRY_COMPARE(dialog->windowTitle(), u"关于视频改编"_s);
    QTRY_VERIFY(dialog->findChild<QLabel *>(u"aboutPlacesLabel"_s)->text().contains(u"历史"_s));
    core->languageManager()->setLanguage(LanguageManager::English);

    // Fits on a small screen: no wider than 1024 px even with these paths.
    QVERIFY2(dialog->width() <= 1024, qPrintable(QString::number(dialog->width())));
    dialog->close();
    QTRY_VERIFY(window.findChildren<AboutDialog *>().isEmpty());
}

void TstAboutDialog::historyNotOpenIsSaid()
{
    AboutDialog dialog({QString(), u"/home/someone/Videos/Video Remix"_s, u"/home/someone/.config/x.conf"_s});
    const QString places = dialog.findChild<QLabel *>(u"aboutPlacesLabel"_s)->text();
    QVERIFY2(places.contains(u"not open"_s), qPrintable(places));
    QVERIFY2(places.contains(u"Videos/Video Remix"_s), qPrintable(places));
}

QTEST_MAIN(TstAboutDialog)
#include "tst_aboutdialog.moc"
