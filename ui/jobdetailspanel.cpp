#include "jobdetailspanel.h"

#include "deferredicon.h"
#include "downloads/downloadmanager.h"
#include "folderrevealer.h"
#include "jobs/jobmodel.h"
#include "jobs/jobstate.h"
#include "jobs/remixjob.h"
#include "mediafactory.h"
#include "mediamodule.h"
#include "remixform.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSlider>
#include <QStackedWidget>
#include <QStyle>
#include <QThreadPool>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace {
QString htmlLine(const QString &text)
{
    // Server texts go into rich text: escape them, and keep their line breaks.
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString formatTime(qint64 ms)
{
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

// The length of an MP4 (or MOV) file from its movie header ('moov' > 'mvhd'), in milliseconds; -1 when
// it cannot be read. Only box headers are read, wherever the 'moov' box is, so it is quick for any size
// and needs no multimedia backend: the duration shows before Play. Runs on a worker thread.
qint64 mp4DurationMs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // Finds the box of that type among the boxes in [begin, end); its content's range in *from, *to.
    const auto findBox = [&file](qint64 begin, qint64 end, const QByteArray &type, qint64 *from, qint64 *to) {
        qint64 position = begin;
        while (position + 8 <= end) {
            if (!file.seek(position))
                return false;
            const QByteArray header = file.read(16);
            if (header.size() < 8)
                return false;
            quint64 size = qFromBigEndian<quint32>(header.constData());
            qint64 headerSize = 8;
            if (size == 1) {
                if (header.size() < 16)
                    return false;
                size = qFromBigEndian<quint64>(header.constData() + 8);
                headerSize = 16;
            } else if (size == 0) {
                size = quint64(end - position);
            }
            if (size < quint64(headerSize) || size > quint64(end - position))
                return false;
            if (header.mid(4, 4) == type) {
                *from = position + headerSize;
                *to = position + qint64(size);
                return true;
            }
            position += qint64(size);
        }
        return false;
    };
    qint64 movieFrom = 0;
    qint64 movieTo = 0;
    qint64 headerFrom = 0;
    qint64 headerTo = 0;
    if (!findBox(0, file.size(), "moov", &movieFrom, &movieTo)
        || !findBox(movieFrom, movieTo, "mvhd", &headerFrom, &headerTo) || !file.seek(headerFrom))
        return -1;
    const QByteArray header = file.read(qMin<qint64>(32, headerTo - headerFrom));
    const bool wide = header.size() > 0 && header.at(0) == 1; // version 1: 64-bit times
    if (header.size() < (wide ? 32 : 20))
        return -1;
    const quint32 timescale = qFromBigEndian<quint32>(header.constData() + (wide ? 20 : 12));
    const quint64 duration =
        wide ? qFromBigEndian<quint64>(header.constData() + 24) : qFromBigEndian<quint32>(header.constData() + 16);
    if (timescale == 0 || duration == std::numeric_limits<quint64>::max()
        || duration == std::numeric_limits<quint32>::max())
        return -1;
    return qint64(duration * 1000 / timescale);
}

// A file the player can use: set by the model only once complete, and still on disk.
QString existingFile(const QModelIndex &index)
{
    const QString path = index.data(JobModel::FilePathRole).toString();
    return !path.isEmpty() && QFileInfo(path).isFile() ? path : QString();
}

// One video of the player area: a caption above a poster (the thumbnail) that gives way to the video.
QWidget *makeSlot(QWidget *parent, const QString &name, QLabel **caption, QStackedWidget **stack, QLabel **poster)
{
    auto *slot = new QWidget(parent);
    slot->setObjectName(name + u"Slot"_s);
    auto *layout = new QVBoxLayout(slot);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    *caption = new QLabel(slot);
    (*caption)->setObjectName(name + u"CaptionLabel"_s);
    *stack = new QStackedWidget(slot);
    (*stack)->setObjectName(name + u"VideoStack"_s);
    // 16:9 at a size that leaves the list its room at 960×640; the splitter can make it bigger.
    // Small enough that caption, video and controls fit the pane of a 640-pixel-high window.
    (*stack)->setMinimumSize(128, 72);
    (*stack)->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    *poster = new QLabel(*stack);
    (*poster)->setObjectName(name + u"PosterLabel"_s);
    (*poster)->setAlignment(Qt::AlignCenter);
    (*poster)->setWordWrap(true);
    (*poster)->setAutoFillBackground(true);
    QPalette dark = (*poster)->palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xd0, 0xd0, 0xd0));
    (*poster)->setPalette(dark);
    (*stack)->addWidget(*poster);
    layout->addWidget(*caption);
    layout->addWidget(*stack, 1);
    return slot;
}
} // namespace

JobDetailsPanel::JobDetailsPanel(JobModel *model, DownloadManager *downloads, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_downloads(downloads)
    , m_textScroll(new QScrollArea(this))
    , m_text(new QLabel(this))
    , m_openExternalButton(new QPushButton(this))
    , m_showInFolderButton(new QPushButton(this))
    , m_playerBox(new QWidget(this))
    , m_sourceNote(new QLabel(this))
    , m_fetchSourceButton(new QPushButton(this))
    , m_playButton(new QToolButton(this))
    , m_seekSlider(new QSlider(Qt::Horizontal, this))
    , m_timeLabel(new QLabel(this))
    , m_playerMessage(new QLabel(this))
{
    setObjectName(u"detailsPanel"_s);
    m_text->setObjectName(u"detailsLabel"_s);
    m_textScroll->setObjectName(u"detailsScrollArea"_s);
    m_openExternalButton->setObjectName(u"openExternalButton"_s);
    m_showInFolderButton->setObjectName(u"showInFolderButton"_s);
    m_playerBox->setObjectName(u"playerBox"_s);
    m_sourceNote->setObjectName(u"sourceNoteLabel"_s);
    m_fetchSourceButton->setObjectName(u"fetchSourceButton"_s);
    m_playButton->setObjectName(u"playButton"_s);
    m_seekSlider->setObjectName(u"seekSlider"_s);
    m_timeLabel->setObjectName(u"timeLabel"_s);
    m_playerMessage->setObjectName(u"playerMessageLabel"_s);

    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setContentsMargins(4, 4, 4, 4);
    // A long technical detail scrolls instead of pushing the job list away.
    m_textScroll->setWidget(m_text);
    m_textScroll->setWidgetResizable(true);
    m_textScroll->setFrameShape(QFrame::StyledPanel);
    m_textScroll->setMinimumHeight(3 * fontMetrics().lineSpacing());

    m_openExternalButton->setIcon(DeferredIcon::standard(QStyle::SP_MediaPlay));
    m_showInFolderButton->setIcon(DeferredIcon::standard(QStyle::SP_DirOpenIcon));
    connect(m_openExternalButton, &QPushButton::clicked, this, [this] {
        if (!m_resultFile.isEmpty() && !openWithSystemPlayer(m_resultFile))
            emit statusMessage(tr("No program to play videos was found.", "status bar"));
    });
    auto *revealer = new FolderRevealer(this);
    connect(m_showInFolderButton, &QPushButton::clicked, this, [this, revealer] {
        if (!m_resultFile.isEmpty())
            revealer->reveal(m_resultFile);
    });
    connect(revealer, &FolderRevealer::failed, this,
            [this](const QString &file) { emit statusMessage(FolderRevealer::failureMessage(file)); });

    auto *textColumn = new QVBoxLayout;
    textColumn->setContentsMargins(0, 0, 0, 0);
    textColumn->addWidget(m_textScroll, 1);
    m_fileButtons = new QHBoxLayout;
    m_fileButtons->setContentsMargins(0, 0, 0, 0);
    m_fileButtons->addWidget(m_openExternalButton);
    m_fileButtons->addWidget(m_showInFolderButton);
    m_fileButtons->addStretch(1);
    textColumn->addLayout(m_fileButtons);

    // The player: before (source) and after (result) side by side, one set of controls for both.
    m_sourceSlot = makeSlot(m_playerBox, u"source"_s, &m_sourceCaption, &m_sourceStack, &m_sourcePoster);
    m_resultSlot = makeSlot(m_playerBox, u"result"_s, &m_resultCaption, &m_resultStack, &m_resultPoster);
    auto *videos = new QHBoxLayout;
    videos->setContentsMargins(0, 0, 0, 0);
    videos->addWidget(m_sourceSlot, 1);
    videos->addWidget(m_resultSlot, 1);

    m_playButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_playButton->setAutoRaise(false);
    connect(m_playButton, &QToolButton::clicked, this, &JobDetailsPanel::togglePlayback);
    m_seekSlider->setRange(0, 0);
    m_seekSlider->setEnabled(false);
    // Dragging seeks both players at once; so do clicks on the groove (page steps).
    connect(m_seekSlider, &QSlider::sliderMoved, this, [this](int value) { seek(value); });
    connect(m_seekSlider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && action != QAbstractSlider::SliderNoAction)
            seek(m_seekSlider->sliderPosition());
    });
    m_timeLabel->setText(formatTime(0) + u" / "_s + formatTime(0));
    m_timeLabel->setMinimumWidth(fontMetrics().horizontalAdvance(u"00:00:00 / 00:00:00"_s));
    m_timeLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_playButton);
    controls->addWidget(m_seekSlider, 1);
    controls->addWidget(m_timeLabel);

    m_sourceNote->setWordWrap(true);
    m_playerMessage->setWordWrap(true);
    m_playerMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *playerLayout = new QVBoxLayout(m_playerBox);
    playerLayout->setContentsMargins(0, 0, 0, 0);
    playerLayout->setSpacing(4);
    playerLayout->addLayout(videos, 1);
    playerLayout->addLayout(controls);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->setContentsMargins(0, 0, 0, 0);
    sourceRow->addWidget(m_sourceNote, 1);
    sourceRow->addWidget(m_fetchSourceButton);
    playerLayout->addLayout(sourceRow);
    playerLayout->addWidget(m_playerMessage);
    // Word-wrapped labels under-report their height, and a playing video must never cover the
    // controls: reserve room for caption, the smallest video, the controls and a two-line note.
    const int line = fontMetrics().lineSpacing();
    m_playerBox->setMinimumHeight(line + 72 + m_playButton->sizeHint().height() + 2 * line + 3 * 4);

    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(textColumn, 3);
    m_layout->addWidget(m_playerBox, 2);

    retranslate();

    connect(m_fetchSourceButton, &QPushButton::clicked, this, [this] {
        if (!m_downloads || m_jobId.isEmpty())
            return;
        m_sourceFetchError.clear();
        m_downloads->fetchSource(m_jobId);
        updateSourceNote();
    });
    if (m_downloads) {
        connect(m_downloads, &DownloadManager::sourceSaved, this, [this](const QString &localId) {
            if (localId == m_jobId)
                updateMedia();
        });
        connect(m_downloads, &DownloadManager::sourceFailed, this, [this](const QString &localId, const QString &why) {
            if (localId != m_jobId)
                return;
            m_sourceFetchError = why;
            updateSourceNote();
        });
    }
}

JobDetailsPanel::~JobDetailsPanel()
{
    // Stop decoding before the video widgets go: the players would otherwise push frames into them.
    stopPlayers();
}

void JobDetailsPanel::setJob(const QString &localId)
{
    if (localId == m_jobId) {
        refresh();
        return;
    }
    stopPlayers();
    m_jobId = localId;
    m_playerError.clear();
    m_sourceFetchError.clear();
    refresh();
}

void JobDetailsPanel::refresh()
{
    updateText();
    updateMedia();
}

void JobDetailsPanel::updateText()
{
    const QModelIndex row = m_model->indexOf(m_jobId);
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    if (m_jobId.isEmpty() || !row.isValid()) {
        const QString hint = m_model->rowCount() == 0
                                 ? tr("Jobs you start appear here. Select one to see its details.",
                                      "details area while the job list is empty")
                                 : tr("Select a job to see its details.", "details area when no job is selected");
        m_text->setText(u"<span style=\"color:%1\">%2</span>"_s.arg(muted, htmlLine(hint)));
        m_text->setToolTip(QString());
        return;
    }

    const auto state = JobState(row.data(JobModel::StateRole).toInt());
    const QString progress = row.siblingAtColumn(JobModel::ProgressColumn).data().toString();
    const QString source = row.data(JobModel::SourceIdRole).toString();
    const QString result = row.data(JobModel::ResultIdRole).toString();
    const QString prompt = row.data(JobModel::PromptRole).toString();
    const QString message = row.data(JobModel::ErrorMessageRole).toString();
    const QString detail = row.data(JobModel::ErrorDetailRole).toString();
    const QDateTime expires = row.data(JobModel::ExpiresAtRole).toDateTime();
    const auto download = DownloadState(row.data(JobModel::DownloadStateRole).toInt());

    const bool failed = JobStates::category(state) == StateCategory::Failed;
    QStringList parts;
    // A job that ended without a video has no progress worth a number ("Failed · 0 %" reads as stuck).
    parts << (failed ? u"<b>%1</b>"_s.arg(htmlLine(JobStates::displayName(state)))
                     : u"<b>%1</b> · %2"_s.arg(htmlLine(JobStates::displayName(state)), htmlLine(progress)));
    // A new video has no source; an extension continues one.
    QStringList ids;
    switch (JobKind(row.data(JobModel::KindRole).toInt())) {
    case JobKind::Create:
        break;
    case JobKind::Extend:
        ids << htmlLine(tr("Continues: %1", "details: the id of the video an extension continues").arg(source));
        break;
    case JobKind::Remix:
        ids << htmlLine(tr("Source video: %1", "details: the id of the remixed video").arg(source));
        break;
    }
    // A failed job's id names no video anyone can watch or remix: no "Result video" for it.
    if (!result.isEmpty() && !failed)
        ids << htmlLine(tr("Result video: %1", "details: the id of the new video").arg(result));
    // A visible gap between the two ids: rich text would collapse plain spaces.
    if (!ids.isEmpty())
        parts << ids.join(u" &nbsp;·&nbsp; "_s);

    // The lineage: which remix this one was made from, back to a video that is not a job of this list.
    QStringList chain;
    QSet<QString> seen{m_jobId};
    QModelIndex step = row;
    for (int depth = 0; depth < 50; ++depth) {
        const QString source = step.data(JobModel::SourceIdRole).toString();
        // A chain that began with a video made here starts from nothing: say so instead of a bare arrow.
        chain.prepend(
            source.isEmpty()
                ? tr("new video", "remix chain: its start, a video made from a prompt ('new video → video_a → this')")
                : source);
        const QString parent = step.data(JobModel::ParentJobIdRole).toString();
        const QModelIndex parentRow = parent.isEmpty() ? QModelIndex() : m_model->indexOf(parent);
        if (!parentRow.isValid() || seen.contains(parent))
            break;
        seen.insert(parent);
        step = parentRow;
    }
    if (chain.size() > 1) {
        chain.append(tr("this", "remix chain: the selected job, at the end of 'video_a → video_b → this'"));
        parts << htmlLine(
            tr("Remix chain: %1", "details: %1 is like 'video_a → video_b → this'").arg(chain.join(u" → "_s)));
    }

    // The label carries its own spacing: "Prompt: " in English, "提示词：" (full-width colon) in Chinese.
    parts << u"<span style=\"color:%1\">%2</span>%3"_s.arg(
        muted,
        htmlLine(
            tr("Prompt: ", "details: label before the prompt text; keep the trailing space in languages that use one")),
        htmlLine(prompt));

    QString savedPath; // the full path, as the text's tooltip
    switch (download) {
    case DownloadState::Pending:
        parts << htmlLine(tr("Waiting to download the video…", "details: download state"));
        break;
    case DownloadState::Downloading:
        parts << htmlLine(tr("Downloading the video: %1 %", "details: download state; %1 is a percentage")
                              .arg(row.data(JobModel::DownloadProgressRole).toInt()));
        break;
    case DownloadState::Done: {
        const QString path = row.data(JobModel::FilePathRole).toString();
        if (!path.isEmpty() && !QFileInfo(path).isFile()) {
            parts << u"<span style=\"color:%1\">%2</span>"_s.arg(
                RemixForm::errorColour(palette()).name(),
                htmlLine(tr("The downloaded file is no longer there: %1. Use Download again to fetch it.",
                            "details: %1 is a file path")
                             .arg(QDir::toNativeSeparators(path))));
        } else if (!path.isEmpty()) {
            // The name only: the full path would wrap over several lines; Show in folder has the place.
            parts << htmlLine(
                tr("Saved as %1", "details: %1 is the downloaded file's name").arg(QFileInfo(path).fileName()));
            savedPath = QDir::toNativeSeparators(path);
        }
        break;
    }
    case DownloadState::Failed:
    case DownloadState::Expired: {
        const QString error = m_model->job(m_jobId) ? m_model->job(m_jobId)->downloadFailure.message() : QString();
        const QString text = download == DownloadState::Expired
                                 ? tr("The video's link expired before it was saved.", "details: download state")
                                 : tr("The video could not be saved: %1", "details: %1 says why").arg(error);
        parts << u"<span style=\"color:%1\">%2</span>"_s.arg(RemixForm::errorColour(palette()).name(), htmlLine(text));
        break;
    }
    case DownloadState::None:
        break;
    }

    // The link matters only until the file is saved: once it is on disk, its expiry is no news.
    if (expires.isValid() && download != DownloadState::Done && !failed) {
        const QDateTime local = expires.toLocalTime();
        if (local <= QDateTime::currentDateTime()) {
            parts << htmlLine(tr("Link expired", "details: the service's download link no longer works"));
        } else {
            const QLocale locale;
            // The time alone when it is today, which is the usual case (links last about an hour).
            const QString when = local.date() == QDate::currentDate()
                                     ? locale.toString(local.time(), QLocale::ShortFormat)
                                     : locale.toString(local, QLocale::ShortFormat);
            parts << htmlLine(tr("Link expires at %1", "details: %1 is a time like 17:42").arg(when));
        }
    }

    if (!message.isEmpty()) {
        // Failed jobs say why in the error colour; a transient problem being retried is said the same way.
        parts << u"<span style=\"color:%1\">%2</span>"_s.arg(RemixForm::errorColour(palette()).name(),
                                                             htmlLine(message));
    }
    if (!detail.isEmpty())
        parts << u"<span style=\"color:%1\">%2</span>"_s.arg(muted, htmlLine(detail));
    m_text->setText(parts.join(u"<br>"_s));
    m_text->setToolTip(savedPath);
}

void JobDetailsPanel::updateSourceNote()
{
    const bool missing = !m_resultFile.isEmpty() && m_sourceFile.isEmpty();
    m_sourceNote->setVisible(missing);
    m_fetchSourceButton->setVisible(missing && m_downloads);
    const bool fetching = m_downloads && m_downloads->isFetchingSource(m_jobId);
    m_fetchSourceButton->setEnabled(!fetching);
    m_fetchSourceButton->setText(
        fetching ? tr("Fetching the source…", "button while the source video downloads")
                 : tr("Compare with the source", "button: fetch the source video for before/after"));
    m_sourceNote->setText(m_sourceFetchError.isEmpty() ? tr("Before/after needs the source video on this computer.",
                                                            "note under the player when only the result can be shown")
                                                       : m_sourceFetchError);
}

void JobDetailsPanel::updateMedia()
{
    const QModelIndex row = m_model->indexOf(m_jobId);
    const QString resultFile = row.isValid() ? existingFile(row) : QString();
    QString sourceFile;
    if (row.isValid()) {
        const QString parent = row.data(JobModel::ParentJobIdRole).toString();
        const QModelIndex parentRow = parent.isEmpty() ? QModelIndex() : m_model->indexOf(parent);
        if (parentRow.isValid())
            sourceFile = existingFile(parentRow);
        // Not a job of this list, but fetched from the service earlier for comparing.
        if (sourceFile.isEmpty() && m_downloads) {
            const QString cached = m_downloads->cachedSourcePath(m_jobId);
            if (QFileInfo::exists(cached))
                sourceFile = cached;
        }
    }
    if (resultFile != m_resultFile || sourceFile != m_sourceFile) {
        // Another file (a new download, a removed parent): what the players hold is stale.
        stopPlayers();
        m_resultFile = resultFile;
        m_sourceFile = sourceFile;
    }

    m_openExternalButton->setEnabled(!m_resultFile.isEmpty());
    m_showInFolderButton->setEnabled(!m_resultFile.isEmpty());
    // Nothing to play: no player at all, so the list keeps the room.
    m_playerBox->setVisible(!m_resultFile.isEmpty());
    m_openExternalButton->setVisible(!m_resultFile.isEmpty());
    m_showInFolderButton->setVisible(!m_resultFile.isEmpty());
    m_sourceSlot->setVisible(!m_sourceFile.isEmpty());
    // One video needs less width than two side by side; the text keeps the rest.
    m_layout->setStretch(0, m_sourceFile.isEmpty() ? 3 : 2);
    m_layout->setStretch(1, m_sourceFile.isEmpty() ? 2 : 3);
    updateSourceNote();
    updatePosters();
    updateControls();
    showFileDuration();
}

void JobDetailsPanel::showFileDuration()
{
    // Before Play the players hold nothing: the length comes from the files themselves, read once per
    // file on a worker thread (never the GUI thread's disk reads).
    if (m_loaded)
        return;
    qint64 longest = -1;
    for (const QString &path : {m_resultFile, m_sourceFile}) {
        if (path.isEmpty())
            continue;
        const auto known = m_fileDurations.constFind(path);
        if (known != m_fileDurations.cend()) {
            longest = qMax(longest, known.value());
            continue;
        }
        m_fileDurations.insert(path, -1); // asked; -1 until the answer (or for good, if unreadable)
        QThreadPool::globalInstance()->start([path, guard = QPointer<JobDetailsPanel>(this)] {
            const qint64 duration = mp4DurationMs(path);
            QMetaObject::invokeMethod(
                qApp,
                [guard, path, duration] {
                    if (!guard)
                        return;
                    guard->m_fileDurations.insert(path, duration);
                    guard->showFileDuration();
                },
                Qt::QueuedConnection);
        });
    }
    if (longest > 0)
        m_timeLabel->setText(formatTime(0) + u" / "_s + formatTime(longest));
}

void JobDetailsPanel::updatePosters()
{
    // Until the user presses Play, each slot shows the job's thumbnail (or a short instruction).
    const auto poster = [this](QLabel *label, const QString &jobId, QString path = QString()) {
        const QModelIndex row = m_model->indexOf(jobId);
        if (path.isEmpty() && row.isValid())
            path = row.data(JobModel::ThumbnailPathRole).toString();
        QPixmap pixmap;
        if (!path.isEmpty() && pixmap.load(path)) {
            const QSize box = label->size().expandedTo(QSize(160, 90));
            label->setPixmap(pixmap.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        } else {
            label->setText(tr("Press Play to watch it here", "video area before playing"));
        }
    };
    if (m_resultFile.isEmpty())
        return;
    poster(m_resultPoster, m_jobId);
    if (!m_sourceFile.isEmpty()) {
        const QModelIndex row = m_model->indexOf(m_jobId);
        const QString parent = row.data(JobModel::ParentJobIdRole).toString();
        const QModelIndex parentRow = parent.isEmpty() ? QModelIndex() : m_model->indexOf(parent);
        QString framePath;
        if (!parentRow.isValid()) {
            // A source fetched for comparing (kept in the cache) has no thumbnail of its own: its first
            // frame, made once beside it, so both sides show a picture before Play. (A source that is a
            // job of the list gets its frame from the window, like every saved video.)
            framePath = m_sourceFile + u".first-frame.jpg"_s;
            if (!QFileInfo::exists(framePath)) {
                Media::Factory *media = MediaModule::factory();
                if (!m_frames && media) {
                    m_frames = media->createFrameGrabber([this](const QString &localId, const QString &) {
                        if (localId == m_jobId)
                            updatePosters();
                    });
                }
                if (m_frames && !m_framesAsked.contains(framePath)) {
                    m_framesAsked.insert(framePath);
                    m_frames->request(m_jobId, m_sourceFile, framePath);
                }
                framePath.clear();
            }
        }
        poster(m_sourcePoster, parent, framePath);
    }
}

void JobDetailsPanel::updateControls()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(DeferredIcon::standard(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playButton->setText(playing ? tr("Pause", "player button") : tr("Play", "player button"));
    m_playButton->setEnabled(!m_resultFile.isEmpty());
    m_seekSlider->setEnabled(m_loaded && m_seekSlider->maximum() > 0);
    m_playerMessage->setText(m_playerError);
    m_playerMessage->setVisible(!m_playerError.isEmpty());
}

void JobDetailsPanel::ensurePlayers()
{
    Media::Factory *media = MediaModule::factory();
    if (!m_resultPlayer) {
        Media::VideoPlayer::Handlers handlers;
        handlers.positionChanged = [this](qint64 ms) {
            onResultPosition(ms);
        };
        handlers.durationChanged = [this](qint64) {
            updateDuration();
        };
        handlers.playingChanged = [this](bool playing) {
            // The result ended or stopped: the before side stops with it, so the two stay a pair.
            if (!playing && m_sourcePlayer && m_sourcePlayer->isPlaying())
                m_sourcePlayer->pause();
            updateControls();
        };
        handlers.errorOccurred = [this](const QString &text) {
            showPlayerError(tr("The video cannot be played here (%1). Try Open with system player.",
                               "details: %1 is the player's technical message")
                                .arg(text));
        };
        m_resultPlayer = media->createPlayer(m_resultStack, false, std::move(handlers));
        if (m_resultPlayer) {
            m_resultPlayer->videoWidget()->setObjectName(u"resultVideoWidget"_s);
            m_resultStack->addWidget(m_resultPlayer->videoWidget());
        }
    }
    if (!m_sourcePlayer && !m_sourceFile.isEmpty()) {
        Media::VideoPlayer::Handlers handlers;
        handlers.durationChanged = [this](qint64) {
            updateDuration();
        };
        handlers.errorOccurred = [this](const QString &text) {
            showPlayerError(
                tr("The source video cannot be played here (%1).", "details: %1 is the player's technical message")
                    .arg(text));
        };
        // One sound track at a time: the result's. Two would play over each other.
        m_sourcePlayer = media->createPlayer(m_sourceStack, true, std::move(handlers));
        if (m_sourcePlayer) {
            m_sourcePlayer->videoWidget()->setObjectName(u"sourceVideoWidget"_s);
            m_sourceStack->addWidget(m_sourcePlayer->videoWidget());
        }
    }
}

bool JobDetailsPanel::play()
{
    if (m_resultFile.isEmpty())
        return false;
    Media::Factory *media = MediaModule::factory();
    if (!media) {
        showPlayerError(tr("This installation of Video Remix cannot play videos inside the app: its media part "
                           "is missing. Use Open with system player, or install the app again.",
                           "details: the media module (libvideoremix_media) was not found"));
        return false;
    }
    if (!media->isUsable()) {
        showPlayerError(tr("Videos cannot be played inside the app on this computer. Use Open with system player.",
                           "details: no multimedia backend"));
        return false;
    }
    ensurePlayers();
    if (!m_resultPlayer || !m_resultPlayer->isAvailable()) {
        showPlayerError(tr("Videos cannot be played inside the app on this computer. Use Open with system player.",
                           "details: no multimedia backend"));
        return false;
    }
    if (!m_loaded) {
        m_playerError.clear();
        m_resultPlayer->setSource(m_resultFile);
        if (m_sourcePlayer && !m_sourceFile.isEmpty())
            m_sourcePlayer->setSource(m_sourceFile);
        m_loaded = true;
    }
    m_resultStack->setCurrentWidget(m_resultPlayer->videoWidget());
    if (m_sourcePlayer && !m_sourceFile.isEmpty()) {
        m_sourceStack->setCurrentWidget(m_sourcePlayer->videoWidget());
        // Start together from the same point, whatever either did before.
        m_sourcePlayer->setPosition(m_resultPlayer->position());
        m_sourcePlayer->play();
    }
    m_resultPlayer->play();
    updateControls();
    return true;
}

void JobDetailsPanel::pause()
{
    if (m_resultPlayer)
        m_resultPlayer->pause();
    if (m_sourcePlayer)
        m_sourcePlayer->pause();
    updateControls();
}

void JobDetailsPanel::togglePlayback()
{
    if (isPlaying())
        pause();
    else
        play();
}

void JobDetailsPanel::seek(qint64 positionMs)
{
    if (!m_loaded)
        return;
    if (m_resultPlayer)
        m_resultPlayer->setPosition(positionMs);
    if (m_sourcePlayer && !m_sourceFile.isEmpty())
        m_sourcePlayer->setPosition(qMin(positionMs, m_sourcePlayer->duration()));
}

bool JobDetailsPanel::isPlaying() const
{
    return m_resultPlayer && m_resultPlayer->isPlaying();
}

void JobDetailsPanel::stopPlayers()
{
    if (m_resultPlayer)
        m_resultPlayer->setSource(QString()); // stops, and lets go of the file
    if (m_sourcePlayer)
        m_sourcePlayer->setSource(QString());
    m_loaded = false;
    m_resultStack->setCurrentWidget(m_resultPoster);
    m_sourceStack->setCurrentWidget(m_sourcePoster);
    m_seekSlider->setRange(0, 0);
    m_timeLabel->setText(formatTime(0) + u" / "_s + formatTime(0));
    updateControls();
    showFileDuration();
}

void JobDetailsPanel::showPlayerError(const QString &message)
{
    m_playerError = message;
    updateControls();
}

void JobDetailsPanel::updateDuration()
{
    // The longer of the two, so the slider reaches the end of either video.
    qint64 duration = m_resultPlayer ? m_resultPlayer->duration() : 0;
    if (m_sourcePlayer && !m_sourceFile.isEmpty())
        duration = qMax(duration, m_sourcePlayer->duration());
    m_seekSlider->setRange(0, int(qMin<qint64>(duration, std::numeric_limits<int>::max())));
    m_seekSlider->setPageStep(qMax(1000, int(duration / 10)));
    onResultPosition(m_resultPlayer ? m_resultPlayer->position() : 0);
    updateControls();
}

void JobDetailsPanel::onResultPosition(qint64 positionMs)
{
    if (!m_seekSlider->isSliderDown())
        m_seekSlider->setValue(int(positionMs));
    m_timeLabel->setText(formatTime(positionMs) + u" / "_s + formatTime(m_seekSlider->maximum()));
    // Two decoders drift apart over time; pull the source back when it is visibly off (a quarter second).
    if (m_sourcePlayer && m_sourcePlayer->isPlaying() && positionMs < m_sourcePlayer->duration()
        && qAbs(m_sourcePlayer->position() - positionMs) > 250) {
        m_sourcePlayer->setPosition(positionMs);
    }
}

void JobDetailsPanel::addJobAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + u"Button"_s);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setDefaultAction(action);
    button->setVisible(action->isEnabled());
    connect(action, &QAction::enabledChanged, button, &QWidget::setVisible);
    // Before the stretch: with the file buttons, on the left.
    m_fileButtons->insertWidget(m_fileButtons->count() - 1, button);
}

bool JobDetailsPanel::openWithSystemPlayer(const QString &filePath)
{
    return QDesktopServices::openUrl(QUrl::fromLocalFile(filePath));
}

void JobDetailsPanel::retranslate()
{
    m_openExternalButton->setText(tr("Open with system player", "button: play the downloaded video outside the app"));
    m_showInFolderButton->setText(tr("Show in folder", "button: open the folder of the downloaded video"));
    m_sourceCaption->setText(tr("Before", "caption above the source video in the before/after player"));
    m_resultCaption->setText(tr("After", "caption above the remixed video in the before/after player"));
    updateSourceNote();
    m_seekSlider->setToolTip(tr("Position (moves both videos)", "tooltip of the player's seek slider"));
    m_seekSlider->setAccessibleName(tr("Position", "accessible name of the player's seek slider"));
    m_text->setAccessibleName(tr("Job details", "accessible name of the text about the selected job"));
    m_playButton->setToolTip(tr("Play or pause the video here (before and after together when both are shown)",
                                "tooltip of the details pane's play button"));
    refresh();
}

void JobDetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
