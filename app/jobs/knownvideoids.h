#pragma once

#include <QSet>
#include <QStringListModel>

class JobList;

// The video ids the user has met, for completing the Video ID field: finished results in the job list
// (newest first, kept current as jobs finish) and ids seen in the service's library. Only ids that can
// be remixed (completed videos) are offered.
class KnownVideoIds final : public QStringListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnownVideoIds)

public:
    explicit KnownVideoIds(JobList *jobs, QObject *parent = nullptr);
    ~KnownVideoIds() override;

    // Ids from elsewhere (the library), after the job list's.
    void addIds(const QStringList &ids);

private:
    void addId(const QString &id, bool newest);

    QSet<QString> m_known;
};
