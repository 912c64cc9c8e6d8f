// The main window as a user meets it: focus, typing and pasting, Ctrl+Return, a job running to 100 %
// against the loopback fake API, inline hints instead of requests, and switching 中文 / English live.

#include "api/prompt.h"
#include "api/videoid.h"
#include "appcore.h"
#include "demo/demoservice.h"
#include "downloads/downloadmanager.h"
#include "fakevideoserver.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messageboxanswerer.h"
#include "notificationtray.h"
#include "profilepicker.h"
#include "remixform.h"
#include "screenshot.h"
#include "services/connectiontester.h"
#include "services/profilestore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "testhelpers.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString ChinesePrompt = u"让这个视频背景变成紫色"_s;

// What an input method does when the user picks the characters: one commit, no key events.
// (QTest::keyClicks sends Latin-1 key events only, so it cannot type Chinese.)
void commitText(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(widget, &event);
}

// A key held down, as the platform delivers it: the press, then an auto-repeated release and press
// for every repeat (X11 and Windows repeat about 25 times a second), then the real release.
// QTest::keyClick and keyPress cannot mark events as auto-repeated; simulateEvent(), which they use
// underneath, can, and it passes the flag on to the shortcut map as the platform does.
void holdKey(QWidget *widget, Qt::Key key, Qt::KeyboardModifiers modifiers, int repeats)
{
    QTest::simulateEvent(widget, true, key, modifiers, QString(), false);
    for (int i = 0; i < repeats; ++i) {
        QTest::simulateEvent(widget, false, key, modifiers, QString(), true);
        QTest::simulateEvent(widget, true, key, modifiers, QString(), true);
    }
    QTest::simulateEvent(widget, false, key, modifiers, QString(), false);
}

// Clicks the button with this object name in the next modal message box (custom buttons, which
// MessageBoxAnswerer cannot name); returns the box's object name through *boxName.
void clickInNextBox(const QString &buttonName, QString *boxName = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, buttonName, boxName] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (boxName)
            *boxName = box->objectName();
        if (auto *button = box->findChild<QAbstractButton *>(buttonName))
            button->click();
        else
            box->reject();
        timer->deleteLater();
    });
    timer->start();
}
} // namespace

class TstMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoRemixEndsWithTheDownloadedVideo();

    void opensWithFocusInVideoId();
    void ctrlReturnRunsJobToCompletionAndLanguageSwitches();
    void keypadCtrlEnterSubmitsToo();
    void heldShortcutSendsOneRemix_data();
    void heldShortcutSendsOneRemix();
    void doubleClickOnRemixSendsOneRemix();
    void secondPressSoonAfterAsksFirst_data();
    void secondPressSoonAfterAsksFirst();
    void anotherPromptIsNotAsked();
    void refusedRemixIsSentAgainWithoutQuestion();
    void pastedTextIsCleaned_data();
    void pastedTextIsCleaned();
    void severalPastedIdsAreNamed();
    void soraAppIdShowsHintAndSendsNothing();
    void emptyIdShowsHintOnSubmitAndSendsNothing();
    void overLongPromptIsRefused();
    void windowStateIsRemembered();
    void settingsDialogShowsRemixUrlAndWarnings();
    void settingsDialogShowsEnvironmentValuesReadOnly();
    void settingsDialogTestButtonTellsWorksFromNoVideoApi();
    void settingsDialogTestRemembersTheRemixRoute();
    void settingsDialogAddsRemovesAndPicksProfiles();
    void savedKeyIsNotOfferedToAnotherHost();
    void settingsDialogSaysWhenNoKeychainAnswers();
    void firstRunDialogDemoButtonSelectsTheDemo();
    void firstStartShowsNextStepsAndRemixOffersTheDemo();
    void demoShowsItsSampleVideos();
    void settingsAskBeforeDiscardingTypedChanges();
    void notifyIsOfferedOnlyWhereAMessageCanShow();
    void profilePickerFollowsAndChangesTheActiveProfile();
    void staleStatusMessagesAreCleared();
    void listShowsSixRowsWithoutSideScrolling();
    void formHintDoesNotPushThePrompt();
    void screenshots();

private:
    template<typename T> T *child(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qWarning() << "no child" << name;
        return widget;
    }
    // Submits a valid job afterwards and checks it is the only POST the server saw: proves that what
    // came before sent nothing, without waiting for something that should not happen.
    void verifyNothingWasSentBefore();
    // Fills the form and puts the focus in the prompt, where the user is when pressing Ctrl+Return.
    void fillForm(const QString &videoId, const QString &prompt);
    // Waits until every job in the list has had the answer to its POST and shows what the service
    // made: whatever the gesture sent has reached the server by then, so counting POSTs is final.
    void waitUntilEverySubmitIsAnswered();

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<MainWindow> m_window;
};

void TstMainWindow::initTestCase()
{
    TestHelpers::enterTestMode();
}

void TstMainWindow::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);

    m_core = TestHelpers::makeTestCore(*m_dir, m_store.get(), m_server->rootUrl());

    m_window = std::make_unique<MainWindow>(m_core.get());
    m_window->show();
    m_window->activateWindow();
    QTRY_VERIFY(m_window->isActiveWindow());
}

void TstMainWindow::cleanup()
{
    // Let submitted jobs finish first (a few 30 ms polls), so no request is in flight at teardown:
    // what happens to in-flight requests when AppCore goes is the core tests' business, not this one's.
    if (m_core)
        QTRY_COMPARE_WITH_TIMEOUT(m_core->jobController()->activeJobCount(), 0, 10000);
    m_window.reset();
    m_core.reset();
    m_store.reset();
    m_dir.reset();
    m_server.reset();
}

// The newcomer's path: the built-in demo, typed into the real window, to a saved MP4 on disk, with no
// network but loopback.
void TstMainWindow::demoRemixEndsWithTheDownloadedVideo()
{
    QVERIFY(m_core->startDemo());
    m_core->demoService()->setSpeed(20.0);
    PollSettings polling = m_core->jobController()->pollSettings();
    polling.intervalOverrideMs = 30; // the demo profile's own interval is a second
    m_core->jobController()->setPollSettings(polling);
    m_core->settings()->setDownloadFolder(m_dir->filePath(u"videos"_s));
    m_core->settings()->setAutoDownload(true);

    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    QTest::keyClicks(idEdit, u"video_demo_city"_s);
    QTest::keyClick(idEdit, Qt::Key_Tab);
    commitText(child<QPlainTextEdit>(u"promptEdit"_s), ChinesePrompt);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);

    JobModel *model = m_core->jobModel();
    QTRY_COMPARE(model->rowCount(), 1);
    const QModelIndex row = model->index(0, 0);
    QTRY_COMPARE_WITH_TIMEOUT(row.data(JobModel::StateRole).toInt(), int(JobState::Completed), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(row.data(JobModel::DownloadStateRole).toInt(), int(DownloadState::Done), 10000);
    const QString path = row.data(JobModel::FilePathRole).toString();
    QVERIFY2(path.startsWith(m_dir->filePath(u"videos"_s)) && path.endsWith(u".mp4"_s), qPrintable(path));
    QFile video(path);
    QVERIFY(video.open(QIODevice::ReadOnly));
    QCOMPARE(video.read(8).mid(4), QByteArray("ftyp"));
    QVERIFY(model->index(0, JobModel::StatusColumn).data().toString().contains(u"saved"_s));
    QCOMPARE(m_server->requestCount("POST"), 0); // the configured relay was never involved
}

void TstMainWindow::verifyNothingWasSentBefore()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    JobModel *model = m_core->jobModel();
    const int rows = model->rowCount();
    idEdit->setText(u"video_after"_s);
    promptEdit->setPlainText(u"after"_s);
    child<QPushButton>(u"remixButton"_s)->click();
    QCOMPARE(model->rowCount(), rows + 1);
    QTRY_COMPARE(m_server->requestCount("POST"), 1);
    QVERIFY(m_server->requests().constFirst().rawPath.contains("/videos/video_after/remix"));
}

void TstMainWindow::opensWithFocusInVideoId()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    QVERIFY(idEdit);
    QTRY_VERIFY(idEdit->hasFocus());
    // Tab goes on to the prompt, and Tab in the prompt leaves it instead of typing a tab.
    QTest::keyClick(idEdit, Qt::Key_Tab);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    QTRY_VERIFY(promptEdit->hasFocus());
    QVERIFY(promptEdit->tabChangesFocus());
    QCOMPARE(m_window->windowTitle(), u"Video Remix"_s);
    // The service is named once in the status bar: by the picker (name and host), not by a label too.
    QVERIFY(child<QComboBox>(u"profilePicker"_s)->currentText().contains(u"127.0.0.1"_s));
    QVERIFY(!child<QLabel>(u"serviceLabel"_s)->isVisible());
}

// The list is the point of the window: at the default size it shows at least six jobs, and neither there
// nor at 800x600 do the default columns need a horizontal scroll bar; the details give way first.
void TstMainWindow::listShowsSixRowsWithoutSideScrolling()
{
    for (int i = 0; i < 10; ++i) {
        RemixJob job;
        job.localId = u"job%1"_s.arg(i);
        job.sourceVideoId = u"video_68d7512d07848190b3e45da0ecbeb%1"_s.arg(i, 3, 10, QChar(u'0'));
        job.resultVideoId = u"video_77a1c3d5e7f9012345678abcdef0%1"_s.arg(i, 3, 10, QChar(u'0'));
        job.prompt = u"Make the background purple and add falling snow"_s;
        job.state = i == 0 ? JobState::Failed : JobState::Completed;
        job.error = i == 0 ? ApiError::fromFailedJob(u"moderation_blocked"_s, u"Blocked."_s) : ApiError();
        job.progress = i == 0 ? 0 : 100;
        job.submittedAt = QDateTime::currentDateTimeUtc().addDays(-1);
        // Thumbnails, as a real service (or the frame of the saved video) gives them.
        if (i > 0)
            job.thumbnailPath = QStringLiteral(VIDEOREMIX_SOURCE_DIR "/resources/demo/result.jpg");
        m_core->jobList()->add(job);
    }
    m_window->selectJob(u"job5"_s);
    auto *view = child<QTreeView>(u"jobView"_s);
    const auto visibleRows = [view] {
        const int rowHeight = view->visualRect(view->model()->index(0, 0)).height();
        return rowHeight > 0 ? view->viewport()->height() / rowHeight : 0;
    };
    for (const QString &language : {QString(LanguageManager::English), QString(LanguageManager::Chinese)}) {
        m_core->languageManager()->setLanguage(language);
        m_window->resize(1024, 760);
        QTRY_VERIFY2(visibleRows() >= 6, qPrintable(QString::number(visibleRows())));
        QTRY_VERIFY(!view->horizontalScrollBar()->isVisible());
        m_window->resize(800, 600);
        QTRY_VERIFY2(visibleRows() >= 3, qPrintable(QString::number(visibleRows())));
        QTRY_VERIFY(!view->horizontalScrollBar()->isVisible());
        // The status says why the failed job failed, whole, before the prompt gets its room.
        const QModelIndex failed = view->model()->index(0, JobModel::StatusColumn);
        const QString status = failed.data().toString();
        QVERIFY2(view->fontMetrics().horizontalAdvance(status) <= view->columnWidth(JobModel::StatusColumn),
                 qPrintable(status));
    }
}

// A hint under the id field appears as the user types: it must not move the prompt box down.
void TstMainWindow::formHintDoesNotPushThePrompt()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    QTRY_VERIFY(idEdit->hasFocus());
    const int promptTop = promptEdit->mapTo(m_window.get(), QPoint(0, 0)).y();
    QTest::keyClicks(idEdit, u"s_not_an_api_id"_s);
    QTRY_VERIFY(child<QLabel>(u"idHintLabel"_s)->isVisible());
    QCOMPARE(promptEdit->mapTo(m_window.get(), QPoint(0, 0)).y(), promptTop);
}

// A status bar message that stopped being true goes at once: a failed download that then succeeded.
void TstMainWindow::staleStatusMessagesAreCleared()
{
    DownloadManager *downloads = m_core->downloadManager();
    const QString failure = u"The video could not be saved: disk full."_s;
    emit downloads->downloadFailed(u"job1"_s, failure);
    QCOMPARE(m_window->statusBar()->currentMessage(), failure);
    // Another job's success says nothing about this one.
    emit downloads->videoSaved(u"job2"_s, m_dir->filePath(u"b.mp4"_s));
    QCOMPARE(m_window->statusBar()->currentMessage(), failure);
    emit downloads->videoSaved(u"job1"_s, m_dir->filePath(u"a.mp4"_s));
    QVERIFY(m_window->statusBar()->currentMessage().isEmpty());
}

void TstMainWindow::ctrlReturnRunsJobToCompletionAndLanguageSwitches()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    auto *remixButton = child<QPushButton>(u"remixButton"_s);
    auto *jobView = child<QTreeView>(u"jobView"_s);
    auto *details = child<QLabel>(u"detailsLabel"_s);
    QVERIFY(idEdit && promptEdit && remixButton && jobView && details);
    JobModel *model = m_core->jobModel();
    const int rowsBefore = model->rowCount();

    QTRY_VERIFY(idEdit->hasFocus());
    QTest::keyClicks(idEdit, u"video_abc123"_s);
    QTest::keyClick(idEdit, Qt::Key_Tab);
    QTRY_VERIFY(promptEdit->hasFocus());
    commitText(promptEdit, ChinesePrompt);
    QCOMPARE(promptEdit->toPlainText(), ChinesePrompt);
    QCOMPARE(child<QLabel>(u"promptCounterLabel"_s)->text(), u"11 / 32,000"_s);

    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);

    // The row is there at once, at the top, selected; the form keeps its values for a variant.
    QCOMPARE(model->rowCount(), rowsBefore + 1);
    const QString localId = model->index(0, 0).data(JobModel::JobIdRole).toString();
    QVERIFY(!localId.isEmpty());
    QCOMPARE(jobView->currentIndex().row(), 0);
    QCOMPARE(idEdit->text(), u"video_abc123"_s);
    QCOMPARE(promptEdit->toPlainText(), ChinesePrompt);

    const auto cell = [&](int column, int role = Qt::DisplayRole) {
        return model->indexOf(localId, column).data(role);
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(0, JobModel::StateRole).toInt(), int(JobState::Completed), 10000);
    QTRY_COMPARE(cell(0, JobModel::ProgressRole).toInt(), 100);
    QCOMPARE(cell(JobModel::StatusColumn).toString(), u"Completed"_s);

    // Exactly one POST, to the right id, carrying the Chinese prompt intact.
    QCOMPARE(m_server->requestCount("POST"), 1);
    const auto requests = m_server->requests();
    const auto post = std::find_if(requests.cbegin(), requests.cend(),
                                   [](const FakeVideoServer::Request &r) { return r.method == "POST"; });
    QVERIFY(post != requests.cend());
    QVERIFY(post->rawPath.endsWith("/v1/videos/video_abc123/remix"));
    QCOMPARE(QJsonDocument::fromJson(post->body).object().value("prompt"_L1).toString(), ChinesePrompt);
    QTRY_VERIFY(details->text().contains(u"Completed"_s));

    // 中文, through the menu, with no restart.
    auto *chinese = m_window->findChild<QAction *>(u"languageChineseAction"_s);
    auto *english = m_window->findChild<QAction *>(u"languageEnglishAction"_s);
    QVERIFY(chinese && english);
    QCOMPARE(chinese->text(), u"中文"_s);
    QVERIFY(english->isChecked());
    chinese->trigger();
    QCOMPARE(m_core->languageManager()->currentLanguage(), LanguageManager::Chinese);
    QVERIFY(chinese->isChecked());

    // What the installed translator says is what every visible text must now be. The translation file
    // is filled by hand; if "Status" is not translated, the check below that it changed fails.
    const QString chineseStatusHeader = QCoreApplication::translate("JobModel", "Status", "column header: job status");
    const QString chineseCompleted = JobStates::displayName(JobState::Completed);
    const QString chineseRemix = QCoreApplication::translate("RemixForm", "Remix", "button: start a remix job");
    const QString chineseTitle =
        QCoreApplication::translate("MainWindow", "Video Remix", "main window title: the app's name");
    QVERIFY2(chineseStatusHeader != u"Status"_s, "the Chinese translation of the Status header is missing");
    QVERIFY2(chineseCompleted != u"Completed"_s, "the Chinese translation of Completed is missing");
    QTRY_COMPARE(model->headerData(JobModel::StatusColumn, Qt::Horizontal).toString(), chineseStatusHeader);
    QTRY_COMPARE(cell(JobModel::StatusColumn).toString(), chineseCompleted);
    // Widgets switch on the LanguageChange event Qt posts to them.
    QTRY_COMPARE(remixButton->text(), chineseRemix);
    QTRY_COMPARE(m_window->windowTitle(), chineseTitle);
    QTRY_VERIFY(details->text().contains(chineseCompleted));
    QCOMPARE(chinese->text(), u"中文"_s); // language names are never translated

    // And back.
    english->trigger();
    QTRY_COMPARE(model->headerData(JobModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
    QTRY_COMPARE(cell(JobModel::StatusColumn).toString(), u"Completed"_s);
    QTRY_COMPARE(remixButton->text(), u"Remix"_s);
    QTRY_COMPARE(m_window->windowTitle(), u"Video Remix"_s);
    QTRY_VERIFY(details->text().contains(u"Completed"_s));
    QCOMPARE(m_server->requestCount("POST"), 1);
}

void TstMainWindow::keypadCtrlEnterSubmitsToo()
{
    child<QLineEdit>(u"videoIdEdit"_s)->setText(u"video_keypad"_s);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    promptEdit->setFocus();
    promptEdit->setPlainText(u"purple"_s);
    promptEdit->moveCursor(QTextCursor::End);
    const int rows = m_core->jobModel()->rowCount();
    QTest::keyClick(m_window.get(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    QCOMPARE(m_core->jobModel()->rowCount(), rows + 1);
    // Plain Return in the prompt is a new line, not a submit.
    QTest::keyClick(promptEdit, Qt::Key_Return);
    QCOMPARE(m_core->jobModel()->rowCount(), rows + 1);
    QCOMPARE(promptEdit->toPlainText(), u"purple\n"_s);
    QTRY_COMPARE(m_server->requestCount("POST", u"video_keypad"_s), 1);
}

void TstMainWindow::fillForm(const QString &videoId, const QString &prompt)
{
    child<QLineEdit>(u"videoIdEdit"_s)->setText(videoId);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    promptEdit->setPlainText(prompt);
    promptEdit->setFocus();
    promptEdit->moveCursor(QTextCursor::End);
    QTRY_VERIFY(promptEdit->hasFocus());
}

void TstMainWindow::waitUntilEverySubmitIsAnswered()
{
    JobModel *model = m_core->jobModel();
    const auto answered = [model] {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            const auto state = JobState(index.data(JobModel::StateRole).toInt());
            if (state == JobState::Submitting
                || (state != JobState::SubmitFailed && index.data(JobModel::ResultIdRole).toString().isEmpty()))
                return false;
        }
        return model->rowCount() > 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(answered(), 10000);
}

void TstMainWindow::heldShortcutSendsOneRemix_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    QTest::newRow("Ctrl+Return") << int(Qt::Key_Return) << Qt::KeyboardModifiers(Qt::ControlModifier);
    QTest::newRow("keypad Ctrl+Enter") << int(Qt::Key_Enter)
                                       << Qt::KeyboardModifiers(Qt::ControlModifier | Qt::KeypadModifier);
}

// Holding the shortcut for 1.5 s (22 auto-repeats) used to send 23 paid remixes.
void TstMainWindow::heldShortcutSendsOneRemix()
{
    QFETCH(int, key);
    QFETCH(Qt::KeyboardModifiers, modifiers);
    fillForm(u"video_held"_s, u"purple sky"_s);
    MessageBoxAnswerer answerer(QMessageBox::No); // there must be nothing to answer
    holdKey(child<QPlainTextEdit>(u"promptEdit"_s), Qt::Key(key), modifiers, 22);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_core->jobModel()->rowCount(), 1);
    QCOMPARE(answerer.count(), 0);
    // The repeats did not reach the prompt as new lines either.
    QCOMPARE(child<QPlainTextEdit>(u"promptEdit"_s)->toPlainText(), u"purple sky"_s);
}

// A double click on Remix used to send two paid remixes.
void TstMainWindow::doubleClickOnRemixSendsOneRemix()
{
    fillForm(u"video_double"_s, u"falling snow"_s);
    auto *button = child<QPushButton>(u"remixButton"_s);
    MessageBoxAnswerer answerer(QMessageBox::No);
    // What a widget receives for a real double click: Qt replaces the second press by a
    // MouseButtonDblClick (QWidgetWindow drops the press that made it), then the release follows.
    QTest::mousePress(button, Qt::LeftButton);
    QTest::mouseRelease(button, Qt::LeftButton);
    QTest::mouseDClick(button, Qt::LeftButton);
    QTest::mouseRelease(button, Qt::LeftButton);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(m_server->requestCount("POST"), 1);
    QCOMPARE(m_core->jobModel()->rowCount(), 1);
    QCOMPARE(answerer.count(), 0); // one gesture, one remix, nothing to ask
    QVERIFY(!button->isDown());

    // The button still works for the next, different job.
    child<QPlainTextEdit>(u"promptEdit"_s)->setPlainText(u"falling rain"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(m_server->requestCount("POST"), 2);
}

void TstMainWindow::secondPressSoonAfterAsksFirst_data()
{
    QTest::addColumn<bool>("useButton");
    QTest::addColumn<bool>("confirm");
    QTest::addColumn<int>("posts");
    QTest::newRow("Ctrl+Return, declined") << false << false << 1;
    QTest::newRow("Ctrl+Return, confirmed") << false << true << 2;
    QTest::newRow("button, declined") << true << false << 1;
    QTest::newRow("button, confirmed") << true << true << 2;
}

// Two presses 300 ms apart used to send two paid remixes without a word. The second one now asks,
// with No as the default; a deliberate "Send Again" still sends it.
void TstMainWindow::secondPressSoonAfterAsksFirst()
{
    QFETCH(bool, useButton);
    QFETCH(bool, confirm);
    QFETCH(int, posts);
    fillForm(u"video_twice"_s, u"neon lights"_s);
    auto *button = child<QPushButton>(u"remixButton"_s);
    const auto press = [&] {
        if (useButton)
            QTest::mouseClick(button, Qt::LeftButton);
        else
            QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    };
    MessageBoxAnswerer answerer(confirm ? QMessageBox::Yes : QMessageBox::No);
    QElapsedTimer sincePress;
    press();
    sincePress.start();
    QCOMPARE(m_core->jobModel()->rowCount(), 1);
    QTRY_VERIFY(sincePress.elapsed() >= 300); // the event loop runs meanwhile: the POST may be answered
    QCOMPARE(answerer.count(), 0);
    press();
    QCOMPARE(answerer.count(), 1);
    QCOMPARE(answerer.boxName(), u"repeatConfirmationBox"_s);
    QCOMPARE(answerer.text(), u"You just sent this remix. Send it again?"_s);
    QVERIFY2(answerer.informativeText().contains(u"charged again"_s), qPrintable(answerer.informativeText()));
    QCOMPARE(answerer.defaultButton(), QMessageBox::No);
    QCOMPARE(answerer.escapeButton(), QMessageBox::No);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(m_server->requestCount("POST", u"video_twice"_s), posts);
    QCOMPARE(m_server->requestCount("POST"), posts);
    QCOMPARE(m_core->jobModel()->rowCount(), posts);
    QCOMPARE(answerer.count(), 1);
}

// Variants are the point of the form: a changed prompt or source is a new remix, not a repeat.
void TstMainWindow::anotherPromptIsNotAsked()
{
    MessageBoxAnswerer answerer(QMessageBox::No);
    fillForm(u"video_variants"_s, u"purple"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    child<QPlainTextEdit>(u"promptEdit"_s)->setPlainText(u"green"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    child<QLineEdit>(u"videoIdEdit"_s)->setText(u"video_variants2"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(m_server->requestCount("POST"), 3);
    QCOMPARE(answerer.count(), 0);
}

// A remix the service refused was not charged: sending it again (after fixing the key, say) is not a
// paid repeat, and is not questioned.
void TstMainWindow::refusedRemixIsSentAgainWithoutQuestion()
{
    m_server->queueRemixReply(FakeVideoServer::Reply::json(
        QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"Incorrect API key provided"_s}}}}, 401));
    MessageBoxAnswerer answerer(QMessageBox::No);
    fillForm(u"video_refused"_s, u"sepia"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_core->jobModel()->index(0, 0).data(JobModel::StateRole).toInt(), int(JobState::SubmitFailed));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    waitUntilEverySubmitIsAnswered();
    QCOMPARE(answerer.count(), 0);
    QCOMPARE(m_server->requestCount("POST"), 2);
    QCOMPARE(m_core->jobModel()->rowCount(), 2);
}

void TstMainWindow::pastedTextIsCleaned_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("expected");
    QTest::newRow("json object") << u"{\"id\": \"video_68d7512d\", \"status\": \"completed\"}"_s << u"video_68d7512d"_s;
    QTest::newRow("json fragment") << u"\"id\": \"video_68d7512d\","_s << u"video_68d7512d"_s;
    QTest::newRow("api url") << u"https://api.example.com/v1/videos/video_68d7512d/content"_s << u"video_68d7512d"_s;
    QTest::newRow("quotes and spaces") << u"  “video_68d7512d”  \n"_s << u"video_68d7512d"_s;
    QTest::newRow("chinese chat, several lines") << u"这是我的视频：\nvideo_68d7512d\n谢谢"_s << u"video_68d7512d"_s;
    QTest::newRow("corner brackets, full stop") << u"「video_68d7512d」。"_s << u"video_68d7512d"_s;
}

void TstMainWindow::pastedTextIsCleaned()
{
    QFETCH(QString, pasted);
    QFETCH(QString, expected);
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    QTRY_VERIFY(idEdit->hasFocus());
    QApplication::clipboard()->setText(pasted);
    QCOMPARE(QApplication::clipboard()->text(), pasted);
    QTest::keyClick(idEdit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(idEdit->text(), expected);
    QVERIFY(!child<QLabel>(u"idHintLabel"_s)->isVisible());
    QCOMPARE(m_window->findChild<RemixForm *>()->videoId(), expected);
    // The field shows what will be sent, and a note says that the paste was cleaned.
    auto *note = child<QLabel>(u"idCleanedNoteLabel"_s);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(u"Cleaned up"_s), qPrintable(note->text()));
    // Typing on is not a paste: the note goes.
    QTest::keyClick(idEdit, Qt::Key_9);
    QVERIFY(!note->isVisible());
}

void TstMainWindow::severalPastedIdsAreNamed()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    QTRY_VERIFY(idEdit->hasFocus());
    const QString pasted = u"第一个 video_aaa，第二个 video_bbb"_s;
    QApplication::clipboard()->setText(pasted);
    QTest::keyClick(idEdit, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(idEdit->text(), pasted); // left as pasted: the user says which one
    auto *hint = child<QLabel>(u"idHintLabel"_s);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"video_aaa"_s) && hint->text().contains(u"video_bbb"_s), qPrintable(hint->text()));
    QVERIFY(!child<QLabel>(u"idCleanedNoteLabel"_s)->isVisible());
}

void TstMainWindow::soraAppIdShowsHintAndSendsNothing()
{
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    auto *hint = child<QLabel>(u"idHintLabel"_s);
    QTest::keyClicks(idEdit, u"s_68d7512d07848190"_s);
    child<QPlainTextEdit>(u"promptEdit"_s)->setPlainText(u"purple background"_s);
    // Said while typing, before any submit.
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), VideoIdInput::parse(u"s_68d7512d07848190"_s).message());
    QVERIFY(!hint->text().isEmpty());

    const int rows = m_core->jobModel()->rowCount();
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_core->jobModel()->rowCount(), rows);
    QVERIFY(hint->isVisible());
    QTRY_VERIFY(idEdit->hasFocus());
    verifyNothingWasSentBefore();
}

void TstMainWindow::emptyIdShowsHintOnSubmitAndSendsNothing()
{
    auto *hint = child<QLabel>(u"idHintLabel"_s);
    child<QPlainTextEdit>(u"promptEdit"_s)->setPlainText(u"purple background"_s);
    // Nothing is said about an empty field before the user asks for a job.
    QVERIFY(!hint->isVisible());
    const int rows = m_core->jobModel()->rowCount();
    child<QPushButton>(u"remixButton"_s)->click();
    QCOMPARE(m_core->jobModel()->rowCount(), rows);
    QVERIFY(hint->isVisible());
    QCOMPARE(hint->text(), VideoIdInput::parse(QString()).message());
    QVERIFY(!hint->text().isEmpty());
    QTRY_VERIFY(child<QLineEdit>(u"videoIdEdit"_s)->hasFocus());
    verifyNothingWasSentBefore();
    QVERIFY(!hint->isVisible());
}

void TstMainWindow::overLongPromptIsRefused()
{
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    auto *counter = child<QLabel>(u"promptCounterLabel"_s);
    auto *promptHint = child<QLabel>(u"promptHintLabel"_s);
    child<QLineEdit>(u"videoIdEdit"_s)->setText(u"video_abc123"_s);
    const QColor normalColour = counter->palette().color(QPalette::WindowText);

    promptEdit->setPlainText(QString(PromptCheck::MaxLength + 1, u'a'));
    QCOMPARE(counter->text(), u"32,001 / 32,000"_s);
    const QColor errorColour = RemixForm::errorColour(counter->palette());
    QCOMPARE(counter->palette().color(QPalette::WindowText), errorColour);
    QVERIFY(normalColour != errorColour);
    QVERIFY(promptHint->isVisible());
    QVERIFY(!promptHint->text().isEmpty());

    const int rows = m_core->jobModel()->rowCount();
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    child<QPushButton>(u"remixButton"_s)->click();
    QCOMPARE(m_core->jobModel()->rowCount(), rows);

    // Exactly at the limit is fine again.
    promptEdit->setPlainText(QString(PromptCheck::MaxLength, u'a'));
    QCOMPARE(counter->text(), u"32,000 / 32,000"_s);
    QVERIFY(counter->palette().color(QPalette::WindowText) != errorColour);
    QVERIFY(!promptHint->isVisible());
    verifyNothingWasSentBefore();
}

void TstMainWindow::windowStateIsRemembered()
{
    Settings *settings = m_core->settings();
    QVERIFY(settings->value(Settings::Key::MainWindowGeometry).toByteArray().isEmpty());
    m_window->resize(700, 500);
    m_window->close();
    QVERIFY(!settings->value(Settings::Key::MainWindowGeometry).toByteArray().isEmpty());
    QVERIFY(!settings->value(Settings::Key::JobListHeaderState).toByteArray().isEmpty());

    MainWindow second(m_core.get());
    QCOMPARE(second.size(), QSize(700, 500));
}

void TstMainWindow::settingsDialogShowsRemixUrlAndWarnings()
{
    // The constructor the main window uses (Settings of the core) opens on the active profile.
    SettingsDialog dialog(m_core->settings(), m_window.get());
    auto *baseUrl = dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s);
    auto *preview = dialog.findChild<QLabel *>(u"urlPreviewLabel"_s);
    auto *insecure = dialog.findChild<QLabel *>(u"insecureWarningLabel"_s);
    auto *apiKey = dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s);
    auto *showKey = dialog.findChild<QToolButton *>(u"showKeyButton"_s);
    QVERIFY(baseUrl && preview && insecure && apiKey && showKey);
    dialog.show();

    QCOMPARE(apiKey->echoMode(), QLineEdit::Password);
    QCOMPARE(apiKey->text(), u"test-key"_s);
    showKey->click();
    QCOMPARE(apiKey->echoMode(), QLineEdit::Normal);

    baseUrl->setText(u"https://relay.example.cn"_s);
    QVERIFY2(preview->text().contains(u"https://relay.example.cn/v1/videos/{id}/remix"_s), qPrintable(preview->text()));
    QVERIFY(!insecure->isVisible());

    baseUrl->setText(u"http://relay.example.cn/v1"_s);
    QVERIFY(insecure->isVisible());
    QVERIFY(insecure->text().contains(u"unencrypted"_s));

    // Loopback over http is fine: the key does not leave the machine.
    baseUrl->setText(u"http://127.0.0.1:8080/v1"_s);
    QVERIFY(!insecure->isVisible());

    baseUrl->setText(u"https://relay.example.cn/v1"_s);
    // Another host than the key was saved for: the key is not carried over; the user enters it.
    QCOMPARE(apiKey->text(), QString());
    apiKey->setText(u"test-key"_s);
    dialog.save();
    QCOMPARE(m_core->profileStore()->activeProfile()->address, u"https://relay.example.cn/v1"_s);
    QCOMPARE(m_core->currentService().apiBase, QUrl(u"https://relay.example.cn/v1"_s));
    QCOMPARE(m_core->currentService().apiKey, u"test-key"_s);
}

void TstMainWindow::settingsDialogShowsEnvironmentValuesReadOnly()
{
    QProcessEnvironment environment;
    environment.insert(u"OPENAI_BASE_URL"_s, u"https://env.example.com/v1"_s);
    environment.insert(u"OPENAI_API_KEY"_s, u"sk-from-env"_s);
    QSettings store(m_dir->filePath(u"env.ini"_s), QSettings::IniFormat);
    AppCore core(new Settings(&store, environment));
    SettingsDialog dialog(&core);
    dialog.show();
    QCOMPARE(dialog.currentProfileId(), QString::fromLatin1(ServiceProfile::EnvironmentId));
    auto *baseUrl = dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s);
    QVERIFY(baseUrl);
    QCOMPARE(baseUrl->text(), u"https://env.example.com/v1"_s);
    QVERIFY(baseUrl->isReadOnly());
    auto *note = dialog.findChild<QLabel *>(u"baseUrlNoteLabel"_s);
    QVERIFY(note && note->isVisible());
    QVERIFY(note->text().contains(u"OPENAI_BASE_URL"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"apiKeyNoteLabel"_s)->isVisible());
    auto *apiKey = dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s);
    QVERIFY(apiKey->isReadOnly());
    QCOMPARE(apiKey->echoMode(), QLineEdit::Password);
    // Neither removable nor renamable.
    QVERIFY(!dialog.findChild<QPushButton *>(u"removeProfileButton"_s)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"renameProfileButton"_s)->isEnabled());
    dialog.save();
    QCOMPARE(core.currentService().apiBase, QUrl(u"https://env.example.com/v1"_s));
    QCOMPARE(core.currentService().apiKey, u"sk-from-env"_s);
}

void TstMainWindow::settingsDialogTestRemembersTheRemixRoute()
{
    // A relay that takes remixes only at POST /videos/remix: Test finds it, the address preview shows
    // it, and after OK the profile's jobs go there. No video is made by the test.
    m_server->setRemixDialect(FakeVideoServer::RemixDialect::VideoIdInBody);
    QCOMPARE(m_core->currentService().remixRoute, RemixRoute::Standard);
    {
        SettingsDialog dialog(m_core.get(), m_window.get());
        dialog.show();
        auto *test = dialog.findChild<QPushButton *>(u"testButton"_s);
        auto *title = dialog.findChild<QLabel *>(u"testResultTitle"_s);
        auto *message = dialog.findChild<QLabel *>(u"testResultMessage"_s);
        auto *preview = dialog.findChild<QLabel *>(u"urlPreviewLabel"_s);
        QVERIFY(test && title && message && preview);
        QVERIFY(preview->text().contains(u"{id}/remix"_s));
        test->click();
        QTRY_VERIFY(title->isVisible());
        QVERIFY2(message->text().contains(u"/videos/remix"_s), qPrintable(message->text()));
        QVERIFY2(preview->text().contains(u"/v1/videos/remix"_s) && !preview->text().contains(u"{id}"_s),
                 qPrintable(preview->text()));
        QVERIFY(dialog.hasUnsavedChanges());
        dialog.save();
    }
    QCOMPARE(m_server->videoCount(), 0);
    QCOMPARE(m_core->currentService().remixRoute, RemixRoute::VideoIdInBody);
}

void TstMainWindow::settingsDialogTestButtonTellsWorksFromNoVideoApi()
{
    m_server->setRequiredKey(u"test-key"_s);
    FakeVideoServer website;
    QVERIFY(website.start());
    website.addHandler([](const FakeVideoServer::Request &) -> std::optional<FakeVideoServer::Reply> {
        FakeVideoServer::Reply page;
        page.contentType = "text/html";
        page.body = "<!DOCTYPE html><html><head><title>Welcome</title></head><body>Hello</body></html>";
        return page;
    });

    SettingsDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    auto *baseUrl = dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s);
    auto *test = dialog.findChild<QPushButton *>(u"testButton"_s);
    auto *title = dialog.findChild<QLabel *>(u"testResultTitle"_s);
    auto *message = dialog.findChild<QLabel *>(u"testResultMessage"_s);
    auto *detail = dialog.findChild<QPlainTextEdit *>(u"testResultDetail"_s);
    auto *busy = dialog.findChild<QWidget *>(u"testBusyIndicator"_s);
    auto *cancel = dialog.findChild<QPushButton *>(u"cancelTestButton"_s);
    QVERIFY(baseUrl && test && title && message && detail && busy && cancel);
    QVERIFY(!title->isVisible() && !busy->isVisible());

    test->click();
    QVERIFY(busy->isVisible() && cancel->isVisible() && !test->isEnabled());
    QTRY_VERIFY(title->isVisible());
    QVERIFY(!busy->isVisible());
    ConnectionTestResult works;
    works.outcome = ConnectionTestResult::Outcome::Works;
    works.unknownIdAnswered = true;
    QVERIFY2(title->text().contains(works.title()), qPrintable(title->text()));
    QCOMPARE(message->text(), works.message());
    // The fake's 404 for the made-up id is explained where it shows.
    QVERIFY2(detail->toPlainText().contains(u"Expected answer"_s), qPrintable(detail->toPlainText()));
    QVERIFY2(detail->toPlainText().contains(m_server->rootUrl().toString() + u"/v1/videos/"_s),
             qPrintable(detail->toPlainText()));
    QVERIFY(detail->toPlainText().contains(u"404"_s));
    QVERIFY(!detail->toPlainText().contains(u"test-key"_s));

    // A web site where the API should be: never "works", and the /v1 hint.
    baseUrl->setText(website.rootUrl().toString());
    QVERIFY(!title->isVisible()); // an edit clears the old verdict
    test->click();
    QTRY_VERIFY(title->isVisible());
    ConnectionTestResult none;
    none.outcome = ConnectionTestResult::Outcome::NoVideoApi;
    QCOMPARE(title->text(), none.title());
    QVERIFY2(message->text().contains(u"/v1"_s), qPrintable(message->text()));
    QVERIFY(detail->toPlainText().contains(u"200"_s));

    // Cancel stops the busy state without a verdict.
    FakeVideoServer::Reply hang;
    hang.hang = true;
    website.addHandler(
        [hang](const FakeVideoServer::Request &) { return std::optional<FakeVideoServer::Reply>(hang); });
    test->click();
    QVERIFY(cancel->isVisible());
    cancel->click();
    QVERIFY(!busy->isVisible() && !title->isVisible() && test->isEnabled());
}

// Changing a profile's address to another host must not send the saved key there on Test or OK.
void TstMainWindow::savedKeyIsNotOfferedToAnotherHost()
{
    SettingsDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    dialog.selectProfile(m_core->profileStore()->activeId());
    auto *address = dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s);
    auto *key = dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s);
    QTRY_COMPARE(key->text(), u"test-key"_s);
    const QString original = address->text();

    address->setText(original + u"/openai"_s); // same host, another path: the key stays
    QCOMPARE(key->text(), u"test-key"_s);
    address->setText(u"https://look-alike-relay.example/v1"_s);
    QCOMPARE(key->text(), QString());
    QVERIFY(key->placeholderText().contains(u"127.0.0.1"_s));
    address->setText(original);
    QCOMPARE(key->text(), u"test-key"_s);
}

void TstMainWindow::settingsDialogAddsRemovesAndPicksProfiles()
{
    ProfileStore *store = m_core->profileStore();
    const QString original = store->activeId();
    SettingsDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    auto *list = dialog.findChild<QListWidget *>(u"profileList"_s);
    QVERIFY(list);
    const int before = list->count(); // Default + Demo
    QCOMPARE(before, 2);

    dialog.findChild<QPushButton *>(u"addProfileButton"_s)->click();
    QCOMPARE(list->count(), before + 1);
    auto *name = dialog.findChild<QLineEdit *>(u"profileNameEdit"_s);
    QTRY_VERIFY(name->hasFocus()); // adding goes straight to naming it
    name->setText(u"Relay B"_s);
    dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s)->setText(u"https://relay-b.example"_s);
    dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s)->setText(u"sk-relay-b"_s);
    auto *proxyType = dialog.findChild<QComboBox *>(u"proxyTypeCombo"_s);
    proxyType->setCurrentIndex(proxyType->findData(int(ProxySettings::Type::Socks5)));
    dialog.findChild<QLineEdit *>(u"proxyHostEdit"_s)->setText(u"127.0.0.1"_s);
    const QString added = dialog.currentProfileId();
    dialog.findChild<QPushButton *>(u"useProfileButton"_s)->click();
    QCOMPARE(dialog.activeProfileId(), added);

    // The original one is duplicated, then the copy removed again; nothing of it is saved.
    dialog.selectProfile(original);
    dialog.findChild<QPushButton *>(u"duplicateProfileButton"_s)->click();
    QCOMPARE(list->count(), before + 2);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s)->text(), u"test-key"_s);
    dialog.findChild<QPushButton *>(u"removeProfileButton"_s)->click();
    QCOMPARE(list->count(), before + 1);
    // The demo cannot be removed.
    dialog.selectProfile(QString::fromLatin1(ServiceProfile::DemoId));
    QVERIFY(!dialog.findChild<QPushButton *>(u"removeProfileButton"_s)->isEnabled());

    dialog.save();
    QCOMPARE(store->profiles().size(), 3);
    QCOMPARE(store->activeId(), added);
    QCOMPARE(store->profile(added)->name, u"Relay B"_s);
    QCOMPARE(store->profile(added)->proxy.type, ProxySettings::Type::Socks5);
    QCOMPARE(store->key(added), u"sk-relay-b"_s);
    QCOMPARE(m_core->currentService().apiBase, QUrl(u"https://relay-b.example/v1"_s));
    m_store->sync();
    QFile file(m_store->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(ini.contains("Relay B"));
    QVERIFY(!ini.contains("sk-relay-b") && !ini.contains("test-key"));
    // Back to the original for the other tests' cleanup.
    store->setActiveId(original);
}

void TstMainWindow::settingsDialogSaysWhenNoKeychainAnswers()
{
    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + m_dir->filePath(u"no-bus"_s).toUtf8());
    QSettings store(m_dir->filePath(u"nokeychain.ini"_s), QSettings::IniFormat);
    AppCore core(new Settings(&store, QProcessEnvironment()));
    QCOMPARE(core.profileStore()->storageKind(), SecretStore::Kind::Keychain);
    SettingsDialog dialog(&core);
    dialog.show();
    auto *note = dialog.findChild<QLabel *>(u"keyStorageNoteLabel"_s);
    auto *storage = dialog.findChild<QComboBox *>(u"keyStorageCombo"_s);
    QVERIFY(note && storage);
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().contains(u"keychain"_s), qPrintable(note->text()));
    // Worded for a person: no bus, no variable names; and the choice does not show the keychain it
    // says is unavailable.
    for (const QString &technical : {u"D-Bus"_s, u"DBUS"_s, u"bus"_s, u"Reason:"_s})
        QVERIFY2(!note->text().contains(technical), qPrintable(note->text()));
    QVERIFY(storage->currentData().toInt() != int(SecretStore::Kind::Keychain));
    auto *where = dialog.findChild<QLabel *>(u"keyStorageLabel"_s);
    QVERIFY(where->text().contains(u"session"_s));
    // Choosing the file (after its warning) changes the note under the key field at once.
    clickInNextBox(u"keepKeysInFileButton"_s);
    storage->setCurrentIndex(storage->findData(int(SecretStore::Kind::File)));
    emit storage->activated(storage->currentIndex());
    QVERIFY2(where->text().contains(u"File readable only by you"_s), qPrintable(where->text()));
    // Choosing "This session only" is taken on OK; the note changes at once.
    storage->setCurrentIndex(storage->findData(int(SecretStore::Kind::Session)));
    emit storage->activated(storage->currentIndex());
    QVERIFY(note->text().contains(u"quit"_s));
    dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s)->setText(u"https://relay.example"_s);
    dialog.findChild<QLineEdit *>(u"apiKeyEdit"_s)->setText(u"sk-session-only"_s);
    dialog.save();
    QCOMPARE(core.profileStore()->storageKind(), SecretStore::Kind::Session);
    QCOMPARE(core.currentService().apiKey, u"sk-session-only"_s);
    store.sync();
    QFile file(store.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-session-only"));
    if (bus.isEmpty())
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    else
        qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
}

void TstMainWindow::firstRunDialogDemoButtonSelectsTheDemo()
{
    QSettings store(m_dir->filePath(u"first.ini"_s), QSettings::IniFormat);
    AppCore core(new Settings(&store, QProcessEnvironment()));
    QVERIFY(!core.profileStore()->isServiceConfigured());
    SettingsDialog dialog(&core);
    dialog.show();
    auto *intro = dialog.findChild<QLabel *>(u"introLabel"_s);
    auto *demo = dialog.findChild<QPushButton *>(u"tryDemoButton"_s);
    QVERIFY(intro && demo);
    QVERIFY(intro->isVisible() && demo->isVisible());
    demo->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(core.profileStore()->activeId(), QString::fromLatin1(ServiceProfile::DemoId));
    QVERIFY(core.isDemo());
    QVERIFY(core.demoService() && core.demoService()->isRunning());
    QCOMPARE(core.currentService().apiBase, core.demoService()->baseUrl());
    QVERIFY(core.profileStore()->isServiceConfigured());
    // The empty first-start profile was not kept.
    QCOMPARE(core.profileStore()->profiles().size(), 1);

    // Once something is configured, no intro and no demo button.
    SettingsDialog again(&core);
    again.show();
    QVERIFY(!again.findChild<QPushButton *>(u"tryDemoButton"_s)->isVisible());
}

// Nothing configured: the empty list says what to do next; Remix explains instead of sending, and "Try
// the demo" goes on with the typed remix.
void TstMainWindow::firstStartShowsNextStepsAndRemixOffersTheDemo()
{
    m_window.reset();
    QSettings store(m_dir->filePath(u"first-start.ini"_s), QSettings::IniFormat);
    AppCore core(new Settings(&store, QProcessEnvironment()));
    QVERIFY(!core.profileStore()->isServiceConfigured());
    MainWindow window(&core);
    window.show();
    auto *page = window.findChild<QWidget *>(u"gettingStarted"_s);
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QVERIFY(window.findChild<QPushButton *>(u"connectServiceButton"_s)->isVisible());
    QVERIFY(window.findChild<QPushButton *>(u"tryDemoMainButton"_s)->isVisible());

    // Remix with a demo sample typed: the box explains; Try the Demo sends it there.
    window.findChild<QLineEdit *>(u"videoIdEdit"_s)->setText(u"video_demo_city"_s);
    window.findChild<QPlainTextEdit *>(u"promptEdit"_s)->setPlainText(ChinesePrompt);
    QString boxName;
    clickInNextBox(u"noServiceDemoButton"_s, &boxName);
    window.findChild<QPushButton *>(u"remixButton"_s)->click();
    QCOMPARE(boxName, u"noServiceBox"_s);
    QVERIFY(core.isDemo());
    core.demoService()->setSpeed(20.0);
    QCOMPARE(core.jobModel()->rowCount(), 1);
    QCOMPARE(core.jobModel()->jobAt(0)->sourceVideoId, u"video_demo_city"_s);
    QCOMPARE(core.jobModel()->jobAt(0)->prompt, ChinesePrompt);
    QTRY_VERIFY(!page->isVisible()); // the list shows the job
    QTRY_COMPARE_WITH_TIMEOUT(core.jobController()->activeJobCount(), 0, 15000);
}

void TstMainWindow::demoShowsItsSampleVideos()
{
    auto *samples = child<QLabel>(u"sampleVideosLabel"_s);
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    QVERIFY(!samples->isVisible()); // a real service: its ids are the user's own
    QVERIFY(!idEdit->placeholderText().contains(u"video_demo"_s));
    QVERIFY(m_core->startDemo());
    QTRY_VERIFY(samples->isVisible());
    QVERIFY2(samples->text().contains(DemoService::sampleTitle(u"video_demo_beach"_s)), qPrintable(samples->text()));
    QVERIFY(samples->text().contains(u"not kept"_s));
    QVERIFY2(idEdit->placeholderText().contains(DemoService::sampleVideoIds().constFirst()),
             qPrintable(idEdit->placeholderText()));
    emit samples->linkActivated(u"video_demo_beach"_s);
    QCOMPARE(idEdit->text(), u"video_demo_beach"_s);
    QTRY_VERIFY(child<QPlainTextEdit>(u"promptEdit"_s)->hasFocus());
    m_core->profileStore()->setActiveId(QString::fromLatin1(ServiceProfile::DefaultId), false);
}

// Escape, Cancel or closing with a typed address or key asks first; Return saves, Escape stays.
void TstMainWindow::settingsAskBeforeDiscardingTypedChanges()
{
    SettingsDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    QVERIFY(!dialog.hasUnsavedChanges());
    {
        // Nothing typed: Escape closes without a question.
        MessageBoxAnswerer answerer(QMessageBox::Cancel);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(answerer.count(), 0);
    }
    dialog.show();
    auto *address = dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s);
    address->setText(u"https://relay.typed.example/v1"_s);
    QVERIFY(dialog.hasUnsavedChanges());
    {
        MessageBoxAnswerer answerer(QMessageBox::Cancel);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(answerer.count(), 1);
        QCOMPARE(answerer.boxName(), u"discardChangesBox"_s);
        QCOMPARE(answerer.defaultButton(), QMessageBox::Save);
        QCOMPARE(answerer.escapeButton(), QMessageBox::Cancel);
    }
    QVERIFY(dialog.isVisible());
    QCOMPARE(address->text(), u"https://relay.typed.example/v1"_s);
    {
        MessageBoxAnswerer answerer(QMessageBox::Discard);
        dialog.findChild<QDialogButtonBox *>(u"buttonBox"_s)->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(answerer.count(), 1);
    }
    QVERIFY(!dialog.isVisible());
    QVERIFY(m_core->currentService().apiBase.host() != u"relay.typed.example"_s);
    // Save from the question keeps what was typed.
    SettingsDialog again(m_core.get(), m_window.get());
    again.show();
    again.findChild<QLineEdit *>(u"baseUrlEdit"_s)->setText(u"https://relay.saved.example/v1"_s);
    again.findChild<QLineEdit *>(u"apiKeyEdit"_s)->setText(u"test-key"_s);
    {
        MessageBoxAnswerer answerer(QMessageBox::Save);
        again.close();
        QCOMPARE(answerer.count(), 1);
    }
    QCOMPARE(again.result(), int(QDialog::Accepted));
    QCOMPARE(m_core->currentService().apiBase.host(), u"relay.saved.example"_s);
}

// "Notify when jobs finish" promises a desktop message: offered with a tray or a session bus (where a
// freedesktop notification server can answer), hidden without either (offscreen has no tray).
void TstMainWindow::notifyIsOfferedOnlyWhereAMessageCanShow()
{
    QAction *notify = m_window->findChild<QAction *>(u"actionNotify"_s);
    QVERIFY(notify);
    QCOMPARE(notify->isVisible(), NotificationTray::canShowDesktopMessages());

    const QByteArray bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    const auto restore = qScopeGuard([&] {
        for (const auto &[name, value] : {std::pair{"DBUS_SESSION_BUS_ADDRESS", bus}, {"XDG_RUNTIME_DIR", runtime}}) {
            if (value.isEmpty())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
    });
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("XDG_RUNTIME_DIR", m_dir->path().toUtf8()); // no "bus" socket there
    MainWindow without(m_core.get());
    QVERIFY(!without.findChild<QAction *>(u"actionNotify"_s)->isVisible());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus");
    MainWindow with(m_core.get());
    QVERIFY(with.findChild<QAction *>(u"actionNotify"_s)->isVisible());
}

void TstMainWindow::profilePickerFollowsAndChangesTheActiveProfile()
{
    ProfileStore *store = m_core->profileStore();
    const QString original = store->activeId();
    ProfilePicker picker(store);
    picker.show();
    QCOMPARE(picker.count(), 2);
    QCOMPARE(picker.currentProfileId(), original);
    QVERIFY2(picker.currentText().contains(u"127.0.0.1:%1"_s.arg(m_server->port())), qPrintable(picker.currentText()));
    const int demoRow = picker.findData(QString::fromLatin1(ServiceProfile::DemoId));
    QVERIFY(picker.itemText(demoRow).contains(DemoService::shortLabel()));

    QSignalSpy chosen(&picker, &ProfilePicker::profileChosen);
    picker.setCurrentIndex(demoRow);
    emit picker.activated(demoRow);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(store->activeId(), QString::fromLatin1(ServiceProfile::DemoId));
    QVERIFY(m_core->isDemo());

    // Changes made elsewhere show up.
    ServiceProfile extra;
    extra.name = u"Relay C"_s;
    extra.address = u"https://relay-c.example"_s;
    const QString id = store->addProfile(extra);
    QCOMPARE(picker.count(), 3);
    store->setActiveId(id);
    QCOMPARE(picker.currentProfileId(), id);
    QVERIFY(picker.currentText().contains(u"relay-c.example"_s));
    QCOMPARE(chosen.count(), 1);
    store->setActiveId(original);
}

// Renders the window with jobs in every state, in both languages, and the settings dialog: for looking
// at the layout (clipping, CJK glyphs, spacing) and for documentation. Runs with every test run into a
// temporary directory and checks each picture (written, right size, not blank, the languages differ);
// to keep them:  VIDEOREMIX_SCREENSHOT_DIR=/tmp/shots tst_mainwindow screenshots
void TstMainWindow::screenshots()
{
    const QString directory = Screenshot::directory(m_dir->filePath(u"screenshots"_s));

    // video_remix_1 completes; 2 stays running; 3 fails with a reason; 4 waits in the queue;
    // then a submit the service refuses, and one that never gets an answer.
    m_server->setVideoScript(u"video_remix_2"_s,
                             {FakeVideoServer::Reply::video(u"video_remix_2"_s, u"in_progress"_s, 45)});
    m_server->setVideoScript(
        u"video_remix_3"_s,
        {FakeVideoServer::Reply::video(u"video_remix_3"_s, u"in_progress"_s, 20),
         FakeVideoServer::Reply::json(QJsonObject{
             {u"id"_s, u"video_remix_3"_s},
             {u"status"_s, u"failed"_s},
             {u"progress"_s, 20},
             {u"error"_s, QJsonObject{{u"code"_s, u"moderation_blocked"_s},
                                      {u"message"_s, u"Your request was blocked by our moderation system."_s}}}})});
    m_server->setVideoScript(u"video_remix_4"_s, {FakeVideoServer::Reply::video(u"video_remix_4"_s, u"queued"_s, 0)});

    auto *form = m_window->findChild<RemixForm *>();
    auto *idEdit = child<QLineEdit>(u"videoIdEdit"_s);
    auto *promptEdit = child<QPlainTextEdit>(u"promptEdit"_s);
    const auto submit = [&](const QString &id, const QString &prompt) {
        idEdit->setText(id);
        promptEdit->setPlainText(prompt);
        form->trySubmit();
    };
    JobModel *model = m_core->jobModel();
    submit(u"video_68d7512d07848190b3e45da0ecbebcde"_s, ChinesePrompt);
    QTRY_COMPARE(m_server->requestCount("POST"), 1);
    submit(u"video_68d7512d07848190b3e45da0ecbebcde"_s, u"Make the background purple and add falling snow"_s);
    QTRY_COMPARE(m_server->requestCount("POST"), 2);
    submit(u"video_0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s, u"把人物换成卡通风格，保留原来的镜头运动"_s);
    QTRY_COMPARE(m_server->requestCount("POST"), 3);
    submit(u"video_0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s, u"Night time, neon lights"_s);
    QTRY_COMPARE(m_server->requestCount("POST"), 4);
    m_server->queueRemixReply(FakeVideoServer::Reply::json(
        QJsonObject{
            {u"error"_s, QJsonObject{{u"message"_s, u"Video not found"_s}, {u"type"_s, u"invalid_request_error"_s}}}},
        404));
    submit(u"video_doesnotexist"_s, u"Slow motion"_s);
    QTRY_COMPARE(m_server->requestCount("POST"), 5);
    FakeVideoServer::Reply hang;
    hang.hang = true;
    m_server->queueRemixReply(hang);
    submit(u"video_68d7512d07848190b3e45da0ecbebcde"_s, u"让镜头慢慢推近，背景换成夜晚的城市"_s);
    // The hanging submit and the running jobs must not keep cleanup() waiting, on any way out of here:
    // end them (AppCore stops its controller before the client that owns the requests).
    const auto endJobs = qScopeGuard([this] {
        m_window.reset();
        m_core.reset();
    });

    const auto stateOf = [&](int row) {
        return JobState(model->index(row, 0).data(JobModel::StateRole).toInt());
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(5), JobState::Completed, 10000);
    QTRY_COMPARE(stateOf(3), JobState::Failed);
    QTRY_COMPARE(model->index(4, 0).data(JobModel::ProgressRole).toInt(), 45);
    model->flushPendingChanges();

    // Show a hint and a long prompt in the form too.
    idEdit->setText(u"s_68d7512d07848190"_s);
    promptEdit->setPlainText(u"Make the sky a deep purple at dusk, keep the people and the camera move as they are."_s);
    child<QTreeView>(u"jobView"_s)->setCurrentIndex(model->index(3, 0));
    m_window->resize(960, 640);

    const auto save = [&](QWidget *widget, const QString &name) {
        QCoreApplication::processEvents();
        const QString problem = Screenshot::save(widget->grab(), directory + u'/' + name + u".png"_s, widget->size());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    };
    // Each step returns from the lambda only: the callers stop at the first failure.
    const auto shoot = [&](const QString &language) {
        save(m_window.get(), u"mainwindow-"_s + language);
        if (QTest::currentTestFailed())
            return;
        SettingsDialog dialog(m_core.get(), m_window.get());
        dialog.show();
        // A finished connection test against the fake, then an address with the plain-http warning.
        dialog.findChild<QPushButton *>(u"testButton"_s)->click();
        QTRY_VERIFY(dialog.findChild<QLabel *>(u"testResultTitle"_s)->isVisible());
        save(&dialog, u"settings-test-"_s + language);
        if (QTest::currentTestFailed())
            return;
        dialog.findChild<QLineEdit *>(u"baseUrlEdit"_s)->setText(u"http://relay.example.cn"_s);
        save(&dialog, u"settings-"_s + language);
    };
    shoot(u"en"_s);
    if (QTest::currentTestFailed())
        return;
    m_window->findChild<QAction *>(u"languageChineseAction"_s)->trigger();
    QTRY_COMPARE(model->headerData(JobModel::StatusColumn, Qt::Horizontal).toString(),
                 QCoreApplication::translate("JobModel", "Status", "column header: job status"));
    QTRY_COMPARE(child<QPushButton>(u"remixButton"_s)->text(),
                 QCoreApplication::translate("RemixForm", "Remix", "button: start a remix job"));
    shoot(u"zh_CN"_s);
    if (QTest::currentTestFailed())
        return;
    // The pictures show what the user sees: the Chinese window is not the English one.
    QVERIFY(QImage(directory + u"/mainwindow-en.png"_s) != QImage(directory + u"/mainwindow-zh_CN.png"_s));
    m_window->findChild<QAction *>(u"languageEnglishAction"_s)->trigger();
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
