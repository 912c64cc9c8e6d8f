#include "filterbar.h"

#include "firstframe.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr JobFilterModel::Bucket Buckets[] = {JobFilterModel::Bucket::All, JobFilterModel::Bucket::Active,
                                              JobFilterModel::Bucket::Completed, JobFilterModel::Bucket::Failed};
} // namespace

FilterBar::FilterBar(JobFilterModel *filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_group(new QButtonGroup(this))
    , m_buttons{}
    , m_search(new QLineEdit(this))
{
    setObjectName(u"filterBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    const QString names[] = {u"filterAll"_s, u"filterActive"_s, u"filterCompleted"_s, u"filterFailed"_s};
    for (int i = 0; i < 4; ++i) {
        auto *button = new QToolButton(this);
        button->setObjectName(names[i]);
        button->setCheckable(true);
        // Flat until checked: reads as tabs, not as four more commands next to the toolbar.
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_group->addButton(button, int(Buckets[i]));
        layout->addWidget(button);
        m_buttons[i] = button;
    }
    m_group->setExclusive(true);
    m_buttons[0]->setChecked(true);
    layout->addSpacing(fontMetrics().averageCharWidth() * 2);

    m_search->setObjectName(u"searchEdit"_s);
    FirstFrame::whenShown(m_search, [edit = m_search] { edit->setClearButtonEnabled(true); });
    // Room for a full video id, not the whole width: the buttons keep theirs in both languages.
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(u"video_68d7512d0784819"_s));
    m_search->setMaximumWidth(fontMetrics().horizontalAdvance(u"video_68d7512d0784819"_s) * 2);
    m_search->installEventFilter(this);
    layout->addWidget(m_search, 1);
    layout->addStretch(0);

    connect(m_group, &QButtonGroup::idClicked, this, [this](int id) {
        const auto chosen = JobFilterModel::Bucket(id);
        m_filter->setBucket(chosen);
        emit bucketChosen(chosen);
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &JobFilterModel::setSearchText);
    connect(m_filter, &JobFilterModel::countsChanged, this, &FilterBar::updateCounts);

    setBucket(m_filter->bucket());
    retranslate();
}

FilterBar::~FilterBar() = default;

JobFilterModel::Bucket FilterBar::bucket() const
{
    return m_filter->bucket();
}

void FilterBar::setBucket(JobFilterModel::Bucket bucket)
{
    if (QAbstractButton *b = m_group->button(int(bucket)))
        b->setChecked(true);
    m_filter->setBucket(bucket);
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::clearSearch()
{
    m_search->clear();
}

QToolButton *FilterBar::button(JobFilterModel::Bucket bucket) const
{
    return m_buttons[int(bucket)];
}

void FilterBar::retranslate()
{
    m_search->setPlaceholderText(tr("Search IDs and prompts", "placeholder of the job list's search field"));
    m_search->setToolTip(tr("Shows only jobs whose source ID, result ID or prompt contains this text (Ctrl+F). "
                            "Esc clears it.",
                            "tooltip of the job list's search field"));
    m_search->setAccessibleName(tr("Search the job list", "accessible name of the job list's search field"));
    button(JobFilterModel::Bucket::All)->setToolTip(tr("Every job in the list", "filter button tooltip"));
    button(JobFilterModel::Bucket::Active)
        ->setToolTip(tr("Jobs being sent, waiting or running", "filter button tooltip"));
    button(JobFilterModel::Bucket::Completed)->setToolTip(tr("Finished remixes", "filter button tooltip"));
    button(JobFilterModel::Bucket::Failed)
        ->setToolTip(tr("Jobs that failed, expired or were not sent", "filter button tooltip"));
    updateCounts();
}

void FilterBar::updateCounts()
{
    // The count is part of the translated text: some languages put it elsewhere or need other brackets.
    const auto label = [this](JobFilterModel::Bucket bucket) {
        const int n = m_filter->count(bucket);
        switch (bucket) {
        case JobFilterModel::Bucket::All:
            return tr("All (%1)", "filter button: every job; %1 is how many").arg(n);
        case JobFilterModel::Bucket::Active:
            return tr("Active (%1)", "filter button: jobs waiting or running; %1 is how many").arg(n);
        case JobFilterModel::Bucket::Completed:
            return tr("Completed (%1)", "filter button: finished jobs; %1 is how many").arg(n);
        case JobFilterModel::Bucket::Failed:
            return tr("Failed (%1)", "filter button: failed jobs; %1 is how many").arg(n);
        }
        return QString();
    };
    for (JobFilterModel::Bucket bucket : Buckets)
        button(bucket)->setText(label(bucket));
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    // Esc in the search field clears it; with nothing to clear it goes on to the window as usual.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
