#include "jobcomposer.h"

#include "createform.h"
#include "remixform.h"

#include <QEvent>

using namespace Qt::Literals::StringLiterals;

JobComposer::JobComposer(Settings *settings, QWidget *parent)
    : QTabWidget(parent)
    , m_remix(new RemixForm(this))
    , m_create(new CreateForm(settings, this))
{
    setObjectName(u"jobComposer"_s);
    setDocumentMode(true);
    // A little air under the tabs; the forms keep the window's full width.
    for (QWidget *form : {static_cast<QWidget *>(m_remix), static_cast<QWidget *>(m_create)})
        form->setContentsMargins(0, 6, 0, 0);
    addTab(m_remix, QString());
    addTab(m_create, QString());
    // A tab widget is as tall as its tallest page; the page on show decides instead, so that the longer
    // New Video form does not take height from the list while the user remixes.
    connect(this, &QTabWidget::currentChanged, this, &JobComposer::fitToCurrentPage);
    fitToCurrentPage();
    retranslate();
}

JobComposer::~JobComposer() = default;

void JobComposer::fitToCurrentPage()
{
    for (int i = 0; i < count(); ++i) {
        QWidget *page = widget(i);
        const bool current = page == currentWidget();
        page->setSizePolicy(current ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                            current ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    updateGeometry();
}

void JobComposer::setRecentPrompts(QAbstractItemModel *prompts)
{
    m_remix->setRecentPrompts(prompts);
    m_create->setRecentPrompts(prompts);
}

void JobComposer::setCostEstimator(const CostEstimator *costs)
{
    m_remix->setCostEstimator(costs);
    m_create->setCostEstimator(costs);
}

void JobComposer::showRemix()
{
    setCurrentWidget(m_remix);
}

bool JobComposer::isCreateShown() const
{
    return currentWidget() == m_create;
}

void JobComposer::showCreate()
{
    setCurrentWidget(m_create);
}

void JobComposer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTabWidget::changeEvent(event);
}

void JobComposer::retranslate()
{
    setTabText(indexOf(m_remix), tr("&Remix a Video", "tab: change an existing video with a prompt"));
    setTabText(indexOf(m_create), tr("&New Video", "tab: make a new video from a prompt"));
    setTabToolTip(indexOf(m_remix), tr("Change a video you already made: its id and what to change.", "tab tooltip"));
    setTabToolTip(indexOf(m_create),
                  tr("Make a new video from a prompt, optionally starting from a picture.", "tab tooltip"));
}
