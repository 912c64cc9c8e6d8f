#pragma once

#include "services/secretstore.h"
#include "services/serviceprofile.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

class AppCore;
class ProfileEditor;
class ProfileStore;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;
class Settings;

// The services (profiles) and the language. Left: the profile list (add, duplicate, rename, remove,
// "Use for new jobs"); right: the ProfileEditor of the selected one, with its Test button. Below: where
// API keys are kept (system keychain; where none answers, this session only or a file readable only by
// the user, after its warning) and the language. On the first start (nothing configured) an intro and
// a "Try the demo" button come first.
//
// Everything is edited on a copy: OK saves (save()), Cancel forgets.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppCore *core, QWidget *parent = nullptr);
    // For callers that only hold the core's Settings (the main window until it passes the core): the
    // Settings must be owned by an AppCore (AppCore makes itself their parent).
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // True when something typed or chosen here would be lost by Cancel (an address, a key, a profile,
    // the storage, the language).
    bool hasUnsavedChanges();
    // Cancel, Escape and the window's close button: with unsaved changes, asks first (Save / Discard /
    // Cancel; Return saves, Escape stays in the dialog).
    void reject() override;

    // Writes the profiles, keys, storage choice, active profile and language (called on OK).
    void save();

    // The language picked in the combo ("zh_CN" / "en"); the caller switches the UI to it, since
    // switching needs the LanguageManager, which the dialog does not know.
    QString selectedLanguage() const;

    // The profile shown in the editor, and the one new jobs will go to once saved.
    QString currentProfileId() const { return m_currentId; }
    QString activeProfileId() const { return m_activeId; }
    void selectProfile(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void loadWorkingCopy();
    void commitEditor();
    void refreshList();
    void updateButtons();
    void updateStorageNote();
    // The storage choice never shows the system keychain while it is unavailable: it is greyed out, and
    // the combo shows where keys really are (this session) until the user picks another place.
    void updateStorageChoices();
    bool isKeychainUnavailable() const;
    void onStorageChosen(int index);
    void addProfile();
    void duplicateProfile();
    void renameProfile();
    void removeProfile();
    void useProfile();
    void tryDemo();
    ServiceProfile *workingProfile(const QString &id);

    AppCore *m_core;
    ProfileStore *m_store;
    bool m_firstRun;

    // The working copy.
    QList<ServiceProfile> m_profiles;
    QHash<QString, QString> m_keys;
    QHash<QString, QString> m_proxyPasswords;
    QHash<QString, QString> m_initialKeys; // as the store had them when the dialog opened
    QHash<QString, QString> m_initialProxyPasswords;
    QSet<QString> m_newIds;
    QStringList m_removedIds;
    QString m_activeId;
    QString m_currentId;
    std::optional<SecretStore::Kind> m_chosenStorage;

    QLabel *m_intro;
    QPushButton *m_tryDemoButton;
    QLabel *m_profilesLabel;
    QListWidget *m_profileList;
    QPushButton *m_addButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_renameButton;
    QPushButton *m_removeButton;
    QPushButton *m_useButton;
    ProfileEditor *m_editor;
    QLabel *m_storageLabel;
    QComboBox *m_storageCombo;
    QLabel *m_storageNote;
    QLabel *m_languageLabel;
    QComboBox *m_languageCombo;
    QDialogButtonBox *m_buttons;
};
