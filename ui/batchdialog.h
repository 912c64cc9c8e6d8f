#pragma once

#include "jobs/batch.h"

#include <QDialog>

#include <optional>

class AppCore;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Many jobs at once: remixes of one video or new videos, one prompt per line (times N versions), or a
// CSV/TSV file. Before anything is sent it says how many jobs and where, and that each one is charged;
// while the batch runs it shows the progress with Pause / Resume. Closing the dialog does not stop it.
class BatchDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchDialog)

public:
    // createChoices: the New Video form's model, length and size for new videos.
    BatchDialog(AppCore *core, const CreateVideoSpec &createChoices, QWidget *parent = nullptr);
    ~BatchDialog() override;

    // What would be sent now, and the lines that cannot be.
    const BatchFile::Parsed &parsed() const { return m_parsed; }
    void loadFile(const QString &path);
    // Starts the batch (the summary above the button is the question).
    void send();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reparse();
    void updateProgress();
    void retranslate();

    // The estimated cost of the whole batch from the active profile's prices; nullopt when any job's is unknown.
    std::optional<double> estimatedCost() const;

    AppCore *m_core;
    CreateVideoSpec m_createChoices;
    QComboBox *m_kindBox;
    QLineEdit *m_sourceEdit;
    QPlainTextEdit *m_linesEdit;
    QSpinBox *m_versionsBox;
    QPushButton *m_loadButton;
    QLabel *m_kindLabel;
    QLabel *m_sourceLabel;
    QLabel *m_linesLabel;
    QLabel *m_versionsLabel;
    QLabel *m_summary;
    QLabel *m_problems;
    QLabel *m_progress;
    QPushButton *m_sendButton;
    QPushButton *m_pauseButton;
    BatchFile::Parsed m_parsed;
    bool m_fromFile = false;
};
