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

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateUrlPreview();

    Settings *m_settings;
    QLabel *m_intro;
    QLabel *m_baseUrlLabel;
    QLineEdit *m_baseUrlEdit;
    QLabel *m_urlPreview;
    QLabel *m_apiKeyLabel;
    QLineEdit *m_apiKeyEdit;
    QToolButton *m_showKeyButton;
    QLabel *m_intervalLabel;
    QSpinBox *m_intervalSpin;
    QLabel *m_languageLabel;
    QComboBox *m_languageCombo;
    QDialogButtonBox *m_buttons;
};
