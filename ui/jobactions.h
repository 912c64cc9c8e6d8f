#pragma once

#include <QObject>
#include <QTimer>

class AppCore;
class FolderRevealer;
class JobDetailsPanel;
class QAbstractItemView;
class QAction;
struct RemixJob;

// What the user can do with the selected jobs: remix the result, copy ids / prompts / errors, refresh,
// retry, download again, open, show in folder, remove, delete on the service. Owns the QActions, keeps
// them enabled for what the selection allows (JobRules), and asks before anything that costs money or
// loses something. The window only places the actions in its menus, toolbar and context menu.
class JobActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobActions)

public:
    // view: the job list (any model with JobModel's roles); its selection is what the actions apply to,
    // and the list-only keys (Enter, Delete, Ctrl+C) are added to it. player: where Open plays a video.
    JobActions(AppCore *core, QAbstractItemView *view, JobDetailsPanel *player, QObject *parent = nullptr);
    ~JobActions() override;

    QAction *remixResultAction() const { return m_remixResult; }
    QAction *extendAction() const { return m_extend; }
    QAction *editAndResendAction() const { return m_editAndResend; }
    QAction *copyIdAction() const { return m_copyId; }
    QAction *copyPromptAction() const { return m_copyPrompt; }
    QAction *copyErrorAction() const { return m_copyError; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *retryAction() const { return m_retry; }
    QAction *downloadAgainAction() const { return m_downloadAgain; }
    QAction *openAction() const { return m_open; }
    QAction *showInFolderAction() const { return m_showInFolder; }
    QAction *removeAction() const { return m_remove; }
    QAction *deleteOnServiceAction() const { return m_deleteOnService; }

    // The selected jobs' local ids, top to bottom as the list shows them.
    QStringList selectedJobIds() const;
    // Enables each action for the current selection. Runs by itself on selection and job changes; call
    // it before showing a menu so that it is exact at that moment.
    void updateEnabled();
    // Sets the texts in the current language.
    void retranslate();

signals:
    // A passing message for the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    // Remix This Result: the form should take this video id and let the user write the prompt.
    void remixRequested(const QString &videoId);
    // Edit and Resend: the form should take this blocked job's source and prompt back, with its reason.
    void editAndResendRequested(const QString &localId);
    // A retry made a new job: the window should show it.
    void jobCreated(const QString &localId);

private:
    void createActions();
    void remixResult();
    void extendSelected();
    void editAndResend();
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
    QAbstractItemView *m_view;
    JobDetailsPanel *m_player;
    FolderRevealer *m_revealer; // Show in Folder
    QAction *m_remixResult = nullptr;
    QAction *m_extend = nullptr;
    QAction *m_editAndResend = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_copyPrompt = nullptr;
    QAction *m_copyError = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_retry = nullptr;
    QAction *m_downloadAgain = nullptr;
    QAction *m_open = nullptr;
    QAction *m_showInFolder = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_deleteOnService = nullptr;
    QTimer m_updateTimer; // job changes arrive in bursts: re-check the actions once per burst
};
