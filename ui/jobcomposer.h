#pragma once

#include <QTabWidget>

class CostEstimator;
class CreateForm;
class QAbstractItemModel;
class RemixForm;
class Settings;

// Where a job is written: the remix form ("change a video") and the create form ("make a new video"),
// one tab each. Remembers nothing itself; each form emits its own request.
class JobComposer final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobComposer)

public:
    explicit JobComposer(Settings *settings, QWidget *parent = nullptr);
    ~JobComposer() override;

    RemixForm *remixForm() const { return m_remix; }
    CreateForm *createForm() const { return m_create; }
    // The user's recent prompts, offered under both forms' prompt boxes.
    void setRecentPrompts(QAbstractItemModel *prompts);
    // The estimated cost beside both forms' send buttons.
    void setCostEstimator(const CostEstimator *costs);
    void showRemix();
    void showCreate();
    // The New Video form is the one showing.
    bool isCreateShown() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fitToCurrentPage();

    RemixForm *m_remix;
    CreateForm *m_create;
};
