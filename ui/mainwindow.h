#pragma once

#include <QMainWindow>
#include <QPointer>

class AppCore;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTreeView;
class QSplitter;
class RemixForm;
class SettingsDialog;

// The main window: the remix form on top, the job list below, a Settings and a Language menu.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(AppCore *core, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the settings dialog (also on the first start when no service is configured).
    void openSettings();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void retranslate();
    void submitRemix(const QString &videoId, const QString &prompt);
    void updateDetails();
    void updateServiceLabel();
    void updateLanguageActions();
    void setUpJobView();
    void restoreWindowState();
    void saveWindowState();
    void showJobContextMenu(const QPoint &position);
    void showAbout();

    AppCore *m_core;
    RemixForm *m_form;
    QTreeView *m_jobView;
    QLabel *m_details;
    QLabel *m_serviceLabel;
    QMenu *m_fileMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QAction *m_settingsAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    QAction *m_aboutQtAction;
    QActionGroup *m_languageGroup;
    QSplitter *m_splitter;
    QPointer<SettingsDialog> m_settingsDialog; // the open one, so a second request raises it
};
