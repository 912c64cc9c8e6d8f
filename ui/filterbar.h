#pragma once

#include "jobs/jobfiltermodel.h"

#include <QWidget>

class QButtonGroup;
class QLineEdit;
class QToolButton;

// Above the job list: one button per status bucket with its live count ("Failed (1)") and a search
// field over ids and prompts. Drives a JobFilterModel; the caller persists the bucket.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(JobFilterModel *filter, QWidget *parent = nullptr);
    ~FilterBar() override;

    JobFilterModel::Bucket bucket() const;
    void setBucket(JobFilterModel::Bucket bucket);
    // Focuses the search field with its text selected, so typing replaces the last search (Ctrl+F).
    void focusSearch();
    void clearSearch();

signals:
    void bucketChosen(JobFilterModel::Bucket bucket);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateCounts();
    QToolButton *button(JobFilterModel::Bucket bucket) const;

    JobFilterModel *m_filter;
    QButtonGroup *m_group;
    QToolButton *m_buttons[4];
    QLineEdit *m_search;
};
