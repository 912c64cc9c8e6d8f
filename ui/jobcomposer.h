#pragma once

#include "api/createvideo.h"

#include <QTabWidget>

class CostEstimator;
class CreateForm;
class QAbstractItemModel;
class QVBoxLayout;
class RemixForm;
class Settings;

// Where a job is written: the remix form ("change a video") and the create form ("make a new video"),
// one tab each. Remembers nothing itself; each form emits its own request. The create form is built
// the first time it is shown or asked for (createForm()): the window's first frame does not wait for
// the tab that is not showing.
class JobComposer final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobComposer)

public:
    explicit JobComposer(Settings *settings, QWidget *parent = nullptr);
    ~JobComposer() override;

    RemixForm *remixForm() const { return m_remix; }
    CreateForm *createForm();
    // The user's recent prompts, offered under both forms' prompt boxes.
    void setRecentPrompts(QAbstractItemModel *prompts);
    // The estimated cost beside both forms' send buttons.
    void setCostEstimator(const CostEstimator *costs);
    void showRemix();
    void showCreate();
    // The New Video form is the one showing.
    bool isCreateShown() const;

signals:
    // The create form's request, whenever that form is built.
    void createRequested(const CreateVideoSpec &spec);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fitToCurrentPage();

    Settings *m_settings;
    RemixForm *m_remix;
    QWidget *m_createPage; // the New Video tab; holds m_create once built
    CreateForm *m_create = nullptr;
    QAbstractItemModel *m_prompts = nullptr; // handed to the create form when it is built
    const CostEstimator *m_costs = nullptr;
};
