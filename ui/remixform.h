#pragma once

#include "api/prompt.h"
#include "api/videoid.h"

#include <QWidget>

class CostEstimator;
class PromptHelp;
class QAbstractItemModel;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// The "what to remix" form: Video ID (cleaned as it is pasted), prompt (multi-line, counter, limit),
// inline hints in the UI language, and the Remix button. Emits remixRequested() with clean values;
// the form stays usable for the next job.
class RemixForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemixForm)

public:
    explicit RemixForm(QWidget *parent = nullptr);
    ~RemixForm() override;

    QString videoId() const; // cleaned
    QString prompt() const;
    void setVideoId(const QString &id);
    // Offers these ids while the user types in the Video ID field (any part of an id matches).
    void setKnownVideoIds(QAbstractItemModel *ids);
    // The user's recent prompts, offered (searchable) under the prompt box.
    void setRecentPrompts(QAbstractItemModel *prompts);
    // Shows the estimated cost of the remix beside the button (the source's length and model, the active
    // profile's price). Must outlive the form.
    void setCostEstimator(const CostEstimator *costs);
    PromptHelp *promptHelp() const { return m_promptHelp; }
    void focusVideoId();
    void focusPrompt();
    // The example id in the field's placeholder: one that works with the current service (a demo sample
    // while the demo is in use); empty: a neutral example.
    void setExampleVideoId(const QString &id);
    // Videos offered under the field, one click each fills it (the demo's samples): id and title. Empty
    // hides the line. note: a sentence after them (e.g. that demo jobs are not kept).
    void setSampleVideos(const QList<std::pair<QString, QString>> &samples, const QString &note = QString());
    // Edit and Resend: the blocked job's source and prompt back in the form, the reason beside the prompt
    // until the next remix is sent (or the form is edited for another video).
    void editForResend(const QString &videoId, const QString &prompt, const QString &reason);
    // The reason shown by editForResend(), re-worded after a language switch; "" hides it.
    void setResendReason(const QString &reason);
    bool isShowingResendReason() const;

    // Validates; on success emits remixRequested(), otherwise shows the inline hint and focuses the field.
    void trySubmit();

    // The text colour of inline problems (hints, over-limit counter, URL warnings), readable on the
    // palette's window colour whether the theme is light or dark.
    static QColor errorColour(const QPalette &palette);
    // The prompt's counter ("12 / 32,000", red over the limit) and its problem line, shared by every form
    // with a prompt. An empty prompt is a problem only once showEmptyProblem (after a submit attempt).
    static void showPromptCheck(const PromptCheck &check, bool showEmptyProblem, QLabel *counter, QLabel *hint);

signals:
    void remixRequested(const QString &videoId, const QString &prompt);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateIdHint();
    void updatePromptCounter();
    void onIdEdited(const QString &text);
    // Says that what was pasted (or typed) was cleaned to the id now in the field.
    void showCleanedNote(const QString &original);
    void updateSampleLinks();

    QLabel *m_idLabel;
    QLineEdit *m_idEdit;
    QLabel *m_idHint;
    QLabel *m_idCleanedNote; // "Cleaned up: …" after a paste was cleaned
    QLabel *m_samplesLabel;  // the demo's sample videos as links
    QLabel *m_resendNote;    // why the prompt was blocked (Edit and Resend)
    QString m_exampleId;
    QString m_cleanedFrom; // the pasted text the note is about ("" = no note)
    QList<std::pair<QString, QString>> m_samples;
    QString m_samplesNote;
    QLabel *m_promptLabel;
    QPlainTextEdit *m_promptEdit;
    QLabel *m_promptCounter;
    QLabel *m_promptHint;
    QPushButton *m_remixButton;
    PromptHelp *m_promptHelp;
    QLabel *m_costLabel = nullptr;
    const CostEstimator *m_costs = nullptr;
    void updateCost();
    bool m_showEmptyHints = false; // only after a submit attempt, not while the user is still typing
    // The last checks, kept as problems rather than texts so a language switch re-words the hints.
    VideoIdInput m_idCheck;
    PromptCheck m_promptCheck;
    QString m_previousIdText; // to tell a paste (many characters at once) from typing
};
