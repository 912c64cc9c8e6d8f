#pragma once

#include "api/createvideo.h"
#include "api/prompt.h"
#include "api/referenceimagefile.h"

#include <QFutureWatcher>
#include <QWidget>

class CostEstimator;
class PromptHelp;
class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class Settings;

// The "make a new video" form, beside the remix form: prompt (same counter and limits), model, length
// and size (presets, or anything typed: relays take other values), and an optional reference image —
// a file (Choose…, drag and drop), an image pasted from the clipboard, or an image URL. The image is
// checked and shown; when its size differs from the chosen one, the form says so and fits it (crop or
// pad) before upload. Emits createRequested() with everything ready to send; the choices are kept in
// Settings for next time.
class CreateForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateForm)

public:
    explicit CreateForm(Settings *settings, QWidget *parent = nullptr);
    ~CreateForm() override;

    QString prompt() const;
    // The model, length and size chosen now (no prompt, no image): what a batch of new videos uses.
    CreateVideoSpec choices() const;
    void setPrompt(const QString &prompt);
    void focusPrompt();
    // The user's recent prompts, offered (searchable) under the prompt box.
    void setRecentPrompts(QAbstractItemModel *prompts);
    // Shows the estimated cost of the new video beside the button (model, length, the active profile's
    // price). Must outlive the form.
    void setCostEstimator(const CostEstimator *costs);
    PromptHelp *promptHelp() const { return m_promptHelp; }
    // A reference image from a file (also what a drop does); checked at once.
    void setReferenceFile(const QString &path);
    // From bytes (a pasted image).
    void setReferenceBytes(const QByteArray &bytes, const QString &name);
    void setReferenceUrl(const QString &url);
    void clearReference();
    const ReferenceImageCheck &referenceCheck() const { return m_check; }
    // The image as it would be sent now (after fitting); empty while none is chosen or one is being read.
    const ReferenceImage &preparedReference() const { return m_prepared; }
    bool isPreparing() const { return m_preparing; }

    // Validates; on success emits createRequested(), otherwise shows the inline hint.
    void trySubmit();

signals:
    void createRequested(const CreateVideoSpec &spec);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updatePromptCounter();
    void updateReferenceNote();
    void prepareReference();
    void pasteImage();
    void chooseFile();
    void rememberChoices();

    Settings *m_settings;
    QLabel *m_promptLabel;
    QPlainTextEdit *m_promptEdit;
    QLabel *m_promptCounter;
    QLabel *m_promptHint;
    QLabel *m_modelLabel;
    QComboBox *m_modelBox;
    QLabel *m_secondsLabel;
    QComboBox *m_secondsBox;
    QLabel *m_sizeLabel;
    QComboBox *m_sizeBox;
    QLabel *m_imageLabel;
    QLabel *m_imagePreview;
    QLabel *m_imageNote;
    QPushButton *m_chooseButton;
    QPushButton *m_pasteButton;
    QPushButton *m_clearButton;
    QLineEdit *m_urlEdit;
    QComboBox *m_fitBox;
    QPushButton *m_createButton;
    PromptHelp *m_promptHelp;
    QLabel *m_costLabel = nullptr;
    const CostEstimator *m_costs = nullptr;
    void updateCost();
    bool m_showEmptyHints = false;
    PromptCheck m_promptCheck;

    // The chosen image: where it comes from, its check, and the bytes prepared for the chosen size.
    QString m_referencePath;
    QByteArray m_referenceBytes; // a pasted image
    QString m_referenceName;
    ReferenceImageCheck m_check;
    ReferenceImage m_prepared;
    QFutureWatcher<ReferenceImageFile::Prepared> m_watcher;
    bool m_submitWhenPrepared = false;
    bool m_preparing = false; // from setFuture() until its result is taken (not just until the thread ends)
};
