#include "profileeditor.h"

#include "api/apiurl.h"
#include "demo/demoservice.h"
#include "remixform.h"
#include "services/profilestore.h"
#include "services/proxyfactory.h"
#include "services/secretstore.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// The example address in the placeholder and the preview. Not translated: it is an address.
const QString ExampleBaseUrl = u"https://api.example.com/v1"_s;

void setTextColour(QWidget *widget, const QColor &colour)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::WindowText, colour);
    widget->setPalette(palette);
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

QLineEdit *makeSecretEdit(QWidget *parent, const QString &objectName)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    // Secrets are pasted, never typed: no completion or spell-checking IME should see them.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}
} // namespace

ProfileEditor::ProfileEditor(ProfileStore *store, ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_tester(new ConnectionTester(client, this))
    , m_readOnlyNote(makeNote(this, u"readOnlyNoteLabel"_s))
    , m_nameLabel(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_baseUrlLabel(new QLabel(this))
    , m_baseUrlEdit(new QLineEdit(this))
    , m_urlPreview(makeNote(this, u"urlPreviewLabel"_s))
    , m_insecureWarning(makeNote(this, u"insecureWarningLabel"_s))
    , m_baseUrlNote(makeNote(this, u"baseUrlNoteLabel"_s))
    , m_apiKeyLabel(new QLabel(this))
    , m_apiKeyEdit(makeSecretEdit(this, u"apiKeyEdit"_s))
    , m_showKeyButton(new QToolButton(this))
    , m_apiKeyNote(makeNote(this, u"apiKeyNoteLabel"_s))
    , m_keyStorageNote(makeNote(this, u"keyStorageLabel"_s))
    , m_intervalLabel(new QLabel(this))
    , m_intervalSpin(new QSpinBox(this))
    , m_proxyLabel(new QLabel(this))
    , m_proxyTypeCombo(new QComboBox(this))
    , m_proxyHostLabel(new QLabel(this))
    , m_proxyHostEdit(new QLineEdit(this))
    , m_proxyPortSpin(new QSpinBox(this))
    , m_proxyUserLabel(new QLabel(this))
    , m_proxyUserEdit(new QLineEdit(this))
    , m_proxyPasswordEdit(makeSecretEdit(this, u"proxyPasswordEdit"_s))
    , m_testButton(new QPushButton(this))
    , m_cancelTestButton(new QPushButton(this))
    , m_testBusy(new QProgressBar(this))
    , m_testTitle(makeNote(this, u"testResultTitle"_s))
    , m_testMessage(makeNote(this, u"testResultMessage"_s))
    , m_testDetail(new QPlainTextEdit(this))
{
    m_nameEdit->setObjectName(u"profileNameEdit"_s);
    m_baseUrlEdit->setObjectName(u"baseUrlEdit"_s);
    m_showKeyButton->setObjectName(u"showKeyButton"_s);
    m_intervalSpin->setObjectName(u"pollIntervalSpin"_s);
    m_proxyTypeCombo->setObjectName(u"proxyTypeCombo"_s);
    m_proxyHostEdit->setObjectName(u"proxyHostEdit"_s);
    m_proxyPortSpin->setObjectName(u"proxyPortSpin"_s);
    m_proxyUserEdit->setObjectName(u"proxyUserEdit"_s);
    m_testButton->setObjectName(u"testButton"_s);
    m_cancelTestButton->setObjectName(u"cancelTestButton"_s);
    m_testBusy->setObjectName(u"testBusyIndicator"_s);
    m_testDetail->setObjectName(u"testResultDetail"_s);

    m_nameLabel->setBuddy(m_nameEdit);
    m_baseUrlLabel->setBuddy(m_baseUrlEdit);
    m_apiKeyLabel->setBuddy(m_apiKeyEdit);
    m_intervalLabel->setBuddy(m_intervalSpin);
    m_proxyLabel->setBuddy(m_proxyTypeCombo);
    m_proxyHostLabel->setBuddy(m_proxyHostEdit);
    m_proxyUserLabel->setBuddy(m_proxyUserEdit);
    m_urlPreview->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // The preview takes the field's width, whatever the address: a long one is shortened to fit (see
    // renderUrlPreview()), never cut at the edge or widening the dialog.
    m_urlPreview->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_urlPreview->installEventFilter(this);
    setTextColour(m_insecureWarning, RemixForm::errorColour(palette()));
    setTextColour(m_keyStorageNote, palette().color(QPalette::PlaceholderText));
    m_baseUrlEdit->setPlaceholderText(ExampleBaseUrl);
    // The exact remix URL of a typical address fits on its line under the field; from the font, so it
    // scales with DPI and with the CJK font.
    m_baseUrlEdit->setMinimumWidth(fontMetrics().horizontalAdvance(ExampleBaseUrl + u"/videos/{id}/remix"_s)
                                   + 2 * fontMetrics().averageCharWidth());
    m_baseUrlEdit->setClearButtonEnabled(true);
    m_showKeyButton->setCheckable(true);
    m_showKeyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_intervalSpin->setRange(ServiceProfile::MinPollIntervalMs / 1000, ServiceProfile::MaxPollIntervalMs / 1000);
    for (ProxySettings::Type type : {ProxySettings::Type::System, ProxySettings::Type::None, ProxySettings::Type::Http,
                                     ProxySettings::Type::Socks5})
        m_proxyTypeCombo->addItem(QString(), int(type));
    m_proxyPortSpin->setRange(1, 65535);
    m_proxyPortSpin->setValue(1080);
    m_proxyHostEdit->setPlaceholderText(u"127.0.0.1"_s);
    m_testBusy->setRange(0, 0); // busy: the test has no measurable progress
    m_testBusy->setTextVisible(false);
    m_testBusy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_testDetail->setReadOnly(true);
    m_testDetail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_testDetail->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_testDetail->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_testMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_testTitle->font();
    titleFont.setBold(true);
    m_testTitle->setFont(titleFont);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_nameLabel, m_nameEdit);
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
    keyField->addWidget(m_keyStorageNote);
    form->addRow(m_apiKeyLabel, keyField);
    auto *intervalRow = new QHBoxLayout;
    intervalRow->addWidget(m_intervalSpin);
    intervalRow->addStretch(1);
    form->addRow(m_intervalLabel, intervalRow);
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxyTypeCombo);
    proxyRow->addStretch(1);
    form->addRow(m_proxyLabel, proxyRow);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_proxyHostEdit, 1);
    hostRow->addWidget(m_proxyPortSpin);
    form->addRow(m_proxyHostLabel, hostRow);
    auto *userRow = new QHBoxLayout;
    userRow->addWidget(m_proxyUserEdit, 1);
    userRow->addWidget(m_proxyPasswordEdit, 1);
    form->addRow(m_proxyUserLabel, userRow);
    m_priceLabel = new QLabel(this);
    m_currencyEdit = new QLineEdit(this);
    m_currencyEdit->setObjectName(u"priceCurrencyEdit"_s);
    m_currencyEdit->setMaxLength(8);
    m_currencyEdit->setMaximumWidth(fontMetrics().horizontalAdvance(u"USD"_s) * 2 + 2 * fontMetrics().height());
    m_pricesEdit = new QLineEdit(this);
    m_pricesEdit->setObjectName(u"pricesEdit"_s);
    m_pricesEdit->setPlaceholderText(u"sora-2 = 0.10, sora-2-pro = 0.50"_s);
    m_pricesNote = makeNote(this, u"pricesNoteLabel"_s);
    m_priceLabel->setBuddy(m_pricesEdit);
    auto *priceRow = new QHBoxLayout;
    priceRow->addWidget(m_currencyEdit);
    priceRow->addWidget(m_pricesEdit, 1);
    auto *priceField = new QVBoxLayout;
    priceField->addLayout(priceRow);
    priceField->addWidget(m_pricesNote);
    form->addRow(m_priceLabel, priceField);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_cancelTestButton);
    testRow->addWidget(m_testBusy, 1);
    testRow->addStretch(0);

    // The test's verdict gets its room from the start: when it appears (or goes on the next edit), nothing
    // below it moves, and the dialog does not grow under the pointer.
    auto *resultBox = new QWidget(this);
    resultBox->setObjectName(u"testResultBox"_s);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_testTitle);
    resultLayout->addWidget(m_testMessage);
    resultLayout->addWidget(m_testDetail);
    resultLayout->addStretch(1);
    const int line = fontMetrics().lineSpacing();
    resultBox->setMinimumHeight(4 * line + m_testDetail->maximumHeight() + 3 * resultLayout->spacing());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_readOnlyNote);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(resultBox);
    layout->addStretch(1);

    const auto changed = [this] {
        clearTestResult();
        emit edited();
    };
    connect(m_nameEdit, &QLineEdit::textEdited, this, &ProfileEditor::edited);
    connect(m_baseUrlEdit, &QLineEdit::textChanged, this, [this, changed] {
        protectKeyFromOtherHost();
        updateUrlPreview();
        changed();
    });
    connect(m_apiKeyEdit, &QLineEdit::textEdited, this, changed);
    connect(m_showKeyButton, &QToolButton::toggled, this, &ProfileEditor::updateKeyVisibility);
    connect(m_proxyTypeCombo, &QComboBox::currentIndexChanged, this, [this, changed] {
        updateProxyFields();
        changed();
    });
    for (QLineEdit *edit : {m_proxyHostEdit, m_proxyUserEdit, m_proxyPasswordEdit})
        connect(edit, &QLineEdit::textEdited, this, changed);
    connect(m_proxyPortSpin, &QSpinBox::valueChanged, this, changed);
    for (QLineEdit *edit : {m_currencyEdit, m_pricesEdit}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            updatePricesNote();
            emit edited(); // a price is no reason to test the connection again
        });
    }
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditor::startTest);
    connect(m_cancelTestButton, &QPushButton::clicked, this, &ProfileEditor::cancelTest);
    connect(m_tester, &ConnectionTester::finished, this, [this](const ConnectionTestResult &result) {
        m_store->proxyRoutes()->clearOverride();
        setTestRunning(false);
        m_result = result;
        if (result.remixRouteChecked && !m_profile.isReadOnly()) {
            // The profile remembers where this service takes remixes (saved with OK).
            const RemixRoute before = currentRemixRoute();
            m_remixRoute = result.remixRoute;
            m_remixRouteBase = m_testedBase;
            updateUrlPreview();
            if (currentRemixRoute() != before)
                emit edited();
        }
        showTestResult();
    });

    setTestRunning(false);
    clearTestResult();
    retranslate();
}

ProfileEditor::~ProfileEditor()
{
    if (m_tester->isRunning())
        m_store->proxyRoutes()->clearOverride();
}

void ProfileEditor::setProfile(const ServiceProfile &profile, const QString &key, const QString &proxyPassword)
{
    cancelTest();
    clearTestResult();
    m_profile = profile;
    m_remixRoute = profile.remixRoute;
    m_remixRouteBase = profile.apiBase();
    m_nameEdit->setText(profile.isReadOnly() ? profile.displayName() : profile.name);
    {
        // Loading is not editing: no edited() for the fields set here.
        const QSignalBlocker blocker(m_baseUrlEdit);
        m_baseUrlEdit->setText(profile.kind == ServiceProfile::Kind::Demo ? profile.apiBase().toString()
                                                                          : profile.address);
    }
    m_apiKeyEdit->setText(key);
    m_loadedKey = key;
    m_loadedOrigin = ServiceProfile::originOf(ApiUrl::normalizeBase(m_baseUrlEdit->text()));
    m_keyWithheld = false;
    m_showKeyButton->setChecked(false);
    m_intervalSpin->setValue(profile.pollIntervalMs / 1000);
    {
        const QSignalBlocker blocker(m_proxyTypeCombo);
        m_proxyTypeCombo->setCurrentIndex(qMax(0, m_proxyTypeCombo->findData(int(profile.proxy.type))));
    }
    m_proxyHostEdit->setText(profile.proxy.host);
    if (profile.proxy.port != 0)
        m_proxyPortSpin->setValue(profile.proxy.port);
    m_proxyUserEdit->setText(profile.proxy.user);
    m_proxyPasswordEdit->setText(proxyPassword);
    m_currencyEdit->setText(profile.prices.currency);
    m_pricesEdit->setText(profile.prices.toText());
    updatePricesNote();
    updateReadOnly();
    updateProxyFields();
    updateUrlPreview();
    updateKeyVisibility();
    updateKeyStorageNote();
    retranslate();
}

void ProfileEditor::protectKeyFromOtherHost()
{
    if (m_loadedKey.isEmpty() || m_loadedOrigin.isEmpty())
        return;
    const QString origin = ServiceProfile::originOf(ApiUrl::normalizeBase(m_baseUrlEdit->text()));
    const bool otherHost = !origin.isEmpty() && origin != m_loadedOrigin;
    if (otherHost && !m_keyWithheld && m_apiKeyEdit->text() == m_loadedKey) {
        // The saved key was given for the old host: a Test or OK must not send it to a new one
        // (a typo, or a look-alike relay). The user types the key meant for this address.
        m_apiKeyEdit->clear();
        m_keyWithheld = true;
        updateKeyPlaceholder();
    } else if (!otherHost && m_keyWithheld && m_apiKeyEdit->text().isEmpty()) {
        // Back to the original host: its key comes back.
        m_apiKeyEdit->setText(m_loadedKey);
        m_keyWithheld = false;
        updateKeyPlaceholder();
    }
}

void ProfileEditor::updateKeyPlaceholder()
{
    m_apiKeyEdit->setPlaceholderText(
        m_keyWithheld ? tr("The saved key belongs to %1; enter the key for this address",
                           "key field placeholder after the address was changed to another host; %1 is the old host")
                            .arg(QUrl(m_loadedOrigin).host())
                      : tr("sk-…", "placeholder of the API key field"));
}

ServiceProfile ProfileEditor::profile() const
{
    ServiceProfile edited = m_profile;
    if (m_profile.isReadOnly())
        return edited;
    edited.name = m_nameEdit->text().trimmed();
    edited.address = m_baseUrlEdit->text().trimmed();
    edited.pollIntervalMs = m_intervalSpin->value() * 1000;
    edited.proxy.type = ProxySettings::Type(m_proxyTypeCombo->currentData().toInt());
    edited.proxy.host = m_proxyHostEdit->text().trimmed();
    edited.proxy.port = quint16(m_proxyPortSpin->value());
    edited.proxy.user = m_proxyUserEdit->text();
    edited.remixRoute = currentRemixRoute();
    edited.prices = PriceList::fromText(m_pricesEdit->text(), m_currencyEdit->text());
    if (!edited.proxy.isManual()) {
        edited.proxy.host.clear();
        edited.proxy.port = 0;
        edited.proxy.user.clear();
    }
    return edited;
}

void ProfileEditor::updatePricesNote()
{
    QStringList bad;
    PriceList::fromText(m_pricesEdit->text(), m_currencyEdit->text(), &bad);
    if (!bad.isEmpty()) {
        setTextColour(m_pricesNote, RemixForm::errorColour(palette()));
        m_pricesNote->setText(tr("Not understood: %1. Write a model, “=” and the price per second, e.g. "
                                 "sora-2 = 0.10.",
                                 "settings: under the price field; %1 lists what could not be read")
                                  .arg(bad.join(u", "_s)));
        return;
    }
    setTextColour(m_pricesNote, palette().color(QPalette::PlaceholderText));
    m_pricesNote->setText(tr("Optional: the price per second of video for each model, from your provider's "
                             "price list (* for any other model), and its currency. Without a price, costs "
                             "stay unknown.",
                             "settings: under the price field"));
}

RemixRoute ProfileEditor::currentRemixRoute() const
{
    const QUrl base = ApiUrl::normalizeBase(m_baseUrlEdit->text().trimmed());
    return base.isValid() && base == m_remixRouteBase ? m_remixRoute : RemixRoute::Standard;
}

QString ProfileEditor::key() const
{
    return m_apiKeyEdit->text().trimmed();
}

QString ProfileEditor::proxyPassword() const
{
    return profile().proxy.isManual() ? m_proxyPasswordEdit->text() : QString();
}

bool ProfileEditor::isAddressUsable() const
{
    const QString text = m_baseUrlEdit->text().trimmed();
    return m_profile.isReadOnly() || text.isEmpty() || ApiUrl::normalizeBase(text).isValid();
}

void ProfileEditor::updateReadOnly()
{
    const bool readOnly = m_profile.isReadOnly();
    const bool demo = m_profile.isDemo();
    for (QLineEdit *edit : {m_nameEdit, m_baseUrlEdit, m_apiKeyEdit, m_proxyHostEdit, m_proxyUserEdit,
                            m_proxyPasswordEdit, m_currencyEdit, m_pricesEdit}) {
        edit->setReadOnly(readOnly);
    }
    m_baseUrlEdit->setClearButtonEnabled(!readOnly);
    m_intervalSpin->setEnabled(!readOnly);
    m_proxyTypeCombo->setEnabled(!readOnly);
    m_proxyPortSpin->setEnabled(!readOnly);
    // The demo has no key and no proxy: hide what cannot mean anything for it.
    for (QWidget *widget : std::initializer_list<QWidget *>{m_apiKeyLabel, m_apiKeyEdit, m_showKeyButton, m_proxyLabel,
                                                            m_proxyTypeCombo, m_keyStorageNote})
        widget->setVisible(!demo);
    m_readOnlyNote->setVisible(readOnly);
    const bool environment = m_profile.kind == ServiceProfile::Kind::Environment;
    m_baseUrlNote->setVisible(environment);
    m_apiKeyNote->setVisible(environment);
}

void ProfileEditor::updateProxyFields()
{
    ProxySettings chosen;
    chosen.type = ProxySettings::Type(m_proxyTypeCombo->currentData().toInt());
    const bool manual = !m_profile.isDemo() && chosen.isManual();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_proxyHostLabel, m_proxyHostEdit, m_proxyPortSpin,
                                                            m_proxyUserLabel, m_proxyUserEdit, m_proxyPasswordEdit})
        widget->setVisible(manual);
}

void ProfileEditor::updateUrlPreview()
{
    const QString text = m_baseUrlEdit->text().trimmed();
    const QUrl base = ApiUrl::normalizeBase(text);
    const bool invalid = !text.isEmpty() && !base.isValid();

    if (m_profile.isDemo() && text.isEmpty()) {
        setTextColour(m_urlPreview, palette().color(QPalette::PlaceholderText));
        setUrlPreview(tr("The demo runs inside Video Remix and starts when you use it.",
                         "settings: the demo service is not running yet, so it has no address"),
                      QString());
    } else if (text.isEmpty()) {
        setTextColour(m_urlPreview, palette().color(QPalette::PlaceholderText));
        setUrlPreview(
            tr("Enter the address your provider gave you, for example:",
               "settings: shown while the service address is empty; an example address follows on the next line"),
            ExampleBaseUrl);
    } else if (invalid) {
        setTextColour(m_urlPreview, RemixForm::errorColour(palette()));
        setUrlPreview(tr("This is not a usable web address. It should look like this:",
                         "settings: the service address cannot be used; an example address follows on the next line"),
                      ExampleBaseUrl);
    } else {
        // Build the URL with a marker id and show "{id}" in its place: the exact address a remix goes to,
        // with the same normalisation the app uses (a /v1 added or kept, a pasted endpoint trimmed).
        const QString marker = u"VIDEOREMIXIDMARKER"_s;
        QString url = currentRemixRoute() == RemixRoute::VideoIdInBody
                          ? ApiUrl::remixByBodyUrl(base).toDisplayString()
                          : ApiUrl::remixUrl(base, marker).toDisplayString();
        const qsizetype at = url.lastIndexOf(marker);
        if (at >= 0)
            url.replace(at, marker.size(), u"{id}"_s);
        setTextColour(m_urlPreview, palette().color(QPalette::WindowText));
        setUrlPreview(tr("Remix requests go to:",
                         "settings: the full request address follows on the next line, with {id} as a placeholder"),
                      url);
    }

    const bool insecure = base.isValid() && ApiUrl::isInsecureRemote(base);
    m_insecureWarning->setText(insecure ? tr("Warning: this address uses http, not https. Your API key would "
                                             "travel unencrypted. Use https:// if the service supports it.",
                                             "settings: warning under a plain-http service address")
                                        : QString());
    m_insecureWarning->setVisible(insecure);
    m_testButton->setEnabled(!m_tester->isRunning() && base.isValid());
}

void ProfileEditor::setUrlPreview(const QString &sentence, const QString &url)
{
    m_previewSentence = sentence;
    m_previewUrl = url;
    renderUrlPreview();
}

void ProfileEditor::renderUrlPreview()
{
    if (m_previewUrl.isEmpty()) {
        m_urlPreview->setText(m_previewSentence);
        m_urlPreview->setToolTip(QString());
        return;
    }
    // An address does not wrap (it has no spaces): one that is wider than the line is shortened in the
    // middle, where the host and the "/videos/{id}/remix" end stay readable; the tooltip has all of it.
    const int width = m_urlPreview->contentsRect().width();
    const QString shown =
        width > 0 ? m_urlPreview->fontMetrics().elidedText(m_previewUrl, Qt::ElideMiddle, width) : m_previewUrl;
    m_urlPreview->setText(withUrlLine(m_previewSentence, shown));
    m_urlPreview->setToolTip(shown == m_previewUrl ? QString() : m_previewUrl);
}

bool ProfileEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_urlPreview && event->type() == QEvent::Resize)
        renderUrlPreview();
    return QWidget::eventFilter(watched, event);
}

void ProfileEditor::updateKeyVisibility()
{
    const bool shown = m_showKeyButton->isChecked();
    m_apiKeyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_showKeyButton->setText(shown ? tr("Hide", "button: mask the API key again")
                                   : tr("Show", "button: reveal the API key"));
    m_showKeyButton->setToolTip(shown ? tr("Hide the API key", "tooltip") : tr("Show the API key", "tooltip"));
}

void ProfileEditor::updateKeyStorageNote()
{
    if (m_profile.kind == ServiceProfile::Kind::Environment) {
        m_keyStorageNote->clear();
        m_keyStorageNote->hide();
        return;
    }
    QString text;
    const SecretStore::Kind kind = m_chosenStorage.value_or(m_store->storageKind());
    if (kind == SecretStore::Kind::Keychain && m_store->hasStoreProblem()) {
        text = tr("Kept for this session only: no system keychain is available. Choose below where to keep keys.",
                  "settings: under the API key field when the key cannot be saved in the keychain");
    } else {
        switch (kind) {
        case SecretStore::Kind::Keychain:
            text = tr("Stored in: System keychain", "settings: under the API key field");
            break;
        case SecretStore::Kind::Session:
            text = tr("Stored in: This session only (forgotten when you quit)", "settings: under the API key field");
            break;
        case SecretStore::Kind::File:
            text = tr("Stored in: File readable only by you", "settings: under the API key field");
            break;
        }
    }
    m_keyStorageNote->setText(text);
    m_keyStorageNote->setVisible(!m_profile.isDemo());
}

void ProfileEditor::setChosenStorage(std::optional<SecretStore::Kind> kind)
{
    m_chosenStorage = kind;
    updateKeyStorageNote();
}

void ProfileEditor::startTest()
{
    if (m_tester->isRunning())
        return;
    clearTestResult();
    const ServiceProfile edited = profile();
    const QUrl base = edited.apiBase();
    // The test goes through the proxy typed here, saved or not: it must test what OK would keep.
    if (base.isValid())
        m_store->proxyRoutes()->setOverride(base, ProxyRoutes::routeFor(edited.proxy, proxyPassword()));
    setTestRunning(true);
    m_testedBase = base;
    m_tester->start(m_profile.isDemo() ? base.toString() : edited.address, key());
}

void ProfileEditor::cancelTest()
{
    if (!m_tester->isRunning())
        return;
    m_tester->cancel();
    m_store->proxyRoutes()->clearOverride();
    setTestRunning(false);
}

void ProfileEditor::setTestRunning(bool running)
{
    m_testBusy->setVisible(running);
    m_cancelTestButton->setVisible(running);
    m_testButton->setEnabled(!running && ApiUrl::normalizeBase(m_baseUrlEdit->text().trimmed()).isValid());
}

void ProfileEditor::clearTestResult()
{
    m_result.reset();
    m_testTitle->clear();
    m_testTitle->hide();
    m_testMessage->clear();
    m_testMessage->hide();
    m_testDetail->clear();
    m_testDetail->hide();
}

void ProfileEditor::showTestResult()
{
    if (!m_result)
        return;
    const ConnectionTestResult &result = *m_result;
    m_testTitle->setText(result.works() ? u"✓ "_s + result.title() : result.title());
    setTextColour(m_testTitle,
                  result.works() ? palette().color(QPalette::WindowText) : RemixForm::errorColour(palette()));
    m_testMessage->setText(result.message());
    QStringList detail;
    // The URL goes first unless the detail line already names it.
    if (!result.triedUrl.isEmpty() && !result.detail.contains(result.triedUrl.toString())) {
        detail << tr("Tried: %1", "settings: connection test detail; %1 is the URL that was requested")
                      .arg(result.triedUrl.toDisplayString());
    }
    if (!result.detail.isEmpty() && result.unknownIdAnswered) {
        // The status code beside "Connected" would read as an error: it is the answer the test wanted.
        detail << tr("Expected answer (no such test video): %1",
                     "settings: connection test detail when the service said 'not found' for the made-up test "
                     "video; %1 is the technical answer")
                      .arg(result.detail);
    } else if (!result.detail.isEmpty()) {
        detail << result.detail;
    }
    m_testDetail->setPlainText(detail.join(u'\n'));
    m_testTitle->show();
    m_testMessage->show();
    m_testDetail->setVisible(!detail.isEmpty());
}

void ProfileEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProfileEditor::retranslate()
{
    m_nameLabel->setText(tr("&Name:", "settings label: the name of a service profile"));
    m_nameEdit->setPlaceholderText(tr("My relay", "placeholder of the service profile name"));
    if (m_profile.isReadOnly())
        m_nameEdit->setText(m_profile.displayName());
    m_baseUrlLabel->setText(tr("Service &address:", "settings label: the API base URL"));
    m_baseUrlNote->setText(tr("Set by OPENAI_BASE_URL in the environment; change it there.",
                              "settings: the address field is read-only because of the environment variable"));
    m_apiKeyLabel->setText(tr("API &key:", "settings label"));
    updateKeyPlaceholder();
    m_apiKeyNote->setText(tr("Set by OPENAI_API_KEY in the environment; change it there.",
                             "settings: the key field is read-only because of the environment variable"));
    m_intervalLabel->setText(tr("Check progress &every:", "settings label: how often running jobs are polled"));
    m_intervalSpin->setSuffix(tr(" s", "unit after the poll interval, in seconds; keep the leading space if usual"));
    m_intervalSpin->setToolTip(
        tr("How often the app asks the service about running jobs.", "tooltip of the poll interval"));
    m_proxyLabel->setText(tr("&Proxy:", "settings label: how to reach the service"));
    m_proxyTypeCombo->setItemText(0, tr("Use the system's proxy settings", "proxy choice"));
    m_proxyTypeCombo->setItemText(1, tr("No proxy (connect directly)", "proxy choice"));
    m_proxyTypeCombo->setItemText(2, tr("HTTP proxy", "proxy choice"));
    m_proxyTypeCombo->setItemText(3, tr("SOCKS5 proxy", "proxy choice"));
    m_proxyHostLabel->setText(tr("Proxy &host and port:", "settings label"));
    m_proxyUserLabel->setText(tr("Proxy &user and password:", "settings label; both are optional"));
    m_proxyUserEdit->setPlaceholderText(tr("optional", "placeholder: the proxy user name may stay empty"));
    m_proxyPasswordEdit->setPlaceholderText(tr("password (optional)", "placeholder of the proxy password field"));
    m_priceLabel->setText(tr("Pr&ice:", "settings label: what the service charges per second of video"));
    m_currencyEdit->setPlaceholderText(tr("$", "placeholder of the currency field beside the price; a currency "
                                               "symbol or code usual in the language"));
    m_currencyEdit->setAccessibleName(tr("Currency", "accessible name of the currency field beside the price"));
    m_currencyEdit->setToolTip(tr("Currency, as you want it shown: $, ¥, USD, 元 …", "tooltip of the currency field"));
    updatePricesNote();
    m_testButton->setText(tr("&Test", "button: test the connection to the service with these settings"));
    m_testButton->setToolTip(tr("Asks the service's video API with this address and key, without creating a job.",
                                "tooltip of the Test button"));
    m_cancelTestButton->setText(tr("Cancel", "button: stop the running connection test"));
    if (m_profile.isDemo())
        m_readOnlyNote->setText(DemoService::description());
    else if (m_profile.kind == ServiceProfile::Kind::Environment)
        m_readOnlyNote->setText(tr("This service comes from the environment variables OPENAI_BASE_URL and "
                                   "OPENAI_API_KEY and cannot be changed here.",
                                   "settings: note above the read-only environment profile"));
    updateUrlPreview();
    updateKeyVisibility();
    updateKeyStorageNote();
    showTestResult();
}
