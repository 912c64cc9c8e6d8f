#include "prompthelp.h"

#include "firstframe.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSortFilterProxyModel>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PromptHelp::PromptHelp(Kind kind, QPlainTextEdit *target, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_target(target)
    , m_recentButton(new QToolButton(this))
    , m_examplesButton(new QToolButton(this))
    , m_examplesMenu(new QMenu(this))
    , m_tip(new QLabel(this))
    , m_popup(new QFrame(this, Qt::Popup))
    , m_search(new QLineEdit(m_popup))
    , m_list(new QListView(m_popup))
    , m_noMatch(new QLabel(m_popup))
    , m_filter(new QSortFilterProxyModel(this))
{
    const QString prefix = kind == Kind::Remix ? u"remix"_s : u"create"_s;
    m_recentButton->setObjectName(prefix + u"RecentPromptsButton"_s);
    m_examplesButton->setObjectName(prefix + u"ExamplePromptsButton"_s);
    m_examplesMenu->setObjectName(prefix + u"ExamplePromptsMenu"_s);
    m_tip->setObjectName(prefix + u"PromptTipLabel"_s);
    m_popup->setObjectName(prefix + u"RecentPromptsPopup"_s);
    m_search->setObjectName(prefix + u"RecentPromptsSearch"_s);
    m_list->setObjectName(prefix + u"RecentPromptsList"_s);

    m_recentButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_examplesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_examplesButton->setPopupMode(QToolButton::InstantPopup);
    m_examplesButton->setMenu(m_examplesMenu);
    m_tip->setWordWrap(true);
    m_tip->setTextFormat(Qt::PlainText);
    QPalette muted = m_tip->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_tip->setPalette(muted);
    m_noMatch->setPalette(muted);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_recentButton);
    row->addWidget(m_examplesButton);
    row->addWidget(m_tip, 1);

    // The recent prompts: a search field over the list, matching any part of a prompt, any case.
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_filter);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    FirstFrame::whenShown(m_search, [edit = m_search] { edit->setClearButtonEnabled(true); });
    m_popup->setFrameShape(QFrame::StyledPanel);
    auto *popupLayout = new QVBoxLayout(m_popup);
    popupLayout->setContentsMargins(4, 4, 4, 4);
    popupLayout->addWidget(m_search);
    popupLayout->addWidget(m_noMatch);
    popupLayout->addWidget(m_list, 1);
    m_noMatch->hide();
    m_search->installEventFilter(this);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        if (m_filter->rowCount() > 0)
            m_list->setCurrentIndex(m_filter->index(0, 0));
        m_noMatch->setVisible(m_filter->rowCount() == 0);
    });
    connect(m_list, &QListView::activated, this, &PromptHelp::chooseFromList);
    connect(m_list, &QListView::clicked, this, &PromptHelp::chooseFromList);
    connect(m_recentButton, &QToolButton::clicked, this, &PromptHelp::showRecentPrompts);
    connect(m_examplesMenu, &QMenu::triggered, this, [this](QAction *action) { choose(action->data().toString()); });

    updateRecentButton();
    retranslate();
}

void PromptHelp::setTabOrderAfter(QWidget *previous)
{
    // Tab: ... -> previous -> Recent prompts -> Examples -> whatever came after previous.
    QWidget *next = previous->nextInFocusChain();
    setTabOrder(previous, m_recentButton);
    setTabOrder(m_recentButton, m_examplesButton);
    if (next && next != m_recentButton && next != m_examplesButton && next != previous)
        setTabOrder(m_examplesButton, next);
}

PromptHelp::~PromptHelp() = default;

void PromptHelp::setRecentPrompts(QAbstractItemModel *prompts)
{
    if (m_prompts)
        m_prompts->disconnect(this);
    m_prompts = prompts;
    m_filter->setSourceModel(prompts);
    if (prompts) {
        connect(prompts, &QAbstractItemModel::rowsInserted, this, &PromptHelp::updateRecentButton);
        connect(prompts, &QAbstractItemModel::rowsRemoved, this, &PromptHelp::updateRecentButton);
        connect(prompts, &QAbstractItemModel::modelReset, this, &PromptHelp::updateRecentButton);
    }
    updateRecentButton();
}

void PromptHelp::updateRecentButton()
{
    const bool any = m_prompts && m_prompts->rowCount() > 0;
    m_recentButton->setEnabled(any);
    m_recentButton->setToolTip(
        any ? tr("Use one of your recent prompts again (searchable)",
                 "tooltip of the Recent prompts button under the prompt box")
            : tr("The prompts you send appear here.", "tooltip of the Recent prompts button while there are none yet"));
}

void PromptHelp::showRecentPrompts()
{
    if (!m_prompts || m_prompts->rowCount() == 0)
        return;
    m_search->clear();
    m_filter->setFilterFixedString(QString());
    m_list->setCurrentIndex(m_filter->index(0, 0));
    m_noMatch->hide();
    // As wide as the prompt box (at least a comfortable line), about ten prompts high, under the button
    // and kept on the screen.
    const int line = m_list->fontMetrics().height() + 6;
    const int width = qMax(m_target ? m_target->width() : 0, 30 * fontMetrics().averageCharWidth());
    m_popup->resize(width, m_search->sizeHint().height() + 10 * line + 16);
    QPoint at = m_recentButton->mapToGlobal(QPoint(0, m_recentButton->height()));
    if (const QScreen *screen = m_recentButton->screen()) {
        const QRect area = screen->availableGeometry();
        if (at.y() + m_popup->height() > area.bottom())
            at.setY(m_recentButton->mapToGlobal(QPoint(0, 0)).y() - m_popup->height());
        at.setX(qBound(area.left(), at.x(), qMax(area.left(), area.right() - m_popup->width())));
    }
    m_popup->move(at);
    m_popup->show();
    m_search->setFocus(Qt::PopupFocusReason);
}

bool PromptHelp::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up || key->key() == Qt::Key_PageDown
            || key->key() == Qt::Key_PageUp) {
            // The arrows move through the matches while the search field keeps the typing.
            QApplication::sendEvent(m_list, event);
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            chooseFromList(m_list->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PromptHelp::chooseFromList(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_popup->hide();
    choose(index.data(Qt::DisplayRole).toString());
}

void PromptHelp::choose(const QString &prompt)
{
    if (!m_target || prompt.isEmpty())
        return;
    // One undoable edit (Ctrl+Z brings the old text back), unlike setPlainText().
    QTextCursor cursor(m_target->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prompt);
    m_target->setTextCursor(cursor);
    m_target->setFocus(Qt::OtherFocusReason);
    emit promptChosen(prompt);
}

QList<std::pair<QString, QString>> PromptHelp::examples() const
{
    const QString background = tr("Background", "example prompt menu entry: change the background");
    const QString colour = tr("Colour", "example prompt menu entry: change a colour");
    const QString timeOfDay = tr("Time of day", "example prompt menu entry: change the time of day");
    const QString style = tr("Style", "example prompt menu entry: change the visual style");
    const QString weather = tr("Weather", "example prompt menu entry: change the weather");
    const QString camera = tr("Camera", "example prompt menu entry: change the camera movement");
    if (m_kind == Kind::Remix) {
        return {
            {background, tr("Change the background to a quiet beach at sunset. Keep the people and their movements "
                            "the same.",
                            "example remix prompt (one change: the background)")},
            {colour, tr("Make the car bright red. Keep everything else the same.",
                        "example remix prompt (one change: a colour)")},
            {timeOfDay, tr("Make it night, lit by street lamps. Keep everything else the same.",
                           "example remix prompt (one change: the time of day)")},
            {style, tr("Turn it into a hand-drawn watercolour animation. Keep the motion the same.",
                       "example remix prompt (one change: the style)")},
            {weather, tr("Make it snow gently. Keep everything else the same.",
                         "example remix prompt (one change: the weather)")},
            {camera, tr("Replace the still shot with a slow push-in towards the main subject. Keep everything else "
                        "the same.",
                        "example remix prompt (one change: the camera movement)")},
        };
    }
    return {
        {background, tr("A golden retriever runs along a quiet beach at sunset, waves rolling in behind it.",
                        "example prompt for a new video (about the setting)")},
        {colour, tr("A bright red vintage car drives down an empty desert road, dust rising behind it.",
                    "example prompt for a new video (about colour)")},
        {timeOfDay, tr("A night market lit by neon signs and paper lanterns, people strolling past food stalls.",
                       "example prompt for a new video (about the time of day)")},
        {style, tr("A hand-drawn watercolour animation of a paper boat floating down a rainy street.",
                   "example prompt for a new video (about the style)")},
        {weather, tr("Snow falls gently on a mountain village while smoke rises from the chimneys.",
                     "example prompt for a new video (about the weather)")},
        {camera, tr("A slow drone shot rising over a misty forest at dawn to reveal a lake.",
                    "example prompt for a new video (about the camera movement)")},
    };
}

void PromptHelp::rebuildExamples()
{
    m_examplesMenu->clear();
    for (const auto &[label, prompt] : examples()) {
        // "Background: Change the background to …": what the entry does, and the words it puts in.
        QAction *action = m_examplesMenu->addAction(
            tr("%1: %2", "example prompt menu entry; %1 is the kind of change, %2 the example prompt")
                .arg(label, prompt));
        action->setData(prompt);
    }
}

void PromptHelp::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PromptHelp::retranslate()
{
    m_recentButton->setText(tr("Recent prompts", "button under the prompt box: reuse a prompt sent before"));
    m_examplesButton->setText(tr("Examples", "button under the prompt box: a menu of example prompts"));
    m_examplesMenu->setTitle(m_examplesButton->text()); // its action is what screen readers name
    m_examplesButton->setToolTip(tr("Put an example into the prompt box", "tooltip of the Examples button"));
    m_search->setPlaceholderText(tr("Search your recent prompts", "placeholder of the recent prompts search field"));
    m_noMatch->setText(tr("No recent prompt contains this text.", "recent prompts popup: the search found nothing"));
    m_tip->setText(m_kind == Kind::Remix
                       ? tr("Tip: a remix works best with one well-defined change. Say what changes and what stays "
                            "the same.",
                            "hint under the remix prompt box")
                       : tr("Tip: say what is seen and where, the light, and how the camera moves.",
                            "hint under the new video prompt box"));
    updateRecentButton();
    rebuildExamples();
}
