#include "jobsubmitter.h"

#include "appcore.h"
#include "batchdialog.h"
#include "createform.h"
#include "demo/demoservice.h"
#include "jobcomposer.h"
#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"
#include "jobs/knownvideoids.h"
#include "jobs/remixjob.h"
#include "library/librarymodel.h"
#include "librarydialog.h"
#include "remixform.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

JobSubmitter::JobSubmitter(AppCore *core, JobComposer *composer, KnownVideoIds *knownIds, QWidget *window)
    : QObject(window)
    , m_core(core)
    , m_composer(composer)
    , m_knownIds(knownIds)
    , m_window(window)
{
    connect(m_composer->remixForm(), &RemixForm::remixRequested, this,
            [this](const QString &videoId, const QString &prompt) { submit(JobRequest::remix(videoId, prompt)); });
    connect(m_composer, &JobComposer::createRequested, this,
            [this](const CreateVideoSpec &spec) { submit(JobRequest::newVideo(spec)); });
}

JobSubmitter::~JobSubmitter() = default;

void JobSubmitter::submit(const JobRequest &request)
{
    RemixForm *form = m_composer->remixForm();
    if (!m_core->currentService().isValid()) {
        // Says why nothing was sent, and the two ways on; the demo goes on with what was typed.
        if (!explainNoService())
            return;
        if (request.kind != JobKind::Remix || !DemoService::sampleVideoIds().contains(request.sourceVideoId)) {
            // The demo only knows its samples: the prompt stays, the user picks one of them.
            if (request.kind == JobKind::Remix)
                form->setVideoId(QString());
            form->focusVideoId();
            emit statusMessage(tr("Now using the demo: click one of its sample videos, then press Remix.",
                                  "status bar after switching to the demo from the Remix button"),
                               15000);
            return;
        }
    }
    if (request.kind == JobKind::Remix && !m_resendJobId.isEmpty() && form->isShowingResendReason()) {
        const std::optional<RemixJob> blocked = m_core->jobModel()->job(m_resendJobId);
        if (blocked && blocked->prompt == request.prompt && !confirmUnchangedBlockedPrompt()) {
            form->focusPrompt();
            return;
        }
    }
    // The same paid job again within seconds is most likely one gesture that arrived twice (a double
    // press, an impatient second click): ask, with No as the default, instead of charging twice.
    if (m_core->isQuickRepeat(request) && !confirmQuickRepeat())
        return;
    const QString localId = m_core->submit(request);
    if (request.kind == JobKind::Remix) {
        // Sent: the blocked reason was about the earlier prompt.
        form->setResendReason(QString());
        m_resendJobId.clear();
    }
    // Focus stays in the form for the next variant.
    emit jobSubmitted(localId);
}

bool JobSubmitter::confirmUnchangedBlockedPrompt()
{
    // The prompt that was blocked, sent again unchanged: it is most likely blocked again.
    QMessageBox box(QMessageBox::Warning, tr("Send the Same Prompt?", "dialog title"),
                    tr("The service blocked this prompt before. Sent unchanged, it will most likely be "
                       "blocked again.",
                       "question when a blocked prompt is sent again without a change"),
                    QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box.setObjectName(u"unchangedBlockedPromptBox"_s);
    box.setInformativeText(tr("Change the prompt first, or send it anyway.", "informative text"));
    box.button(QMessageBox::Yes)->setText(tr("Send Anyway", "button"));
    box.button(QMessageBox::Cancel)->setText(tr("Change the Prompt", "button: back to the form"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

bool JobSubmitter::confirmQuickRepeat()
{
    QMessageBox box(QMessageBox::Question, tr("Send Again?", "dialog title: the same remix was sent moments ago"),
                    tr("You just sent this remix. Send it again?",
                       "question when the same video id, prompt and service were submitted moments ago"),
                    QMessageBox::Yes | QMessageBox::No, m_window);
    box.setObjectName(u"repeatConfirmationBox"_s);
    box.setInformativeText(tr("It is charged again.", "the same remix sent again: the service charges for it again"));
    box.button(QMessageBox::Yes)->setText(tr("Send Again", "button: send the same remix once more"));
    // Return (perhaps still held, or pressed once more) and Escape both keep it from being sent.
    box.setDefaultButton(QMessageBox::No);
    box.setEscapeButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

bool JobSubmitter::explainNoService()
{
    QMessageBox box(QMessageBox::Information, tr("No Video Service Yet", "dialog title"),
                    tr("The remix was not sent: no video service is set up yet.",
                       "Remix pressed before any service was configured"),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(u"noServiceBox"_s);
    box.setInformativeText(tr("Connect the service you use (its address and API key), or try the built-in demo: it "
                              "needs no account and nothing leaves this computer. What you typed stays in the form.",
                              "Remix pressed before any service was configured: the two ways on"));
    QPushButton *demo = box.addButton(tr("Try the Demo", "button"), QMessageBox::AcceptRole);
    demo->setObjectName(u"noServiceDemoButton"_s);
    QPushButton *connectService = box.addButton(tr("Connect a Service…", "button"), QMessageBox::ActionRole);
    connectService->setObjectName(u"noServiceConnectButton"_s);
    box.setDefaultButton(demo);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == connectService) {
        emit settingsRequested();
        return false;
    }
    if (box.clickedButton() != demo)
        return false;
    tryDemo();
    return m_core->isDemo();
}

void JobSubmitter::tryDemo()
{
    if (!m_core->startDemo()) {
        emit statusMessage(tr("The demo service could not start on this computer.", "status bar"), 15000);
        return;
    }
    // The typed prompt stays; an id the demo does not know goes, so that a sample is picked instead.
    RemixForm *form = m_composer->remixForm();
    if (!DemoService::sampleVideoIds().contains(form->videoId())) {
        form->setVideoId(QString());
        form->focusVideoId();
    } else {
        form->focusPrompt();
    }
}

QString JobSubmitter::resendReason(const QString &localId) const
{
    const QString reason = m_core->jobModel()->indexOf(localId).data(JobModel::ErrorMessageRole).toString();
    return tr("Blocked last time: %1", "above the prompt after Edit and Resend; %1 is why the service refused it")
        .arg(reason);
}

void JobSubmitter::editForResend(const QString &localId)
{
    const std::optional<RemixJob> job = m_core->jobModel()->job(localId);
    if (!job)
        return;
    m_resendJobId = localId;
    m_composer->showRemix();
    m_composer->remixForm()->editForResend(job->sourceVideoId, job->prompt, resendReason(localId));
}

void JobSubmitter::startRemixOf(const QString &videoId)
{
    // The Remix tab, whichever form was showing: the prompt typed next must land where it is seen.
    m_composer->showRemix();
    m_composer->remixForm()->setVideoId(videoId);
    m_composer->remixForm()->focusPrompt();
}

void JobSubmitter::retranslate()
{
    RemixForm *form = m_composer->remixForm();
    if (!m_resendJobId.isEmpty() && form->isShowingResendReason())
        form->setResendReason(resendReason(m_resendJobId));
}

void JobSubmitter::openBatch()
{
    auto *dialog = new BatchDialog(m_core, m_composer->createForm()->choices(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void JobSubmitter::openLibrary()
{
    // The service is asked afresh each time the library opens.
    auto *dialog = new LibraryDialog(m_core, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LibraryDialog::remixRequested, this, [this](const QString &videoId) {
        startRemixOf(videoId);
        m_window->activateWindow();
    });
    connect(dialog, &LibraryDialog::jobCreated, this, &JobSubmitter::jobSubmitted);
    // Ids seen in the library complete the Video ID field too.
    connect(dialog->model(), &QAbstractItemModel::rowsInserted, this,
            [this, dialog](const QModelIndex &, int first, int last) {
                QStringList ids;
                for (int row = first; row <= last; ++row) {
                    const VideoInfo video = dialog->model()->videoAt(row);
                    if (video.state == JobState::Completed)
                        ids << video.id;
                }
                m_knownIds->addIds(ids);
            });
    dialog->show();
}
