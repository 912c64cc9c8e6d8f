#include "library/librarymodel.h"

#include "api/apiclient.h"
#include "jobs/jobstate.h"
#include "library/librarythumbnails.h"
#include "logging.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

LibraryModel::LibraryModel(ApiClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_thumbnails(new LibraryThumbnails(client, this))
{
    connect(m_thumbnails, &LibraryThumbnails::thumbnailReady, this,
            [this](const QString &videoId, const QString &path) {
                const auto it = m_rowById.constFind(videoId);
                if (it == m_rowById.cend())
                    return;
                m_thumbnailPaths.insert(videoId, path);
                const QModelIndex cell = index(it.value(), VideoColumn);
                emit dataChanged(cell, cell, {ThumbnailPathRole});
            });
}

void LibraryModel::setThumbnailFolder(const QString &folder)
{
    m_thumbnails->setFolder(folder);
}

void LibraryModel::findThumbnails(const QVector<VideoInfo> &videos)
{
    for (const VideoInfo &video : videos) {
        if (video.state != JobState::Completed)
            continue;
        const QString cached = m_thumbnails->cachedPath(video.id);
        if (!cached.isEmpty())
            m_thumbnailPaths.insert(video.id, cached);
        else
            m_thumbnails->request(video.id);
    }
}

LibraryModel::~LibraryModel()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->abort();
    }
}

void LibraryModel::setService(const ServiceEndpoint &service)
{
    m_service = service;
    m_thumbnails->setService(service);
    reload();
}

void LibraryModel::reload()
{
    if (m_request) {
        m_request->disconnect(this);
        m_request->abort();
    }
    beginResetModel();
    m_videos.clear();
    m_rowById.clear();
    m_thumbnailPaths.clear();
    m_hasMore = false;
    m_nextAfter.clear();
    endResetModel();
    m_error = ApiError();
    if (!m_service.isValid()) {
        setState(State::Idle);
        return;
    }
    requestPage(QString());
}

void LibraryModel::requestPage(const QString &afterId)
{
    ListVideosRequest *request = m_client->listVideos(m_service, afterId, PageSize);
    m_request = request;
    connect(request, &ApiRequestJob::finished, this, [this, request] {
        m_request.clear();
        if (request->error().isError()) {
            m_error = request->error();
            m_hasMore = false;
            qCInfo(lcModel) << "library page failed:" << m_error.httpStatus << m_error.code;
            setState(m_error.isMissingRoute() ? State::Unsupported : State::Failed);
            return;
        }
        const VideoPage page = request->page();
        if (!page.isList) {
            // A 2xx that is no list (a web page, a relay's own JSON): the service has no list for us.
            m_error = ApiError::invalidResponse(request->httpStatus(), request->body());
            m_hasMore = false;
            setState(State::Unsupported);
            return;
        }
        QVector<VideoInfo> fresh;
        for (const VideoInfo &video : page.videos) {
            if (!m_rowById.contains(video.id)) {
                m_rowById.insert(video.id, int(m_videos.size() + fresh.size()));
                fresh.append(video);
            }
        }
        if (!fresh.isEmpty()) {
            beginInsertRows(QModelIndex(), int(m_videos.size()), int(m_videos.size() + fresh.size()) - 1);
            m_videos.append(fresh);
            // Before endInsertRows(): the view's first paint of the new rows finds the cached ones.
            findThumbnails(fresh);
            endInsertRows();
        }
        // A page of nothing new ends the paging: a service repeating itself must not loop.
        m_hasMore = page.hasMore && !fresh.isEmpty();
        m_nextAfter = page.lastId;
        setState(State::Ready);
    });
    setState(State::Loading);
    request->start();
}

void LibraryModel::setState(State state)
{
    m_state = state;
    emit stateChanged();
}

QString LibraryModel::message() const
{
    switch (m_state) {
    case State::Idle:
        return tr("Choose a service to see its videos.", "library note: no service is set up");
    case State::Loading:
        return tr("Asking the service for its videos…", "library note while a page loads");
    case State::Ready:
        if (m_videos.isEmpty())
            return tr("The service has no videos for this account yet.", "library note: an empty list");
        return QString();
    case State::Unsupported:
        return tr("This service does not list its videos. Your own jobs are in the job list.",
                  "library note: the service has no list route");
    case State::Failed:
        return m_error.userMessage(ApiOperation::List);
    }
    return QString();
}

std::optional<VideoInfo> LibraryModel::video(const QString &id) const
{
    const auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return std::nullopt;
    return m_videos.at(it.value());
}

VideoInfo LibraryModel::videoAt(int row) const
{
    return row >= 0 && row < m_videos.size() ? m_videos.at(row) : VideoInfo();
}

void LibraryModel::removeVideo(const QString &id)
{
    const auto it = m_rowById.constFind(id);
    if (it == m_rowById.cend())
        return;
    const int row = it.value();
    beginRemoveRows(QModelIndex(), row, row);
    m_videos.removeAt(row);
    m_rowById.clear();
    for (int i = 0; i < m_videos.size(); ++i)
        m_rowById.insert(m_videos.at(i).id, i);
    endRemoveRows();
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_videos.size());
}

int LibraryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const VideoInfo &video = m_videos.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VideoColumn:
            return video.id;
        case PromptColumn:
            return video.prompt.simplified();
        case StatusColumn:
            return video.state == JobState::Unknown && !video.rawStatus.isEmpty() ? video.rawStatus
                                                                                  : JobStates::displayName(video.state);
        case LengthColumn:
            return video.seconds.isEmpty()
                       ? QString()
                       : tr("%1 s", "a video's length in seconds in the library").arg(video.seconds);
        case SizeColumn:
            return video.size;
        case CreatedColumn:
            return video.createdAt.isValid() ? QLocale().toString(video.createdAt.toLocalTime(), QLocale::ShortFormat)
                                             : QString();
        }
        return QVariant();
    case Qt::ToolTipRole:
        return index.column() == PromptColumn ? video.prompt : data(index, Qt::DisplayRole);
    case VideoIdRole:
        return video.id;
    case StateRole:
        return int(video.state);
    case PromptRole:
        return video.prompt;
    case CreatedAtRole:
        return video.createdAt;
    case ThumbnailPathRole:
        return m_thumbnailPaths.value(video.id);
    default:
        return QVariant();
    }
}

QVariant LibraryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VideoColumn:
        return tr("Video", "library column: the video's id");
    case PromptColumn:
        return tr("Prompt", "library column");
    case StatusColumn:
        return tr("Status", "library column");
    case LengthColumn:
        return tr("Length", "library column: seconds");
    case SizeColumn:
        return tr("Size", "library column: width x height");
    case CreatedColumn:
        return tr("Created", "library column: when the video was made");
    }
    return QVariant();
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && m_state == State::Ready;
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextAfter);
}

void LibraryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_videos.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit stateChanged();
}
