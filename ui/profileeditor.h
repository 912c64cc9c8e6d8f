#pragma once

#include "services/connectiontester.h"
#include "services/secretstore.h"
#include "services/serviceprofile.h"

#include <QWidget>

class ApiClient;
class ProfileStore;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;

// Edits one service profile: name, address (with the exact remix URL shown live and a warning for
// plain http to another machine), key (masked, with a show toggle and where it is kept), poll interval,
// proxy, and a Test button that runs ConnectionTester on what is typed, proxy included. The built-in
// profiles (demo, environment) are shown read-only. Nothing is saved here: the dialog reads the fields
// back (profile(), key(), proxyPassword()) when the user presses OK.
class ProfileEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditor)

public:
    ProfileEditor(ProfileStore *store, ApiClient *client, QWidget *parent = nullptr);
    ~ProfileEditor() override;

    void setProfile(const ServiceProfile &profile, const QString &key, const QString &proxyPassword);
    ServiceProfile profile() const;
    QString key() const;
    QString proxyPassword() const;
    // False when the typed address is not empty but cannot be used.
    bool isAddressUsable() const;

    // Refreshes "where the key is kept" (the storage can change while the dialog is open).
    void updateKeyStorageNote();
    // The place the user chose in the dialog and has not saved yet (nullopt: the store's own).
    void setChosenStorage(std::optional<SecretStore::Kind> kind);

signals:
    // Any field changed (name, address, ...): the dialog refreshes its list and its OK button.
    void edited();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void protectKeyFromOtherHost();
    void updateKeyPlaceholder();
    void updateUrlPreview();
    void setUrlPreview(const QString &sentence, const QString &url);
    void renderUrlPreview();
    void updateKeyVisibility();
    void updateProxyFields();
    void updateReadOnly();
    void startTest();
    void cancelTest();
    void showTestResult();
    void setTestRunning(bool running);
    void clearTestResult();

    ProfileStore *m_store;
    ConnectionTester *m_tester;
    ServiceProfile m_profile;
    std::optional<ConnectionTestResult> m_result;
    std::optional<SecretStore::Kind> m_chosenStorage;

    QLabel *m_readOnlyNote;
    QLabel *m_nameLabel;
    QLineEdit *m_nameEdit;
    QLabel *m_baseUrlLabel;
    QLineEdit *m_baseUrlEdit;
    QLabel *m_urlPreview;
    QLabel *m_insecureWarning;
    QLabel *m_baseUrlNote;
    QLabel *m_apiKeyLabel;
    QLineEdit *m_apiKeyEdit;
    QToolButton *m_showKeyButton;
    QLabel *m_apiKeyNote;
    QLabel *m_keyStorageNote;
    QLabel *m_intervalLabel;
    QSpinBox *m_intervalSpin;
    QLabel *m_proxyLabel;
    QComboBox *m_proxyTypeCombo;
    QLabel *m_proxyHostLabel;
    QLineEdit *m_proxyHostEdit;
    QSpinBox *m_proxyPortSpin;
    QLabel *m_proxyUserLabel;
    QLineEdit *m_proxyUserEdit;
    QLineEdit *m_proxyPasswordEdit;
    QPushButton *m_testButton;
    QPushButton *m_cancelTestButton;
    QProgressBar *m_testBusy;
    QLabel *m_testTitle;
    QLabel *m_testMessage;
    QPlainTextEdit *m_testDetail;
    QString m_previewSentence; // the preview's sentence and address, kept whole for eliding
    QString m_previewUrl;
    QString m_loadedKey;        // the key the profile had when loaded into the editor
    QString m_loadedOrigin;     // scheme://host:port it was given for
    bool m_keyWithheld = false; // cleared because the address now points to another host
    // Where remixes go (what the last Test found, or what the profile had), for the address it was found at:
    // another address goes back to the standard route until it is tested.
    RemixRoute m_remixRoute = RemixRoute::Standard;
    QUrl m_remixRouteBase;
    QUrl m_testedBase;
    // The route the typed address has, as profile() will return it.
    RemixRoute currentRemixRoute() const;
    // The price per second, per model (optional; unknown when empty), and what is wrong with what is typed.
    void updatePricesNote();
    QLabel *m_priceLabel = nullptr;
    QLineEdit *m_currencyEdit = nullptr;
    QLineEdit *m_pricesEdit = nullptr;
    QLabel *m_pricesNote = nullptr;
};
