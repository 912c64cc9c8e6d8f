#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AppCore;
class ProfilePicker;
class FilterBar;
class JobDetailsPanel;
class JobFilterModel;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;
class QSystemTrayIcon;
class QToolBar;
class QTreeView;
class RemixForm;
class SettingsDialog;
class ThumbnailDelegate;

// The main window: the remix form on top; the job list with its filter bar and toolbar; the selected
// job's details and player below. File, Jobs, View, Language and Help menus; a tray message when
// jobs finish.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppCore *core, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the settings dialog (also on the first start when no service is configured).
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
    void createTrayIcon();
    void retranslate();
    void submitRemix(const QString &videoId, const QString &prompt);
    // Asks before sending a remix that was just sent (Send Again / No, No by default); true to send.
    bool confirmQuickRepeat();
    void updateDetails();
    void updateActions();
    void updateServiceLabel();
    void updateLanguageActions();
    void setUpJobView();
    void watchForThumbnails(int firstRow, int lastRow);
    void restoreWindowState();
    void saveWindowState();
    void showJobContextMenu(const QPoint &position);
    void showAbout();
    void showFinishedSummary(const QStringList &localIds, int completed, int failed);

    // The row actions; each applies to every selected job where it makes sense.
    void remixResult();
    void copyIds();
    void copyPrompts();
    void copyErrors();
    void refreshSelected();
    void retrySelected();
    void downloadSelectedAgain();
    void openSelected();
    void showSelectedInFolder();
    void removeSelected();
    void deleteSelectedOnService();
    void chooseDownloadFolder();

    // The job under the cursor when it is selected, otherwise the first selected one ("" when none).
    QString primaryJobId() const;
    QVariant jobData(const QString &localId, int role) const;
    QString jobFile(const QString &localId) const; // the downloaded file, "" when there is none
    // Asks with Yes / Cancel (Yes renamed to yesText); true when the user said yes. With checkBoxText,
    // the box also shows a check box whose final state goes to *checked.
    bool confirm(const QString &title,
                 const QString &text,
                 const QString &informative,
                 const QString &yesText,
                 const QString &checkBoxText = QString(),
                 bool *checked = nullptr);

    AppCore *m_core;
    JobFilterModel *m_filter;
    RemixForm *m_form;
    FilterBar *m_filterBar;
    QTreeView *m_jobView;
    ThumbnailDelegate *m_thumbnailDelegate;
    JobDetailsPanel *m_details;
    QLabel *m_serviceLabel;
    QLabel *m_profileLabel = nullptr;
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
    QAction *m_remixResultAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_copyPromptAction = nullptr;
    QAction *m_copyErrorAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_retryAction = nullptr;
    QAction *m_downloadAgainAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_showInFolderAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_deleteOnServiceAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QSplitter *m_splitter;
    QSystemTrayIcon *m_trayIcon = nullptr;
    QString m_notifiedJobId;                   // the first job of the last desktop message, selected when it is clicked
    QTimer m_actionsUpdate;                    // job changes arrive in bursts: re-check the actions once per burst
    QPointer<SettingsDialog> m_settingsDialog; // the open one, so a second request raises it
};
