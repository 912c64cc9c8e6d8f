#include "jobactions.h"

#include "appcore.h"
#include "deferredicon.h"
#include "downloads/downloadmanager.h"
#include "extenddialog.h"
#include "folderrevealer.h"
#include "jobdetailspanel.h"
#include "jobs/jobcontroller.h"
#include "jobs/jobmodel.h"
#include "jobs/jobrules.h"
#include "jobs/jobstate.h"
#include "jobs/remixjob.h"
#include "jobs/serviceactions.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
// Actions that work on the list only: their keys (Enter, Delete, Ctrl+C) must keep their usual
// meaning in the form's text fields.
void limitToList(QAction *action, QWidget *view)
{
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view->addAction(action);
}
} // namespace

JobActions::JobActions(AppCore *core, QAbstractItemView *view, JobDetailsPanel *player, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_view(view)
    , m_player(player)
    , m_revealer(new FolderRevealer(this))
{
    setObjectName(u"jobActions"_s);
    createActions();
    connect(m_revealer, &FolderRevealer::failed, this,
            [this](const QString &file) { emit statusMessage(FolderRevealer::failureMessage(file), 10000); });

    // The actions follow the selection, and the selected jobs' changes (once per burst of changes).
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobActions::updateEnabled);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &JobActions::updateEnabled);
    JobModel *model = m_core->jobModel();
    connect(model, &QAbstractItemModel::dataChanged, this, [this] { m_updateTimer.start(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &JobActions::updateEnabled);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &JobActions::updateEnabled);
    connect(model, &QAbstractItemModel::modelReset, this, &JobActions::updateEnabled);
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(50);
    connect(&m_updateTimer, &QTimer::timeout, this, &JobActions::updateEnabled);

    // Deleting on the service answers later: say how it went.
    connect(m_core->serviceActions(), &ServiceActions::deleteFinished, this,
            [this](const QString &, bool ok, const QString &message) {
                const QString text = !message.isEmpty() ? message
                                     : ok               ? tr("The video was deleted on the service.", "status bar")
                                          : tr("The video could not be deleted on the service.", "status bar");
                emit statusMessage(text, 15000);
            });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openSelected();
    });
    retranslate();
    updateEnabled();
}

JobActions::~JobActions() = default;

void JobActions::createActions()
{
    const auto make = [this](QAction *&action, const QString &name, const QIcon &icon, auto slot) {
        action = new QAction(icon, QString(), this);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
    };
    // Icons say what happens: a video used as the source of a new one, sending again, removing from the
    // list (an ×, not a bin: nothing is deleted), deleting on the service (the bin).
    make(m_remixResult, u"actionRemixResult"_s, DeferredIcon::standard(QStyle::SP_FileLinkIcon),
         &JobActions::remixResult);
    m_remixResult->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    make(m_extend, u"actionExtend"_s, DeferredIcon::themed(u"media-seek-forward"_s, QStyle::SP_MediaSeekForward),
         &JobActions::extendSelected);
    make(m_editAndResend, u"actionEditAndResend"_s,
         DeferredIcon::themed(u"document-edit"_s, QStyle::SP_FileDialogDetailedView), &JobActions::editAndResend);
    make(m_copyId, u"actionCopyId"_s, DeferredIcon::themed(u"edit-copy"_s), &JobActions::copyIds);
    m_copyId->setShortcut(QKeySequence::Copy);
    limitToList(m_copyId, m_view);
    make(m_copyPrompt, u"actionCopyPrompt"_s, QIcon(), &JobActions::copyPrompts);
    make(m_copyError, u"actionCopyError"_s, QIcon(), &JobActions::copyErrors);
    make(m_refresh, u"actionRefresh"_s, DeferredIcon::themed(u"view-refresh"_s, QStyle::SP_BrowserReload),
         &JobActions::refreshSelected);
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    // Not every style draws SP_DialogRetryButton (Fusion has none): fall back to "send" forward.
    const QIcon retryIcon = DeferredIcon::make([] {
        QIcon icon = QApplication::style()->standardIcon(QStyle::SP_DialogRetryButton);
        if (icon.availableSizes().isEmpty())
            icon = QIcon::fromTheme(u"mail-send"_s, QApplication::style()->standardIcon(QStyle::SP_ArrowForward));
        return icon;
    });
    make(m_retry, u"actionRetry"_s, retryIcon, &JobActions::retrySelected);
    make(m_downloadAgain, u"actionDownloadAgain"_s, DeferredIcon::themed(u"document-save"_s, QStyle::SP_ArrowDown),
         &JobActions::downloadSelectedAgain);
    make(m_open, u"actionOpen"_s, DeferredIcon::standard(QStyle::SP_MediaPlay), &JobActions::openSelected);
    m_open->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    limitToList(m_open, m_view);
    make(m_showInFolder, u"actionShowInFolder"_s, DeferredIcon::standard(QStyle::SP_DirOpenIcon),
         &JobActions::showSelectedInFolder);
    make(m_remove, u"actionRemove"_s, DeferredIcon::themed(u"list-remove"_s, QStyle::SP_DialogCloseButton),
         &JobActions::removeSelected);
    m_remove->setShortcut(QKeySequence::Delete);
    limitToList(m_remove, m_view);
    make(m_deleteOnService, u"actionDeleteOnService"_s, DeferredIcon::standard(QStyle::SP_TrashIcon),
         &JobActions::deleteSelectedOnService);
}

void JobActions::retranslate()
{
    // text: menus and context menu; iconText: the shorter toolbar label; toolTip: what happens.
    const auto set = [](QAction *action, const QString &text, const QString &iconText, const QString &toolTip) {
        action->setText(text);
        action->setIconText(iconText);
        action->setToolTip(toolTip);
    };
    set(m_remixResult, tr("&Remix This Result", "job action: put the result's id into the form"),
        tr("Remix result", "toolbar: put the result's id into the form"),
        tr("Puts the finished video's ID into the form, to make a remix of the remix (Ctrl+R)", "tooltip"));
    set(m_extend, tr("E&xtend This Video…", "job action: continue the finished video with a new prompt"),
        tr("Extend", "toolbar: continue the finished video"),
        tr("Makes a longer video that continues this one, from a prompt for what happens next (charged by the "
           "service)",
           "tooltip"));
    set(m_editAndResend, tr("Ed&it and Resend…", "job action: put a blocked job's prompt back into the form"),
        tr("Edit and resend", "toolbar: put a blocked job's prompt back into the form"),
        tr("Puts the blocked prompt back into the form with the reason, so you can change it and send it again",
           "tooltip"));
    set(m_copyId, tr("&Copy Video ID", "job action: the result's id, or the source's when there is none"),
        tr("Copy ID", "toolbar"),
        tr("Copies the result video's ID, or the source video's ID while there is no result (Ctrl+C)", "tooltip"));
    set(m_copyPrompt, tr("Copy &Prompt", "job action"), tr("Copy prompt", "toolbar"),
        tr("Copies the prompt of the selected jobs", "tooltip"));
    set(m_copyError, tr("Copy &Error Text", "job action: the error message and its technical detail"),
        tr("Copy error", "toolbar"), tr("Copies why the job failed, with the technical detail", "tooltip"));
    set(m_refresh, tr("Refresh &Now", "job action: ask the service for the status at once"),
        tr("Refresh", "toolbar: ask for the status at once"),
        tr("Asks the service for the job's status now (F5)", "tooltip"));
    set(m_retry, tr("Re&try…", "job action: send the same remix again"), tr("Retry", "toolbar"),
        tr("Sends the same remix again as a new job. The service charges for it again.", "tooltip"));
    set(m_downloadAgain, tr("&Download Again", "job action: fetch the finished video's file again"),
        tr("Download again", "toolbar: fetch the finished video's file again"),
        tr("Saves the finished video again, into the download folder", "tooltip"));
    set(m_open, tr("&Open", "job action: play the downloaded video"), tr("Play", "toolbar: play the video"),
        tr("Plays the downloaded video below the list (Enter or double-click)", "tooltip"));
    set(m_showInFolder, tr("Show in &Folder", "job action: open the folder of the downloaded video"),
        tr("Show in folder", "toolbar"), tr("Opens the folder that holds the downloaded video", "tooltip"));
    set(m_remove, tr("Re&move from List…", "job action: forget the job in this app"),
        tr("Remove from list", "toolbar: remove from the list (the file is kept)"),
        tr("Removes the job from this list (Delete). The downloaded file stays on your computer unless you choose "
           "to delete it too; the video stays on the service.",
           "tooltip"));
    set(m_deleteOnService, tr("Delete on the &Service…", "job action: delete the result video on the service"),
        tr("Delete on service", "toolbar"), tr("Asks the service to delete the result video for good", "tooltip"));
}

void JobActions::updateEnabled()
{
    const QStringList ids = selectedJobIds();
    const QString primary = primaryJobId();
    JobModel *model = m_core->jobModel();
    const std::optional<RemixJob> primaryJob = primary.isEmpty() ? std::nullopt : model->job(primary);
    QVector<RemixJob> selected;
    selected.reserve(ids.size());
    for (const QString &id : ids) {
        if (const std::optional<RemixJob> job = model->job(id))
            selected << *job;
    }
    const auto any = [&selected](bool (*rule)(const RemixJob &)) {
        return std::any_of(selected.cbegin(), selected.cend(), rule);
    };

    m_remixResult->setEnabled(primaryJob && JobRules::canRemixFrom(*primaryJob));
    m_extend->setEnabled(primaryJob && JobRules::canExtend(*primaryJob));
    m_editAndResend->setEnabled(primaryJob && JobRules::canEditAndResend(*primaryJob));
    m_copyId->setEnabled(!ids.isEmpty());
    m_copyPrompt->setEnabled(!ids.isEmpty());
    m_copyError->setEnabled(std::any_of(ids.cbegin(), ids.cend(), [this](const QString &id) {
        return !jobData(id, JobModel::ErrorMessageRole).toString().isEmpty();
    }));
    m_refresh->setEnabled(any(JobRules::canRefresh));
    m_retry->setEnabled(any(JobRules::canRetry));
    m_downloadAgain->setEnabled(any(JobRules::canDownloadAgain));
    m_open->setEnabled(primaryJob && JobRules::hasSavedFile(*primaryJob));
    m_showInFolder->setEnabled(any(JobRules::hasSavedFile));
    m_remove->setEnabled(!ids.isEmpty());
    m_deleteOnService->setEnabled(any(JobRules::canDeleteOnService));
}

QStringList JobActions::selectedJobIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows(0);
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    ids.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        ids << row.data(JobModel::JobIdRole).toString();
    return ids;
}

QString JobActions::primaryJobId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_view->selectionModel()->isRowSelected(current.row(), current.parent()))
        return current.siblingAtColumn(0).data(JobModel::JobIdRole).toString();
    const QStringList ids = selectedJobIds();
    return ids.isEmpty() ? QString() : ids.constFirst();
}

QVariant JobActions::jobData(const QString &localId, int role) const
{
    if (localId.isEmpty())
        return {};
    return m_core->jobModel()->indexOf(localId).data(role);
}

QString JobActions::jobFile(const QString &localId) const
{
    const QString path = jobData(localId, JobModel::FilePathRole).toString();
    return !path.isEmpty() && QFileInfo(path).isFile() ? path : QString();
}

bool JobActions::confirm(const QString &title,
                         const QString &text,
                         const QString &informative,
                         const QString &yesText,
                         const QString &checkBoxText,
                         bool *checked)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel, m_view->window());
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

void JobActions::remixResult()
{
    const QString id = primaryJobId();
    const QString result = jobData(id, JobModel::ResultIdRole).toString();
    if (result.isEmpty())
        return;
    emit remixRequested(result);
}

void JobActions::extendSelected()
{
    const QString id = primaryJobId();
    const std::optional<RemixJob> job = m_core->jobModel()->job(id);
    if (!job || !JobRules::canExtend(*job))
        return;
    ExtendDialog dialog(job->resultVideoId, job->prompt, m_view->window());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString newId = m_core->extend(id, dialog.prompt(), dialog.seconds());
    if (!newId.isEmpty())
        emit jobCreated(newId);
}

void JobActions::editAndResend()
{
    const QString id = primaryJobId();
    const std::optional<RemixJob> job = m_core->jobModel()->job(id);
    if (job && JobRules::canEditAndResend(*job))
        emit editAndResendRequested(id);
}

void JobActions::copyIds()
{
    QStringList lines;
    for (const QString &id : selectedJobIds()) {
        const QString result = jobData(id, JobModel::ResultIdRole).toString();
        lines << (result.isEmpty() ? jobData(id, JobModel::SourceIdRole).toString() : result);
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

void JobActions::copyPrompts()
{
    QStringList prompts;
    for (const QString &id : selectedJobIds())
        prompts << jobData(id, JobModel::PromptRole).toString();
    if (!prompts.isEmpty())
        QApplication::clipboard()->setText(prompts.join(u"\n\n"_s));
}

void JobActions::copyErrors()
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

void JobActions::refreshSelected()
{
    for (const QString &id : selectedJobIds()) {
        if (!jobData(id, JobModel::ResultIdRole).toString().isEmpty())
            m_core->jobController()->refreshNow(id);
    }
}

void JobActions::retrySelected()
{
    QStringList ids;
    int notConfirmed = 0;
    int made = 0;
    QStringList blocked;
    for (const QString &id : selectedJobIds()) {
        const std::optional<RemixJob> job = m_core->jobModel()->job(id);
        if (!job || !JobRules::canRetry(*job))
            continue;
        ids << id;
        if (job->state == JobState::NotConfirmed)
            ++notConfirmed;
        if (JobRules::wasMadeByService(*job))
            ++made;
        if (JobRules::isBlockedByModeration(*job))
            blocked << id;
    }
    if (ids.isEmpty())
        return;

    const int n = int(ids.size());
    const QString text = n == 1 ? tr("Send this remix again?", "retry confirmation, one job")
                                : tr("Retry %n jobs?", "retry confirmation, several jobs", n);
    // "Again" only for what the service made (and charged) before: a refused or unanswered POST made nothing
    // it could have charged for, as far as the app knows.
    QString informative;
    if (made == n) {
        informative =
            n == 1 ? tr("It is sent as a new job, and the service charges for it again.", "retry confirmation, one job")
                   : tr("Each one is sent as a new job and charged again.", "retry confirmation, several jobs");
    } else {
        informative = n == 1 ? tr("It is sent as a new job, and the service charges for it.",
                                  "retry confirmation, one job the service never made (refused or unanswered)")
                             : tr("Each one is sent as a new job, and the service charges for each.",
                                  "retry confirmation, several jobs, not all of them made by the service before");
    }
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
    if (!blocked.isEmpty()) {
        // The same prompt meets the same content checks.
        informative +=
            u"\n\n"_s
            + (n == 1 ? tr("The service blocked this prompt (content moderation). Sent unchanged, it will "
                           "most likely be blocked again: use Edit and Resend to change it first.",
                           "retry confirmation for a job blocked by moderation")
                      : tr("%n of them were blocked by the service (content moderation). Sent unchanged, "
                           "they will most likely be blocked again.",
                           "retry confirmation for several jobs, some blocked by moderation", int(blocked.size())));
    }

    QMessageBox box(QMessageBox::Question, tr("Retry", "dialog title"), text, QMessageBox::Yes | QMessageBox::Cancel,
                    m_view->window());
    box.setObjectName(u"confirmationBox"_s);
    box.setInformativeText(informative);
    box.button(QMessageBox::Yes)
        ->setText(blocked.isEmpty() ? tr("Retry", "button: send the remix again")
                                    : tr("Retry Unchanged", "button: send a blocked remix "
                                                            "again with the same prompt"));
    QPushButton *edit = nullptr;
    const std::optional<RemixJob> only = n == 1 ? m_core->jobModel()->job(ids.constFirst()) : std::nullopt;
    if (only && JobRules::canEditAndResend(*only)) {
        edit = box.addButton(tr("Edit and Resend…", "button: put the blocked prompt back into the form"),
                             QMessageBox::ActionRole);
        edit->setObjectName(u"editAndResendButton"_s);
    }
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    if (edit && box.clickedButton() == edit) {
        emit editAndResendRequested(ids.constFirst());
        return;
    }
    if (box.clickedButton() != box.button(QMessageBox::Yes))
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
        emit jobCreated(first);
}

void JobActions::downloadSelectedAgain()
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
        emit statusMessage(
            started == 1
                ? tr("Downloading the video into %1", "status bar; %1 is a folder").arg(folder)
                : tr("Downloading %n videos into %1", "status bar; %1 is a folder; n >= 2", started).arg(folder),
            10000);
    }
}

void JobActions::openSelected()
{
    const QString id = primaryJobId();
    if (id.isEmpty())
        return;
    if (jobFile(id).isEmpty()) {
        const auto state = JobState(jobData(id, JobModel::StateRole).toInt());
        emit statusMessage(state == JobState::Completed
                               ? tr("This video is not downloaded yet. Use Download Again to save it.", "status bar")
                               : tr("This job has no video yet.", "status bar"),
                           10000);
        return;
    }
    m_player->setJob(id);
    if (!m_player->play() && !JobDetailsPanel::openWithSystemPlayer(jobFile(id)))
        emit statusMessage(tr("No program to play videos was found.", "status bar"), 10000);
}

void JobActions::showSelectedInFolder()
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
        m_revealer->reveal(file);
        if (folders.size() >= 5)
            break;
    }
    if (folders.isEmpty())
        emit statusMessage(tr("The selected videos are not downloaded.", "status bar"), 10000);
}

void JobActions::removeSelected()
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

void JobActions::deleteSelectedOnService()
{
    QStringList ids;
    for (const QString &id : selectedJobIds()) {
        const std::optional<RemixJob> job = m_core->jobModel()->job(id);
        if (job && JobRules::canDeleteOnService(*job))
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
    emit statusMessage(tr("Asking the service to delete…", "status bar"), 10000);
}
