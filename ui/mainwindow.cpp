#include "mainwindow.h"

#include "api/apiurl.h"
#include "appcore.h"
#include "downloads/downloadmanager.h"
#include "filterbar.h"
#include "framethumbnailer.h"
#include "history/jobstore.h"
#include "jobdetailspanel.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobfiltermodel.h"
#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"
#include "jobs/notificationcoalescer.h"
#include "jobs/remixjob.h"
#include "jobs/serviceactions.h"
#include "languagemanager.h"
#include "profilepicker.h"
#include "progressdelegate.h"
#include "remixform.h"
#include "services/profilestore.h"
#include "settings.h"
#include "settingsdialog.h"
#include "thumbnaildelegate.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// The view elides every column in the middle, which keeps both ends of an id (its prefix and its
// unique tail) visible. Prose reads better cut at the end, so the prompt and status columns get this.
class ElideRightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

bool isRetryable(JobState state)
{
    // Jobs whose remix did not come out: nothing, or nothing known, was made. Cancelled and expired
    // videos were the user's or the service's decision; a new remix of those is an ordinary submit.
    return state == JobState::SubmitFailed || state == JobState::NotConfirmed || state == JobState::Failed;
}

QString shortened(const QString &text, int maxChars)
{
    const QString simple = text.simplified();
    return simple.size() <= maxChars ? simple : simple.left(maxChars - 1) + u'…';
}

// Actions that work on the list only: their keys (Enter, Delete, Ctrl+C) must keep their usual
// meaning in the form's text fields.
void limitToList(QAction *action, QWidget *view)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(action);
}
} // namespace

MainWindow::MainWindow(AppCore *core, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_filter(new JobFilterModel(this))
    , m_form(new RemixForm(this))
    , m_filterBar(nullptr)
    , m_jobView(new QTreeView(this))
    , m_thumbnailDelegate(nullptr)
    , m_details(new JobDetailsPanel(core->jobModel(), core->downloadManager(), this))
    , m_serviceLabel(new QLabel(this))
    , m_toolBar(new QToolBar(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"mainWindow"_s);
    m_jobView->setObjectName(u"jobView"_s);
    m_serviceLabel->setObjectName(u"serviceLabel"_s);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_filter->setObjectName(u"jobFilterModel"_s);
    m_filter->setJobModel(m_core->jobModel());
    m_filterBar = new FilterBar(m_filter, this);

    setUpJobView();
    createActions();

    // The list with its filter bar: one pane of the splitter, so the bar never scrolls away.
    auto *listPane = new QWidget(this);
    listPane->setObjectName(u"jobListPane"_s);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_jobView, 1);

    // Form, list and details share the height; the user can drag the borders (e.g. for a long prompt).
    m_splitter->addWidget(m_form);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_details);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    const int line = fontMetrics().lineSpacing();
    m_splitter->setSizes({10 * line, 16 * line, 12 * line});

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
    connect(m_core->profileStore(), &ProfileStore::activeProfileChanged, this, &MainWindow::updateServiceLabel);
    connect(m_core->profileStore(), &ProfileStore::profilesChanged, this, &MainWindow::updateServiceLabel);
    statusBar()->setObjectName(u"statusBar"_s);

    createToolBar();
    createMenus();
    createTrayIcon();

    // Services without thumbnails: the row shows a frame of the downloaded video instead.
    auto *frames = new FrameThumbnailer(this);
    DownloadManager *downloads = m_core->downloadManager();
    connect(downloads, &DownloadManager::videoSaved, frames,
            [this, frames, downloads](const QString &localId, const QString &path) {
                const std::optional<RemixJob> job = m_core->jobModel()->job(localId);
                if (job && job->thumbnailPath.isEmpty())
                    frames->request(localId, path, downloads->frameThumbnailPath(localId));
            });
    connect(frames, &FrameThumbnailer::thumbnailReady, downloads,
            [downloads](const QString &localId, const QString &path) { downloads->setThumbnail(localId, path); });

    // A history that can no longer be written (disk full, file gone) must not fail silently.
    connect(m_core, &AppCore::historyWriteFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 30000); });
    connect(m_form, &RemixForm::remixRequested, this, &MainWindow::submitRemix);
    connect(m_core->settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::BaseUrl)
            updateServiceLabel();
        else if (key == Settings::Key::AutoDownload)
            m_autoDownloadAction->setChecked(m_core->settings()->autoDownload());
        else if (key == Settings::Key::NotificationsEnabled)
            m_notifyAction->setChecked(m_core->settings()->notificationsEnabled());
    });
    connect(m_core->languageManager(), &LanguageManager::languageChanged, this, &MainWindow::updateLanguageActions);
    // A finished job flashes the taskbar entry if the user is working in another window.
    connect(m_core->jobController(), &JobController::jobFinished, this, [this] { QApplication::alert(this); });
    connect(m_core->notifications(), &NotificationCoalescer::summaryReady, this, &MainWindow::showFinishedSummary);
    connect(m_core->serviceActions(), &ServiceActions::deleteFinished, this,
            [this](const QString &, bool ok, const QString &message) {
                const QString text = !message.isEmpty() ? message
                                     : ok               ? tr("The video was deleted on the service.", "status bar")
                                          : tr("The video could not be deleted on the service.", "status bar");
                statusBar()->showMessage(text, 15000);
            });
    connect(m_core->downloadManager(), &DownloadManager::downloadFailed, this,
            [this](const QString &, const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_details, &JobDetailsPanel::statusMessage, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    restoreWindowState();
    retranslate();
    updateActions();
    // The first thing a user does is paste an id; focus goes there when the window is shown.
    m_form->focusVideoId();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpJobView()
{
    JobModel *model = m_core->jobModel();
    m_jobView->setModel(m_filter);
    m_jobView->setRootIsDecorated(false);
    // Every row has the same height (with thumbnails, the thumbnail's): long histories stay fast.
    m_jobView->setUniformRowHeights(true);
    m_jobView->setAlternatingRowColors(true);
    m_jobView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_jobView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobView->setAllColumnsShowFocus(true);
    m_jobView->setTextElideMode(Qt::ElideMiddle);
    m_jobView->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *progress =
        new ProgressDelegate(JobModel::ProgressColumn, JobModel::ProgressRole, JobModel::StateCategoryRole, m_jobView);
    // A completed job whose file is still arriving shows the download's progress in its bar.
    progress->setSecondaryProgress(JobModel::DownloadStateRole, int(DownloadState::Downloading),
                                   JobModel::DownloadProgressRole);
    m_jobView->setItemDelegateForColumn(JobModel::ProgressColumn, progress);
    auto *elideRight = new ElideRightDelegate(m_jobView);
    m_jobView->setItemDelegateForColumn(JobModel::PromptColumn, elideRight);
    m_jobView->setItemDelegateForColumn(JobModel::StatusColumn, elideRight);
    m_thumbnailDelegate = new ThumbnailDelegate(JobModel::ThumbnailPathRole, m_jobView);
    m_jobView->setItemDelegateForColumn(JobModel::ResultColumn, m_thumbnailDelegate);

    QHeaderView *header = m_jobView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobModel::PromptColumn, QHeaderView::Stretch);
    header->setSectionsMovable(true);
    // Widths from the font, so they fit in both languages and at any DPI: ids show their prefix and
    // tail, the status has room for "In progress · retrying", the time for a short date.
    const QFontMetrics metrics = m_jobView->fontMetrics();
    const int idWidth = metrics.horizontalAdvance(u"video_68d7512d0784819"_s);
    header->resizeSection(JobModel::SourceColumn, idWidth);
    header->resizeSection(JobModel::StatusColumn, metrics.horizontalAdvance(u"In progress · retrying"_s));
    header->resizeSection(JobModel::ProgressColumn, metrics.horizontalAdvance(u"100 %"_s) * 4);
    header->resizeSection(JobModel::ResultColumn, idWidth);
    header->resizeSection(JobModel::TimeColumn, metrics.horizontalAdvance(u"2026-12-31 23:59"_s) + metrics.height());
    header->setMinimumSectionSize(metrics.horizontalAdvance(u"100 %"_s) + metrics.height());
    // Newest first, unless the user chose another order (restored with the header state).
    m_jobView->sortByColumn(JobModel::TimeColumn, Qt::DescendingOrder);
    m_jobView->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] {
        m_core->settings()->setValue(Settings::Key::JobListHeaderState, m_jobView->header()->saveState());
    });
    connect(header, &QHeaderView::sectionMoved, this, [this] {
        m_core->settings()->setValue(Settings::Key::JobListHeaderState, m_jobView->header()->saveState());
    });

    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);
    connect(m_jobView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    // The details follow changes of the shown job, and of its source job (whose file makes before/after).
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this, model](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                watchForThumbnails(topLeft.row(), bottomRight.row());
                m_actionsUpdate.start();
                const QString shown = m_details->jobId();
                if (shown.isEmpty())
                    return;
                const int row = model->rowOf(shown);
                const int parentRow = model->rowOf(jobData(shown, JobModel::ParentJobIdRole).toString());
                if ((row >= topLeft.row() && row <= bottomRight.row())
                    || (parentRow >= 0 && parentRow >= topLeft.row() && parentRow <= bottomRight.row()))
                    m_details->refresh();
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        watchForThumbnails(first, last);
        updateDetails();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::modelReset, this, [this, model] {
        watchForThumbnails(0, model->rowCount() - 1);
        updateDetails();
    });
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobContextMenu);
    connect(m_jobView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openSelected();
    });
    m_actionsUpdate.setSingleShot(true);
    m_actionsUpdate.setInterval(50);
    connect(&m_actionsUpdate, &QTimer::timeout, this, &MainWindow::updateActions);
    watchForThumbnails(0, model->rowCount() - 1);
}

void MainWindow::watchForThumbnails(int firstRow, int lastRow)
{
    // Rows grow to the thumbnail's height once the first thumbnail exists; until then a text-only list
    // keeps its compact rows. Never back: rows do not jump when a job is removed.
    if (m_thumbnailDelegate->thumbnailsShown())
        return;
    JobModel *model = m_core->jobModel();
    for (int row = qMax(0, firstRow); row <= lastRow && row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(JobModel::ThumbnailPathRole).toString().isEmpty())
            continue;
        m_thumbnailDelegate->setThumbnailsShown(true);
        QHeaderView *header = m_jobView->header();
        const QFontMetrics metrics = m_jobView->fontMetrics();
        const int wanted = metrics.horizontalAdvance(u"video_68d7512d0784819"_s)
                           + m_thumbnailDelegate->thumbnailBox(metrics).width() + metrics.height();
        if (header->sectionSize(JobModel::ResultColumn) < wanted)
            header->resizeSection(JobModel::ResultColumn, wanted);
        m_jobView->doItemsLayout();
        return;
    }
}

void MainWindow::createActions()
{
    QStyle *s = style();
    const auto make = [this](QAction *&action, const QString &name, const QIcon &icon, auto slot) {
        action = new QAction(icon, QString(), this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
    };
    make(m_remixResultAction, u"actionRemixResult"_s,
         QIcon::fromTheme(u"media-playlist-repeat"_s, s->standardIcon(QStyle::SP_ArrowUp)), &MainWindow::remixResult);
    m_remixResultAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    make(m_copyIdAction, u"actionCopyId"_s, QIcon::fromTheme(u"edit-copy"_s), &MainWindow::copyIds);
    m_copyIdAction->setShortcut(QKeySequence::Copy);
    limitToList(m_copyIdAction, m_jobView);
    make(m_copyPromptAction, u"actionCopyPrompt"_s, QIcon(), &MainWindow::copyPrompts);
    make(m_copyErrorAction, u"actionCopyError"_s, QIcon(), &MainWindow::copyErrors);
    make(m_refreshAction, u"actionRefresh"_s,
         QIcon::fromTheme(u"view-refresh"_s, s->standardIcon(QStyle::SP_BrowserReload)), &MainWindow::refreshSelected);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    // Not every style draws SP_DialogRetryButton (Fusion has none): fall back to a theme icon, then an arrow.
    QIcon retryIcon = s->standardIcon(QStyle::SP_DialogRetryButton);
    if (retryIcon.isNull())
        retryIcon = QIcon::fromTheme(u"edit-redo"_s, s->standardIcon(QStyle::SP_CommandLink));
    make(m_retryAction, u"actionRetry"_s, retryIcon, &MainWindow::retrySelected);
    make(m_downloadAgainAction, u"actionDownloadAgain"_s,
         QIcon::fromTheme(u"document-save"_s, s->standardIcon(QStyle::SP_ArrowDown)),
         &MainWindow::downloadSelectedAgain);
    make(m_openAction, u"actionOpen"_s, s->standardIcon(QStyle::SP_MediaPlay), &MainWindow::openSelected);
    m_openAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    limitToList(m_openAction, m_jobView);
    make(m_showInFolderAction, u"actionShowInFolder"_s, s->standardIcon(QStyle::SP_DirOpenIcon),
         &MainWindow::showSelectedInFolder);
    make(m_removeAction, u"actionRemove"_s,
         QIcon::fromTheme(u"list-remove"_s, s->standardIcon(QStyle::SP_DialogDiscardButton)),
         &MainWindow::removeSelected);
    m_removeAction->setShortcut(QKeySequence::Delete);
    limitToList(m_removeAction, m_jobView);
    make(m_deleteOnServiceAction, u"actionDeleteOnService"_s, s->standardIcon(QStyle::SP_TrashIcon),
         &MainWindow::deleteSelectedOnService);

    make(m_findAction, u"actionFind"_s, QIcon::fromTheme(u"edit-find"_s), [this] { m_filterBar->focusSearch(); });
    m_findAction->setShortcut(QKeySequence::Find);

    Settings *settings = m_core->settings();
    m_notifyAction = new QAction(this);
    m_notifyAction->setObjectName(u"actionNotify"_s);
    m_notifyAction->setCheckable(true);
    m_notifyAction->setChecked(settings->notificationsEnabled());
    connect(m_notifyAction, &QAction::toggled, this, [this](bool on) {
        m_core->settings()->setNotificationsEnabled(on);
        m_core->notifications()->setEnabled(on);
        if (m_trayIcon)
            m_trayIcon->setVisible(on);
    });

    m_chooseFolderAction = new QAction(s->standardIcon(QStyle::SP_DirIcon), QString(), this);
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
    m_toolBar->addAction(m_remixResultAction);
    m_toolBar->addAction(m_retryAction);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_openAction);
    m_toolBar->addAction(m_showInFolderAction);
    m_toolBar->addAction(m_downloadAgainAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_removeAction);
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
    m_fileMenu->addAction(m_chooseFolderAction);
    m_fileMenu->addAction(m_autoDownloadAction);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_jobsMenu = menuBar()->addMenu(QString());
    m_jobsMenu->setObjectName(u"jobsMenu"_s);
    m_jobsMenu->addAction(m_openAction);
    m_jobsMenu->addAction(m_showInFolderAction);
    m_jobsMenu->addAction(m_remixResultAction);
    m_jobsMenu->addSeparator();
    m_jobsMenu->addAction(m_copyIdAction);
    m_jobsMenu->addAction(m_copyPromptAction);
    m_jobsMenu->addAction(m_copyErrorAction);
    m_jobsMenu->addSeparator();
    m_jobsMenu->addAction(m_refreshAction);
    m_jobsMenu->addAction(m_retryAction);
    m_jobsMenu->addAction(m_downloadAgainAction);
    m_jobsMenu->addSeparator();
    m_jobsMenu->addAction(m_removeAction);
    m_jobsMenu->addAction(m_deleteOnServiceAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(u"viewMenu"_s);
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_notifyAction);

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

void MainWindow::createTrayIcon()
{
    // Desktop messages need a tray (a notification area); offscreen, in CI and on some desktops there
    // is none, and the status bar carries the message alone.
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_trayIcon = new QSystemTrayIcon(this);
    m_trayIcon->setObjectName(u"trayIcon"_s);
    m_trayIcon->setIcon(windowIcon().isNull() ? style()->standardIcon(QStyle::SP_MediaPlay) : windowIcon());
    const auto bringUp = [this] {
        if (isMinimized())
            showNormal();
        show();
        raise();
        activateWindow();
    };
    connect(m_trayIcon, &QSystemTrayIcon::activated, this, bringUp);
    connect(m_trayIcon, &QSystemTrayIcon::messageClicked, this, [this, bringUp] {
        bringUp();
        if (!m_notifiedJobId.isEmpty())
            selectJob(m_notifiedJobId);
    });
    m_trayIcon->setVisible(m_core->settings()->notificationsEnabled());
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
    m_notifyAction->setText(tr("&Notify When Jobs Finish", "checkable menu item: desktop message"));
    m_helpMenu->setTitle(tr("&Help", "menu"));
    m_aboutAction->setText(tr("&About Video Remix", "menu item"));
    m_aboutQtAction->setText(tr("About &Qt", "menu item"));
    m_toolBar->setWindowTitle(tr("Job actions", "name of the toolbar (shown in its context menu)"));

    // text: menus and context menu; iconText: the shorter toolbar label; toolTip: what happens.
    const auto set = [](QAction *action, const QString &text, const QString &iconText, const QString &toolTip) {
        action->setText(text);
        action->setIconText(iconText);
        action->setToolTip(toolTip);
    };
    set(m_remixResultAction, tr("&Remix This Result", "job action: put the result's id into the form"),
        tr("Remix result", "toolbar: put the result's id into the form"),
        tr("Puts the finished video's ID into the form, to make a remix of the remix (Ctrl+R)", "tooltip"));
    set(m_copyIdAction, tr("&Copy Video ID", "job action: the result's id, or the source's when there is none"),
        tr("Copy ID", "toolbar"),
        tr("Copies the result video's ID, or the source video's ID while there is no result (Ctrl+C)", "tooltip"));
    set(m_copyPromptAction, tr("Copy &Prompt", "job action"), tr("Copy prompt", "toolbar"),
        tr("Copies the prompt of the selected jobs", "tooltip"));
    set(m_copyErrorAction, tr("Copy &Error Text", "job action: the error message and its technical detail"),
        tr("Copy error", "toolbar"), tr("Copies why the job failed, with the technical detail", "tooltip"));
    set(m_refreshAction, tr("Refresh &Now", "job action: ask the service for the status at once"),
        tr("Refresh", "toolbar: ask for the status at once"),
        tr("Asks the service for the job's status now (F5)", "tooltip"));
    set(m_retryAction, tr("Re&try…", "job action: send the same remix again"), tr("Retry", "toolbar"),
        tr("Sends the same remix again as a new job. The service charges for it again.", "tooltip"));
    set(m_downloadAgainAction, tr("&Download Again", "job action: fetch the finished video's file again"),
        tr("Download again", "toolbar: fetch the finished video's file again"),
        tr("Saves the finished video again, into the download folder", "tooltip"));
    set(m_openAction, tr("&Open", "job action: play the downloaded video"), tr("Play", "toolbar: play the video"),
        tr("Plays the downloaded video below the list (Enter or double-click)", "tooltip"));
    set(m_showInFolderAction, tr("Show in &Folder", "job action: open the folder of the downloaded video"),
        tr("Show in folder", "toolbar"), tr("Opens the folder that holds the downloaded video", "tooltip"));
    set(m_removeAction, tr("Re&move from List…", "job action: forget the job in this app"),
        tr("Remove", "toolbar: remove from the list"),
        tr("Removes the job from this list; the video stays on the service (Delete)", "tooltip"));
    set(m_deleteOnServiceAction, tr("Delete on the &Service…", "job action: delete the result video on the service"),
        tr("Delete on service", "toolbar"), tr("Asks the service to delete the result video for good", "tooltip"));
    if (m_trayIcon)
        m_trayIcon->setToolTip(windowTitle());
    updateServiceLabel();
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
        resize(960, 640);
    restoreState(settings->value(Settings::Key::MainWindowState).toByteArray());
    const QByteArray header = settings->value(Settings::Key::JobListHeaderState).toByteArray();
    if (!header.isEmpty())
        m_jobView->header()->restoreState(header);
    const QByteArray splitter = settings->value(Settings::Key::MainSplitterState).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const int bucket = settings->value(Settings::Key::JobListFilter).toInt();
    if (bucket >= int(JobFilterModel::Bucket::All) && bucket <= int(JobFilterModel::Bucket::Failed))
        m_filterBar->setBucket(JobFilterModel::Bucket(bucket));
    connect(m_filterBar, &FilterBar::bucketChosen, this, [this](JobFilterModel::Bucket chosen) {
        m_core->settings()->setValue(Settings::Key::JobListFilter, int(chosen));
    });
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
        updateServiceLabel();
    });
    // Window-modal and non-blocking: no nested event loop, and the main window keeps repainting progress.
    dialog->open();
}

void MainWindow::submitRemix(const QString &videoId, const QString &prompt)
{
    if (!m_core->currentService().isValid()) {
        statusBar()->showMessage(
            tr("Set up the video service first: its address is needed to send the remix.", "status bar message"),
            10000);
        openSettings();
        return;
    }
    // The same paid remix again within seconds is most likely one gesture that arrived twice (a double
    // press, an impatient second click): ask, with No as the default, instead of charging twice.
    if (m_core->isQuickRepeat(videoId, prompt) && !confirmQuickRepeat())
        return;
    const QString localId = m_core->submit(videoId, prompt);
    // Select the new job so its details show. Focus stays in the form for the next variant.
    selectJob(localId);
}

bool MainWindow::confirmQuickRepeat()
{
    QMessageBox box(QMessageBox::Question, tr("Send Again?", "dialog title: the same remix was sent moments ago"),
                    tr("You just sent this remix. Send it again?",
                       "question when the same video id, prompt and service were submitted moments ago"),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(u"repeatConfirmationBox"_s);
    box.setInformativeText(tr("It is charged again.", "the same remix sent again: the service charges for it again"));
    box.button(QMessageBox::Yes)->setText(tr("Send Again", "button: send the same remix once more"));
    // Return (perhaps still held, or pressed once more) and Escape both keep it from being sent.
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
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
    QModelIndexList rows = m_jobView->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        ids << row.data(JobModel::JobIdRole).toString();
    return ids;
}

QString MainWindow::primaryJobId() const
{
    const QModelIndex current = m_jobView->currentIndex();
    if (current.isValid() && m_jobView->selectionModel()->isRowSelected(current.row(), current.parent()))
        return current.siblingAtColumn(0).data(JobModel::JobIdRole).toString();
    const QStringList ids = selectedJobIds();
    return ids.isEmpty() ? QString() : ids.constFirst();
}

QVariant MainWindow::jobData(const QString &localId, int role) const
{
    if (localId.isEmpty())
        return {};
    return m_core->jobModel()->indexOf(localId).data(role);
}

QString MainWindow::jobFile(const QString &localId) const
{
    const QString path = jobData(localId, JobModel::FilePathRole).toString();
    return !path.isEmpty() && QFileInfo(path).isFile() ? path : QString();
}

void MainWindow::updateDetails()
{
    const QModelIndex current = m_jobView->currentIndex();
    m_details->setJob(current.isValid() ? current.siblingAtColumn(0).data(JobModel::JobIdRole).toString() : QString());
    updateActions();
}

void MainWindow::updateActions()
{
    const QStringList ids = selectedJobIds();
    const QString primary = primaryJobId();
    const auto stateOf = [this](const QString &id) {
        return JobState(jobData(id, JobModel::StateRole).toInt());
    };
    const auto any = [&ids](auto predicate) {
        return std::any_of(ids.cbegin(), ids.cend(), predicate);
    };

    const bool primaryCompleted = !primary.isEmpty() && stateOf(primary) == JobState::Completed
                                  && !jobData(primary, JobModel::ResultIdRole).toString().isEmpty();
    m_remixResultAction->setEnabled(primaryCompleted);
    m_copyIdAction->setEnabled(!ids.isEmpty());
    m_copyPromptAction->setEnabled(!ids.isEmpty());
    m_copyErrorAction->setEnabled(
        any([this](const QString &id) { return !jobData(id, JobModel::ErrorMessageRole).toString().isEmpty(); }));
    m_refreshAction->setEnabled(any([&](const QString &id) {
        return !jobData(id, JobModel::ResultIdRole).toString().isEmpty()
               && (JobStates::isPollable(stateOf(id)) || jobData(id, JobModel::PollingStoppedRole).toBool());
    }));
    m_retryAction->setEnabled(any([&](const QString &id) { return isRetryable(stateOf(id)); }));
    m_downloadAgainAction->setEnabled(any([&](const QString &id) {
        const auto download = DownloadState(jobData(id, JobModel::DownloadStateRole).toInt());
        return stateOf(id) == JobState::Completed && download != DownloadState::Pending
               && download != DownloadState::Downloading;
    }));
    m_openAction->setEnabled(!primary.isEmpty() && !jobData(primary, JobModel::FilePathRole).toString().isEmpty());
    m_showInFolderAction->setEnabled(
        any([this](const QString &id) { return !jobData(id, JobModel::FilePathRole).toString().isEmpty(); }));
    m_removeAction->setEnabled(!ids.isEmpty());
    m_deleteOnServiceAction->setEnabled(any([&](const QString &id) {
        return !jobData(id, JobModel::ResultIdRole).toString().isEmpty() && stateOf(id) != JobState::Submitting;
    }));
}

bool MainWindow::confirm(const QString &title,
                         const QString &text,
                         const QString &informative,
                         const QString &yesText,
                         const QString &checkBoxText,
                         bool *checked)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(u"confirmationBox"_s);
    box.setInformativeText(informative);
    box.button(QMessageBox::Yes)->setText(yesText);
    box.setDefaultButton(QMessageBox::Cancel);
    QCheckBox *check = nullptr;
    if (!checkBoxText.isEmpty()) {
        // The box owns and deletes its check box: its state is read here, while both still exist.
        check = new QCheckBox(checkBoxText, &box);
        check->setObjectName(u"deleteFilesCheckBox"_s);
        box.setCheckBox(check);
    }
    const bool accepted = box.exec() == QMessageBox::Yes;
    if (checked)
        *checked = check && check->isChecked();
    return accepted;
}

void MainWindow::remixResult()
{
    const QString id = primaryJobId();
    const QString result = jobData(id, JobModel::ResultIdRole).toString();
    if (result.isEmpty())
        return;
    m_form->setVideoId(result);
    m_form->focusPrompt();
}

void MainWindow::copyIds()
{
    QStringList lines;
    for (const QString &id : selectedJobIds()) {
        const QString result = jobData(id, JobModel::ResultIdRole).toString();
        lines << (result.isEmpty() ? jobData(id, JobModel::SourceIdRole).toString() : result);
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

void MainWindow::copyPrompts()
{
    QStringList prompts;
    for (const QString &id : selectedJobIds())
        prompts << jobData(id, JobModel::PromptRole).toString();
    if (!prompts.isEmpty())
        QApplication::clipboard()->setText(prompts.join(u"\n\n"_s));
}

void MainWindow::copyErrors()
{
    QStringList errors;
    for (const QString &id : selectedJobIds()) {
        const QString message = jobData(id, JobModel::ErrorMessageRole).toString();
        const QString detail = jobData(id, JobModel::ErrorDetailRole).toString();
        if (message.isEmpty())
            continue;
        // The ids first: whoever gets this text (a relay's support) needs to know which job it was.
        QString text = jobData(id, JobModel::SourceIdRole).toString();
        const QString result = jobData(id, JobModel::ResultIdRole).toString();
        if (!result.isEmpty())
            text += u" → "_s + result;
        text += u'\n' + message;
        if (!detail.isEmpty())
            text += u'\n' + detail;
        errors << text;
    }
    if (!errors.isEmpty())
        QApplication::clipboard()->setText(errors.join(u"\n\n"_s));
}

void MainWindow::refreshSelected()
{
    for (const QString &id : selectedJobIds()) {
        if (!jobData(id, JobModel::ResultIdRole).toString().isEmpty())
            m_core->jobController()->refreshNow(id);
    }
}

void MainWindow::retrySelected()
{
    QStringList ids;
    int notConfirmed = 0;
    for (const QString &id : selectedJobIds()) {
        const auto state = JobState(jobData(id, JobModel::StateRole).toInt());
        if (!isRetryable(state))
            continue;
        ids << id;
        if (state == JobState::NotConfirmed)
            ++notConfirmed;
    }
    if (ids.isEmpty())
        return;

    const int n = int(ids.size());
    const QString text = n == 1 ? tr("Send this remix again?", "retry confirmation, one job")
                                : tr("Retry %n jobs?", "retry confirmation, several jobs", n);
    QString informative =
        n == 1 ? tr("It is sent as a new job, and the service charges for it again.", "retry confirmation, one job")
               : tr("Each one is sent as a new job and charged again.", "retry confirmation, several jobs");
    if (notConfirmed > 0) {
        // The POST may have arrived although no answer came back: the service may be making it already.
        informative += u"\n\n"_s
                       + (n == 1 ? tr("No answer came back the first time, so the first remix may already be "
                                      "running on the service. Retrying may make it twice and cost twice.",
                                      "retry confirmation for a job sent without an answer")
                                 : tr("%n of them got no answer the first time and may already be running on the "
                                      "service. Retrying those may make them twice and cost twice.",
                                      "retry confirmation for jobs sent without an answer", notConfirmed));
    }
    if (!confirm(tr("Retry", "dialog title"), text, informative, tr("Retry", "button: send the remix again")))
        return;

    QString first;
    for (const QString &id : std::as_const(ids)) {
        // The list may have changed while the question was open.
        const QModelIndex row = m_core->jobModel()->indexOf(id);
        if (!row.isValid())
            continue;
        const auto state = JobState(row.data(JobModel::StateRole).toInt());
        const QString newId = m_core->resubmit(id);
        if (first.isEmpty())
            first = newId;
        // A refused submit created nothing on the service: its row would only repeat the new one.
        if (state == JobState::SubmitFailed && !newId.isEmpty())
            m_core->removeJob(id, false);
    }
    if (!first.isEmpty())
        selectJob(first);
}

void MainWindow::downloadSelectedAgain()
{
    int started = 0;
    for (const QString &id : selectedJobIds()) {
        if (JobState(jobData(id, JobModel::StateRole).toInt()) != JobState::Completed)
            continue;
        m_core->downloadManager()->downloadNow(id);
        ++started;
    }
    if (started > 0) {
        // One sentence per case, so the English source reads right without plural forms (n >= 2 below).
        const QString folder = QDir::toNativeSeparators(m_core->downloadManager()->folder());
        statusBar()->showMessage(
            started == 1
                ? tr("Downloading the video into %1", "status bar; %1 is a folder").arg(folder)
                : tr("Downloading %n videos into %1", "status bar; %1 is a folder; n >= 2", started).arg(folder),
            10000);
    }
}

void MainWindow::openSelected()
{
    const QString id = primaryJobId();
    if (id.isEmpty())
        return;
    if (jobFile(id).isEmpty()) {
        const auto state = JobState(jobData(id, JobModel::StateRole).toInt());
        statusBar()->showMessage(state == JobState::Completed ? tr(
                                     "This video is not downloaded yet. Use Download Again to save it.", "status bar")
                                                              : tr("This job has no video yet.", "status bar"),
                                 10000);
        return;
    }
    m_details->setJob(id);
    if (!m_details->play() && !JobDetailsPanel::openWithSystemPlayer(jobFile(id)))
        statusBar()->showMessage(tr("No program to play videos was found.", "status bar"), 10000);
}

void MainWindow::showSelectedInFolder()
{
    // One file manager window per folder, and never a wall of them for a large selection.
    QStringList folders;
    for (const QString &id : selectedJobIds()) {
        const QString file = jobFile(id);
        if (file.isEmpty())
            continue;
        const QString folder = QFileInfo(file).absolutePath();
        if (folders.contains(folder))
            continue;
        folders << folder;
        JobDetailsPanel::showInFolder(file);
        if (folders.size() >= 5)
            break;
    }
    if (folders.isEmpty())
        statusBar()->showMessage(tr("The selected videos are not downloaded.", "status bar"), 10000);
}

void MainWindow::removeSelected()
{
    const QStringList ids = selectedJobIds();
    if (ids.isEmpty())
        return;
    int files = 0;
    int running = 0;
    for (const QString &id : ids) {
        if (!jobFile(id).isEmpty())
            ++files;
        if (!JobStates::isFinal(JobState(jobData(id, JobModel::StateRole).toInt())))
            ++running;
    }
    const int n = int(ids.size());
    const QString text = n == 1 ? tr("Remove this job from the list?", "remove confirmation, one job")
                                : tr("Remove %n jobs from the list?", "remove confirmation, several jobs", n);
    QString informative = tr("Videos on the service are not deleted.", "remove confirmation");
    if (running == 1) {
        informative +=
            u' '
            + tr("The app stops following the unfinished job; the service goes on making it.", "remove confirmation");
    } else if (running > 1) {
        informative += u' '
                       + tr("The app stops following %n unfinished jobs; the service goes on making them.",
                            "remove confirmation; n >= 2", running);
    }
    QString deleteFilesText;
    if (files > 0) {
        deleteFilesText = files == 1 ? tr("Also delete the downloaded file", "remove confirmation")
                                     : tr("Also delete the %n downloaded files", "remove confirmation", files);
    }
    bool alsoFiles = false;
    if (!confirm(tr("Remove from List", "dialog title"), text, informative, tr("Remove", "button"), deleteFilesText,
                 &alsoFiles))
        return;
    for (const QString &id : ids)
        m_core->removeJob(id, alsoFiles);
}

void MainWindow::deleteSelectedOnService()
{
    QStringList ids;
    for (const QString &id : selectedJobIds()) {
        if (!jobData(id, JobModel::ResultIdRole).toString().isEmpty()
            && JobState(jobData(id, JobModel::StateRole).toInt()) != JobState::Submitting)
            ids << id;
    }
    if (ids.isEmpty())
        return;
    const int n = int(ids.size());
    const QString text = n == 1 ? tr("Delete the result video on the service?", "delete confirmation, one job")
                                : tr("Delete %n result videos on the service?", "delete confirmation", n);
    const QString informative =
        n == 1 ? tr("The service deletes it for good; this cannot be undone. The file saved on this computer and "
                    "the row in this list are kept.",
                    "delete confirmation, one job")
               : tr("The service deletes them for good; this cannot be undone. Files saved on this "
                    "computer and the rows in this list are kept.",
                    "delete confirmation");
    if (!confirm(tr("Delete on the Service", "dialog title"), text, informative, tr("Delete", "button")))
        return;
    for (const QString &id : std::as_const(ids))
        m_core->serviceActions()->deleteOnService(id);
    statusBar()->showMessage(tr("Asking the service to delete…", "status bar"), 10000);
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

void MainWindow::showFinishedSummary(const QStringList &localIds, int completed, int failed)
{
    if (localIds.isEmpty())
        return;
    m_notifiedJobId = localIds.constFirst();
    QString text;
    if (completed + failed <= 1) {
        const QString prompt = shortened(jobData(m_notifiedJobId, JobModel::PromptRole).toString(), 60);
        text = completed == 1 ? tr("Remix completed: %1", "desktop message; %1 is the start of the prompt").arg(prompt)
                              : tr("Remix failed: %1", "desktop message; %1 is the start of the prompt").arg(prompt);
    } else if (failed == 0) {
        text = tr("%n remixes completed", "desktop message, several jobs (n >= 2)", completed);
    } else if (completed == 0) {
        text = tr("%n remixes failed", "desktop message, several jobs (n >= 2)", failed);
    } else {
        // n is the total (at least 2), so the English source needs no plural forms.
        text = tr("%n remixes finished: %1 completed, %2 failed",
                  "desktop message; n: all jobs (>= 2), %1 and %2: how many of them", completed + failed)
                   .arg(completed)
                   .arg(failed);
    }
    statusBar()->showMessage(text, 15000);
    if (m_trayIcon && m_trayIcon->isVisible()) {
        m_trayIcon->showMessage(windowTitle(), text,
                                failed > 0 ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    }
}

void MainWindow::updateServiceLabel()
{
    const QUrl base = m_core->currentService().apiBase;
    m_serviceLabel->setVisible(true);
    if (m_core->isDemo()) {
        m_serviceLabel->setText(tr("Demo service (nothing is sent anywhere)", "status bar"));
        m_serviceLabel->setToolTip(QString());
        // The profile picker beside it already says "Demo": one label is enough in a narrow window.
        m_serviceLabel->setVisible(false);
        return;
    }
    if (!base.isValid() || base.host().isEmpty()) {
        m_serviceLabel->setText(tr("No service configured", "status bar"));
        m_serviceLabel->setToolTip(
            tr("Open File › Settings… to enter the address of your video service.", "status bar tooltip"));
        return;
    }
    // Only host and port: the path is always the API base, and user info could hold a password.
    QString host = base.host();
    if (base.port() != -1)
        host += u':' + QString::number(base.port());
    m_serviceLabel->setText(tr("Service: %1", "status bar: %1 is the host name of the video service").arg(host));
    m_serviceLabel->setToolTip(base.toDisplayString());
}

void MainWindow::showJobContextMenu(const QPoint &position)
{
    if (!m_jobView->indexAt(position).isValid())
        return;
    // The window's actions, so the menu, toolbar and keys always agree on what applies.
    updateActions();
    QMenu menu(this);
    menu.setObjectName(u"jobContextMenu"_s);
    menu.addAction(m_openAction);
    menu.addAction(m_showInFolderAction);
    menu.addAction(m_remixResultAction);
    menu.addSeparator();
    menu.addAction(m_copyIdAction);
    menu.addAction(m_copyPromptAction);
    menu.addAction(m_copyErrorAction);
    menu.addSeparator();
    menu.addAction(m_refreshAction);
    menu.addAction(m_retryAction);
    menu.addAction(m_downloadAgainAction);
    menu.addSeparator();
    menu.addAction(m_removeAction);
    menu.addAction(m_deleteOnServiceAction);
    menu.exec(m_jobView->viewport()->mapToGlobal(position));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Video Remix", "about dialog title"),
                       tr("<p><b>Video Remix</b> %1</p>"
                          "<p>Paste the id of a video, describe what to change, and the video service makes a "
                          "new version of it.</p>",
                          "about dialog text; %1 is the version")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}
