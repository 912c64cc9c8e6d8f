// Every control a keyboard or screen-reader user can reach has a name, in English and in Chinese: the
// main window (form, filter bar, toolbar, list, details with its player), and the settings dialog. The
// walk goes through QAccessible, as a screen reader does, so a control named only by its looks (an
// icon, a placeholder that disappears) fails here.

#include "appcore.h"
#include "fakevideoserver.h"
#include "jobcomposer.h"
#include "jobdetailspanel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/remixjob.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "testhelpers.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

class TstAccessibility final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyControlHasAName_data();
    void everyControlHasAName();
    void listCellsSpeakProgressAndStatus();
    void tabOrderFollowsTheScreen();
    void newVideoTabTakesFocusAndTabOrder();

private:
    // The visible controls under root that take input, and what a screen reader would call them.
    static QStringList unnamedControls(QWidget *root);
    void addJobs();

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<MainWindow> m_window;
};

void TstAccessibility::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TstAccessibility::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_core = TestHelpers::makeTestCore(*m_dir, m_store.get(), m_server->rootUrl());
    m_window = std::make_unique<MainWindow>(m_core.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstAccessibility::cleanup()
{
    m_window.reset();
    m_core.reset();
    m_store.reset();
    m_dir.reset();
    m_server.reset();
}

QStringList TstAccessibility::unnamedControls(QWidget *root)
{
    QStringList unnamed;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        // Disabled controls too: a screen reader reads them ("Play, unavailable").
        if (!widget->isVisibleTo(root))
            continue;
        const bool interactive = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
                                 || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSlider *>(widget)
                                 || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                                 || qobject_cast<QTextEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget)
                                 || qobject_cast<QTabBar *>(widget);
        // Parts of a compound control (a combo box's own line edit, a scroll area's bars) are named by it.
        if (!interactive || qobject_cast<QComboBox *>(widget->parentWidget())
            || widget->objectName().startsWith(u"qt_"_s))
            continue;
        if (widget->focusPolicy() == Qt::NoFocus && !qobject_cast<QAbstractButton *>(widget))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        const QString name = accessible ? accessible->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            unnamed << u"%1 \"%2\""_s.arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
    }
    return unnamed;
}

void TstAccessibility::addJobs()
{
    // A saved video (so the details show the player and the file buttons) and a failed job.
    const QString file = m_dir->filePath(u"result.mp4"_s);
    QVERIFY(QFile::copy(QStringLiteral(VIDEOREMIX_SOURCE_DIR "/resources/demo/result.mp4"), file));
    RemixJob done;
    done.localId = u"done"_s;
    done.sourceVideoId = u"video_source1"_s;
    done.resultVideoId = u"video_result1"_s;
    done.prompt = u"make it snow"_s;
    done.state = JobState::Completed;
    done.progress = 100;
    done.submittedAt = QDateTime::currentDateTimeUtc();
    done.downloadState = DownloadState::Done;
    done.filePath = file;
    m_core->jobList()->add(done);
    RemixJob failed;
    failed.localId = u"failed"_s;
    failed.sourceVideoId = u"video_source2"_s;
    failed.prompt = u"blood"_s;
    failed.state = JobState::Failed;
    failed.error = ApiError::fromFailedJob(u"moderation_blocked"_s, u"Blocked."_s);
    failed.submittedAt = QDateTime::currentDateTimeUtc();
    m_core->jobList()->add(failed);
    m_window->selectJob(u"done"_s);
}

void TstAccessibility::everyControlHasAName_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QString(LanguageManager::English);
    QTest::newRow("zh_CN") << QString(LanguageManager::Chinese);
}

void TstAccessibility::everyControlHasAName()
{
    QFETCH(QString, language);
    m_core->languageManager()->setLanguage(language);
    addJobs();
    auto *details = m_window->findChild<JobDetailsPanel *>(u"detailsPanel"_s);
    QVERIFY(details);
    QTRY_VERIFY(!details->resultFile().isEmpty());

    QStringList unnamed;
    for (const QString &name : unnamedControls(m_window.get()))
        unnamed << u"main window: "_s + name;
    for (const QString &name : unnamedControls(details))
        unnamed << u"details: "_s + name;
    // The New Video tab (its form is built when the tab is first shown).
    auto *composer = m_window->findChild<JobComposer *>();
    QVERIFY(composer);
    composer->showCreate();
    for (const QString &name : unnamedControls(composer))
        unnamed << u"new video tab: "_s + name;
    composer->showRemix();

    // Menu items and toolbar actions are read by their text; an icon alone says nothing. Actions shown
    // nowhere (a menu's own action when the menu is only a popup, Qt's internal ones) do not count.
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        if (action->objectName().startsWith(u"_q_"_s)) // Qt's own (a line edit's clear button)
            continue;
        const QList<QObject *> shownIn = action->associatedObjects();
        const bool shown = std::any_of(shownIn.cbegin(), shownIn.cend(), [action](const QObject *object) {
            return object != action->parent() && qobject_cast<const QWidget *>(object)
                   && !object->objectName().startsWith(u"qt_"_s);
        });
        if (shown && !action->isSeparator() && action->isVisible() && action->text().remove(u'&').trimmed().isEmpty())
            unnamed << u"action: "_s + action->objectName();
    }

    m_window->openSettings();
    SettingsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog *>()) && dialog->isVisible());
    for (const QString &name : unnamedControls(dialog))
        unnamed << u"settings: "_s + name;
    QVERIFY2(unnamed.isEmpty(), qPrintable(u"controls without an accessible name: "_s + unnamed.join(u"; "_s)));
    dialog->reject();
}

void TstAccessibility::listCellsSpeakProgressAndStatus()
{
    addJobs();
    auto *view = m_window->findChild<QAbstractItemView *>(u"jobView"_s);
    QVERIFY(view);
    QAccessibleInterface *table = QAccessible::queryAccessibleInterface(view);
    QVERIFY(table && table->tableInterface());
    // The completed job is the older one: row 1 as the list sorts (newest first).
    const int row = view->model()->index(0, 0).data(JobModel::JobIdRole).toString() == u"done"_s ? 0 : 1;
    QAccessibleInterface *progress = table->tableInterface()->cellAt(row, JobModel::ProgressColumn);
    QVERIFY(progress);
    QCOMPARE(progress->text(QAccessible::Name), u"100 percent"_s);
    QAccessibleInterface *status = table->tableInterface()->cellAt(1 - row, JobModel::StatusColumn);
    QVERIFY(status);
    QVERIFY2(status->text(QAccessible::Name).contains(u"blocked by moderation"_s),
             qPrintable(status->text(QAccessible::Name)));
}

// Tab goes down the window as it is drawn: the form, the filter bar, the list, then the details.
void TstAccessibility::tabOrderFollowsTheScreen()
{
    addJobs();
    auto *details = m_window->findChild<JobDetailsPanel *>(u"detailsPanel"_s);
    QTRY_VERIFY(!details->resultFile().isEmpty());
    const QList<QWidget *> panes = {m_window->findChild<QWidget *>(u"remixForm"_s),
                                    m_window->findChild<QWidget *>(u"filterBar"_s),
                                    m_window->findChild<QWidget *>(u"jobView"_s), details};
    for (QWidget *pane : panes)
        QVERIFY(pane);
    const auto paneOf = [&panes](QWidget *widget) {
        for (int i = 0; i < panes.size(); ++i) {
            if (widget == panes.at(i) || panes.at(i)->isAncestorOf(widget))
                return i;
        }
        return -1;
    };
    QWidget *start = m_window->findChild<QWidget *>(u"videoIdEdit"_s);
    QVERIFY(start);
    QStringList order;
    int previous = 0;
    QWidget *widget = start;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(m_window.get())) {
            const int pane = paneOf(widget);
            if (pane >= 0) {
                order << u"%1:%2"_s.arg(pane).arg(widget->objectName());
                QVERIFY2(pane >= previous, qPrintable(order.join(u" → "_s)));
                previous = pane;
            }
        }
        widget = widget->nextInFocusChain();
    } while (widget && widget != start);
    // Every pane was on the way; in the filter bar, the search field comes after the buttons left of it,
    // so Tab from the search field (Ctrl+F) goes on to the list.
    QCOMPARE(previous, int(panes.size()) - 1);
    QWidget *search = m_window->findChild<QWidget *>(u"searchEdit"_s);
    QWidget *next = search->nextInFocusChain();
    while (next != search && !((next->focusPolicy() & Qt::TabFocus) && next->isVisibleTo(m_window.get())))
        next = next->nextInFocusChain();
    QCOMPARE(next->objectName(), u"jobView"_s);
}

// The New Video form is built when its tab is first shown, after the rest of the window: switching to
// it from the remix form puts the focus on its first field, and Tab goes down the form, then on to the
// filter bar and the list, as on the Remix tab.
void TstAccessibility::newVideoTabTakesFocusAndTabOrder()
{
    addJobs(); // the list is shown (not the empty list's next step)
    auto *composer = m_window->findChild<JobComposer *>();
    QVERIFY(composer);
    QWidget *videoId = m_window->findChild<QWidget *>(u"videoIdEdit"_s);
    videoId->setFocus();
    QTRY_VERIFY(videoId->hasFocus());
    composer->showCreate();
    QWidget *page = m_window->findChild<QWidget *>(u"createPage"_s);
    QVERIFY(page);
    QWidget *focused = QApplication::focusWidget();
    QVERIFY2(focused && focused != page && page->isAncestorOf(focused),
             qPrintable(focused ? focused->objectName() : u"nothing"_s));

    const QList<QWidget *> panes = {page, m_window->findChild<QWidget *>(u"filterBar"_s),
                                    m_window->findChild<QWidget *>(u"jobView"_s)};
    QStringList order;
    int previous = 0;
    int fieldsOfTheForm = 0;
    QWidget *widget = focused;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(m_window.get())) {
            int pane = -1;
            for (int i = 0; i < panes.size(); ++i) {
                if (widget == panes.at(i) || panes.at(i)->isAncestorOf(widget))
                    pane = i;
            }
            if (pane >= 0) {
                order << u"%1:%2"_s.arg(pane).arg(widget->objectName());
                QVERIFY2(pane >= previous, qPrintable(order.join(u" → "_s)));
                previous = pane;
                fieldsOfTheForm += pane == 0 ? 1 : 0;
            }
        }
        widget = widget->nextInFocusChain();
    } while (widget && widget != focused);
    QVERIFY2(previous == int(panes.size()) - 1, qPrintable(order.join(u" → "_s)));
    QVERIFY2(fieldsOfTheForm >= 5, qPrintable(order.join(u" → "_s)));
}

QTEST_MAIN(TstAccessibility)
#include "tst_accessibility.moc"
