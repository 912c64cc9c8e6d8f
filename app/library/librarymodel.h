#pragma once

#include "api/apierror.h"
#include "api/serviceendpoint.h"
#include "api/videoinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QVector>

class ApiClient;
class ApiRequestJob;
class LibraryThumbnails;

// The service's videos as a table, newest first, one row per video id. The first page is asked for by
// setService() (or reload()); the view asks for more as it scrolls (fetchMore()), one request at a time.
// Finished videos get their thumbnail (LibraryThumbnails) in ThumbnailPathRole as it arrives.
// A service without the list route (404/405, as new-api) is not an error: state() says Unsupported and
// message() says so in the current language.
class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Column
    {
        VideoColumn,
        PromptColumn,
        StatusColumn,
        LengthColumn,
        SizeColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        VideoIdRole = Qt::UserRole + 1, // QString
        StateRole,                      // int(JobState)
        PromptRole,                     // QString
        CreatedAtRole,                  // QDateTime
        ThumbnailPathRole,              // QString: the cached thumbnail file ("" until there is one)
    };
    enum class State
    {
        Idle,        // nothing asked yet (no service)
        Loading,     // a page is on its way
        Ready,       // pages arrived; canFetchMore() tells whether there are more
        Unsupported, // the service has no list of videos
        Failed,      // the last page failed; reload() tries again
    };

    static constexpr int PageSize = 30;

    explicit LibraryModel(ApiClient *client, QObject *parent = nullptr);
    ~LibraryModel() override;

    // Where thumbnails are cached; without a folder none are fetched.
    void setThumbnailFolder(const QString &folder);
    LibraryThumbnails *thumbnails() const { return m_thumbnails; }

    // Clears the list and asks the service for its first page.
    void setService(const ServiceEndpoint &service);
    void reload();

    State state() const { return m_state; }
    // What to tell the user about the state (loading, unsupported, the error), in the current language.
    QString message() const;
    const ApiError &lastError() const { return m_error; }
    std::optional<VideoInfo> video(const QString &id) const;
    VideoInfo videoAt(int row) const;
    // Drops a video (deleted on the service).
    void removeVideo(const QString &id);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // After a language switch.
    void retranslate();

signals:
    void stateChanged();

private:
    void requestPage(const QString &afterId);
    void setState(State state);
    // Finished videos show their thumbnail: from the cache, or fetched a few at a time.
    void findThumbnails(const QVector<VideoInfo> &videos);

    ApiClient *m_client;
    ServiceEndpoint m_service;
    QVector<VideoInfo> m_videos;
    QHash<QString, int> m_rowById;
    QString m_nextAfter;
    bool m_hasMore = false;
    State m_state = State::Idle;
    ApiError m_error;
    QPointer<ApiRequestJob> m_request;
    LibraryThumbnails *m_thumbnails;
    QHash<QString, QString> m_thumbnailPaths; // video id -> cached file
};
