#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class DownloadManager;
namespace Media {
class FrameGrabber;
class VideoPlayer;
} // namespace Media
class QAction;
class JobModel;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QSlider;
class QStackedWidget;
class QToolButton;

// The selected job in full: status, ids, prompt, the source → remix chain, the link's expiry, errors
// with their technical detail (selectable), and the downloaded video in a player. When the source
// video is itself a downloaded job in the list, source and result play side by side, in step
// ("before / after"). Players are created only when the user plays something, so showing a job never
// touches the multimedia backend (offscreen tests, machines without audio or video output).
class JobDetailsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobDetailsPanel)

public:
    // downloads: for fetching a source video from the service for before / after (may be null).
    JobDetailsPanel(JobModel *model, DownloadManager *downloads, QWidget *parent = nullptr);
    ~JobDetailsPanel() override;

    // Shows a job ("" = none). Showing another job stops what was playing.
    void setJob(const QString &localId);
    QString jobId() const { return m_jobId; }
    // Re-reads the job after a change in the model (status, download, expiry).
    void refresh();

    // The shown job's downloaded video, if its file exists ("" otherwise).
    QString resultFile() const { return m_resultFile; }
    // The before/after source file, if the source is a downloaded job in the list ("" otherwise).
    QString sourceFile() const { return m_sourceFile; }

    // Plays the shown job's video here (Open); false when there is no file to play.
    bool play();
    void pause();
    void togglePlayback();
    // Moves both players (result and, in before/after, source) to the same position.
    void seek(qint64 positionMs);
    bool isPlaying() const;
    // The players, once created (nullptr before the first play): tests and the before/after sync.
    Media::VideoPlayer *resultPlayer() const { return m_resultPlayer.get(); }
    Media::VideoPlayer *sourcePlayer() const { return m_sourcePlayer.get(); }

    // Puts a job action (e.g. Edit and Resend) beside the file buttons, shown while the action is enabled.
    void addJobAction(QAction *action);

    static bool openWithSystemPlayer(const QString &filePath);

signals:
    // Something the window's status bar should say (e.g. an external player could not be started).
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateText();
    void updateMedia();
    void updateSourceNote();
    void updateControls();
    void updatePosters();
    void stopPlayers();
    void ensurePlayers();
    void showPlayerError(const QString &message);
    void onResultPosition(qint64 positionMs);
    void updateDuration();
    // Shows the files' length before Play (read from the files, not from a player).
    void showFileDuration();

    JobModel *m_model;
    DownloadManager *m_downloads;
    QString m_jobId;
    QString m_resultFile;
    QString m_sourceFile;
    QString m_playerError; // what the last player error said, shown until another job is selected

    QHBoxLayout *m_layout = nullptr; // text column | player
    QScrollArea *m_textScroll;
    QLabel *m_text;
    QPushButton *m_openExternalButton;
    QPushButton *m_showInFolderButton;
    QHBoxLayout *m_fileButtons = nullptr;

    QWidget *m_playerBox;
    QWidget *m_sourceSlot;
    QLabel *m_sourceCaption;
    QStackedWidget *m_sourceStack;
    QLabel *m_sourcePoster;
    QWidget *m_resultSlot;
    QLabel *m_resultCaption;
    QStackedWidget *m_resultStack;
    QLabel *m_resultPoster;
    QLabel *m_sourceNote;
    QPushButton *m_fetchSourceButton;
    QString m_sourceFetchError; // the last failed fetch of the source, shown in the note
    QToolButton *m_playButton;
    QSlider *m_seekSlider;
    QLabel *m_timeLabel;
    QLabel *m_playerMessage;

    // Created on the first play (which loads Qt Multimedia, mediafactory.h), then reused for every job.
    // Destroyed before the widgets their pictures are in.
    std::unique_ptr<Media::VideoPlayer> m_resultPlayer;
    std::unique_ptr<Media::VideoPlayer> m_sourcePlayer;
    bool m_loaded = false;                         // the players hold the current job's files
    std::unique_ptr<Media::FrameGrabber> m_frames; // first frames of fetched sources, made on demand
    QSet<QString> m_framesAsked;
    QHash<QString, qint64> m_fileDurations; // file -> its length in ms, read once (-1: unknown or pending)
};
