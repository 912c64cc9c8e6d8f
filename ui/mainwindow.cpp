#include "mainwindow.h"

#include "aboutdialog.h"
#include "appcore.h"
#include "costtotal.h"
#include "deferredicon.h"
#include "demo/demoservice.h"
#include "downloads/downloadmanager.h"
#include "filterbar.h"
#include "gettingstarted.h"
#include "history/jobstore.h"
#include "jobactions.h"
#include "jobcomposer.h"
#include "jobdetailspanel.h"
#include "joblistview.h"
#include "jobs/costestimator.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/joblist.h"
#include "jobs/jobmodel.h"
#include "jobs/knownvideoids.h"
#include "jobs/recentprompts.h"
#include "jobs/remixjob.h"
#include "jobsubmitter.h"
#include "languagemanager.h"
#include "mainsplitter.h"
#include "mediafactory.h"
#include "mediamodule.h"
#include "notificationtray.h"
#include "profilepicker.h"
#include "remixform.h"
#include "services/profilestore.h"
#include "servicestatuslabel.h"
#include "settings.h"
#include "settingsdialog.h"
#include "tabchain.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// The Jobs menu and the list's context menu offer the same actions, in the same order.
void addJobActions(QMenu *menu, const JobActions *actions)
{
    menu->addAction(actions->openAction());
    menu->addAction(actions->showInFolderAction());
    menu->addAction(actions->remixResultAction());
    menu->addAction(actions->extendAction());
    menu->addSeparator();
    menu->addAction(actions->copyIdAction());
    menu->addAction(actions->copyPromptAction());
    menu->addAction(actions->copyErrorAction());
    menu->addSeparator();
    menu->addAction(actions->refreshAction());
    menu->addAction(actions->retryAction());
    menu->addAction(actions->editAndResendAction());
    menu->addAction(actions->downloadAgainAction());
    menu->addSeparator();
    menu->addAction(actions->removeAction());
    menu->addAction(actions->deleteOnServiceAction());
}
} // namespace

MainWindow::MainWindow(AppCore *core, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_filter(new JobFilterModel(this))
    , m_composer(new JobComposer(core->settings(), this))
    , m_form(m_composer->remixForm())
    , m_filterBar(nullptr)
    , m_jobView(new JobListView(this))
    , m_details(new JobDetailsPanel(core->jobModel(), core->downloadManager(), this))
    , m_serviceLabel(new ServiceStatusLabel(core, this))
    , m_toolBar(new QToolBar(this))
{
    setObjectName(u"mainWindow"_s);
    m_jobView->setObjectName(u"jobView"_s);
    m_filter->setObjectName(u"jobFilterModel"_s);
    m_filter->setJobModel(m_core->jobModel());
    m_filterBar = new FilterBar(m_filter, this);
    m_knownIds = new KnownVideoIds(m_core->jobList(), this);
    m_form->setKnownVideoIds(m_knownIds);
    m_composer->setRecentPrompts(new RecentPrompts(m_core->jobList(), RecentPrompts::DefaultLimit, this));
    auto *costs = new CostEstimator(m_core->profileStore(), m_core->jobList(), this);
    m_composer->setCostEstimator(costs);
    m_core->jobModel()->setCostEstimator(costs);
    statusBar()->insertPermanentWidget(0, new CostTotal(costs, m_core->jobList(), this));
    m_submitter = new JobSubmitter(m_core, m_composer, m_knownIds, this);
    connect(m_submitter, &JobSubmitter::jobSubmitted, this, &MainWindow::selectJob);
    connect(m_submitter, &JobSubmitter::settingsRequested, this, &MainWindow::openSettings);
    connect(m_submitter, &JobSubmitter::statusMessage, statusBar(), &QStatusBar::showMessage);

    setUpJobView();
    createActions();

    // The list with its filter bar: one pane of the splitter, so the bar never scrolls away.
    auto *listPane = new QWidget(this);
    listPane->setObjectName(u"jobListPane"_s);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_filterBar);
    // While the list is empty, the next step takes its place (connect a service, try the demo, ...).
    m_gettingStarted = new GettingStarted(this);
    m_listStack = new QStackedWidget(this);
    m_listStack->setObjectName(u"jobListStack"_s);
    m_listStack->addWidget(m_jobView);
    m_listStack->addWidget(m_gettingStarted);
    listLayout->addWidget(m_listStack, 1);
    connect(m_gettingStarted, &GettingStarted::connectRequested, this, &MainWindow::openSettings);
    // The next step the empty list names follows the form that is showing (remix, or a new video).
    const auto followComposer = [this] {
        m_gettingStarted->setCreating(m_composer->isCreateShown());
    };
    connect(m_composer, &QTabWidget::currentChanged, m_gettingStarted, followComposer);
    followComposer();
    connect(m_gettingStarted, &GettingStarted::tryDemoRequested, m_submitter, &JobSubmitter::tryDemo);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_core->jobModel(), signal, this, &MainWindow::updateGettingStarted);
    connect(m_core->jobModel(), &QAbstractItemModel::modelReset, this, &MainWindow::updateGettingStarted);
    connect(m_core->profileStore(), &ProfileStore::activeProfileChanged, this, &MainWindow::updateGettingStarted);
    connect(m_core->profileStore(), &ProfileStore::profilesChanged, this, &MainWindow::updateGettingStarted);

    m_splitter = new MainSplitter(m_composer, m_form, listPane, m_jobView, m_details, this);

    auto *central = new QWidget(this);
    central->setObjectName(u"centralWidget"_s);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    // Which service new jobs go to, switchable at any time; jobs already sent keep their own.
    m_profileLabel = new QLabel(this);
    m_profileLabel->setObjectName(u"profileLabel"_s);
    m_profilePicker = new ProfilePicker(m_core->profileStore(), this);
    m_profileLabel->setBuddy(m_profilePicker);
    statusBar()->addPermanentWidget(m_serviceLabel);
    statusBar()->addPermanentWidget(m_profileLabel);
    statusBar()->addPermanentWidget(m_profilePicker);
    // A message that stopped being true goes, rather than waiting for its timeout.
    connect(m_core->downloadManager(), &DownloadManager::videoSaved, this, [this](const QString &localId) {
        if (localId == m_downloadFailureJob)
            clearStatusMessage(m_downloadFailureMessage);
    });
    connect(m_core->jobList(), &JobList::jobRemoved, this, [this](const QString &localId) {
        if (localId == m_downloadFailureJob)
            clearStatusMessage(m_downloadFailureMessage);
    });
    statusBar()->setObjectName(u"statusBar"_s);

    createToolBar();
    createMenus();

    // Services without thumbnails: the row shows a frame of the downloaded video instead. (The grabber,
    // and Qt Multimedia with it, is loaded with the first video that needs one.)
    DownloadManager *downloads = m_core->downloadManager();
    connect(downloads, &DownloadManager::videoSaved, this,
            [this, downloads](const QString &localId, const QString &path) {
                const std::optional<RemixJob> job = m_core->jobModel()->job(localId);
                if (!job || !job->thumbnailPath.isEmpty())
                    return;
                Media::Factory *media = MediaModule::factory();
                if (!m_frames && media) {
                    m_frames = media->createFrameGrabber([downloads](const QString &id, const QString &thumbnail) {
                        downloads->setThumbnail(id, thumbnail);
                    });
                }
                if (m_frames)
                    m_frames->request(localId, path, downloads->frameThumbnailPath(localId));
            });

    // A history that can no longer be written (disk full, file gone) must not fail silently.
    connect(m_core, &AppCore::historyWriteFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 30000); });
    connect(m_core->settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::AutoDownload)
            m_autoDownloadAction->setChecked(m_core->settings()->autoDownload());
    });
    connect(m_core->languageManager(), &LanguageManager::languageChanged, this, &MainWindow::updateLanguageActions);
    connect(m_core->downloadManager(), &DownloadManager::downloadFailed, this,
            [this](const QString &localId, const QString &message) {
                m_downloadFailureJob = localId;
                m_downloadFailureMessage = message;
                statusBar()->showMessage(message, 15000);
            });
    connect(m_details, &JobDetailsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    // Tab goes down the window as it is drawn: form, filter bar, list, details.
    QWidget *formLast = m_form->findChild<QWidget *>(u"remixExamplePromptsButton"_s); // the form's last stop
    TabChain::chainDown(formLast ? formLast : m_form, {m_filterBar, m_jobView, m_details});

    restoreWindowState();
    retranslate();
    // The first thing a user does is paste an id; focus goes there when the window is shown.
    m_form->focusVideoId();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpJobView()
{
    JobModel *model = m_core->jobModel();
    m_jobView->setJobModel(m_filter, model);
    QHeaderView *header = m_jobView->header();
    const auto saveHeader = [this] {
        m_core->settings()->setValue(Settings::Key::JobListHeaderState, m_jobView->header()->saveState());
    };
    connect(header, &QHeaderView::sortIndicatorChanged, this, saveHeader);
    connect(header, &QHeaderView::sectionMoved, this, saveHeader);

    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);
    // The details follow changes of the shown job, and of its source job (whose file makes before/after).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this, model](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QString shown = m_details->jobId();
                if (shown.isEmpty())
                    return;
                const int row = model->rowOf(shown);
                const int parentRow = model->rowOf(model->indexOf(shown).data(JobModel::ParentJobIdRole).toString());
                if ((row >= topLeft.row() && row <= bottomRight.row())
                    || (parentRow >= 0 && parentRow >= topLeft.row() && parentRow <= bottomRight.row()))
                    m_details->refresh();
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetails);
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobContextMenu);
}

void MainWindow::createActions()
{
    m_actions = new JobActions(m_core, m_jobView, m_details, this);
    connect(m_actions, &JobActions::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_actions, &JobActions::editAndResendRequested, m_submitter, &JobSubmitter::editForResend);
    m_details->addJobAction(m_actions->editAndResendAction());
    connect(m_actions, &JobActions::remixRequested, m_submitter, &JobSubmitter::startRemixOf);
    connect(m_actions, &JobActions::jobCreated, this, &MainWindow::selectJob);
    m_tray = new NotificationTray(m_core, this);
    connect(m_tray, &NotificationTray::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_tray, &NotificationTray::jobActivated, this, &MainWindow::selectJob);

    m_findAction = new QAction(DeferredIcon::themed(u"edit-find"_s), QString(), this);
    m_findAction->setObjectName(u"actionFind"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] { m_filterBar->focusSearch(); });
    m_batchAction = new QAction(this);
    m_batchAction->setObjectName(u"actionBatch"_s);
    connect(m_batchAction, &QAction::triggered, m_submitter, &JobSubmitter::openBatch);
    connect(m_core, &AppCore::batchInterrupted, this, [this](int waiting) {
        statusBar()->showMessage(tr("A batch was interrupted when the app closed: %1 jobs are not sent yet. "
                                    "Open File → Send a Batch to resume it.",
                                    "status bar message after a restart")
                                     .arg(waiting),
                                 30000);
    });
    m_libraryAction = new QAction(DeferredIcon::themed(u"folder-videos"_s), QString(), this);
    m_libraryAction->setObjectName(u"actionLibrary"_s);
    m_libraryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_libraryAction, &QAction::triggered, m_submitter, &JobSubmitter::openLibrary);

    Settings *settings = m_core->settings();
    m_chooseFolderAction = new QAction(DeferredIcon::standard(QStyle::SP_DirIcon), QString(), this);
    m_chooseFolderAction->setObjectName(u"actionChooseDownloadFolder"_s);
    connect(m_chooseFolderAction, &QAction::triggered, this, &MainWindow::chooseDownloadFolder);
    m_autoDownloadAction = new QAction(this);
    m_autoDownloadAction->setObjectName(u"actionAutoDownload"_s);
    m_autoDownloadAction->setCheckable(true);
    m_autoDownloadAction->setChecked(settings->autoDownload());
    connect(m_autoDownloadAction, &QAction::toggled, this, [this](bool on) {
        m_core->settings()->setAutoDownload(on);
        m_core->downloadManager()->setAutoDownload(on);
    });
}

void MainWindow::createToolBar()
{
    m_toolBar->setObjectName(u"jobToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    // The everyday actions; copying and deleting on the service stay in the menus.
    m_toolBar->addAction(m_actions->remixResultAction());
    m_toolBar->addAction(m_actions->extendAction());
    m_toolBar->addAction(m_actions->retryAction());
    m_toolBar->addAction(m_actions->refreshAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->openAction());
    m_toolBar->addAction(m_actions->showInFolderAction());
    m_toolBar->addAction(m_actions->downloadAgainAction());
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_actions->removeAction());
    addToolBar(Qt::TopToolBarArea, m_toolBar);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(u"fileMenu"_s);
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_settingsAction->setObjectName(u"settingsAction"_s);
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_batchAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_chooseFolderAction);
    m_fileMenu->addAction(m_autoDownloadAction);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_jobsMenu = menuBar()->addMenu(QString());
    m_jobsMenu->setObjectName(u"jobsMenu"_s);
    addJobActions(m_jobsMenu, m_actions);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_viewMenu->addAction(m_libraryAction);
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_tray->notifyAction());

    // The menu title is in both languages at all times: someone who cannot read the current language
    // must still find the way to the other one. The entries name each language in itself.
    m_languageMenu = menuBar()->addMenu(u"&Language / 语言"_s);
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    for (const QString &code : LanguageManager::availableLanguages()) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(code));
        action->setObjectName(code == LanguageManager::Chinese ? u"languageChineseAction"_s
                                                               : u"languageEnglishAction"_s);
        action->setCheckable(true);
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { m_core->languageManager()->setLanguage(code); });
    }
    updateLanguageActions();

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(u"helpMenu"_s);
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setObjectName(u"aboutAction"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setObjectName(u"aboutQtAction"_s);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateLanguageActions()
{
    const QString current = m_core->languageManager()->currentLanguage();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == current);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Video Remix", "main window title: the app's name"));
    m_profileLabel->setText(tr("New jobs &go to:", "status bar: label of the service profile picker"));
    m_fileMenu->setTitle(tr("&File", "menu"));
    m_settingsAction->setText(tr("&Settings…", "menu item: open the settings dialog"));
    m_chooseFolderAction->setText(tr("Choose &Download Folder…", "menu item: where finished videos are saved"));
    m_autoDownloadAction->setText(
        tr("Download Finished Videos &Automatically", "checkable menu item: save each video when its job completes"));
    m_quitAction->setText(tr("&Quit", "menu item: close the app"));
    m_jobsMenu->setTitle(tr("&Jobs", "menu: actions on the selected jobs"));
    m_viewMenu->setTitle(tr("&View", "menu"));
    m_findAction->setText(tr("&Search the List", "menu item: focus the job list's search field"));
    m_libraryAction->setText(tr("&Library…", "menu item: the videos the service keeps for this account"));
    m_batchAction->setText(tr("Send a &Batch…", "menu item: many jobs at once"));
    m_helpMenu->setTitle(tr("&Help", "menu"));
    m_aboutAction->setText(tr("&About Video Remix", "menu item"));
    m_aboutQtAction->setText(tr("About &Qt", "menu item"));
    m_toolBar->setWindowTitle(tr("Job actions", "name of the toolbar (shown in its context menu)"));
    m_toolBar->setAccessibleName(m_toolBar->windowTitle());
    m_jobView->setAccessibleName(tr("Jobs", "accessible name of the job list"));
    m_jobView->setAccessibleDescription(
        tr("Your remix jobs, newest first: source video, prompt, status, progress, result video and time",
           "accessible description of the job list"));

    m_actions->retranslate();
    m_tray->retranslate();
    updateGettingStarted();
    m_submitter->retranslate();
    updateDetails();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // A passing message was written in the old language; it would stay there until it times out.
        statusBar()->clearMessage();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreWindowState()
{
    Settings *settings = m_core->settings();
    const QByteArray geometry = settings->value(Settings::Key::MainWindowGeometry).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(defaultWindowSize());
    restoreState(settings->value(Settings::Key::MainWindowState).toByteArray());
    const QByteArray header = settings->value(Settings::Key::JobListHeaderState).toByteArray();
    if (!header.isEmpty())
        m_jobView->header()->restoreState(header);
    const QByteArray splitter = settings->value(Settings::Key::MainSplitterState).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreLayout(splitter);
    const int bucket = settings->value(Settings::Key::JobListFilter).toInt();
    if (bucket >= int(JobFilterModel::Bucket::All) && bucket <= int(JobFilterModel::Bucket::Failed))
        m_filterBar->setBucket(JobFilterModel::Bucket(bucket));
    connect(m_filterBar, &FilterBar::bucketChosen, this, [this](JobFilterModel::Bucket chosen) {
        m_core->settings()->setValue(Settings::Key::JobListFilter, int(chosen));
    });
}

QSize MainWindow::defaultWindowSize() const
{
    // Room for the form, at least six jobs and the details on a usual screen; never more than most of it.
    const QSize wanted(1024, 760);
    const QScreen *screen = this->screen();
    if (!screen)
        return wanted;
    const QSize available = screen->availableSize() * 9 / 10;
    return wanted.boundedTo(available).expandedTo(QSize(800, 600).boundedTo(screen->availableSize()));
}

void MainWindow::showAbout()
{
    if (m_aboutDialog) {
        m_aboutDialog->raise();
        m_aboutDialog->activateWindow();
        return;
    }
    const QString history = m_core->jobStore() ? m_core->jobStore()->path() : QString();
    m_aboutDialog = new AboutDialog({history, m_core->settings()->downloadFolder(), QSettings().fileName()}, this);
    m_aboutDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_aboutDialog->open();
}

void MainWindow::clearStatusMessage(const QString &message)
{
    if (!message.isEmpty() && statusBar()->currentMessage() == message)
        statusBar()->clearMessage();
}

void MainWindow::saveWindowState()
{
    Settings *settings = m_core->settings();
    settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    settings->setValue(Settings::Key::MainWindowState, saveState());
    settings->setValue(Settings::Key::JobListHeaderState, m_jobView->header()->saveState());
    settings->setValue(Settings::Key::MainSplitterState, m_splitter->saveState());
}

void MainWindow::openHistory(const QString &path)
{
    int result = m_core->openHistory(path);
    if (result == int(JobStore::OpenResult::Corrupt)) {
        QMessageBox box(QMessageBox::Warning, tr("History damaged", "dialog title"), m_core->historyErrorMessage(),
                        QMessageBox::NoButton, this);
        QPushButton *setAside = box.addButton(
            tr("Set the file aside and start a new history", "button: the damaged history file is renamed, kept"),
            QMessageBox::AcceptRole);
        box.addButton(tr("Continue without history", "button"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() == setAside && m_core->jobStore() && m_core->jobStore()->moveAsideCorrupt())
            result = m_core->openHistory(path);
    }
    if (result != int(JobStore::OpenResult::Ok) && result != int(JobStore::OpenResult::Corrupt)) {
        QMessageBox::warning(this, tr("History not available", "dialog title"),
                             m_core->historyErrorMessage() + u"\n\n"_s
                                 + tr("New jobs work, but they will not be kept after you quit.", "history warning"));
    }
}

void MainWindow::bringToFront()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_core, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_settingsDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The dialog has saved; new submissions use the new service, running jobs keep theirs.
        m_core->applyServiceSettings();
        m_core->languageManager()->setLanguage(dialog->selectedLanguage());
        m_serviceLabel->refresh();
    });
    // Window-modal and non-blocking: no nested event loop, and the main window keeps repainting progress.
    dialog->open();
}

void MainWindow::updateGettingStarted()
{
    const bool demo = m_core->isDemo();
    const bool configured = m_core->currentService().isValid();
    m_gettingStarted->setMode(demo         ? GettingStarted::Mode::Demo
                              : configured ? GettingStarted::Mode::Ready
                                           : GettingStarted::Mode::NoService);
    const bool empty = m_core->jobModel()->rowCount() == 0;
    m_listStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_gettingStarted) : m_jobView);
    m_filterBar->setEnabled(!empty);

    // The example in the field works where the jobs go: a sample in the demo, a neutral id elsewhere.
    QList<std::pair<QString, QString>> samples;
    if (demo) {
        for (const QString &id : DemoService::sampleVideoIds())
            samples.append({id, DemoService::sampleTitle(id)});
    }
    m_form->setExampleVideoId(demo ? DemoService::sampleVideoIds().constFirst() : QString());
    m_form->setSampleVideos(
        samples,
        demo ? tr("Demo jobs are not kept after you close the app.", "under the demo's sample videos") : QString());
}

void MainWindow::selectJob(const QString &localId)
{
    const QModelIndex source = m_core->jobModel()->indexOf(localId);
    if (!source.isValid())
        return;
    QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid()) {
        // A filter hides it; the user asked to see this job, so show the whole list.
        m_filterBar->clearSearch();
        m_filterBar->setBucket(JobFilterModel::Bucket::All);
        index = m_filter->mapFromSource(source);
    }
    if (!index.isValid())
        return;
    m_jobView->selectionModel()->setCurrentIndex(index,
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_jobView->scrollTo(index);
    updateDetails();
}

QStringList MainWindow::selectedJobIds() const
{
    return m_actions->selectedJobIds();
}

void MainWindow::updateDetails()
{
    const QModelIndex current = m_jobView->currentIndex();
    m_details->setJob(current.isValid() ? current.siblingAtColumn(0).data(JobModel::JobIdRole).toString() : QString());
}

void MainWindow::chooseDownloadFolder()
{
    Settings *settings = m_core->settings();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose Download Folder", "folder dialog title"),
                                                             settings->downloadFolder());
    if (folder.isEmpty())
        return;
    settings->setDownloadFolder(folder);
    m_core->downloadManager()->setFolder(settings->downloadFolder());
    statusBar()->showMessage(
        tr("Finished videos are saved in %1", "status bar; %1 is a folder").arg(QDir::toNativeSeparators(folder)),
        10000);
}

void MainWindow::showJobContextMenu(const QPoint &position)
{
    if (!m_jobView->indexAt(position).isValid())
        return;
    // The window's actions, so the menu, toolbar and keys always agree on what applies.
    m_actions->updateEnabled();
    QMenu menu(this);
    menu.setObjectName(u"jobContextMenu"_s);
    addJobActions(&menu, m_actions);
    menu.exec(m_jobView->viewport()->mapToGlobal(position));
}
