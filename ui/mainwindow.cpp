#include "mainwindow.h"

#include "apiurl.h"
#include "appcore.h"
#include "jobcontroller.h"
#include "jobmodel.h"
#include "jobstate.h"
#include "languagemanager.h"
#include "progressdelegate.h"
#include "remixform.h"
#include "settings.h"
#include "settingsdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
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

QString htmlLine(const QString &text)
{
    // Server texts go into rich text: escape them, and keep their line breaks.
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}
} // namespace

MainWindow::MainWindow(AppCore *core, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_form(new RemixForm(this))
    , m_jobView(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_serviceLabel(new QLabel(this))
    , m_fileMenu(nullptr)
    , m_languageMenu(nullptr)
    , m_helpMenu(nullptr)
    , m_settingsAction(nullptr)
    , m_quitAction(nullptr)
    , m_aboutAction(nullptr)
    , m_aboutQtAction(nullptr)
    , m_languageGroup(nullptr)
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(u"mainWindow"_s);
    m_jobView->setObjectName(u"jobView"_s);
    m_details->setObjectName(u"detailsLabel"_s);
    m_serviceLabel->setObjectName(u"serviceLabel"_s);
    m_splitter->setObjectName(u"mainSplitter"_s);

    setUpJobView();

    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setContentsMargins(4, 4, 4, 4);
    // A long technical detail scrolls instead of pushing the job list away.
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setObjectName(u"detailsScrollArea"_s);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::StyledPanel);
    detailsScroll->setMinimumHeight(3 * fontMetrics().lineSpacing());

    // Form, list and details share the height; the user can drag the borders (e.g. for a long prompt).
    m_splitter->addWidget(m_form);
    m_splitter->addWidget(m_jobView);
    m_splitter->addWidget(detailsScroll);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    const int line = fontMetrics().lineSpacing();
    m_splitter->setSizes({11 * line, 20 * line, 5 * line});

    auto *central = new QWidget(this);
    central->setObjectName(u"centralWidget"_s);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    statusBar()->addPermanentWidget(m_serviceLabel);
    statusBar()->setObjectName(u"statusBar"_s);

    createMenus();

    connect(m_form, &RemixForm::remixRequested, this, &MainWindow::submitRemix);
    connect(m_core->settings(), &Settings::changed, this, [this](Settings::Key key) {
        if (key == Settings::Key::BaseUrl)
            updateServiceLabel();
    });
    connect(m_core->languageManager(), &LanguageManager::languageChanged, this, &MainWindow::updateLanguageActions);
    // A finished job flashes the taskbar entry if the user is working in another window.
    connect(m_core->jobController(), &JobController::jobFinished, this, [this] { QApplication::alert(this); });

    restoreWindowState();
    retranslate();
    // The first thing a user does is paste an id; focus goes there when the window is shown.
    m_form->focusVideoId();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpJobView()
{
    JobModel *model = m_core->jobModel();
    m_jobView->setModel(model);
    m_jobView->setRootIsDecorated(false);
    m_jobView->setUniformRowHeights(true);
    m_jobView->setAlternatingRowColors(true);
    m_jobView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobView->setAllColumnsShowFocus(true);
    m_jobView->setTextElideMode(Qt::ElideMiddle);
    m_jobView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_jobView->setItemDelegateForColumn(
        JobModel::ProgressColumn,
        new ProgressDelegate(JobModel::ProgressColumn, JobModel::ProgressRole, JobModel::StateCategoryRole, m_jobView));
    auto *elideRight = new ElideRightDelegate(m_jobView);
    m_jobView->setItemDelegateForColumn(JobModel::PromptColumn, elideRight);
    m_jobView->setItemDelegateForColumn(JobModel::StatusColumn, elideRight);

    QHeaderView *header = m_jobView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(JobModel::PromptColumn, QHeaderView::Stretch);
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

    connect(m_jobView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_jobView->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    updateDetails();
            });
    connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateDetails);
    connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetails);
    connect(m_jobView, &QWidget::customContextMenuRequested, this, &MainWindow::showJobContextMenu);
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
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setObjectName(u"quitAction"_s);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

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
    m_fileMenu->setTitle(tr("&File", "menu"));
    m_settingsAction->setText(tr("&Settings…", "menu item: open the settings dialog"));
    m_quitAction->setText(tr("&Quit", "menu item: close the app"));
    m_helpMenu->setTitle(tr("&Help", "menu"));
    m_aboutAction->setText(tr("&About Video Remix", "menu item"));
    m_aboutQtAction->setText(tr("About &Qt", "menu item"));
    updateServiceLabel();
    updateDetails();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
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
}

void MainWindow::saveWindowState()
{
    Settings *settings = m_core->settings();
    settings->setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    settings->setValue(Settings::Key::MainWindowState, saveState());
    settings->setValue(Settings::Key::JobListHeaderState, m_jobView->header()->saveState());
}

void MainWindow::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    auto *dialog = new SettingsDialog(m_core->settings(), this);
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
    if (!m_core->settings()->isServiceConfigured()) {
        statusBar()->showMessage(
            tr("Set up the video service first: its address is needed to send the remix.", "status bar message"),
            10000);
        openSettings();
        return;
    }
    const QString localId = m_core->jobController()->submit(videoId, prompt);
    // The new job is row 0; select it so its details show. Focus stays in the form for the next variant.
    const QModelIndex index = m_core->jobModel()->indexOf(localId);
    if (index.isValid()) {
        m_jobView->setCurrentIndex(index);
        m_jobView->scrollTo(index);
    }
    updateDetails();
}

void MainWindow::updateDetails()
{
    const QModelIndex current = m_jobView->currentIndex();
    const JobModel *model = m_core->jobModel();
    if (!current.isValid()) {
        const QString hint = model->rowCount() == 0
                                 ? tr("Jobs you start appear here. Select one to see its details.",
                                      "details area while the job list is empty")
                                 : tr("Select a job to see its details.", "details area when no job is selected");
        m_details->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(
            palette().color(QPalette::PlaceholderText).name(), htmlLine(hint)));
        return;
    }

    const QModelIndex row = current.siblingAtColumn(0);
    const auto state = JobState(row.data(JobModel::StateRole).toInt());
    const QString progress = current.siblingAtColumn(JobModel::ProgressColumn).data().toString();
    const QString source = row.data(JobModel::SourceIdRole).toString();
    const QString result = row.data(JobModel::ResultIdRole).toString();
    const QString message = row.data(JobModel::ErrorMessageRole).toString();
    const QString detail = row.data(JobModel::ErrorDetailRole).toString();

    QStringList parts;
    parts << u"<b>%1</b> · %2"_s.arg(htmlLine(JobStates::displayName(state)), htmlLine(progress));
    QString ids = htmlLine(tr("Source video: %1", "details: the id of the remixed video").arg(source));
    if (!result.isEmpty()) {
        // A visible gap between the two ids: rich text would collapse plain spaces.
        ids += u" &nbsp;·&nbsp; "_s + htmlLine(tr("Result video: %1", "details: the id of the new video").arg(result));
    }
    parts << ids;
    if (!message.isEmpty()) {
        // Failed jobs say why in the error colour; a transient problem being retried is said the same way.
        parts << u"<span style=\"color:%1\">%2</span>"_s.arg(RemixForm::errorColour(palette()).name(),
                                                             htmlLine(message));
    }
    if (!detail.isEmpty()) {
        parts << u"<span style=\"color:%1\">%2</span>"_s.arg(palette().color(QPalette::PlaceholderText).name(),
                                                             htmlLine(detail));
    }
    m_details->setText(parts.join(u"<br>"_s));
}

void MainWindow::updateServiceLabel()
{
    const QUrl base = ApiUrl::normalizeBase(m_core->settings()->baseUrl());
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
    const QModelIndex index = m_jobView->indexAt(position);
    if (!index.isValid())
        return;
    const QModelIndex row = index.siblingAtColumn(0);
    const QString localId = row.data(JobModel::JobIdRole).toString();
    const QString source = row.data(JobModel::SourceIdRole).toString();
    const QString result = row.data(JobModel::ResultIdRole).toString();
    const QString prompt = row.data(JobModel::PromptRole).toString();
    const QString error = row.data(JobModel::ErrorMessageRole).toString();
    const QString detail = row.data(JobModel::ErrorDetailRole).toString();

    // Built when shown, so its texts are always in the current language.
    QMenu menu(this);
    menu.setObjectName(u"jobContextMenu"_s);
    QAction *copyResult = menu.addAction(tr("Copy result video ID", "job list context menu"));
    copyResult->setEnabled(!result.isEmpty());
    connect(copyResult, &QAction::triggered, this, [result] { QApplication::clipboard()->setText(result); });
    QAction *copySource = menu.addAction(tr("Copy source video ID", "job list context menu"));
    connect(copySource, &QAction::triggered, this, [source] { QApplication::clipboard()->setText(source); });
    QAction *copyPrompt = menu.addAction(tr("Copy prompt", "job list context menu"));
    connect(copyPrompt, &QAction::triggered, this, [prompt] { QApplication::clipboard()->setText(prompt); });
    QAction *copyError = menu.addAction(tr("Copy error details", "job list context menu"));
    copyError->setEnabled(!error.isEmpty());
    connect(copyError, &QAction::triggered, this, [error, detail] {
        QApplication::clipboard()->setText(detail.isEmpty() ? error : error + u"\n\n"_s + detail);
    });
    menu.addSeparator();
    QAction *remixResult = menu.addAction(tr("Remix the result", "job list context menu: put the new video's id "
                                                                 "into the Video ID field"));
    remixResult->setEnabled(JobState(row.data(JobModel::StateRole).toInt()) == JobState::Completed
                            && !result.isEmpty());
    connect(remixResult, &QAction::triggered, this, [this, result] {
        m_form->setVideoId(result);
        m_form->focusPrompt();
    });
    QAction *refresh = menu.addAction(tr("Check status now", "job list context menu: poll the job at once"));
    refresh->setEnabled(!result.isEmpty());
    connect(refresh, &QAction::triggered, this, [this, localId] { m_core->jobController()->refreshNow(localId); });
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
