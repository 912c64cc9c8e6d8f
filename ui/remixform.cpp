#include "remixform.h"

#include "firstframe.h"
#include "jobs/costestimator.h"
#include "prompthelp.h"

#include <QCompleter>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
void setTextColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

// Shows the label with the text, or hides it when there is nothing to say, so an empty hint takes no room.
void showHint(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}
} // namespace

QColor RemixForm::errorColour(const QPalette &palette)
{
    // A dark red disappears on a dark window colour, a light one on a light window colour.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
}

RemixForm::RemixForm(QWidget *parent)
    : QWidget(parent)
    , m_idLabel(new QLabel(this))
    , m_idEdit(new QLineEdit(this))
    , m_idHint(new QLabel(this))
    , m_idCleanedNote(new QLabel(this))
    , m_samplesLabel(new QLabel(this))
    , m_resendNote(new QLabel(this))
    , m_promptLabel(new QLabel(this))
    , m_promptEdit(new QPlainTextEdit(this))
    , m_promptCounter(new QLabel(this))
    , m_promptHint(new QLabel(this))
    , m_remixButton(new QPushButton(this))
    , m_promptHelp(new PromptHelp(PromptHelp::Kind::Remix, m_promptEdit, this))
    , m_idCheck(VideoIdInput::parse(QString()))
    , m_promptCheck(PromptCheck::check(QString()))
{
    setObjectName(u"remixForm"_s);
    m_idLabel->setObjectName(u"videoIdLabel"_s);
    m_idEdit->setObjectName(u"videoIdEdit"_s);
    m_idHint->setObjectName(u"idHintLabel"_s);
    m_idCleanedNote->setObjectName(u"idCleanedNoteLabel"_s);
    m_samplesLabel->setObjectName(u"sampleVideosLabel"_s);
    m_resendNote->setObjectName(u"resendNoteLabel"_s);
    m_promptLabel->setObjectName(u"promptLabel"_s);
    m_promptEdit->setObjectName(u"promptEdit"_s);
    m_promptCounter->setObjectName(u"promptCounterLabel"_s);
    m_promptHint->setObjectName(u"promptHintLabel"_s);
    m_remixButton->setObjectName(u"remixButton"_s);

    m_idLabel->setBuddy(m_idEdit);
    m_promptLabel->setBuddy(m_promptEdit);
    FirstFrame::whenShown(m_idEdit, [edit = m_idEdit] { edit->setClearButtonEnabled(true); });
    // Ids are at most VideoIdInput::MaxLength characters, but what people paste (a JSON fragment, a
    // link) is longer and is cleaned afterwards, so the field must accept it first.
    m_idEdit->setMaxLength(64 * 1024);

    // Tab leaves the prompt instead of typing a tab character: the keyboard path is id -> prompt -> Remix.
    m_promptEdit->setTabChangesFocus(true);
    m_promptEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Room for a few lines before scrolling; the window's splitter gives it more when dragged.
    const int lineHeight = m_promptEdit->fontMetrics().lineSpacing();
    m_promptEdit->setMinimumHeight(3 * lineHeight + 2 * m_promptEdit->frameWidth()
                                   + int(2 * m_promptEdit->document()->documentMargin()));
    m_promptEdit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    for (QLabel *hint : {m_idHint, m_promptHint}) {
        hint->setWordWrap(true);
        hint->setTextFormat(Qt::PlainText);
        setTextColour(hint, errorColour(palette()));
        hint->hide();
    }
    // The id's hint line is reserved even while empty: a hint appearing as the user types must not push
    // the prompt box down under the pointer.
    QSizePolicy idHintPolicy = m_idHint->sizePolicy();
    idHintPolicy.setRetainSizeWhenHidden(true);
    m_idHint->setSizePolicy(idHintPolicy);
    m_idHint->setMinimumHeight(m_idHint->fontMetrics().lineSpacing());
    // Notes, not problems: in the placeholder's muted colour; the blocked reason in the problem colour.
    for (QLabel *note : {m_idCleanedNote, m_samplesLabel, m_resendNote}) {
        note->setWordWrap(true);
        note->hide();
    }
    m_idCleanedNote->setTextFormat(Qt::PlainText);
    setTextColour(m_idCleanedNote, palette().color(QPalette::PlaceholderText));
    m_resendNote->setTextFormat(Qt::PlainText);
    setTextColour(m_resendNote, errorColour(palette()));
    // Links that fill the id field: reachable with Tab, activated with Return, like buttons.
    m_samplesLabel->setTextFormat(Qt::RichText);
    m_samplesLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_samplesLabel->setFocusPolicy(Qt::TabFocus);
    connect(m_samplesLabel, &QLabel::linkActivated, this, [this](const QString &id) {
        setVideoId(id);
        focusPrompt();
    });
    m_promptCounter->setAlignment(Qt::AlignRight | Qt::AlignTop);
    m_remixButton->setDefault(false);
    m_remixButton->setAutoDefault(false);

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->addWidget(m_idLabel, 0, 0);
    grid->addWidget(m_idEdit, 0, 1);
    auto *idNotes = new QVBoxLayout;
    idNotes->setContentsMargins(0, 0, 0, 0);
    idNotes->setSpacing(2);
    idNotes->addWidget(m_idHint);
    idNotes->addWidget(m_idCleanedNote);
    idNotes->addWidget(m_samplesLabel);
    grid->addLayout(idNotes, 1, 1);
    grid->addWidget(m_promptLabel, 2, 0, Qt::AlignTop);
    auto *promptColumn = new QVBoxLayout;
    promptColumn->setContentsMargins(0, 0, 0, 0);
    promptColumn->setSpacing(2);
    promptColumn->addWidget(m_resendNote);
    promptColumn->addWidget(m_promptEdit, 1);
    grid->addLayout(promptColumn, 2, 1);
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(u"remixCostLabel"_s);
    m_costLabel->setTextFormat(Qt::PlainText);
    m_costLabel->hide();
    auto *promptFooter = new QHBoxLayout;
    promptFooter->addWidget(m_promptHint, 1);
    promptFooter->addStretch(0); // takes the room while the hint is hidden, gives it up when it shows
    // What the remix will cost, beside the prompt's counter: both are about what is about to be sent.
    promptFooter->addWidget(m_costLabel, 0, Qt::AlignRight | Qt::AlignTop);
    promptFooter->addSpacing(2 * fontMetrics().averageCharWidth());
    promptFooter->addWidget(m_promptCounter, 0, Qt::AlignRight | Qt::AlignTop);
    grid->addLayout(promptFooter, 3, 1);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_promptHelp, 1);
    buttonRow->addWidget(m_remixButton, 0, Qt::AlignTop);
    grid->addLayout(buttonRow, 4, 1);
    grid->setRowStretch(2, 1);

    setTabOrder(m_idEdit, m_promptEdit);
    setTabOrder(m_promptEdit, m_remixButton);
    // The sample links (demo) after the button: Tab from the id still goes straight to the prompt.
    setTabOrder(m_remixButton, m_samplesLabel);
    // The prompt help after them: the keyboard path id -> prompt -> Remix stays as short as it was.
    m_promptHelp->setTabOrderAfter(m_samplesLabel);

    connect(m_idEdit, &QLineEdit::textEdited, this, &RemixForm::onIdEdited);
    connect(m_idEdit, &QLineEdit::textChanged, this, [this] {
        // Read the field rather than the signal's argument: when a paste is cleaned inside textEdited,
        // QLineEdit still delivers the pasted text's textChanged afterwards, with the stale argument.
        m_previousIdText = m_idEdit->text();
        m_idCheck = VideoIdInput::parse(m_previousIdText);
        updateIdHint();
        updateCost();
    });
    // Enter in the id field moves on to the prompt rather than sending a job without one.
    connect(m_idEdit, &QLineEdit::returnPressed, this, &RemixForm::focusPrompt);
    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, &RemixForm::updatePromptCounter);
    connect(m_remixButton, &QPushButton::clicked, this, &RemixForm::trySubmit);

    // One click, one remix: the second click of a double click is not another submit (see eventFilter).
    m_remixButton->installEventFilter(this);

    // Ctrl+Return from anywhere in the window (the prompt takes plain Return as a new line); the
    // keypad's Enter key arrives as Key_Enter, so it needs its own shortcut.
    for (const QKeySequence &sequence :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(sequence, this);
        shortcut->setContext(Qt::WindowShortcut);
        // Every remix is paid: a held key must not send one per auto-repeat (25 a second). With
        // auto-repeat off, the shortcut map still takes the repeated events, so they do not reach the
        // prompt as new lines either.
        shortcut->setAutoRepeat(false);
        connect(shortcut, &QShortcut::activated, this, &RemixForm::trySubmit);
    }

    retranslate();
}

RemixForm::~RemixForm() = default;

QString RemixForm::videoId() const
{
    return VideoIdInput::parse(m_idEdit->text()).id;
}

QString RemixForm::prompt() const
{
    return m_promptEdit->toPlainText();
}

void RemixForm::setVideoId(const QString &id)
{
    m_idEdit->setText(id);
    showCleanedNote(QString());
}

void RemixForm::setExampleVideoId(const QString &id)
{
    m_exampleId = id;
    retranslate();
}

void RemixForm::setSampleVideos(const QList<std::pair<QString, QString>> &samples, const QString &note)
{
    m_samples = samples;
    m_samplesNote = note;
    updateSampleLinks();
}

void RemixForm::updateSampleLinks()
{
    if (m_samples.isEmpty()) {
        m_samplesLabel->clear();
        m_samplesLabel->hide();
        return;
    }
    QStringList links;
    for (const auto &[id, title] : std::as_const(m_samples))
        links << u"<a href=\"%1\">%2</a>"_s.arg(id.toHtmlEscaped(), (title.isEmpty() ? id : title).toHtmlEscaped());
    QString text = tr("Sample videos: %1", "under the video id field; %1 is a list of links, one per sample video")
                       .arg(links.join(tr(" · ", "separator between the sample video links")));
    if (!m_samplesNote.isEmpty())
        text += u" &nbsp; "_s + m_samplesNote.toHtmlEscaped(); // on the same line where it fits: the form stays short
    m_samplesLabel->setText(text);
    m_samplesLabel->setToolTip(tr("Click a sample to put its ID into the field", "tooltip of the sample video links"));
    m_samplesLabel->show();
}

void RemixForm::editForResend(const QString &videoId, const QString &prompt, const QString &reason)
{
    setVideoId(videoId);
    m_promptEdit->setPlainText(prompt);
    setResendReason(reason);
    focusPrompt();
    m_promptEdit->selectAll();
}

void RemixForm::setResendReason(const QString &reason)
{
    m_resendNote->setText(reason);
    m_resendNote->setVisible(!reason.isEmpty());
}

bool RemixForm::isShowingResendReason() const
{
    return !m_resendNote->isHidden();
}

void RemixForm::showCleanedNote(const QString &original)
{
    m_cleanedFrom = original;
    if (original.isEmpty()) {
        m_idCleanedNote->clear();
        m_idCleanedNote->hide();
        return;
    }
    // What was pasted, on one line and short: the field shows what will be sent.
    QString shown = original.simplified();
    if (shown.size() > 60)
        shown = shown.left(59) + u'…';
    m_idCleanedNote->setText(tr("Cleaned up: only the ID is kept from “%1”.",
                                "note under the video ID field after pasted text was reduced to the id; %1 is "
                                "what was pasted")
                                 .arg(shown));
    m_idCleanedNote->show();
}

void RemixForm::setRecentPrompts(QAbstractItemModel *prompts)
{
    m_promptHelp->setRecentPrompts(prompts);
}

void RemixForm::setCostEstimator(const CostEstimator *costs)
{
    if (m_costs)
        disconnect(m_costs, nullptr, this, nullptr);
    m_costs = costs;
    if (costs)
        connect(costs, &CostEstimator::pricesChanged, this, &RemixForm::updateCost);
    updateCost();
}

void RemixForm::updateCost()
{
    if (!m_costs) {
        m_costLabel->hide();
        return;
    }
    m_costLabel->setText(CostEstimator::sentence(m_costs->forRemix(m_idCheck.id)));
    m_costLabel->show();
}

void RemixForm::setKnownVideoIds(QAbstractItemModel *ids)
{
    auto *completer = new QCompleter(ids, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_idEdit->setCompleter(completer);
}

void RemixForm::focusVideoId()
{
    m_idEdit->setFocus(Qt::OtherFocusReason);
    m_idEdit->selectAll();
}

void RemixForm::focusPrompt()
{
    m_promptEdit->setFocus(Qt::OtherFocusReason);
}

void RemixForm::onIdEdited(const QString &text)
{
    // Typing changes one character at a time; a paste (or a drop) changes many. Only a paste is
    // cleaned on the spot, so the field never fights the user's typing.
    const bool pasted = qAbs(text.size() - m_previousIdText.size()) > 1;
    if (!pasted) {
        showCleanedNote(QString()); // the user is typing: the note was about the paste
        return;
    }
    const VideoIdInput parsed = VideoIdInput::parse(text);
    // Several ids: the text stays as pasted, and the hint names them for the user to choose.
    if (!parsed.id.isEmpty() && parsed.id != text && parsed.problem != VideoIdInput::Problem::SeveralIds) {
        m_idEdit->setText(parsed.id); // textChanged re-checks and updates the hint
        // Only white space trimmed is no news; anything else is said.
        showCleanedNote(parsed.isValid() && parsed.id != text.trimmed() ? text : QString());
    } else {
        showCleanedNote(QString());
    }
}

void RemixForm::trySubmit()
{
    // From here on an empty field is worth a hint: the user asked for a job.
    m_showEmptyHints = true;

    m_idCheck = VideoIdInput::parse(m_idEdit->text());
    if (!m_idCheck.id.isEmpty() && m_idCheck.id != m_idEdit->text()
        && m_idCheck.problem != VideoIdInput::Problem::SeveralIds) {
        // Show what is actually sent. setText() re-parses the same text, so the check stays the same.
        const QString typed = m_idEdit->text();
        m_idEdit->setText(m_idCheck.id);
        if (m_idCheck.isValid() && m_idCheck.id != typed.trimmed())
            showCleanedNote(typed);
    }
    m_promptCheck = PromptCheck::check(m_promptEdit->toPlainText());
    updateIdHint();
    updatePromptCounter();

    if (!m_idCheck.isValid()) {
        m_idEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (!m_promptCheck.isValid()) {
        m_promptEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    emit remixRequested(m_idCheck.id, m_promptEdit->toPlainText());
}

void RemixForm::updateIdHint()
{
    // An empty field is not a problem until the user tries to submit; anything else is said at once.
    const bool show = !m_idCheck.isValid() && (m_idCheck.problem != VideoIdInput::Problem::Empty || m_showEmptyHints);
    showHint(m_idHint, show ? m_idCheck.message() : QString());
}

void RemixForm::showPromptCheck(const PromptCheck &check, bool showEmptyProblem, QLabel *counter, QLabel *hint)
{
    const QLocale locale;
    counter->setText(tr("%1 / %2", "prompt length counter: characters used / maximum")
                         .arg(locale.toString(check.length), locale.toString(PromptCheck::MaxLength)));
    const QPalette palette = counter->palette();
    const bool tooLong = check.problem == PromptCheck::Problem::TooLong;
    setTextColour(counter, tooLong ? errorColour(palette) : palette.color(QPalette::PlaceholderText));
    const bool show = !check.isValid() && (check.problem != PromptCheck::Problem::Empty || showEmptyProblem);
    showHint(hint, show ? check.message() : QString());
}

void RemixForm::updatePromptCounter()
{
    m_promptCheck = PromptCheck::check(m_promptEdit->toPlainText());
    showPromptCheck(m_promptCheck, m_showEmptyHints, m_promptCounter, m_promptHint);
}

bool RemixForm::eventFilter(QObject *watched, QEvent *event)
{
    // For a double click, widgets receive press, release, MouseButtonDblClick (in place of the second
    // press), release. A button treats the double click as another press, so its release would click
    // again and send a second paid remix for one gesture. Without that press, the release is a no-op.
    if (watched == m_remixButton && event->type() == QEvent::MouseButtonDblClick)
        return true;
    return QWidget::eventFilter(watched, event);
}

void RemixForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RemixForm::retranslate()
{
    updateCost();
    m_idLabel->setText(tr("Video &ID:", "label of the field for the id of the video to remix"));
    m_idEdit->setPlaceholderText(
        m_exampleId.isEmpty() ? tr("Paste the id of the video to remix, e.g. video_68d7512d07848190b3e45da0ecbebcde",
                                   "placeholder of the video id field")
                              : tr("Paste the id of the video to remix, e.g. %1",
                                   "placeholder of the video id field; %1 is an id that works with the current service")
                                    .arg(m_exampleId));
    m_promptLabel->setText(tr("&Prompt:", "label of the prompt field: what to change in the video"));
    m_promptEdit->setPlaceholderText(
        tr("Describe what to change, e.g. “Make the background purple” or “让这个视频背景变成紫色”.",
           "placeholder of the prompt field"));
    m_remixButton->setText(tr("Remix", "button: start a remix job"));
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    m_remixButton->setToolTip(
        tr("Start a remix job with these changes (%1)", "tooltip of the Remix button; %1 is the shortcut")
            .arg(shortcut));
    m_idEdit->setAccessibleDescription(tr("The id of a video you made earlier, for example video_…; pasted text is "
                                          "cleaned up",
                                          "accessible description of the video id field"));
    m_promptEdit->setAccessibleDescription(
        tr("What to change in the video, in Chinese or English", "accessible description of the prompt field"));
    showCleanedNote(m_cleanedFrom);
    updateSampleLinks();
    // Hints and the counter are rebuilt from the stored problems, in the new language.
    updateIdHint();
    updatePromptCounter();
}
