#include "batchdialog.h"

#include "api/videoid.h"
#include "appcore.h"
#include "jobs/costestimator.h"
#include "remixform.h"
#include "services/pricelist.h"
#include "services/profilestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr int MaxBatchJobs = 500;
}

BatchDialog::BatchDialog(AppCore *core, const CreateVideoSpec &createChoices, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_createChoices(createChoices)
    , m_kindBox(new QComboBox(this))
    , m_sourceEdit(new QLineEdit(this))
    , m_linesEdit(new QPlainTextEdit(this))
    , m_versionsBox(new QSpinBox(this))
    , m_loadButton(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_progress(new QLabel(this))
    , m_sendButton(new QPushButton(this))
    , m_pauseButton(new QPushButton(this))
{
    setObjectName(u"batchDialog"_s);
    m_kindBox->setObjectName(u"batchKindBox"_s);
    m_sourceEdit->setObjectName(u"batchSourceEdit"_s);
    m_linesEdit->setObjectName(u"batchLinesEdit"_s);
    m_versionsBox->setObjectName(u"batchVersionsBox"_s);
    m_summary->setObjectName(u"batchSummary"_s);
    m_problems->setObjectName(u"batchProblems"_s);
    m_progress->setObjectName(u"batchProgress"_s);
    m_sendButton->setObjectName(u"batchSendButton"_s);
    m_pauseButton->setObjectName(u"batchPauseButton"_s);

    m_kindBox->addItem(QString(), int(JobKind::Remix));
    m_kindBox->addItem(QString(), int(JobKind::Create));
    m_versionsBox->setRange(1, 20);
    m_linesEdit->setTabChangesFocus(true);
    for (QLabel *label : {m_summary, m_problems, m_progress}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, RemixForm::errorColour(palette()));
    m_problems->setPalette(problemPalette);
    m_sendButton->setAutoDefault(false);
    m_pauseButton->setAutoDefault(false);

    // The row labels are ours (their text follows a language switch) and name their fields (the '&').
    m_kindLabel = new QLabel(this);
    m_kindLabel->setBuddy(m_kindBox);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setBuddy(m_sourceEdit);
    m_linesLabel = new QLabel(this);
    m_linesLabel->setBuddy(m_linesEdit);
    m_versionsLabel = new QLabel(this);
    m_versionsLabel->setBuddy(m_versionsBox);
    m_versionsLabel->setObjectName(u"batchVersionsLabel"_s);
    auto *form = new QFormLayout;
    form->addRow(m_kindLabel, m_kindBox);
    form->addRow(m_sourceLabel, m_sourceEdit);
    auto *linesRow = new QHBoxLayout;
    linesRow->addWidget(m_linesEdit, 1);
    form->addRow(m_linesLabel, linesRow);
    auto *options = new QHBoxLayout;
    options->addWidget(m_versionsBox);
    options->addStretch(1);
    options->addWidget(m_loadButton);
    form->addRow(m_versionsLabel, options);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_pauseButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_sendButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        m_fromFile = false;
        reparse();
    });
    connect(m_sourceEdit, &QLineEdit::textChanged, this, &BatchDialog::reparse);
    connect(m_linesEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_linesEdit->hasFocus())
            return reparse();
        m_fromFile = false;
        reparse();
    });
    connect(m_versionsBox, &QSpinBox::valueChanged, this, &BatchDialog::reparse);
    connect(m_loadButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a Batch File", "file dialog title"), QString(),
            tr("Tables (*.csv *.tsv *.txt);;All files (*)", "file dialog filter for batch files"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(m_sendButton, &QPushButton::clicked, this, &BatchDialog::send);
    connect(m_pauseButton, &QPushButton::clicked, this, [this] {
        BatchRunner *runner = m_core->batchRunner();
        if (runner->isPaused())
            runner->resume();
        else
            runner->pause();
    });
    connect(m_core->batchRunner(), &BatchRunner::progressChanged, this, &BatchDialog::updateProgress);

    retranslate();
    reparse();
    updateProgress();
    resize(fontMetrics().horizontalAdvance(u'm') * 60, fontMetrics().lineSpacing() * 24);
}

BatchDialog::~BatchDialog() = default;

void BatchDialog::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 5 * 1024 * 1024) {
        m_problems->setText(tr("“%1” cannot be read (or is over 5 MB).", "batch file problem").arg(path));
        m_problems->show();
        return;
    }
    const QByteArray bytes = file.readAll();
    const auto kind = JobKind(m_kindBox->currentData().toInt());
    m_parsed = kind == JobKind::Create ? BatchFile::parseCreateCsv(bytes, QFileInfo(path).absolutePath())
                                       : BatchFile::parseRemixCsv(bytes);
    m_fromFile = true;
    m_linesEdit->blockSignals(true);
    m_linesEdit->setPlainText(QString::fromUtf8(bytes));
    m_linesEdit->blockSignals(false);
    m_linesEdit->setReadOnly(true);
    m_sourceEdit->setEnabled(false);
    reparse();
}

void BatchDialog::reparse()
{
    const auto kind = JobKind(m_kindBox->currentData().toInt());
    if (!m_fromFile) {
        m_linesEdit->setReadOnly(false);
        m_sourceEdit->setEnabled(kind == JobKind::Remix);
        if (kind == JobKind::Remix) {
            const VideoIdInput id = VideoIdInput::parse(m_sourceEdit->text());
            m_parsed = BatchFile::remixPerLine(id.id, m_linesEdit->toPlainText());
            if (!m_linesEdit->toPlainText().trimmed().isEmpty() && !id.isValid()) {
                m_parsed.entries.clear();
                m_parsed.problems.prepend({0, id.message()});
            }
        } else {
            m_parsed = BatchFile::createPerLine(m_createChoices, m_linesEdit->toPlainText());
        }
    }
    QStringList problems;
    for (const BatchProblem &problem : std::as_const(m_parsed.problems)) {
        problems
            << (problem.line > 0
                    ? tr("Line %1: %2", "batch problem; %1 is a line number").arg(problem.line).arg(problem.message)
                    : problem.message);
    }
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());

    const int jobs = int(m_parsed.entries.size()) * m_versionsBox->value();
    const std::optional<ServiceProfile> profile = m_core->profileStore()->activeProfile();
    const QString service = profile ? profile->displayName() : QString();
    if (jobs == 0) {
        m_summary->setText(tr("Write one prompt per line, or load a CSV file.", "batch dialog summary"));
    } else if (jobs > MaxBatchJobs) {
        m_summary->setText(
            tr("%1 jobs is more than one batch takes (%2).", "batch dialog summary").arg(jobs).arg(MaxBatchJobs));
    } else if (const std::optional<double> cost = estimatedCost(); cost) {
        m_summary->setText(tr("%1 jobs will be sent to “%2”, a few at a time. Each one is charged by the service; "
                              "estimated cost in all: %3.",
                              "batch dialog summary: the question before sending; %1 is a number of jobs, %3 an "
                              "amount from the prices set in Settings")
                               .arg(jobs)
                               .arg(service, Cost::format(*cost, profile ? profile->prices.currency : QString())));
    } else {
        m_summary->setText(tr("%1 jobs will be sent to “%2”, a few at a time. Each one is charged by the service; "
                              "the cost is not known to this app.",
                              "batch dialog summary: the question before sending; %1 is a number of jobs")
                               .arg(jobs)
                               .arg(service));
    }
    m_sendButton->setEnabled(jobs > 0 && jobs <= MaxBatchJobs && !m_core->batchRunner()->isRunning());
}

std::optional<double> BatchDialog::estimatedCost() const
{
    // Known only when every job's is: a partial sum would read as the whole cost.
    const CostEstimator costs(m_core->profileStore(), m_core->jobList());
    double total = 0;
    for (const BatchEntry &entry : std::as_const(m_parsed.entries)) {
        const JobRequest &request = entry.request;
        const CostEstimator::Estimate estimate = request.kind == JobKind::Create
                                                     ? costs.forNewVideo(request.create.model, request.create.seconds)
                                                     : costs.forRemix(request.sourceVideoId);
        if (!estimate.isKnown())
            return std::nullopt;
        total += *estimate.amount;
    }
    return total * m_versionsBox->value();
}

void BatchDialog::send()
{
    reparse();
    if (!m_sendButton->isEnabled())
        return;
    QVector<BatchEntry> entries;
    for (const BatchEntry &entry : std::as_const(m_parsed.entries))
        for (int i = 0; i < m_versionsBox->value(); ++i)
            entries.append(entry);
    m_core->startBatch(entries);
    m_sendButton->setEnabled(false);
}

void BatchDialog::updateProgress()
{
    const BatchRunner *runner = m_core->batchRunner();
    const int total = int(runner->items().size());
    m_pauseButton->setVisible(total > 0 && runner->countOf(BatchRunner::ItemStatus::Waiting) > 0);
    m_pauseButton->setText(runner->isPaused() ? tr("&Resume", "button: go on sending the batch")
                                              : tr("P&ause", "button: stop sending the batch for now"));
    if (total == 0) {
        m_progress->clear();
        return;
    }
    m_progress->setText(
        tr("Batch: %1 of %2 sent · %3 waiting · %4 not confirmed · %5 refused%6",
           "batch progress; %6 is empty or ' · paused'")
            .arg(runner->countOf(BatchRunner::ItemStatus::Sent))
            .arg(total)
            .arg(runner->countOf(BatchRunner::ItemStatus::Waiting) + runner->countOf(BatchRunner::ItemStatus::Sending))
            .arg(runner->countOf(BatchRunner::ItemStatus::NotConfirmed))
            .arg(runner->countOf(BatchRunner::ItemStatus::Refused))
            .arg(runner->isPaused() ? tr(" · paused", "batch progress suffix") : QString()));
    m_sendButton->setEnabled(!runner->isRunning() && !m_parsed.entries.isEmpty());
}

void BatchDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The summary, the problems and the progress are sentences in the old language.
        reparse();
        updateProgress();
    }
    QDialog::changeEvent(event);
}

void BatchDialog::retranslate()
{
    setWindowTitle(tr("Send a Batch", "dialog title: many jobs at once"));
    m_kindLabel->setText(tr("&Make:", "batch dialog: remixes or new videos"));
    m_sourceLabel->setText(tr("&Video ID:", "batch dialog: the video every remix starts from"));
    m_linesLabel->setText(tr("&Prompts:", "batch dialog: one prompt per line"));
    m_versionsLabel->setText(tr("V&ersions of each:", "batch dialog: how many jobs per prompt"));
    m_kindBox->setItemText(0, tr("Remixes of one video", "batch kind"));
    m_kindBox->setItemText(1, tr("New videos (with the New Video tab's model, length and size)", "batch kind"));
    m_linesEdit->setPlaceholderText(
        tr("One prompt per line, e.g.\nmake the sky purple\n让背景变成雪景", "placeholder of the batch prompts"));
    m_loadButton->setText(tr("&Load CSV…", "button: read jobs from a CSV or TSV file"));
    m_loadButton->setToolTip(tr("Remixes: source_id,prompt per row. New videos: prompt,model,seconds,size,image.",
                                "tooltip of the Load CSV button"));
    m_sendButton->setText(tr("&Send Batch", "button: start sending the batch"));
}
