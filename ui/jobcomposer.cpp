#include "jobcomposer.h"

#include "createform.h"
#include "remixform.h"

#include <QEvent>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

JobComposer::JobComposer(Settings *settings, QWidget *parent)
    : QTabWidget(parent)
    , m_settings(settings)
    , m_remix(new RemixForm(this))
    , m_createPage(new QWidget(this))
{
    setObjectName(u"jobComposer"_s);
    setDocumentMode(true);
    m_createPage->setObjectName(u"createPage"_s);
    auto *createLayout = new QVBoxLayout(m_createPage);
    createLayout->setContentsMargins(0, 0, 0, 0);
    // A little air under the tabs; the forms keep the window's full width.
    m_remix->setContentsMargins(0, 6, 0, 0);
    addTab(m_remix, QString());
    addTab(m_createPage, QString());
    // A tab widget is as tall as its tallest page; the page on show decides instead, so that the longer
    // New Video form does not take height from the list while the user remixes.
    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (currentWidget() == m_createPage)
            createForm();
        fitToCurrentPage();
    });
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

CreateForm *JobComposer::createForm()
{
    if (m_create)
        return m_create;
    m_create = new CreateForm(m_settings, m_createPage);
    m_create->setContentsMargins(0, 6, 0, 0);
    if (m_prompts)
        m_create->setRecentPrompts(m_prompts);
    if (m_costs)
        m_create->setCostEstimator(m_costs);
    connect(m_create, &CreateForm::createRequested, this, &JobComposer::createRequested);
    m_createPage->layout()->addWidget(m_create);
    m_create->show(); // now, not in a later turn: the switch to its tab may be giving it focus

    // Built after the rest of the window, its fields came last in the window's Tab chain: they go back
    // right after their tab page, where they were when the form was built with the window.
    QList<QWidget *> fields;
    for (QWidget *w = m_create->nextInFocusChain(); w != m_create && m_create->isAncestorOf(w);
         w = w->nextInFocusChain())
        fields.append(w);
    QWidget *previous = m_createPage;
    for (QWidget *field : std::as_const(fields)) {
        QWidget::setTabOrder(previous, field);
        previous = field;
    }
    // A switch from the remix form with the focus in it gave the focus to the then empty page: it goes
    // to the form's first field, as it would have had the form been there.
    if (m_createPage->hasFocus()) {
        for (QWidget *field : std::as_const(fields)) {
            if ((field->focusPolicy() & Qt::TabFocus) && field->isEnabled() && field->isVisible()) {
                field->setFocus(Qt::TabFocusReason);
                break;
            }
        }
    }
    return m_create;
}

void JobComposer::setRecentPrompts(QAbstractItemModel *prompts)
{
    m_prompts = prompts;
    m_remix->setRecentPrompts(prompts);
    if (m_create)
        m_create->setRecentPrompts(prompts);
}

void JobComposer::setCostEstimator(const CostEstimator *costs)
{
    m_costs = costs;
    m_remix->setCostEstimator(costs);
    if (m_create)
        m_create->setCostEstimator(costs);
}

void JobComposer::showRemix()
{
    setCurrentWidget(m_remix);
}

bool JobComposer::isCreateShown() const
{
    return currentWidget() == m_createPage;
}

void JobComposer::showCreate()
{
    setCurrentWidget(m_createPage);
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
    setTabText(indexOf(m_createPage), tr("&New Video", "tab: make a new video from a prompt"));
    setTabToolTip(indexOf(m_remix), tr("Change a video you already made: its id and what to change.", "tab tooltip"));
    setTabToolTip(indexOf(m_createPage),
                  tr("Make a new video from a prompt, optionally starting from a picture.", "tab tooltip"));
}
