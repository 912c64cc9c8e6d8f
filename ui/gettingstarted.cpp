#include "gettingstarted.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
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

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_connectButton);
    buttons->addWidget(m_demoButton);
    buttons->addStretch(1);

    // The words in a column of a readable width, centred; the labels take the column's whole width so
    // that they wrap there and never get cut.
    auto *page = new QWidget;
    page->setObjectName(u"gettingStartedPage"_s);
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(fontMetrics().lineSpacing() / 4);
    column->addWidget(m_title);
    column->addWidget(m_text);
    column->addLayout(buttons);
    auto *columnBox = new QWidget(page);
    columnBox->setLayout(column);
    columnBox->setMaximumWidth(fontMetrics().averageCharWidth() * 80);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(columnBox, 100);
    centred->addStretch(1);
    // Compact: at the first start the list pane may be only a few lines high.
    auto *pageLayout = new QVBoxLayout(page);
    const int margin = fontMetrics().lineSpacing() / 3;
    pageLayout->setContentsMargins(margin, margin, margin, margin);
    pageLayout->addStretch(1);
    pageLayout->addLayout(centred);
    pageLayout->addStretch(2);

    // A short list pane scrolls the page rather than cutting it.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"gettingStartedScroll"_s);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    page->setAutoFillBackground(true);
    page->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_connectButton, &QPushButton::clicked, this, &GettingStarted::connectRequested);
    connect(m_demoButton, &QPushButton::clicked, this, &GettingStarted::tryDemoRequested);
    retranslate();
}

GettingStarted::~GettingStarted() = default;

void GettingStarted::setMode(Mode mode)
{
    m_mode = mode;
    retranslate();
}

void GettingStarted::setCreating(bool creating)
{
    if (m_creating == creating)
        return;
    m_creating = creating;
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
        // That demo jobs are not kept is said under the sample videos, for as long as the demo is in use.
        m_text->setText(m_creating ? tr("Describe the video you want and press Create Video. The demo finishes in a "
                                        "few seconds.",
                                        "empty job list while the demo is in use and the New Video form is showing")
                                   : tr("Click one of the sample videos above, describe what to change, and press "
                                        "Remix. The demo finishes in a few seconds.",
                                        "empty job list while the demo service is in use"));
        m_connectButton->setVisible(true);
        m_demoButton->setVisible(false);
        break;
    case Mode::Ready:
        m_title->setText(tr("No jobs yet", "empty job list with a service configured: title"));
        m_text->setText(m_creating ? tr("Describe the video you want and press Create Video. Your jobs appear here "
                                        "and are kept when you close the app.",
                                        "empty job list with a service configured; the New Video form is showing")
                                   : tr("Paste the ID of a video you made, describe what to change, and press "
                                        "Remix. Your jobs appear here and are kept when you close the app.",
                                        "empty job list with a service configured"));
        m_connectButton->setVisible(false);
        m_demoButton->setVisible(false);
        break;
    }
    m_connectButton->setDefault(false);
}
