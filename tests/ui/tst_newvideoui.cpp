#include "appcore.h"
#include "batchdialog.h"
#include "createform.h"
#include "extenddialog.h"
#include "fakevideoserver.h"
#include "jobactions.h"
#include "jobcomposer.h"
#include "jobs/jobcontroller.h"
#include "jobs/joblist.h"
#include "languagemanager.h"
#include "library/librarymodel.h"
#include "librarydialog.h"
#include "mainwindow.h"
#include "remixform.h"
#include "settings.h"
#include "testhelpers.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

// The New Video tab, Extend and the Library, as a user drives them, against the loopback fake.
// Waits allow 20 s: the suite also runs under ASan on two busy cores; each returns as soon as it holds.
class TstNewVideoUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { TestHelpers::enterTestMode(); }
    void init();
    void cleanup();

    void newVideoFormIsBuiltWhenFirstShown();
    void newVideoWithAFittedReferenceImage();
    void badReferenceImageSendsNothing();
    void extendFromACompletedRow();
    void remixResultFromTheNewVideoTabShowsTheRemixForm();
    void emptyListNamesTheNextStepOfTheShownForm();
    void libraryPagesAsItScrollsAndRemixesFromARow();
    void libraryWithoutTheRouteIsACalmNote();
    void batchSaysHowManyAndSendsOnlyOnSend();
    void batchDialogFollowsALanguageSwitch();

private:
    QString writeImage(const QString &name, int width, int height);
    int postsTo(const QString &pathEnd) const;

    std::unique_ptr<FakeVideoServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_store;
    std::unique_ptr<AppCore> m_core;
    std::unique_ptr<MainWindow> m_window;
};

void TstNewVideoUi::init()
{
    m_server = std::make_unique<FakeVideoServer>();
    QVERIFY(m_server->start());
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<QSettings>(m_dir->filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_core = TestHelpers::makeTestCore(*m_dir, m_store.get(), m_server->rootUrl());
    m_window = std::make_unique<MainWindow>(m_core.get());
    m_window->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_core->currentService().isValid(), 20000);
}

void TstNewVideoUi::cleanup()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobController()->activeJobCount(), 0, 20000);
    m_window.reset();
    m_core.reset();
    m_store.reset();
    m_dir.reset();
    m_server.reset();
}

QString TstNewVideoUi::writeImage(const QString &name, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    const QString path = m_dir->filePath(name);
    image.save(path);
    return path;
}

int TstNewVideoUi::postsTo(const QString &pathEnd) const
{
    int count = 0;
    for (const FakeVideoServer::Request &request : m_server->requests())
        count += request.method == "POST" && QString::fromLatin1(request.rawPath).endsWith(pathEnd) ? 1 : 0;
    return count;
}

// The window's first frame does not wait for the tab that is not showing: the New Video form is built
// when its tab is first chosen (a click on the tab here), with the recent prompts and the cost estimate
// the window gave the composer, and what it sends still reaches the service.
void TstNewVideoUi::newVideoFormIsBuiltWhenFirstShown()
{
    auto *composer = m_window->findChild<JobComposer *>();
    QVERIFY(composer);
    QVERIFY(!m_window->findChild<CreateForm *>());
    QTabBar *tabs = composer->tabBar();
    QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(1).center());
    QVERIFY(composer->isCreateShown());
    auto *form = m_window->findChild<CreateForm *>();
    QVERIFY(form);
    QTRY_VERIFY(form->isVisible());
    QCOMPARE(composer->createForm(), form);
    QVERIFY(!form->findChild<QLabel *>(u"createCostLabel"_s)->text().isEmpty());

    form->setPrompt(u"一只猫在雨夜散步"_s);
    QTest::mouseClick(form->findChild<QPushButton *>(u"createButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(postsTo(u"/videos"_s), 1, 20000);
}

void TstNewVideoUi::newVideoWithAFittedReferenceImage()
{
    auto *composer = m_window->findChild<JobComposer *>();
    QVERIFY(composer);
    composer->showCreate();
    CreateForm *form = composer->createForm();
    form->findChild<QComboBox *>(u"sizeBox"_s)->setCurrentText(u"720x1280"_s);
    form->setPrompt(u"一只狐狸在雪地里奔跑"_s);
    form->setReferenceFile(writeImage(u"fox.png"_s, 1280, 720)); // landscape for a portrait video
    auto *note = form->findChild<QLabel *>(u"referenceNote"_s);
    auto *fit = form->findChild<QComboBox *>(u"fitBox"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!form->isPreparing(), 20000);
    QVERIFY2(note->text().contains(u"1280 × 720"_s) && note->text().contains(u"720 × 1280"_s),
             qPrintable(note->text()));
    QVERIFY(fit->isVisible());
    QCOMPARE(form->referenceCheck().imageSize, QSize(1280, 720)); // the original's size is what the note names
    QImage prepared;
    QVERIFY(prepared.loadFromData(form->preparedReference().bytes));
    QCOMPARE(prepared.size(), QSize(720, 1280));

    QTest::mouseClick(form->findChild<QPushButton *>(u"createButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(postsTo(u"/v1/videos"_s), 1, 20000);
    QByteArray body;
    for (const FakeVideoServer::Request &request : m_server->requests()) {
        if (request.method == "POST")
            body = request.body;
    }
    QVERIFY(body.contains("name=\"input_reference\"; filename=\"fox-720x1280.png\""));
    QVERIFY(body.contains(u"一只狐狸在雪地里奔跑"_s.toUtf8()));
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->count(), 1, 20000);
    const RemixJob job = m_core->jobList()->jobs().first();
    QCOMPARE(job.kind, JobKind::Create);
    QCOMPARE(job.size, u"720x1280"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->job(job.localId)->state, JobState::Completed, 20000);
    // The choices are remembered.
    QCOMPARE(m_core->settings()->value(Settings::Key::NewVideoSize).toString(), u"720x1280"_s);
}

void TstNewVideoUi::badReferenceImageSendsNothing()
{
    auto *composer = m_window->findChild<JobComposer *>();
    composer->showCreate();
    CreateForm *form = composer->createForm();
    form->setPrompt(u"a paid video"_s);
    const QString text = m_dir->filePath(u"notes.png"_s);
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image at all");
    file.close();
    form->setReferenceFile(text);
    auto *note = form->findChild<QLabel *>(u"referenceNote"_s);
    QVERIFY2(note->text().contains(u"notes.png"_s), qPrintable(note->text()));
    // A submit adds its job row at once, before the POST leaves: no row, nothing sent.
    QSignalSpy requested(form, &CreateForm::createRequested);
    form->trySubmit();
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_core->jobList()->count(), 0);
    // A web address that is not one: nothing sent either.
    form->setReferenceUrl(u"ftp://images/x.png"_s);
    form->trySubmit();
    QCOMPARE(requested.count(), 0);
    QCOMPARE(m_core->jobList()->count(), 0);
    QVERIFY(note->text().contains(u"https://"_s));
}

void TstNewVideoUi::extendFromACompletedRow()
{
    const QString done = m_core->submit(u"video_source"_s, u"make it purple"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->job(done)->state, JobState::Completed, 20000);
    auto *actions = m_window->findChild<JobActions *>();
    QVERIFY(actions);
    auto *jobView = m_window->findChild<QTreeView *>(u"jobView"_s);
    QVERIFY(jobView);
    jobView->setCurrentIndex(jobView->model()->index(0, 0));
    actions->updateEnabled();
    QVERIFY(actions->extendAction()->isEnabled());
    // The dialog: an empty prompt is refused in place; then what happens next, for 4 seconds.
    QTimer::singleShot(0, this, [] {
        auto *dialog = qobject_cast<ExtendDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QLabel *>(u"extendPromptHint"_s)->isVisible());
        dialog->findChild<QPlainTextEdit *>(u"extendPromptEdit"_s)->setPlainText(u"the camera rises"_s);
        dialog->findChild<QComboBox *>(u"extendSecondsBox"_s)->setCurrentText(u"4"_s);
        dialog->accept();
    });
    actions->extendAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(postsTo(u"/videos/extensions"_s), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->count(), 2, 20000);
    const RemixJob extension = m_core->jobList()->jobs().first();
    QCOMPARE(extension.kind, JobKind::Extend);
    QCOMPARE(extension.sourceVideoId, m_core->jobList()->job(done)->resultVideoId);
    QCOMPARE(extension.seconds, u"4"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->job(extension.localId)->state, JobState::Completed, 20000);
}

// Remix Result while the New Video tab is open: the Remix form comes forward with the id, so the prompt
// typed next lands where the user sees it (it went into the hidden form before).
void TstNewVideoUi::remixResultFromTheNewVideoTabShowsTheRemixForm()
{
    const QString done = m_core->submit(u"video_source"_s, u"make it purple"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobList()->job(done)->state, JobState::Completed, 20000);
    auto *composer = m_window->findChild<JobComposer *>();
    QVERIFY(composer);
    composer->showCreate();
    auto *actions = m_window->findChild<JobActions *>();
    auto *jobView = m_window->findChild<QTreeView *>(u"jobView"_s);
    QVERIFY(actions && jobView);
    jobView->setCurrentIndex(jobView->model()->index(0, 0));
    actions->updateEnabled();
    QVERIFY(actions->remixResultAction()->isEnabled());
    actions->remixResultAction()->trigger();
    QCOMPARE(composer->currentWidget(), static_cast<QWidget *>(composer->remixForm()));
    QCOMPARE(composer->remixForm()->videoId(), m_core->jobList()->job(done)->resultVideoId);
}

// The empty list says what to do next with the form that is showing: remix a video, or create one.
void TstNewVideoUi::emptyListNamesTheNextStepOfTheShownForm()
{
    auto *composer = m_window->findChild<JobComposer *>();
    auto *text = m_window->findChild<QLabel *>(u"gettingStartedText"_s);
    QVERIFY(composer && text);
    composer->showRemix();
    QVERIFY2(text->text().contains(u"Remix"_s), qPrintable(text->text()));
    composer->showCreate();
    QVERIFY2(text->text().contains(u"Create Video"_s), qPrintable(text->text()));
    QVERIFY2(!text->text().contains(u"Remix"_s), qPrintable(text->text()));
}

void TstNewVideoUi::libraryPagesAsItScrollsAndRemixesFromARow()
{
    // 45 videos on the service: a page is 30, the rest comes when the view needs it.
    for (int i = 0; i < 45; ++i)
        m_core->jobController()->submit(JobRequest::remix(u"video_source"_s, u"variant %1"_s.arg(i)),
                                        m_core->currentService());
    QTRY_COMPARE_WITH_TIMEOUT(postsTo(u"/remix"_s), 45, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->jobController()->activeJobCount(), 0, 20000);
    LibraryDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    LibraryModel *model = dialog.model();
    auto *view = dialog.findChild<QTableView *>(u"libraryView"_s);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= LibraryModel::PageSize, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(model->state(), LibraryModel::State::Ready, 20000);
    view->scrollToBottom();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 45, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!model->canFetchMore(QModelIndex()), 20000);
    QCOMPARE(model->index(0, LibraryModel::PromptColumn).data().toString(), u"variant 44"_s); // newest first

    // Search, then Remix from a row: the id goes into the remix form.
    dialog.findChild<QLineEdit *>(u"librarySearch"_s)->setText(u"variant 7"_s);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 1, 20000);
    view->selectRow(0);
    const QString id = view->model()->index(0, 0).data(LibraryModel::VideoIdRole).toString();
    QSignalSpy remix(&dialog, &LibraryDialog::remixRequested);
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"libraryRemixButton"_s), Qt::LeftButton);
    QCOMPARE(remix.count(), 1);
    QCOMPARE(remix.first().first().toString(), id);

    // Add to My Jobs: once, however often it is pressed.
    const int before = m_core->jobList()->count();
    QSignalSpy created(&dialog, &LibraryDialog::jobCreated);
    auto *add = dialog.findChild<QPushButton *>(u"libraryAddButton"_s);
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(created.count(), 2);
    QCOMPARE(created.at(0).first(), created.at(1).first());
    // It was one of ours already: no new row.
    QCOMPARE(m_core->jobList()->count(), before);
}

void TstNewVideoUi::libraryWithoutTheRouteIsACalmNote()
{
    m_server->addHandler([](const FakeVideoServer::Request &request) -> std::optional<FakeVideoServer::Reply> {
        if (request.method == "GET" && request.rawPath == "/v1/videos") {
            FakeVideoServer::Reply reply;
            reply.status = 404;
            reply.body = R"x({"error":{"message":"Invalid URL (GET /v1/videos)","type":"invalid_request_error"}})x";
            return reply;
        }
        return std::nullopt;
    });
    LibraryDialog dialog(m_core.get(), m_window.get());
    dialog.show();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->state(), LibraryModel::State::Unsupported, 20000);
    auto *note = dialog.findChild<QLabel *>(u"libraryNote"_s);
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), u"This service does not list its videos. Your own jobs are in the job list."_s);
    QVERIFY(!dialog.findChild<QPushButton *>(u"libraryRemixButton"_s)->isEnabled());
}

void TstNewVideoUi::batchSaysHowManyAndSendsOnlyOnSend()
{
    BatchDialog dialog(m_core.get(), CreateVideoSpec());
    dialog.show();
    dialog.findChild<QLineEdit *>(u"batchSourceEdit"_s)->setText(u"video_source"_s);
    dialog.findChild<QPlainTextEdit *>(u"batchLinesEdit"_s)->setPlainText(u"purple\n\n雪景\nnight"_s);
    dialog.findChild<QSpinBox *>(u"batchVersionsBox"_s)->setValue(2);
    auto *summary = dialog.findChild<QLabel *>(u"batchSummary"_s);
    QVERIFY2(summary->text().startsWith(u"6 jobs"_s), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(u"charged"_s));
    // Nothing until Send: no batch started, no job row (a submit adds its row before the POST leaves).
    QVERIFY(m_core->batchRunner()->items().isEmpty());
    QCOMPARE(m_core->jobList()->count(), 0);

    // A file with a bad row: reported by line, the good rows only.
    const QString csv = m_dir->filePath(u"jobs.csv"_s);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("source_id,prompt\nvideo_a,one\ngen_01bad,share link\nvideo_b,\"two, quoted\"\n");
    file.close();
    dialog.loadFile(csv);
    QCOMPARE(dialog.parsed().entries.size(), 2);
    auto *problems = dialog.findChild<QLabel *>(u"batchProblems"_s);
    QVERIFY2(problems->isVisible() && problems->text().startsWith(u"Line 3:"_s), qPrintable(problems->text()));
    QVERIFY(summary->text().startsWith(u"4 jobs"_s));
    QTest::mouseClick(dialog.findChild<QPushButton *>(u"batchSendButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(postsTo(u"/remix"_s), 4, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_core->batchRunner()->countOf(BatchRunner::ItemStatus::Sent), 4, 20000);
    auto *progress = dialog.findChild<QLabel *>(u"batchProgress"_s);
    QVERIFY2(progress->text().contains(u"4 of 4 sent"_s), qPrintable(progress->text()));
}

// An open batch dialog re-words itself when the language changes: row labels, buttons and the summary.
void TstNewVideoUi::batchDialogFollowsALanguageSwitch()
{
    BatchDialog dialog(m_core.get(), CreateVideoSpec(), m_window.get());
    dialog.show();
    auto *versions = dialog.findChild<QLabel *>(u"batchVersionsLabel"_s);
    QVERIFY(versions);
    QCOMPARE(versions->text(), u"V&ersions of each:"_s);
    m_core->languageManager()->setLanguage(LanguageManager::Chinese);
    QTRY_VERIFY2(!versions->text().contains(u"ersions"_s), qPrintable(versions->text()));
    QVERIFY2(dialog.windowTitle() != u"Send a Batch"_s, qPrintable(dialog.windowTitle()));
    m_core->languageManager()->setLanguage(LanguageManager::English);
    QTRY_COMPARE(versions->text(), u"V&ersions of each:"_s);
}

QTEST_MAIN(TstNewVideoUi)
#include "tst_newvideoui.moc"
