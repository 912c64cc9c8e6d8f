#include "extenddialog.h"

#include "api/createvideo.h"
#include "api/prompt.h"
#include "remixform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ExtendDialog::ExtendDialog(const QString &videoId, const QString &originalPrompt, QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_promptEdit(new QPlainTextEdit(this))
    , m_promptHint(new QLabel(this))
    , m_secondsBox(new QComboBox(this))
    , m_extendButton(nullptr)
{
    setObjectName(u"extendDialog"_s);
    setWindowTitle(tr("Extend Video", "dialog title: continue a finished video"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setText(tr("The new video continues “%1” and is charged by the service. What happens next?",
                        "extend dialog; %1 is the video id")
                         .arg(videoId));
    m_promptEdit->setObjectName(u"extendPromptEdit"_s);
    m_promptEdit->setTabChangesFocus(true);
    m_promptEdit->setPlaceholderText(
        tr("e.g. “The camera rises above the city as the sun sets”", "placeholder of the extend dialog's prompt"));
    if (!originalPrompt.isEmpty())
        m_promptEdit->setToolTip(tr("The video's own prompt was: %1", "tooltip; %1 is a prompt").arg(originalPrompt));
    m_promptHint->setObjectName(u"extendPromptHint"_s);
    m_promptHint->setWordWrap(true);
    QPalette hintPalette = m_promptHint->palette();
    hintPalette.setColor(QPalette::WindowText, RemixForm::errorColour(palette()));
    m_promptHint->setPalette(hintPalette);
    m_promptHint->hide();
    m_secondsBox->setObjectName(u"extendSecondsBox"_s);
    m_secondsBox->setEditable(true);
    m_secondsBox->setInsertPolicy(QComboBox::NoInsert);
    m_secondsBox->addItems(VideoPresets::seconds());
    m_secondsBox->setCurrentText(u"8"_s);
    m_secondsBox->setToolTip(tr("How many seconds to add.", "tooltip of the extend dialog's length"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_extendButton = buttons->button(QDialogButtonBox::Ok);
    m_extendButton->setText(tr("Extend", "button: send the extension job"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ExtendDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExtendDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Next:", "label of the extend prompt: what happens next"), m_promptEdit);
    form->addRow(QString(), m_promptHint);
    form->addRow(tr("&Add seconds:", "label of the extension's length"), m_secondsBox);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form, 1);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

ExtendDialog::~ExtendDialog() = default;

QString ExtendDialog::prompt() const
{
    return m_promptEdit->toPlainText();
}

QString ExtendDialog::seconds() const
{
    return m_secondsBox->currentText().trimmed();
}

void ExtendDialog::accept()
{
    const PromptCheck check = PromptCheck::check(prompt());
    if (!check.isValid()) {
        m_promptHint->setText(check.message());
        m_promptHint->show();
        m_promptEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    bool number = false;
    const int value = seconds().toInt(&number);
    if (!number || value <= 0) {
        m_promptHint->setText(tr("Enter the seconds to add as a number, e.g. 8.", "extend dialog hint"));
        m_promptHint->show();
        m_secondsBox->setFocus(Qt::OtherFocusReason);
        return;
    }
    QDialog::accept();
}
