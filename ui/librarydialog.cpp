#include "librarydialog.h"

#include "api/apiclient.h"
#include "appcore.h"
#include "downloads/downloadmanager.h"
#include "extenddialog.h"
#include "jobs/jobstate.h"
#include "library/librarymodel.h"
#include "thumbnaildelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

LibraryDialog::LibraryDialog(AppCore *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_model(new LibraryModel(core->apiClient(), this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_note(new QLabel(this))
    , m_remixButton(new QPushButton(this))
    , m_extendButton(new QPushButton(this))
    , m_downloadButton(new QPushButton(this))
    , m_addButton(new QPushButton(this))
    , m_deleteButton(new QPushButton(this))
    , m_reloadButton(new QPushButton(this))
    , m_closeButton(new QPushButton(this))
{
    setObjectName(u"libraryDialog"_s);
    m_view->setObjectName(u"libraryView"_s);
    m_search->setObjectName(u"librarySearch"_s);
    m_note->setObjectName(u"libraryNote"_s);
    m_remixButton->setObjectName(u"libraryRemixButton"_s);
    m_extendButton->setObjectName(u"libraryExtendButton"_s);
    m_downloadButton->setObjectName(u"libraryDownloadButton"_s);
    m_addButton->setObjectName(u"libraryAddButton"_s);
    m_deleteButton->setObjectName(u"libraryDeleteButton"_s);
    m_reloadButton->setObjectName(u"libraryReloadButton"_s);

    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // id, prompt, status...
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    // The finished videos' thumbnails beside their ids; every row keeps the thumbnail's height.
    auto *thumbnails = new ThumbnailDelegate(LibraryModel::ThumbnailPathRole, this);
    thumbnails->setThumbnailsShown(true);
    m_view->setItemDelegateForColumn(LibraryModel::VideoColumn, thumbnails);
    m_view->verticalHeader()->setDefaultSectionSize(thumbnails->thumbnailBox(fontMetrics()).height() + 6);
    m_model->setThumbnailFolder(m_core->downloadManager()->thumbnailFolder());
    m_view->horizontalHeader()->setSectionResizeMode(LibraryModel::PromptColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(LibraryModel::VideoColumn, QHeaderView::Interactive);
    // Short values keep their whole text; the prompt takes what is left.
    for (const int column : {int(LibraryModel::StatusColumn), int(LibraryModel::LengthColumn),
                             int(LibraryModel::SizeColumn), int(LibraryModel::CreatedColumn)})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->setColumnWidth(LibraryModel::VideoColumn, fontMetrics().horizontalAdvance(u'm') * 18
                                                          + thumbnails->thumbnailBox(fontMetrics()).width());
    m_view->setWordWrap(false);
    m_note->setWordWrap(true);
    m_search->setClearButtonEnabled(true);
    m_closeButton->setAutoDefault(false);
    for (QPushButton *button :
         {m_remixButton, m_extendButton, m_downloadButton, m_addButton, m_deleteButton, m_reloadButton})
        button->setAutoDefault(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_reloadButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_remixButton);
    buttons->addWidget(m_extendButton);
    buttons->addWidget(m_downloadButton);
    buttons->addWidget(m_addButton);
    buttons->addStretch(1);
    buttons->addWidget(m_deleteButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_model, &LibraryModel::stateChanged, this, &LibraryDialog::updateState);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LibraryDialog::updateState);
    connect(m_view, &QTableView::doubleClicked, this, &LibraryDialog::remixCurrent);
    connect(m_remixButton, &QPushButton::clicked, this, &LibraryDialog::remixCurrent);
    connect(m_extendButton, &QPushButton::clicked, this, &LibraryDialog::extendCurrent);
    connect(m_downloadButton, &QPushButton::clicked, this, &LibraryDialog::downloadCurrent);
    connect(m_addButton, &QPushButton::clicked, this, &LibraryDialog::addCurrent);
    connect(m_deleteButton, &QPushButton::clicked, this, &LibraryDialog::deleteCurrent);
    connect(m_reloadButton, &QPushButton::clicked, m_model, &LibraryModel::reload);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::close);

    retranslate();
    resize(fontMetrics().horizontalAdvance(u'm') * 80, fontMetrics().lineSpacing() * 28);
    m_model->setService(m_core->currentService());
}

LibraryDialog::~LibraryDialog() = default;

QString LibraryDialog::currentVideoId() const
{
    const QModelIndexList rows =
        m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList();
    return rows.isEmpty() ? QString() : rows.constFirst().data(LibraryModel::VideoIdRole).toString();
}

void LibraryDialog::updateState()
{
    const QString message = m_model->message();
    m_note->setText(message);
    m_note->setVisible(!message.isEmpty());
    const std::optional<VideoInfo> video = m_model->video(currentVideoId());
    const bool completed = video && video->state == JobState::Completed;
    m_remixButton->setEnabled(completed);
    m_extendButton->setEnabled(completed);
    m_downloadButton->setEnabled(completed);
    m_addButton->setEnabled(video.has_value());
    m_deleteButton->setEnabled(video.has_value());
    m_search->setEnabled(m_model->state() != LibraryModel::State::Unsupported);
}

void LibraryDialog::remixCurrent()
{
    const std::optional<VideoInfo> video = m_model->video(currentVideoId());
    if (video && video->state == JobState::Completed)
        emit remixRequested(video->id);
}

void LibraryDialog::extendCurrent()
{
    const std::optional<VideoInfo> video = m_model->video(currentVideoId());
    if (!video)
        return;
    ExtendDialog dialog(video->id, video->prompt, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The library's video joins the job list, so that the extension's chain shows where it came from.
    const QString source = m_core->adoptVideo(*video);
    const QString localId = m_core->extend(source, dialog.prompt(), dialog.seconds());
    if (!localId.isEmpty())
        emit jobCreated(localId);
}

void LibraryDialog::downloadCurrent()
{
    const std::optional<VideoInfo> video = m_model->video(currentVideoId());
    if (!video)
        return;
    const QString localId = m_core->adoptVideo(*video);
    m_core->downloadManager()->downloadNow(localId);
    emit jobCreated(localId);
}

void LibraryDialog::addCurrent()
{
    const std::optional<VideoInfo> video = m_model->video(currentVideoId());
    if (video)
        emit jobCreated(m_core->adoptVideo(*video));
}

void LibraryDialog::deleteCurrent()
{
    const QString id = currentVideoId();
    if (id.isEmpty())
        return;
    QMessageBox box(QMessageBox::Warning, tr("Delete on the Service?", "dialog title"),
                    tr("Delete “%1” on the service?", "question; %1 is a video id").arg(id),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setInformativeText(tr("The service removes the video for good; a copy you saved stays on this computer.",
                              "what deleting on the service does"));
    box.button(QMessageBox::Yes)->setText(tr("Delete", "button: delete the video on the service"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    ApiRequestJob *request = m_core->apiClient()->deleteVideo(m_core->currentService(), id);
    connect(request, &ApiRequestJob::finished, this, [this, id](ApiRequestJob *done) {
        if (!done->error().isError() || done->httpStatus() == 404) {
            m_model->removeVideo(id);
            return;
        }
        m_note->setText(done->error().userMessage(ApiOperation::Delete));
        m_note->show();
    });
    request->start();
}

void LibraryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    QDialog::changeEvent(event);
}

void LibraryDialog::retranslate()
{
    setWindowTitle(tr("Library", "window title: the videos the service keeps for this account"));
    m_search->setPlaceholderText(tr("Search ids and prompts", "library search field"));
    m_remixButton->setText(tr("&Remix", "library button: put the id into the remix form"));
    m_extendButton->setText(tr("E&xtend…", "library button: continue the video"));
    m_downloadButton->setText(tr("&Download", "library button: save the video to this computer"));
    m_addButton->setText(tr("&Add to My Jobs", "library button: show the video in the job list"));
    m_deleteButton->setText(tr("De&lete…", "library button: delete the video on the service (asks first)"));
    m_reloadButton->setText(tr("Re&load", "library button: ask the service again"));
    m_closeButton->setText(tr("Close", "button"));
    updateState();
}
