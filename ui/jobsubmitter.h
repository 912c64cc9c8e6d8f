#pragma once

#include <QObject>
#include <QString>

class AppCore;
class JobComposer;
class KnownVideoIds;
class QWidget;
struct JobRequest;

// Where new jobs reach the core from the window: the Remix and New Video forms, Edit and Resend, the
// library and batches. It keeps the rules a person sees before money is spent: with no service nothing
// is sent (the demo is offered instead, and what was typed stays); a prompt the service blocked, sent
// unchanged, is questioned; the same paid job again within seconds is asked about, No by default. One
// gesture is at most one paid POST. The dialogs it opens are the window's (window-modal, parented to it).
class JobSubmitter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobSubmitter)

public:
    JobSubmitter(AppCore *core, JobComposer *composer, KnownVideoIds *knownIds, QWidget *window);
    ~JobSubmitter() override;

    // Any job from the forms or the actions (remix, new video, extension).
    void submit(const JobRequest &request);
    // Switches to the demo for this session; the typed prompt stays, and so does the id if it is a sample.
    void tryDemo();
    // Remix this video: its id in the Remix form (shown, whichever tab was open), the cursor in the prompt.
    void startRemixOf(const QString &videoId);
    // Edit and Resend: the blocked job's prompt and source back into the form, with the reason.
    void editForResend(const QString &localId);
    // File › Send a Batch (one window per call; the batch itself lives in the core).
    void openBatch();
    // View › Library: the service's videos; its rows can be remixed, extended or added to the list.
    void openLibrary();
    // The reason shown above a resent prompt, in the current language.
    void retranslate();

signals:
    // A job was made (select it so its details show).
    void jobSubmitted(const QString &localId);
    // "Connect a Service…" was chosen where nothing could be sent.
    void settingsRequested();
    void statusMessage(const QString &message, int timeout);

private:
    // Remix pressed with no service: says so and offers the two ways on (true: the demo was chosen).
    bool explainNoService();
    // The blocked prompt sent again unchanged: true to send anyway.
    bool confirmUnchangedBlockedPrompt();
    // Asks before sending a job that was just sent (Send Again / No, No by default); true to send.
    bool confirmQuickRepeat();
    QString resendReason(const QString &localId) const;

    AppCore *m_core;
    JobComposer *m_composer;
    KnownVideoIds *m_knownIds;
    QWidget *m_window;
    QString m_resendJobId; // the blocked job whose prompt is back in the form
};
