#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// "Extend this video": what happens next and for how long. The caller sends the extension (a paid job)
// when the dialog is accepted.
class ExtendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtendDialog)

public:
    ExtendDialog(const QString &videoId, const QString &originalPrompt, QWidget *parent = nullptr);
    ~ExtendDialog() override;

    QString prompt() const;
    QString seconds() const;

    void accept() override;

private:
    QLabel *m_intro;
    QPlainTextEdit *m_promptEdit;
    QLabel *m_promptHint;
    QComboBox *m_secondsBox;
    QPushButton *m_extendButton;
};
