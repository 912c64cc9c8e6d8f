#include "settingsdialog.h"

#include "appcore.h"
#include "demo/demoservice.h"
#include "languagemanager.h"
#include "profileeditor.h"
#include "remixform.h"
#include "services/profilestore.h"
#include "settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString DemoId = QString::fromLatin1(ServiceProfile::DemoId);

AppCore *coreOf(Settings *settings)
{
    auto *core = qobject_cast<AppCore *>(settings ? settings->parent() : nullptr);
    Q_ASSERT_X(core, "SettingsDialog", "the Settings must belong to an AppCore");
    return core;
}
} // namespace

SettingsDialog::SettingsDialog(Settings *settings, QWidget *parent)
    : SettingsDialog(coreOf(settings), parent)
{}

SettingsDialog::SettingsDialog(AppCore *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_store(core->profileStore())
    , m_firstRun(!core->profileStore()->isServiceConfigured())
    , m_intro(new QLabel(this))
    , m_tryDemoButton(new QPushButton(this))
    , m_profilesLabel(new QLabel(this))
    , m_profileList(new QListWidget(this))
    , m_addButton(new QPushButton(this))
    , m_duplicateButton(new QPushButton(this))
    , m_renameButton(new QPushButton(this))
    , m_removeButton(new QPushButton(this))
    , m_useButton(new QPushButton(this))
    , m_editor(new ProfileEditor(core->profileStore(), core->apiClient(), this))
    , m_storageLabel(new QLabel(this))
    , m_storageCombo(new QComboBox(this))
    , m_storageNote(new QLabel(this))
    , m_languageLabel(new QLabel(this))
    , m_languageCombo(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"settingsDialog"_s);
    m_intro->setObjectName(u"introLabel"_s);
    m_tryDemoButton->setObjectName(u"tryDemoButton"_s);
    m_profileList->setObjectName(u"profileList"_s);
    m_addButton->setObjectName(u"addProfileButton"_s);
    m_duplicateButton->setObjectName(u"duplicateProfileButton"_s);
    m_renameButton->setObjectName(u"renameProfileButton"_s);
    m_removeButton->setObjectName(u"removeProfileButton"_s);
    m_useButton->setObjectName(u"useProfileButton"_s);
    m_storageCombo->setObjectName(u"keyStorageCombo"_s);
    m_storageNote->setObjectName(u"keyStorageNoteLabel"_s);
    m_languageCombo->setObjectName(u"languageCombo"_s);
    m_buttons->setObjectName(u"buttonBox"_s);

    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_storageNote->setWordWrap(true);
    m_storageNote->setTextFormat(Qt::PlainText);
    m_storageNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profilesLabel->setBuddy(m_profileList);
    m_storageLabel->setBuddy(m_storageCombo);
    m_languageLabel->setBuddy(m_languageCombo);
    // The newcomer's way in: big enough to be seen first.
    QFont demoFont = m_tryDemoButton->font();
    demoFont.setBold(true);
    demoFont.setPointSizeF(demoFont.pointSizeF() * 1.15);
    m_tryDemoButton->setFont(demoFont);
    m_tryDemoButton->setMinimumHeight(m_tryDemoButton->sizeHint().height() * 3 / 2);
    m_profileList->setMinimumWidth(fontMetrics().averageCharWidth() * 26);
    // Long names (the demo's) are cut with "…" and shown whole in the tooltip, not scrolled sideways.
    m_profileList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_profileList->setTextElideMode(Qt::ElideRight);
    m_profileList->setWordWrap(false);
    for (SecretStore::Kind kind : {SecretStore::Kind::Keychain, SecretStore::Kind::Session, SecretStore::Kind::File})
        m_storageCombo->addItem(QString(), int(kind));

    for (const QString &code : LanguageManager::availableLanguages())
        m_languageCombo->addItem(LanguageManager::nativeName(code), code);
    QString language = m_core->settings()->language();
    if (!LanguageManager::availableLanguages().contains(language))
        language = LanguageManager::languageForLocale(QLocale());
    m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(language)));

    auto *introRow = new QHBoxLayout;
    introRow->addWidget(m_intro, 1);
    introRow->addWidget(m_tryDemoButton, 0, Qt::AlignVCenter);

    auto *listButtons = new QGridLayout;
    listButtons->addWidget(m_addButton, 0, 0);
    listButtons->addWidget(m_duplicateButton, 0, 1);
    listButtons->addWidget(m_renameButton, 1, 0);
    listButtons->addWidget(m_removeButton, 1, 1);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_profilesLabel);
    listColumn->addWidget(m_profileList, 1);
    listColumn->addLayout(listButtons);
    listColumn->addWidget(m_useButton);

    auto *profilesRow = new QHBoxLayout;
    profilesRow->addLayout(listColumn, 0);
    profilesRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    profilesRow->addWidget(m_editor, 1);

    auto *bottom = new QFormLayout;
    bottom->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *storageField = new QVBoxLayout;
    auto *storageRow = new QHBoxLayout;
    storageRow->addWidget(m_storageCombo);
    storageRow->addStretch(1);
    storageField->addLayout(storageRow);
    storageField->addWidget(m_storageNote);
    bottom->addRow(m_storageLabel, storageField);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_languageCombo);
    languageRow->addStretch(1);
    bottom->addRow(m_languageLabel, languageRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(introRow);
    layout->addLayout(profilesRow, 1);
    layout->addLayout(bottom);
    layout->addWidget(m_buttons);
    m_intro->setVisible(m_firstRun);
    m_tryDemoButton->setVisible(m_firstRun);

    // No minimum size is set on the dialog itself: the layout then sets it from the content (the address
    // field is wide enough for the full remix URL), and the notes are never squeezed. Word-wrapped notes
    // report too small a height before the dialog has its width: start tall enough for the editor with
    // its notes, the proxy rows and a test result.
    resize(sizeHint().width() + fontMetrics().averageCharWidth() * 8,
           qMax(sizeHint().height(), fontMetrics().lineSpacing() * 36));

    connect(m_profileList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_profileList->item(row))
            selectProfile(item->data(Qt::UserRole).toString());
    });
    connect(m_editor, &ProfileEditor::edited, this, [this] {
        commitEditor();
        refreshList();
        updateButtons();
    });
    connect(m_addButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_duplicateButton, &QPushButton::clicked, this, &SettingsDialog::duplicateProfile);
    connect(m_renameButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_useButton, &QPushButton::clicked, this, &SettingsDialog::useProfile);
    connect(m_tryDemoButton, &QPushButton::clicked, this, &SettingsDialog::tryDemo);
    connect(m_storageCombo, &QComboBox::activated, this, &SettingsDialog::onStorageChosen);
    connect(m_store, &ProfileStore::storageChanged, this, [this] {
        updateStorageChoices();
        updateStorageNote();
        m_editor->updateKeyStorageNote();
    });
    // Opened before the keychain answered: show the key when it arrives, unless the user typed one.
    connect(m_store, &ProfileStore::secretsLoaded, this, [this](const QString &id) {
        commitEditor();
        bool changed = false;
        if (m_keys.value(id) == m_initialKeys.value(id) && m_keys.value(id) != m_store->key(id)) {
            m_keys.insert(id, m_store->key(id));
            m_initialKeys.insert(id, m_store->key(id));
            changed = true;
        }
        if (m_proxyPasswords.value(id) == m_initialProxyPasswords.value(id)
            && m_proxyPasswords.value(id) != m_store->proxyPassword(id)) {
            m_proxyPasswords.insert(id, m_store->proxyPassword(id));
            m_initialProxyPasswords.insert(id, m_store->proxyPassword(id));
            changed = true;
        }
        const ServiceProfile *profile = workingProfile(id);
        if (changed && profile && id == m_currentId)
            m_editor->setProfile(*profile, m_keys.value(id), m_proxyPasswords.value(id));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    loadWorkingCopy();
    retranslate();
    // Ask the store now: the note about a missing keychain must be true when the user looks at it.
    m_store->probeStore();
    m_editor->findChild<QLineEdit *>(u"baseUrlEdit"_s)->setFocus(Qt::OtherFocusReason);
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::selectedLanguage() const
{
    return m_languageCombo->currentData().toString();
}

void SettingsDialog::loadWorkingCopy()
{
    m_profiles = m_store->profiles();
    for (const ServiceProfile &profile : std::as_const(m_profiles)) {
        m_keys.insert(profile.id, m_store->key(profile.id));
        m_proxyPasswords.insert(profile.id, m_store->proxyPassword(profile.id));
    }
    m_initialKeys = m_keys;
    m_initialProxyPasswords = m_proxyPasswords;
    m_activeId = m_store->activeId();
    QString selected = m_activeId;
    const bool hasOwn = std::any_of(m_profiles.cbegin(), m_profiles.cend(),
                                    [](const ServiceProfile &profile) { return !profile.isDemo(); });
    if (!hasOwn) {
        // Nothing configured: a profile ready to be filled in, so the first start is "paste two things".
        // It is only kept if the user gives it an address.
        ServiceProfile first;
        first.id = QString::fromLatin1(ServiceProfile::DefaultId);
        first.name = tr("My service", "name of the first service profile, made on the first start");
        first.pollIntervalMs = ServiceProfile::DefaultPollIntervalMs;
        m_profiles.insert(0, first);
        m_newIds.insert(first.id);
        selected = first.id;
    }
    if (selected.isEmpty())
        selected = m_profiles.constFirst().id;
    const int storage = m_storageCombo->findData(int(m_store->storageKind()));
    m_storageCombo->setCurrentIndex(qMax(0, storage));
    refreshList();
    selectProfile(selected);
}

ServiceProfile *SettingsDialog::workingProfile(const QString &id)
{
    for (ServiceProfile &profile : m_profiles) {
        if (profile.id == id)
            return &profile;
    }
    return nullptr;
}

void SettingsDialog::commitEditor()
{
    ServiceProfile *profile = workingProfile(m_currentId);
    if (!profile || profile->isReadOnly())
        return;
    *profile = m_editor->profile();
    m_keys.insert(m_currentId, m_editor->key());
    m_proxyPasswords.insert(m_currentId, m_editor->proxyPassword());
}

void SettingsDialog::selectProfile(const QString &id)
{
    if (id == m_currentId && !id.isEmpty())
        return;
    const ServiceProfile *profile = workingProfile(id);
    if (!profile)
        return;
    commitEditor();
    m_currentId = id;
    m_editor->setProfile(*profile, m_keys.value(id), m_proxyPasswords.value(id));
    for (int row = 0; row < m_profileList->count(); ++row) {
        if (m_profileList->item(row)->data(Qt::UserRole).toString() == id) {
            const QSignalBlocker blocker(m_profileList);
            m_profileList->setCurrentRow(row);
        }
    }
    updateButtons();
}

void SettingsDialog::refreshList()
{
    const QSignalBlocker blocker(m_profileList);
    m_profileList->clear();
    for (const ServiceProfile &profile : std::as_const(m_profiles)) {
        QString text = profile.displayName();
        if (profile.isDemo())
            text = tr("[%1] %2", "profile list: %1 is the short Demo badge, %2 the demo's name")
                       .arg(DemoService::shortLabel(), text);
        if (profile.id == m_activeId)
            text = tr("%1 ✓", "profile list: the service new jobs go to is marked with a tick").arg(text);
        auto *item = new QListWidgetItem(text, m_profileList);
        item->setData(Qt::UserRole, profile.id);
        item->setToolTip(profile.isDemo() ? DemoService::description() : profile.apiBase().toDisplayString());
        if (profile.id == m_activeId) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        if (profile.id == m_currentId)
            m_profileList->setCurrentItem(item);
    }
}

void SettingsDialog::updateButtons()
{
    const ServiceProfile *current = workingProfile(m_currentId);
    const bool editable = current && !current->isReadOnly();
    m_duplicateButton->setEnabled(current && !current->isDemo());
    m_renameButton->setEnabled(editable);
    m_removeButton->setEnabled(editable);
    m_useButton->setEnabled(current && m_currentId != m_activeId);
    if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok))
        ok->setEnabled(m_editor->isAddressUsable());
}

void SettingsDialog::addProfile()
{
    commitEditor();
    ServiceProfile profile;
    profile.id = ServiceProfile::newId();
    profile.name = tr("New service", "name of a service profile just added");
    profile.pollIntervalMs = ServiceProfile::DefaultPollIntervalMs;
    m_profiles.insert(m_profiles.size() - 1, profile); // before the demo, which stays last
    m_newIds.insert(profile.id);
    refreshList();
    selectProfile(profile.id);
    renameProfile();
}

void SettingsDialog::duplicateProfile()
{
    commitEditor();
    const ServiceProfile *original = workingProfile(m_currentId);
    if (!original || original->isDemo())
        return;
    ServiceProfile copy = *original;
    copy.id = ServiceProfile::newId();
    copy.kind = ServiceProfile::Kind::Stored;
    copy.name = tr("%1 (copy)", "name of a duplicated service profile").arg(original->displayName());
    m_keys.insert(copy.id, m_keys.value(original->id));
    m_proxyPasswords.insert(copy.id, m_proxyPasswords.value(original->id));
    m_profiles.insert(m_profiles.size() - 1, copy);
    m_newIds.insert(copy.id);
    refreshList();
    selectProfile(copy.id);
}

void SettingsDialog::renameProfile()
{
    // The name is a field of the editor: renaming is typing there.
    if (auto *name = m_editor->findChild<QLineEdit *>(u"profileNameEdit"_s)) {
        name->setFocus(Qt::OtherFocusReason);
        name->selectAll();
    }
}

void SettingsDialog::removeProfile()
{
    const ServiceProfile *current = workingProfile(m_currentId);
    if (!current || current->isReadOnly())
        return;
    const QString id = m_currentId;
    if (!m_newIds.remove(id))
        m_removedIds.append(id);
    m_profiles.erase(std::remove_if(m_profiles.begin(), m_profiles.end(),
                                    [&id](const ServiceProfile &profile) { return profile.id == id; }),
                     m_profiles.end());
    if (m_activeId == id)
        m_activeId.clear(); // decided on save: the first remaining service with an address
    m_currentId.clear();
    refreshList();
    selectProfile(m_profiles.constFirst().id);
}

void SettingsDialog::useProfile()
{
    commitEditor();
    m_activeId = m_currentId;
    refreshList();
    updateButtons();
}

void SettingsDialog::tryDemo()
{
    commitEditor();
    m_activeId = DemoId;
    selectProfile(DemoId);
    save();
    accept();
}

void SettingsDialog::onStorageChosen(int index)
{
    const auto kind = SecretStore::Kind(m_storageCombo->itemData(index).toInt());
    const SecretStore::Kind before = m_chosenStorage.value_or(m_store->storageKind());
    if (kind == before)
        return;
    if (kind == SecretStore::Kind::File) {
        // The user decides with the facts in front of them: who can read the file, and where it is.
        QMessageBox box(QMessageBox::Warning, tr("Keep API keys in a file?", "title of the file storage warning"),
                        FileSecretStore::warningText(m_store->fileStorePath()), QMessageBox::NoButton, this);
        QPushButton *keep =
            box.addButton(tr("Keep keys in the file", "button: accept the file storage"), QMessageBox::AcceptRole);
        keep->setObjectName(u"keepKeysInFileButton"_s);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != keep) {
            m_storageCombo->setCurrentIndex(qMax(0, m_storageCombo->findData(int(before))));
            return;
        }
    }
    m_chosenStorage = kind;
    updateStorageNote();
    // The note under the key field says where this key will be kept, at once.
    m_editor->setChosenStorage(m_chosenStorage);
}

bool SettingsDialog::isKeychainUnavailable() const
{
    return m_store->storageKind() == SecretStore::Kind::Keychain && m_store->hasStoreProblem();
}

void SettingsDialog::updateStorageChoices()
{
    const bool unavailable = isKeychainUnavailable();
    if (auto *model = qobject_cast<QStandardItemModel *>(m_storageCombo->model())) {
        if (QStandardItem *keychain = model->item(m_storageCombo->findData(int(SecretStore::Kind::Keychain))))
            keychain->setEnabled(!unavailable);
    }
    const SecretStore::Kind shown =
        m_chosenStorage.value_or(unavailable ? SecretStore::Kind::Session : m_store->storageKind());
    const QSignalBlocker blocker(m_storageCombo);
    m_storageCombo->setCurrentIndex(qMax(0, m_storageCombo->findData(int(shown))));
}

void SettingsDialog::updateStorageNote()
{
    QStringList lines;
    const SecretStore::Kind kind = m_chosenStorage.value_or(m_store->storageKind());
    const bool unavailable = kind == SecretStore::Kind::Keychain && isKeychainUnavailable();
    if (unavailable) {
        // In words for a person: what it means for the key, what to do, and why it happens. The technical
        // reason is in the log.
        lines << tr("No system keychain is available on this computer, so keys are kept for this session only "
                    "and forgotten when you quit. To keep them, choose “File readable only by you”.",
                    "settings: note when the system keychain is unavailable");
        lines << tr("This happens when no password manager (such as GNOME Keyring or KWallet) runs in your "
                    "session, for example over a remote connection or in a container.",
                    "settings: why the system keychain can be unavailable");
    } else if (kind == SecretStore::Kind::Session) {
        lines << tr("Keys are forgotten when you quit; you will enter them again next time.",
                    "settings: note for the session-only key storage");
    } else if (kind == SecretStore::Kind::File) {
        lines << tr("Keys are kept in %1, readable only by your user account.",
                    "settings: note for the file key storage; %1 is the file path")
                     .arg(m_store->fileStorePath());
    }
    if (m_core->profileStore()->hasLegacyKey()) {
        lines << tr("The key saved by an earlier version is still in the plain settings file. It is removed from "
                    "there as soon as it is kept in the place chosen above.",
                    "settings: note while an old plain-text key waits to be moved");
    }
    m_storageNote->setText(lines.join(u'\n'));
    m_storageNote->setVisible(!lines.isEmpty());
    // A fact to act on, not an error: the text colour of a note.
    QPalette palette = m_storageNote->palette();
    palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    m_storageNote->setPalette(palette);
}

namespace {
// As the editor shows them: whole seconds within the spin box's range, proxy details only for a manual
// proxy. A stored value the editor cannot show exactly is no change the user made.
int editorSeconds(int ms)
{
    return qBound(ServiceProfile::MinPollIntervalMs / 1000, ms / 1000, ServiceProfile::MaxPollIntervalMs / 1000);
}

bool sameProfile(const ServiceProfile &a, const ServiceProfile &b)
{
    const bool sameProxy = a.proxy.isManual() || b.proxy.isManual() ? a.proxy == b.proxy : a.proxy.type == b.proxy.type;
    return a.name.trimmed() == b.name.trimmed() && a.address.trimmed() == b.address.trimmed()
           && editorSeconds(a.pollIntervalMs) == editorSeconds(b.pollIntervalMs) && sameProxy
           && a.remixRoute == b.remixRoute && a.prices == b.prices;
}
} // namespace

bool SettingsDialog::hasUnsavedChanges()
{
    commitEditor();
    if (!m_removedIds.isEmpty() || m_chosenStorage || m_activeId != m_store->activeId())
        return true;
    if (selectedLanguage() != m_core->settings()->language()
        && LanguageManager::availableLanguages().contains(m_core->settings()->language()))
        return true;
    for (const ServiceProfile &profile : std::as_const(m_profiles)) {
        if (profile.isReadOnly())
            continue;
        const bool keyTyped = m_keys.value(profile.id) != m_initialKeys.value(profile.id)
                              || m_proxyPasswords.value(profile.id) != m_initialProxyPasswords.value(profile.id);
        if (m_newIds.contains(profile.id)) {
            // The empty first-start profile is no change until something is typed into it.
            if (!profile.address.trimmed().isEmpty() || !m_keys.value(profile.id).isEmpty()
                || profile.id != QLatin1String(ServiceProfile::DefaultId) || !m_firstRun)
                return true;
            continue;
        }
        const std::optional<ServiceProfile> stored = m_store->profile(profile.id);
        if (!stored || !sameProfile(*stored, profile) || keyTyped)
            return true;
    }
    return false;
}

void SettingsDialog::reject()
{
    if (hasUnsavedChanges()) {
        QMessageBox box(QMessageBox::Question, tr("Discard Changes?", "settings: dialog title"),
                        tr("You changed the settings. Save the changes before closing?",
                           "settings: Cancel, Escape or close with unsaved changes"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setObjectName(u"discardChangesBox"_s);
        box.setInformativeText(
            tr("Discarding forgets the addresses and keys typed here.", "settings: what Discard loses"));
        box.button(QMessageBox::Save)->setText(tr("Save", "button: save the settings and close"));
        box.button(QMessageBox::Discard)->setText(tr("Discard", "button: close without saving"));
        box.button(QMessageBox::Cancel)->setText(tr("Keep Editing", "button: stay in the settings"));
        box.setDefaultButton(QMessageBox::Save);
        box.setEscapeButton(QMessageBox::Cancel);
        switch (box.exec()) {
        case QMessageBox::Save:
            if (QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok); ok && !ok->isEnabled())
                return; // an address that cannot be used: the user fixes it first
            save();
            accept();
            return;
        case QMessageBox::Discard:
            break;
        default:
            return;
        }
    }
    QDialog::reject();
}

void SettingsDialog::save()
{
    commitEditor();
    if (m_chosenStorage)
        m_store->setStorageKind(*m_chosenStorage);

    for (const QString &id : std::as_const(m_removedIds))
        m_store->removeProfile(id);
    m_removedIds.clear();
    for (const ServiceProfile &profile : std::as_const(m_profiles)) {
        if (profile.isReadOnly())
            continue;
        if (m_newIds.contains(profile.id)) {
            // The first-start profile is only kept once it has something in it.
            if (profile.address.isEmpty() && m_keys.value(profile.id).isEmpty()
                && profile.id == QLatin1String(ServiceProfile::DefaultId) && m_firstRun) {
                continue;
            }
            m_store->addProfile(profile);
            m_newIds.remove(profile.id);
        } else {
            m_store->updateProfile(profile);
        }
        // Only what was changed here is written: a key the keychain had not delivered yet when the dialog
        // opened must not be overwritten with the empty field.
        if (m_store->profile(profile.id)) {
            if (m_keys.value(profile.id) != m_initialKeys.value(profile.id) || !m_initialKeys.contains(profile.id))
                m_store->setKey(profile.id, m_keys.value(profile.id));
            if (m_proxyPasswords.value(profile.id) != m_initialProxyPasswords.value(profile.id)
                || !m_initialProxyPasswords.contains(profile.id))
                m_store->setProxyPassword(profile.id, m_proxyPasswords.value(profile.id));
        }
    }

    QString active = m_activeId;
    if (!m_store->profile(active)) {
        // No choice (first start, or the chosen one was removed): the first service with an address.
        active.clear();
        for (const ServiceProfile &profile : m_store->profiles()) {
            if (!profile.isDemo() && profile.apiBase().isValid()) {
                active = profile.id;
                break;
            }
        }
    }
    if (!active.isEmpty() && active != m_store->activeId())
        m_store->setActiveId(active);
    m_activeId = m_store->activeId();
    m_core->settings()->setLanguage(selectedLanguage());
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
    m_intro->setText(tr("Video Remix sends your remix requests to an OpenAI-compatible video service, usually a "
                        "relay. Enter the service address (API base URL) and the API key your provider gave you, "
                        "then press Test. The address usually ends in /v1, for example %1.",
                        "settings: intro shown on the first start")
                         // A word joiner after "//": the address is not broken after its scheme.
                         .arg(u"https://\u2060api.example.com/v1"_s));
    m_tryDemoButton->setText(
        tr("No service yet? Try the demo", "settings: first-start button that switches to the built-in demo"));
    m_tryDemoButton->setToolTip(DemoService::description());
    m_profilesLabel->setText(tr("&Services:", "settings: label above the list of service profiles"));
    // A list is not named by its label for screen readers: name it in words of its own.
    m_profileList->setAccessibleName(tr("Services", "accessible name of the list of service profiles"));
    m_addButton->setText(tr("&Add", "button: add a service profile"));
    m_duplicateButton->setText(tr("&Duplicate", "button: copy the selected service profile"));
    m_renameButton->setText(tr("Re&name", "button: rename the selected service profile"));
    m_removeButton->setText(tr("&Remove", "button: remove the selected service profile"));
    m_useButton->setText(tr("&Use for new jobs", "button: make the selected service the one new jobs go to"));
    m_useButton->setToolTip(
        tr("New jobs go to the service marked ✓. Jobs already sent stay with their own service.", "tooltip"));
    m_storageLabel->setText(tr("Keep API &keys in:", "settings label: where API keys are stored"));
    m_storageCombo->setItemText(0, tr("System keychain", "key storage choice"));
    m_storageCombo->setItemText(1, tr("This session only", "key storage choice: forgotten when the app quits"));
    m_storageCombo->setItemText(2, tr("File readable only by you", "key storage choice"));
    m_languageLabel->setText(tr("&Language:", "settings label: the language of the user interface"));
    refreshList();
    updateStorageChoices();
    updateStorageNote();
    updateButtons();
}
