#include "createform.h"

#include "jobs/costestimator.h"
#include "prompthelp.h"
#include "remixform.h"
#include "settings.h"

#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace {
void setTextColour(QLabel *label, const QColor &colour)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

void fillCombo(QComboBox *box, const QStringList &values, const QString &current)
{
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->addItems(values);
    box->setCurrentText(current);
}

QString sizeText(const QSize &size)
{
    return QStringLiteral("%1 × %2").arg(size.width()).arg(size.height());
}

QUrl imageUrlFrom(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != "https"_L1 && scheme != "http"_L1))
        return QUrl();
    return url;
}
} // namespace

CreateForm::CreateForm(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_promptLabel(new QLabel(this))
    , m_promptEdit(new QPlainTextEdit(this))
    , m_promptCounter(new QLabel(this))
    , m_promptHint(new QLabel(this))
    , m_modelLabel(new QLabel(this))
    , m_modelBox(new QComboBox(this))
    , m_secondsLabel(new QLabel(this))
    , m_secondsBox(new QComboBox(this))
    , m_sizeLabel(new QLabel(this))
    , m_sizeBox(new QComboBox(this))
    , m_imageLabel(new QLabel(this))
    , m_imagePreview(new QLabel(this))
    , m_imageNote(new QLabel(this))
    , m_chooseButton(new QPushButton(this))
    , m_pasteButton(new QPushButton(this))
    , m_clearButton(new QPushButton(this))
    , m_urlEdit(new QLineEdit(this))
    , m_fitBox(new QComboBox(this))
    , m_createButton(new QPushButton(this))
    , m_promptHelp(new PromptHelp(PromptHelp::Kind::NewVideo, m_promptEdit, this))
{
    setObjectName(u"createForm"_s);
    m_promptEdit->setObjectName(u"createPromptEdit"_s);
    m_modelBox->setObjectName(u"modelBox"_s);
    m_secondsBox->setObjectName(u"secondsBox"_s);
    m_sizeBox->setObjectName(u"sizeBox"_s);
    m_imagePreview->setObjectName(u"referencePreview"_s);
    m_imageNote->setObjectName(u"referenceNote"_s);
    m_urlEdit->setObjectName(u"referenceUrlEdit"_s);
    m_fitBox->setObjectName(u"fitBox"_s);
    m_createButton->setObjectName(u"createButton"_s);
    m_chooseButton->setObjectName(u"chooseImageButton"_s);
    m_pasteButton->setObjectName(u"pasteImageButton"_s);
    m_clearButton->setObjectName(u"clearImageButton"_s);

    m_promptLabel->setBuddy(m_promptEdit);
    m_modelLabel->setBuddy(m_modelBox);
    m_secondsLabel->setBuddy(m_secondsBox);
    m_sizeLabel->setBuddy(m_sizeBox);
    m_imageLabel->setBuddy(m_chooseButton);
    m_promptEdit->setTabChangesFocus(true);
    m_promptEdit->setMinimumHeight(3 * fontMetrics().lineSpacing());
    setTextColour(m_promptHint, RemixForm::errorColour(palette()));
    m_promptHint->setWordWrap(true);
    m_promptHint->hide();
    m_imageNote->setWordWrap(true);
    m_imageNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The preview keeps its place whether or not an image is chosen: nothing below it jumps.
    const int previewHeight = 4 * fontMetrics().lineSpacing();
    m_imagePreview->setFixedSize(previewHeight * 16 / 9, previewHeight);
    m_imagePreview->setAlignment(Qt::AlignCenter);
    m_imagePreview->setFrameShape(QFrame::StyledPanel);
    m_createButton->setAutoDefault(false);

    fillCombo(m_modelBox, VideoPresets::models(), m_settings->value(Settings::Key::NewVideoModel).toString());
    fillCombo(m_secondsBox, VideoPresets::seconds(), m_settings->value(Settings::Key::NewVideoSeconds).toString());
    fillCombo(m_sizeBox, VideoPresets::sizes(), m_settings->value(Settings::Key::NewVideoSize).toString());
    m_secondsBox->setMinimumContentsLength(4);
    m_sizeBox->setMinimumContentsLength(9);
    m_modelBox->setMinimumContentsLength(14);
    m_fitBox->addItem(QString(), int(ReferenceImageFile::Fit::Crop));
    m_fitBox->addItem(QString(), int(ReferenceImageFile::Fit::Pad));
    m_fitBox->hide();

    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->addWidget(m_promptLabel, 0, 0, Qt::AlignTop);
    auto *promptColumn = new QVBoxLayout;
    promptColumn->setContentsMargins(0, 0, 0, 0);
    promptColumn->setSpacing(2);
    promptColumn->addWidget(m_promptEdit, 1);
    promptColumn->addWidget(m_promptHelp);
    grid->addLayout(promptColumn, 0, 1);
    auto *promptFooter = new QHBoxLayout;
    promptFooter->addWidget(m_promptHint, 1);
    promptFooter->addWidget(m_promptCounter, 0, Qt::AlignRight | Qt::AlignTop);
    grid->addLayout(promptFooter, 1, 1);

    auto *choices = new QHBoxLayout;
    choices->addWidget(m_modelBox, 2);
    choices->addSpacing(8);
    choices->addWidget(m_secondsLabel);
    choices->addWidget(m_secondsBox, 1);
    choices->addSpacing(8);
    choices->addWidget(m_sizeLabel);
    choices->addWidget(m_sizeBox, 1);
    grid->addWidget(m_modelLabel, 2, 0);
    grid->addLayout(choices, 2, 1);

    auto *imageRow = new QHBoxLayout;
    imageRow->addWidget(m_imagePreview);
    auto *imageSide = new QVBoxLayout;
    auto *imageButtons = new QHBoxLayout;
    imageButtons->addWidget(m_chooseButton);
    imageButtons->addWidget(m_pasteButton);
    imageButtons->addWidget(m_urlEdit, 1);
    imageButtons->addWidget(m_clearButton);
    imageSide->addLayout(imageButtons);
    auto *noteRow = new QHBoxLayout;
    noteRow->addWidget(m_imageNote, 1);
    noteRow->addWidget(m_fitBox, 0, Qt::AlignTop);
    imageSide->addLayout(noteRow);
    imageSide->addStretch(1);
    imageRow->addLayout(imageSide, 1);
    grid->addWidget(m_imageLabel, 3, 0, Qt::AlignTop);
    grid->addLayout(imageRow, 3, 1);

    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(u"createCostLabel"_s);
    m_costLabel->setTextFormat(Qt::PlainText);
    m_costLabel->hide();
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_costLabel);
    buttonRow->addWidget(m_createButton);
    grid->addLayout(buttonRow, 4, 1);
    grid->setRowStretch(0, 1);

    setAcceptDrops(true);
    // Tab reaches the prompt help where it shows: right after the prompt box.
    m_promptHelp->setTabOrderAfter(m_promptEdit);
    m_createButton->installEventFilter(this);

    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, &CreateForm::updatePromptCounter);
    for (QComboBox *box : {m_modelBox, m_secondsBox})
        connect(box, &QComboBox::currentTextChanged, this, &CreateForm::updateCost);
    connect(m_chooseButton, &QPushButton::clicked, this, &CreateForm::chooseFile);
    connect(m_pasteButton, &QPushButton::clicked, this, &CreateForm::pasteImage);
    connect(m_clearButton, &QPushButton::clicked, this, &CreateForm::clearReference);
    connect(m_urlEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!text.trimmed().isEmpty()) {
            m_referencePath.clear();
            m_referenceBytes.clear();
            m_check = ReferenceImageCheck();
            m_prepared = ReferenceImage();
            m_imagePreview->clear();
        }
        updateReferenceNote();
    });
    connect(m_createButton, &QPushButton::clicked, this, &CreateForm::trySubmit);
    connect(m_sizeBox, &QComboBox::currentTextChanged, this, &CreateForm::prepareReference);
    connect(m_fitBox, &QComboBox::currentIndexChanged, this, &CreateForm::prepareReference);
    for (QComboBox *box : {m_modelBox, m_secondsBox, m_sizeBox})
        connect(box, &QComboBox::currentTextChanged, this, &CreateForm::rememberChoices);
    connect(&m_watcher, &QFutureWatcher<ReferenceImageFile::Prepared>::finished, this, [this] {
        m_preparing = false;
        const ReferenceImageFile::Prepared result = m_watcher.result();
        m_prepared = result.check.isOk() ? result.image : ReferenceImage();
        // Keep the original's size for the note ("1600 × 900, fitted to 720 × 1280").
        const QSize original = m_check.imageSize;
        m_check = result.check;
        if (original.isValid())
            m_check.imageSize = original;
        QImage preview;
        if (preview.loadFromData(m_prepared.bytes)) {
            m_imagePreview->setPixmap(QPixmap::fromImage(
                preview.scaled(m_imagePreview->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        } else {
            m_imagePreview->clear();
        }
        m_createButton->setEnabled(true);
        updateReferenceNote();
        if (std::exchange(m_submitWhenPrepared, false))
            trySubmit();
    });

    // Ctrl+Return while this form is shown (a hidden form's shortcut does not fire), never auto-repeated:
    // every new video is paid.
    for (const QKeySequence &sequence :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(sequence, this);
        shortcut->setContext(Qt::WindowShortcut);
        shortcut->setAutoRepeat(false);
        connect(shortcut, &QShortcut::activated, this, &CreateForm::trySubmit);
    }
    retranslate();
}

CreateForm::~CreateForm()
{
    m_watcher.waitForFinished();
}

QString CreateForm::prompt() const
{
    return m_promptEdit->toPlainText();
}

CreateVideoSpec CreateForm::choices() const
{
    CreateVideoSpec spec;
    spec.model = m_modelBox->currentText().trimmed();
    spec.seconds = m_secondsBox->currentText().trimmed();
    spec.size = m_sizeBox->currentText().trimmed();
    return spec;
}

void CreateForm::setPrompt(const QString &prompt)
{
    m_promptEdit->setPlainText(prompt);
}

void CreateForm::setRecentPrompts(QAbstractItemModel *prompts)
{
    m_promptHelp->setRecentPrompts(prompts);
}

void CreateForm::setCostEstimator(const CostEstimator *costs)
{
    if (m_costs)
        disconnect(m_costs, nullptr, this, nullptr);
    m_costs = costs;
    if (costs)
        connect(costs, &CostEstimator::pricesChanged, this, &CreateForm::updateCost);
    updateCost();
}

void CreateForm::updateCost()
{
    if (!m_costs) {
        m_costLabel->hide();
        return;
    }
    m_costLabel->setText(
        CostEstimator::sentence(m_costs->forNewVideo(m_modelBox->currentText(), m_secondsBox->currentText())));
    m_costLabel->show();
}

void CreateForm::focusPrompt()
{
    m_promptEdit->setFocus(Qt::OtherFocusReason);
}

void CreateForm::setReferenceFile(const QString &path)
{
    m_referencePath = path;
    m_referenceBytes.clear();
    m_referenceName = QFileInfo(path).fileName();
    m_urlEdit->clear();
    // The header only, at once (cheap); the whole image is read and fitted off the GUI thread.
    m_check = ReferenceImageFile::inspect(path);
    prepareReference();
}

void CreateForm::setReferenceBytes(const QByteArray &bytes, const QString &name)
{
    m_referencePath.clear();
    m_referenceBytes = bytes;
    m_referenceName = name;
    m_urlEdit->clear();
    m_check = ReferenceImageFile::inspectBytes(bytes, name);
    prepareReference();
}

void CreateForm::setReferenceUrl(const QString &url)
{
    m_referencePath.clear();
    m_referenceBytes.clear();
    m_check = ReferenceImageCheck();
    m_prepared = ReferenceImage();
    m_imagePreview->clear();
    m_urlEdit->setText(url);
    updateReferenceNote();
}

void CreateForm::clearReference()
{
    m_referencePath.clear();
    m_referenceBytes.clear();
    m_referenceName.clear();
    m_check = ReferenceImageCheck();
    m_prepared = ReferenceImage();
    m_imagePreview->clear();
    m_urlEdit->clear();
    updateReferenceNote();
}

void CreateForm::prepareReference()
{
    if (m_referencePath.isEmpty() && m_referenceBytes.isEmpty()) {
        updateReferenceNote();
        return;
    }
    m_prepared = ReferenceImage();
    if (!m_check.isOk()) {
        m_imagePreview->clear();
        updateReferenceNote();
        return;
    }
    const QString size = m_sizeBox->currentText();
    const auto fit = ReferenceImageFile::Fit(m_fitBox->currentData().toInt());
    if (m_watcher.isRunning())
        m_watcher.waitForFinished(); // a previous fit of a few hundred milliseconds at most
    m_createButton->setEnabled(false);
    m_preparing = true;
    if (!m_referencePath.isEmpty())
        m_watcher.setFuture(QtConcurrent::run(&ReferenceImageFile::prepare, m_referencePath, size, fit));
    else
        m_watcher.setFuture(
            QtConcurrent::run(&ReferenceImageFile::prepareBytes, m_referenceBytes, m_referenceName, size, fit));
    updateReferenceNote();
}

void CreateForm::updateReferenceNote()
{
    const bool hasFile = !m_referencePath.isEmpty() || !m_referenceBytes.isEmpty();
    const QString url = m_urlEdit->text().trimmed();
    const bool mismatch = hasFile && m_check.isOk() && m_check.mismatches(m_sizeBox->currentText());
    m_fitBox->setVisible(mismatch);
    m_clearButton->setEnabled(hasFile || !url.isEmpty());
    setTextColour(m_imageNote, palette().color(QPalette::WindowText));
    if (!hasFile && url.isEmpty()) {
        m_imageNote->setText(tr("Optional. The video starts from this picture: drop an image here, choose a file, "
                                "paste one, or enter its address. JPEG, PNG or WebP.",
                                "note under the reference image buttons when none is chosen"));
        return;
    }
    if (!url.isEmpty()) {
        if (imageUrlFrom(url).isEmpty()) {
            setTextColour(m_imageNote, RemixForm::errorColour(palette()));
            m_imageNote->setText(tr("Enter the full address of the image, starting with https://.",
                                    "reference image URL is not a web address"));
        } else {
            m_imageNote->setText(tr("The service downloads the image from this address. Its size should match "
                                    "the video's size.",
                                    "note for a reference image given as a URL"));
        }
        return;
    }
    if (!m_check.isOk()) {
        setTextColour(m_imageNote, RemixForm::errorColour(palette()));
        m_imageNote->setText(m_check.message());
        return;
    }
    if (m_preparing) {
        m_imageNote->setText(tr("Reading “%1”…", "the reference image is being read").arg(m_referenceName));
        return;
    }
    int width = 0;
    int height = 0;
    if (mismatch && VideoPresets::parseSize(m_sizeBox->currentText(), &width, &height)) {
        m_imageNote->setText(
            tr("“%1” is %2; the video is %3, so the image is fitted:",
               "reference image of another size than the video; %2 and %3 are sizes like 1600 × 900; followed by "
               "a choice: crop or add bars")
                .arg(m_referenceName, sizeText(m_check.imageSize), sizeText(QSize(width, height))));
        return;
    }
    m_imageNote->setText(
        tr("“%1”, %2: the video starts from this picture.", "reference image chosen; %2 is its size like 720 × 1280")
            .arg(m_referenceName, sizeText(m_check.imageSize)));
}

void CreateForm::chooseFile()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (!m_referencePath.isEmpty())
        folder = QFileInfo(m_referencePath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose the First Frame", "file dialog title: pick the reference image of a new video"), folder,
        tr("Images (*.jpg *.jpeg *.png *.webp);;All files (*)", "file dialog filter"));
    if (!path.isEmpty())
        setReferenceFile(path);
}

void CreateForm::pasteImage()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (data && data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        setReferenceBytes(bytes, tr("pasted image.png", "file name of an image pasted from the clipboard"));
        return;
    }
    if (data && data->hasUrls() && data->urls().constFirst().isLocalFile()) {
        setReferenceFile(data->urls().constFirst().toLocalFile());
        return;
    }
    const QString text = data ? data->text().trimmed() : QString();
    if (!imageUrlFrom(text).isEmpty()) {
        setReferenceUrl(text);
        return;
    }
    setTextColour(m_imageNote, RemixForm::errorColour(palette()));
    m_imageNote->setText(tr("The clipboard holds no image. Copy a picture (or its address) first.",
                            "the Paste image button found nothing usable"));
}

void CreateForm::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasImage() || (data->hasUrls() && data->urls().constFirst().isLocalFile()))
        event->acceptProposedAction();
}

void CreateForm::dropEvent(QDropEvent *event)
{
    const QMimeData *data = event->mimeData();
    if (data->hasUrls() && data->urls().constFirst().isLocalFile()) {
        setReferenceFile(data->urls().constFirst().toLocalFile());
    } else if (data->hasImage()) {
        const QImage image = qvariant_cast<QImage>(data->imageData());
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        setReferenceBytes(bytes, tr("dropped image.png", "file name of an image dropped from another app"));
    }
    event->acceptProposedAction();
}

void CreateForm::trySubmit()
{
    m_showEmptyHints = true;
    updatePromptCounter();
    if (!m_promptCheck.isValid()) {
        m_promptEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    CreateVideoSpec spec;
    spec.prompt = m_promptEdit->toPlainText();
    spec.model = m_modelBox->currentText().trimmed();
    spec.seconds = m_secondsBox->currentText().trimmed();
    spec.size = m_sizeBox->currentText().trimmed();
    const QString url = m_urlEdit->text().trimmed();
    if (!url.isEmpty()) {
        spec.reference.url = imageUrlFrom(url);
        if (spec.reference.url.isEmpty()) {
            m_urlEdit->setFocus(Qt::OtherFocusReason);
            return;
        }
    } else if (!m_referencePath.isEmpty() || !m_referenceBytes.isEmpty()) {
        if (m_preparing) {
            m_submitWhenPrepared = true; // sent once the image is ready, still one gesture, one POST
            return;
        }
        if (!m_check.isOk() || m_prepared.isEmpty()) {
            m_chooseButton->setFocus(Qt::OtherFocusReason);
            return; // the note says why; nothing is sent
        }
        spec.reference = m_prepared;
    }
    rememberChoices();
    emit createRequested(spec);
}

void CreateForm::rememberChoices()
{
    m_settings->setValue(Settings::Key::NewVideoModel, m_modelBox->currentText().trimmed());
    m_settings->setValue(Settings::Key::NewVideoSeconds, m_secondsBox->currentText().trimmed());
    m_settings->setValue(Settings::Key::NewVideoSize, m_sizeBox->currentText().trimmed());
}

void CreateForm::updatePromptCounter()
{
    m_promptCheck = PromptCheck::check(m_promptEdit->toPlainText());
    RemixForm::showPromptCheck(m_promptCheck, m_showEmptyHints, m_promptCounter, m_promptHint);
}

bool CreateForm::eventFilter(QObject *watched, QEvent *event)
{
    // One click, one new video: the second click of a double click is not another submit.
    if (watched == m_createButton && event->type() == QEvent::MouseButtonDblClick)
        return true;
    return QWidget::eventFilter(watched, event);
}

void CreateForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CreateForm::retranslate()
{
    updateCost();
    m_promptLabel->setText(tr("&Prompt:", "label of the new video's prompt field"));
    m_promptEdit->setPlaceholderText(tr("Describe the video, e.g. “A cat walks through Tokyo in the rain, neon "
                                        "reflections” or “一只猫在雨夜的东京街头散步”.",
                                        "placeholder of the new video's prompt"));
    m_modelLabel->setText(tr("&Model:", "label: which video model makes the new video"));
    m_modelBox->setToolTip(tr("The model name as your service spells it; some relays use names such as "
                              "sora-2-landscape-15s.",
                              "tooltip of the model box"));
    m_secondsLabel->setText(tr("&Length (s):", "label: the new video's length in seconds"));
    m_secondsBox->setToolTip(tr("Seconds: 4, 8 or 12; some services also take 16 or 20.", "tooltip of the length box"));
    m_sizeLabel->setText(tr("&Size:", "label: the new video's width x height"));
    m_sizeBox->setToolTip(tr("Width × height: 720x1280 and 1024x1792 are portrait, 1280x720 and 1792x1024 landscape.",
                             "tooltip of the size box"));
    m_imageLabel->setText(tr("First &frame:", "label of the optional reference image"));
    m_chooseButton->setText(tr("Choose…", "button: pick a reference image file"));
    m_pasteButton->setText(tr("Paste", "button: use the image on the clipboard"));
    m_clearButton->setText(tr("Clear", "button: no reference image"));
    m_urlEdit->setPlaceholderText(tr("or an image address (https://…)", "placeholder of the reference image URL"));
    // A placeholder is not a name: a screen reader announces the field by this.
    m_urlEdit->setAccessibleName(tr("First frame image address", "accessible name of the reference image URL field"));
    m_fitBox->setItemText(0, tr("Crop to fill", "fit a reference image: cut off what does not fit"));
    m_fitBox->setItemText(1, tr("Fit with bars", "fit a reference image: whole image, black bars around"));
    m_createButton->setText(tr("Create Video", "button: send the new video job"));
    const QString shortcut = QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText);
    m_createButton->setToolTip(tr("Make a new video from this prompt (%1). It is charged by the service.",
                                  "tooltip of the Create Video button; %1 is the shortcut")
                                   .arg(shortcut));
    m_imagePreview->setAccessibleName(tr("First frame preview", "accessible name of the reference image preview"));
    updatePromptCounter();
    updateReferenceNote();
}
