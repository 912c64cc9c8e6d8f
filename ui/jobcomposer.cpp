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
    // The forms bring their own margins inside the tab page.
    for (QWidget *form : {static_cast<QWidget *>(m_remix), static_cast<QWidget *>(m_create)})
        form->setContentsMargins(6, 6, 6, 0);
    addTab(m_remix, QString());
    addTab(m_create, QString());
    retranslate();
}

JobComposer::~JobComposer() = default;

void JobComposer::showRemix()
{
    setCurrentWidget(m_remix);
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
