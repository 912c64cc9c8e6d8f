#include "settingsdialog.h"

#include "apiurl.h"
#include "languagemanager.h"
#include "remixform.h"
#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// The example address in the placeholder and the intro. Not translated: it is an address.
const QString ExampleBaseUrl = u"https://api.example.com/v1"_s;

void setTextColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

// A sentence with the address on a line of its own: word wrap would otherwise break "https://" from
// the host, and a whole address on one line is what people compare with their provider's docs.
QString withUrlLine(const QString &sentence, const QString &url)
{
    return sentence + u'\n' + url;
}

QLabel *makeNote(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_intro(makeNote(this, u"introLabel"_s))
    , m_baseUrlLabel(new QLabel(this))
    , m_baseUrlEdit(new QLineEdit(this))
    , m_urlPreview(makeNote(this, u"urlPreviewLabel"_s))
    , m_insecureWarning(makeNote(this, u"insecureWarningLabel"_s))
    , m_baseUrlNote(makeNote(this, u"baseUrlNoteLabel"_s))
    , m_apiKeyLabel(new QLabel(this))
    , m_apiKeyEdit(new QLineEdit(this))
    , m_showKeyButton(new QToolButton(this))
    , m_apiKeyNote(makeNote(this, u"apiKeyNoteLabel"_s))
    , m_intervalLabel(new QLabel(this))
    , m_intervalSpin(new QSpinBox(this))
    , m_languageLabel(new QLabel(this))
    , m_languageCombo(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_apiKeyEdit->setObjectName(u"apiKeyEdit"_s);
    m_showKeyButton->setObjectName(u"showKeyButton"_s);
    m_intervalSpin->setObjectName(u"pollIntervalSpin"_s);
    m_languageCombo->setObjectName(u"languageCombo"_s);
    m_buttons->setObjectName(u"buttonBox"_s);

    m_baseUrlLabel->setBuddy(m_baseUrlEdit);
    m_apiKeyLabel->setBuddy(m_apiKeyEdit);
    m_intervalLabel->setBuddy(m_intervalSpin);
    m_languageLabel->setBuddy(m_languageCombo);
    m_urlPreview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setTextColour(m_insecureWarning, RemixForm::errorColour(palette()));

    // Values from the environment win over the stored ones, so editing them here would do nothing.
    m_baseUrlEdit->setText(m_settings->baseUrl());
    m_baseUrlEdit->setReadOnly(m_settings->baseUrlFromEnvironment());
    m_baseUrlEdit->setClearButtonEnabled(!m_settings->baseUrlFromEnvironment());
    m_baseUrlEdit->setPlaceholderText(ExampleBaseUrl);
    m_baseUrlNote->setVisible(m_settings->baseUrlFromEnvironment());

    m_apiKeyEdit->setText(m_settings->apiKey());
    m_apiKeyEdit->setReadOnly(m_settings->apiKeyFromEnvironment());
    m_apiKeyEdit->setEchoMode(QLineEdit::Password);
    // Keys are pasted, never typed: no completion or spell-checking IME should see them.
    m_apiKeyEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_apiKeyNote->setVisible(m_settings->apiKeyFromEnvironment());
    m_showKeyButton->setCheckable(true);
    m_showKeyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_intervalSpin->setRange(Settings::MinPollIntervalMs / 1000, Settings::MaxPollIntervalMs / 1000);
    m_intervalSpin->setValue(m_settings->pollIntervalMs() / 1000);

    for (const QString &code : LanguageManager::availableLanguages())
        m_languageCombo->addItem(LanguageManager::nativeName(code), code);
    QString language = m_settings->language();
    if (!LanguageManager::availableLanguages().contains(language))
        language = LanguageManager::languageForLocale(QLocale());
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(language)));

    // The intro explains what the address is; only needed while nothing is configured.
    m_intro->setVisible(!m_settings->isServiceConfigured());

    auto *form = new QFormLayout;
    // The same look in every style (macOS would otherwise not stretch the fields).
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *baseUrlField = new QVBoxLayout;
    baseUrlField->addWidget(m_baseUrlEdit);
    baseUrlField->addWidget(m_urlPreview);
    baseUrlField->addWidget(m_insecureWarning);
    baseUrlField->addWidget(m_baseUrlNote);
    form->addRow(m_baseUrlLabel, baseUrlField);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_apiKeyEdit, 1);
    keyRow->addWidget(m_showKeyButton);
    auto *keyField = new QVBoxLayout;
    keyField->addLayout(keyRow);
    keyField->addWidget(m_apiKeyNote);
    form->addRow(m_apiKeyLabel, keyField);
    auto *intervalRow = new QHBoxLayout;
    intervalRow->addWidget(m_intervalSpin);
    intervalRow->addStretch(1);
    form->addRow(m_intervalLabel, intervalRow);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageCombo);
    languageRow->addStretch(1);
    form->addRow(m_languageLabel, languageRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    // Wide enough that the full remix URL of a typical address fits on one line; derived from the font,
    // so it scales with DPI and with the CJK font.
    setMinimumWidth(
        fontMetrics().horizontalAdvance(u"Remix requests go to: "_s + ExampleBaseUrl + u"/videos/{id}/remix"_s)
        + fontMetrics().horizontalAdvance(u"Check progress every:"_s) + 4 * fontMetrics().height());

    connect(m_baseUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::updateUrlPreview);
    connect(m_showKeyButton, &QToolButton::toggled, this, &SettingsDialog::updateKeyVisibility);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    retranslate();
    m_baseUrlEdit->setFocus(Qt::OtherFocusReason);
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::selectedLanguage() const
{
    return m_languageCombo->currentData().toString();
}

void SettingsDialog::save()
{
    if (!m_settings->baseUrlFromEnvironment())
        m_settings->setBaseUrl(m_baseUrlEdit->text().trimmed());
    if (!m_settings->apiKeyFromEnvironment())
        m_settings->setApiKey(m_apiKeyEdit->text().trimmed());
    m_settings->setPollIntervalMs(m_intervalSpin->value() * 1000);
    m_settings->setLanguage(selectedLanguage());
}

void SettingsDialog::updateUrlPreview()
{
    const QString text = m_baseUrlEdit->text().trimmed();
    const QUrl base = ApiUrl::normalizeBase(text);
    const bool invalid = !text.isEmpty() && !base.isValid();

    if (text.isEmpty()) {
        setTextColour(m_urlPreview, palette().color(QPalette::PlaceholderText));
        m_urlPreview->setText(withUrlLine(
            tr("Enter the address your provider gave you, for example:",
               "settings: shown while the service address is empty; an example address follows on the next line"),
            ExampleBaseUrl));
    } else if (invalid) {
        setTextColour(m_urlPreview, RemixForm::errorColour(palette()));
        m_urlPreview->setText(
            withUrlLine(tr("This is not a usable web address. It should look like this:",
                           "settings: the service address cannot be used; an example address follows on the next line"),
                        ExampleBaseUrl));
    } else {
        // Build the URL with a marker id and show "{id}" in its place: the exact address a remix goes to,
        // with the same normalisation the app uses (a /v1 added or kept, a pasted endpoint trimmed).
        const QString marker = u"VIDEOREMIXIDMARKER"_s;
        QString url = ApiUrl::remixUrl(base, marker).toDisplayString();
        const qsizetype at = url.lastIndexOf(marker);
        if (at >= 0)
            url.replace(at, marker.size(), u"{id}"_s);
        setTextColour(m_urlPreview, palette().color(QPalette::WindowText));
        m_urlPreview->setText(
            withUrlLine(tr("Remix requests go to:",
                           "settings: the full request address follows on the next line, with {id} as a placeholder"),
                        url));
    }

    const bool insecure = base.isValid() && ApiUrl::isInsecureRemote(base);
    m_insecureWarning->setText(insecure ? tr("Warning: this address uses http, not https. Your API key would "
                                             "travel unencrypted. Use https:// if the service supports it.",
                                             "settings: warning under a plain-http service address")
                                        : QString());
    m_insecureWarning->setVisible(insecure);

    // Saving an address that cannot work would only fail later, far from here. An empty one is fine:
    // it means "not set up yet".
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(!invalid || m_settings->baseUrlFromEnvironment());
}

void SettingsDialog::updateKeyVisibility()
{
    const bool shown = m_showKeyButton->isChecked();
    m_apiKeyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_showKeyButton->setText(shown ? tr("Hide", "button: mask the API key again")
                                   : tr("Show", "button: reveal the API key"));
    m_showKeyButton->setToolTip(shown ? tr("Hide the API key", "tooltip") : tr("Show the API key", "tooltip"));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings", "settings dialog title"));
    m_intro->setText(tr("Video Remix sends your remix requests to an OpenAI-compatible video service. Enter the "
                        "service address (API base URL) and the API key your provider gave you. The address "
                        "usually ends in /v1, for example %1.",
                        "settings: intro shown on the first start")
                         .arg(ExampleBaseUrl));
    m_baseUrlLabel->setText(tr("Service &address:", "settings label: the API base URL"));
    m_baseUrlNote->setText(tr("Set by OPENAI_BASE_URL in the environment; change it there.",
                              "settings: the address field is read-only because of the environment variable"));
    m_apiKeyLabel->setText(tr("API &key:", "settings label"));
    m_apiKeyEdit->setPlaceholderText(tr("sk-…", "placeholder of the API key field"));
    m_apiKeyNote->setText(tr("Set by OPENAI_API_KEY in the environment; change it there.",
                             "settings: the key field is read-only because of the environment variable"));
    m_intervalLabel->setText(tr("Check progress &every:", "settings label: how often running jobs are polled"));
    m_intervalSpin->setSuffix(tr(" s", "unit after the poll interval, in seconds; keep the leading space if usual"));
    m_intervalSpin->setToolTip(
        tr("How often the app asks the service about running jobs.", "tooltip of the poll interval"));
    m_languageLabel->setText(tr("&Language:", "settings label: the language of the user interface"));
    updateUrlPreview();
    updateKeyVisibility();
}
