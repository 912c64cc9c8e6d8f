#include "gettingstarted.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

GettingStarted::GettingStarted(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_connectButton(new QPushButton(this))
    , m_demoButton(new QPushButton(this))
{
    setObjectName(u"gettingStarted"_s);
    m_title->setObjectName(u"gettingStartedTitle"_s);
    m_text->setObjectName(u"gettingStartedText"_s);
    m_connectButton->setObjectName(u"connectServiceButton"_s);
    m_demoButton->setObjectName(u"tryDemoMainButton"_s);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    for (QLabel *label : {m_title, m_text}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    }
    // A calm page: a readable line length, whatever the window's width.
    m_text->setMaximumWidth(fontMetrics().averageCharWidth() * 70);
    m_title->setMaximumWidth(m_text->maximumWidth());

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_demoButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title, 0, Qt::AlignHCenter);
    layout->addWidget(m_text, 0, Qt::AlignHCenter);
    layout->addSpacing(fontMetrics().lineSpacing() / 2);
    layout->addLayout(buttons);
    layout->addStretch(2);

    connect(m_connectButton, &QPushButton::clicked, this, &GettingStarted::connectRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &GettingStarted::tryDemoRequested);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    retranslate();
}

GettingStarted::~GettingStarted() = default;

void GettingStarted::setMode(Mode mode)
{
    m_mode = mode;
    retranslate();
}

void GettingStarted::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GettingStarted::retranslate()
{
    m_connectButton->setText(tr("Connect a Service…", "empty job list: button that opens the service settings"));
    m_connectButton->setToolTip(
        tr("Enter the address and API key your provider gave you", "tooltip of the Connect a Service button"));
    m_demoButton->setText(tr("Try the Demo", "empty job list: button that switches to the built-in demo service"));
    m_demoButton->setToolTip(tr("A pretend video service inside the app: no account, nothing leaves this computer",
                                "tooltip of the Try the Demo button"));
    switch (m_mode) {
    case Mode::NoService:
        m_title->setText(tr("Welcome to Video Remix", "empty job list on the first start: title"));
        m_text->setText(tr("To remix your videos, connect the video service you use: its address and your API key. "
                           "Or try the built-in demo first: it needs no account, and nothing leaves this computer.",
                           "empty job list on the first start: what to do next"));
        m_connectButton->setVisible(true);
        m_demoButton->setVisible(true);
        break;
    case Mode::Demo:
        m_title->setText(tr("You are trying the demo", "empty job list while the demo service is in use: title"));
        m_text->setText(tr("Click one of the sample videos above, describe what to change, and press Remix. The demo "
                           "finishes in a few seconds. Demo jobs are not kept after you close the app.",
                           "empty job list while the demo service is in use"));
        m_connectButton->setVisible(true);
        m_demoButton->setVisible(false);
        break;
    case Mode::Ready:
        m_title->setText(tr("No jobs yet", "empty job list with a service configured: title"));
        m_text->setText(tr("Paste the ID of a video you made, describe what to change, and press Remix. Your jobs "
                           "appear here and are kept when you close the app.",
                           "empty job list with a service configured"));
        m_connectButton->setVisible(false);
        m_demoButton->setVisible(false);
        break;
    }
    m_connectButton->setDefault(false);
}
