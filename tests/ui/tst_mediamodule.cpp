// Qt Multimedia is not part of the start: the main window is built and shown without it, and the media
// module (ui/media/, mediafactory.h) is loaded the first time a player is asked for; its player puts
// its picture where it is told and goes without leaving it behind.

#include "appcore.h"
#include "mainwindow.h"
#include "mediafactory.h"
#include "mediamodule.h"
#include "testhelpers.h"

#include <QFile>
#include <QPointer>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// The libraries mapped into this process (Linux: /proc/self/maps lists every loaded one).
QByteArray loadedLibraries()
{
    QFile maps(u"/proc/self/maps"_s);
    return maps.open(QIODevice::ReadOnly) ? maps.readAll() : QByteArray();
}
} // namespace

class TstMediaModule final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    // In this order: the first needs a process that has not loaded the module yet.
    void mainWindowStartsWithoutQtMultimedia();
    void firstPlayerLoadsTheModule();
};

void TstMediaModule::initTestCase()
{
    TestHelpers::enterTestMode();
#if !defined(Q_OS_LINUX)
    QSKIP("the media module is separate on Linux only (built into the app elsewhere)");
#endif
}

void TstMediaModule::mainWindowStartsWithoutQtMultimedia()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto core = TestHelpers::makeTestCore(dir, &store, QUrl(u"http://127.0.0.1:9"_s));
    MainWindow window(core.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QByteArray libraries = loadedLibraries();
    QVERIFY(libraries.contains("libQt6Widgets.so")); // the list is readable
    QVERIFY(!libraries.contains("libQt6Multimedia.so"));
}

void TstMediaModule::firstPlayerLoadsTheModule()
{
    Media::Factory *media = MediaModule::factory();
    QVERIFY(media);
    QVERIFY(loadedLibraries().contains("libQt6Multimedia.so"));
    QCOMPARE(MediaModule::factory(), media); // loaded once

    if (!media->isUsable())
        QSKIP("no multimedia backend on this machine that can make a player without crashing");
    QWidget pane;
    bool errorReported = false;
    Media::VideoPlayer::Handlers handlers;
    handlers.errorOccurred = [&errorReported](const QString &) {
        errorReported = true;
    };
    std::unique_ptr<Media::VideoPlayer> player = media->createPlayer(&pane, true, std::move(handlers));
    QVERIFY(player);
    QPointer<QWidget> picture = player->videoWidget();
    QVERIFY(picture);
    QCOMPARE(picture->parentWidget(), &pane);
    QVERIFY(!player->isPlaying());
    QCOMPARE(player->position(), 0);
    player->setSource(QString()); // nothing to let go of: no harm
    QVERIFY(!errorReported);
    player.reset();
    QVERIFY(!picture); // the picture goes with its player
}

QTEST_MAIN(TstMediaModule)
#include "tst_mediamodule.moc"
