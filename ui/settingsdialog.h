#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QComboBox;
class QToolButton;
class Settings;

// Service address (with the exact remix URL shown live), API key (masked, with a show toggle),
// poll interval and language. Values from OPENAI_BASE_URL / OPENAI_API_KEY are shown read-only.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(Settings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Writes the fields into Settings (called on OK).
    void save();

    // The language picked in the combo ("zh_CN" / "en"); the caller switches the UI to it, since
    // switching needs the LanguageManager, which the dialog does not know.
    QString selectedLanguage() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateUrlPreview();
    void updateKeyVisibility();

    Settings *m_settings;
    QLabel *m_intro;
    QLabel *m_baseUrlLabel;
    QLineEdit *m_baseUrlEdit;
    QLabel *m_urlPreview;
    QLabel *m_insecureWarning;
    QLabel *m_baseUrlNote; // "Set by OPENAI_BASE_URL", shown only then
    QLabel *m_apiKeyLabel;
    QLineEdit *m_apiKeyEdit;
    QToolButton *m_showKeyButton;
    QLabel *m_apiKeyNote; // "Set by OPENAI_API_KEY", shown only then
    QLabel *m_intervalLabel;
    QSpinBox *m_intervalSpin;
    QLabel *m_languageLabel;
    QComboBox *m_languageCombo;
    QDialogButtonBox *m_buttons;
};
