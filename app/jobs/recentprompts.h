#pragma once

#include <QStringListModel>

class JobList;

// The prompts the user wrote before, for the forms' "recent prompts": each prompt once (trimmed), newest
// first, kept current as jobs are added and as the history arrives. Read from the job list in memory:
// nothing here touches the disk or blocks the GUI.
class RecentPrompts final : public QStringListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentPrompts)

public:
    static constexpr int DefaultLimit = 200;

    explicit RecentPrompts(JobList *jobs, int limit = DefaultLimit, QObject *parent = nullptr);
    ~RecentPrompts() override;

private:
    void addNewest(const QString &prompt);

    int m_limit;
};
