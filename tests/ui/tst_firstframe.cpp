// What the main window's first frame does not need waits for it (FirstFrame, DeferredIcon): held work
// runs on release and not before, a destroyed context's work never runs, a deferred icon keeps its room
// but draws nothing until then, and the main window built while held has its icons, clear buttons and
// its tray or notification service once released. Without a hold everything happens at once, as before.

#include "appcore.h"
#include "deferredicon.h"
#include "firstframe.h"
#include "mainwindow.h"
#include "testhelpers.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {
// The objects that show desktop messages: a tray icon, or the freedesktop notification service's client.
int desktopMessengers(const QObject *window)
{
    int count = 0;
    for (const QObject *child : window->findChildren<QObject *>()) {
        const QByteArray name = child->metaObject()->className();
        count += int(name == "QSystemTrayIcon" || name == "DesktopNotifications");
    }
    return count;
}

// Whether any pixel of the icon's 16×16 pixmap is drawn.
bool drawsSomething(const QIcon &icon)
{
    const QImage image = icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) != 0)
                return true;
        }
    }
    return false;
}
} // namespace

class TstFirstFrame final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }
    void cleanup() { FirstFrame::release(); }
    void workWaitsUntilReleased();
    void workOfADestroyedContextNeverRuns();
    void deferredIconKeepsItsRoomAndDrawsOnceReleased();
    void withoutAHoldIconsAreReadyAtOnce();
    void mainWindowGetsItsIconsAndClearButtonsOnRelease();
};

void TstFirstFrame::workWaitsUntilReleased()
{
    QObject context;
    QStringList ran;
    FirstFrame::hold();
    QVERIFY(FirstFrame::isHeld());
    FirstFrame::whenShown(&context, [&ran] { ran << u"first"_s; });
    FirstFrame::whenShown(&context, [&ran] { ran << u"second"_s; });
    QCoreApplication::processEvents();
    QCOMPARE(ran, QStringList());

    FirstFrame::release();
    QVERIFY(!FirstFrame::isHeld());
    QCOMPARE(ran, (QStringList{u"first"_s, u"second"_s}));
    // Once released, work runs at once, and a second release runs nothing again.
    FirstFrame::whenShown(&context, [&ran] { ran << u"later"_s; });
    FirstFrame::release();
    QCOMPARE(ran, (QStringList{u"first"_s, u"second"_s, u"later"_s}));
}

void TstFirstFrame::workOfADestroyedContextNeverRuns()
{
    int runs = 0;
    FirstFrame::hold();
    {
        QObject gone;
        FirstFrame::whenShown(&gone, [&runs] { ++runs; });
    }
    QObject kept;
    FirstFrame::whenShown(&kept, [&runs] { runs += 10; });
    FirstFrame::release();
    QCOMPARE(runs, 10);
}

void TstFirstFrame::deferredIconKeepsItsRoomAndDrawsOnceReleased()
{
    FirstFrame::hold();
    const QIcon icon = DeferredIcon::standard(QStyle::SP_DirIcon);
    const QIcon copy = icon; // a copy taken while held (an action's) resolves with it
    QVERIFY(!icon.isNull()); // buttons and menus keep room for it
    QCOMPARE(icon.actualSize(QSize(16, 16)), QSize(16, 16));
    QVERIFY(icon.availableSizes().isEmpty());
    QVERIFY(!drawsSomething(icon));

    FirstFrame::release();
    QVERIFY(drawsSomething(icon));
    QVERIFY(drawsSomething(copy));
    QVERIFY(!icon.availableSizes().isEmpty());
    // A theme name the theme does not have, and no fallback, is a null icon once looked up.
    FirstFrame::hold();
    const QIcon missing = DeferredIcon::themed(u"videoremix-no-such-icon"_s);
    QVERIFY(!missing.isNull());
    FirstFrame::release();
    QVERIFY(missing.isNull());
}

void TstFirstFrame::withoutAHoldIconsAreReadyAtOnce()
{
    QVERIFY(!FirstFrame::isHeld());
    QVERIFY(drawsSomething(DeferredIcon::standard(QStyle::SP_DirIcon)));
    QVERIFY(drawsSomething(DeferredIcon::themed(u"videoremix-no-such-icon"_s, QStyle::SP_TrashIcon)));
}

void TstFirstFrame::mainWindowGetsItsIconsAndClearButtonsOnRelease()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSettings store(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    auto core = TestHelpers::makeTestCore(dir, &store, QUrl(u"http://127.0.0.1:9"_s));
    FirstFrame::hold();
    MainWindow window(core.get());
    window.show();
    auto *idEdit = window.findChild<QLineEdit *>(u"videoIdEdit"_s);
    auto *search = window.findChild<QLineEdit *>(u"searchEdit"_s);
    auto *refresh = window.findChild<QAction *>(u"actionRefresh"_s);
    QVERIFY(idEdit && search && refresh);
    QVERIFY(!idEdit->isClearButtonEnabled());
    QVERIFY(!search->isClearButtonEnabled());
    QVERIFY(!refresh->icon().isNull());
    QVERIFY(!drawsSomething(refresh->icon()));
    // Asking for a tray (the X server, the session bus) waits too.
    QCOMPARE(desktopMessengers(&window), 0);

    FirstFrame::release();
    QVERIFY(idEdit->isClearButtonEnabled());
    QVERIFY(search->isClearButtonEnabled());
    QVERIFY(drawsSomething(refresh->icon()));
#if defined(Q_OS_LINUX)
    QCOMPARE(desktopMessengers(&window), 1); // offscreen has no tray: the notification service's client
#endif
}

QTEST_MAIN(TstFirstFrame)
#include "tst_firstframe.moc"
