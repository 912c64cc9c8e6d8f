#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

class AboutDialog;
class AppCore;
class JobSubmitter;
class ServiceStatusLabel;
class ProfilePicker;
class FilterBar;
class GettingStarted;
class QStackedWidget;
class JobActions;
class JobDetailsPanel;
class JobFilterModel;
class JobListView;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class NotificationTray;
class MainSplitter;
class QToolBar;
class JobComposer;
class KnownVideoIds;
class RemixForm;
class SettingsDialog;
namespace Media {
class FrameGrabber;
} // namespace Media

// The main window: the forms on top; the job list with its filter bar and toolbar; the selected job's
// details and player below (MainSplitter shares the height); File, Jobs, View, Language and Help menus.
// It builds, lays out and wires; the way from a form, the library or a batch to the core (and the
// questions asked on it) is JobSubmitter's; what the job actions do and when they apply is JobActions';
// the tray message when jobs finish is NotificationTray's.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppCore *core, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the settings dialog (File › Settings, or "Connect a Service…" on the empty list).
    void openSettings();
    // Opens the job history at path and loads it behind the shown window; a damaged file can be set
    // aside, and a history that cannot be opened is explained (new jobs still work, unsaved).
    void openHistory(const QString &path);
    // Another start of the app asked this window to come forward.
    void bringToFront();
    // Makes the job visible (clearing a filter that hides it) and selects it.
    void selectJob(const QString &localId);
    // The selected jobs' local ids, top to bottom as the list shows them.
    QStringList selectedJobIds() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void retranslate();
    void updateDetails();
    // The empty list's page, the form's example id and the demo's sample videos, for the active service.
    void updateGettingStarted();
    void updateLanguageActions();
    void setUpJobView();
    void restoreWindowState();
    void saveWindowState();
    void showJobContextMenu(const QPoint &position);
    void showAbout();
    void chooseDownloadFolder();
    QSize defaultWindowSize() const;
    // Clears the status bar if it still shows this message (the message stopped being true).
    void clearStatusMessage(const QString &message);

    AppCore *m_core;
    JobFilterModel *m_filter;
    JobComposer *m_composer;
    KnownVideoIds *m_knownIds = nullptr; // completes the Video ID field
    RemixForm *m_form;
    FilterBar *m_filterBar;
    JobListView *m_jobView;
    JobDetailsPanel *m_details;
    QStackedWidget *m_listStack = nullptr;      // the job list, or the getting-started page while it is empty
    GettingStarted *m_gettingStarted = nullptr; // what to do next, while the list is empty
    JobSubmitter *m_submitter = nullptr;        // the forms', library's and batches' way to the core
    ServiceStatusLabel *m_serviceLabel;
    QLabel *m_profileLabel = nullptr;
    std::unique_ptr<Media::FrameGrabber> m_frames; // made with the first video that needs a thumbnail
    ProfilePicker *m_profilePicker = nullptr;
    QToolBar *m_toolBar;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_jobsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_chooseFolderAction = nullptr;
    QAction *m_autoDownloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_libraryAction = nullptr;
    QAction *m_batchAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    MainSplitter *m_splitter = nullptr;
    JobActions *m_actions = nullptr;           // the job actions, their enablement and confirmations
    NotificationTray *m_tray = nullptr;        // desktop messages when jobs finish
    QPointer<SettingsDialog> m_settingsDialog; // the open one, so a second request raises it
    QPointer<AboutDialog> m_aboutDialog;
    QString m_downloadFailureJob; // the job of the last download failure message
    QString m_downloadFailureMessage;
};
