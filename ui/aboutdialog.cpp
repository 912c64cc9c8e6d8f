#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
// A path as a link that opens its folder (the file itself would start the player or a database tool).
QString placeLink(const QString &path, bool isFolder)
{
    const QString folder = isFolder ? path : QFileInfo(path).absolutePath();
    return u"<a href=\"%1\">%2</a>"_s.arg(QUrl::fromLocalFile(folder).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                          QDir::toNativeSeparators(path).toHtmlEscaped());
}
} // namespace

AboutDialog::AboutDialog(const Places &places, QWidget *parent)
    : QDialog(parent)
    , m_places(places)
    , m_iconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_descriptionLabel(new QLabel(this))
    , m_placesLabel(new QLabel(this))
    , m_linksLabel(new QLabel(this))
{
    setObjectName(u"aboutDialog"_s);
    m_titleLabel->setObjectName(u"aboutTitleLabel"_s);
    m_descriptionLabel->setObjectName(u"aboutDescriptionLabel"_s);
    m_placesLabel->setObjectName(u"aboutPlacesLabel"_s);
    m_linksLabel->setObjectName(u"aboutLinksLabel"_s);

    const QIcon icon = QApplication::windowIcon();
    m_iconLabel->setPixmap(icon.pixmap(QSize(64, 64), devicePixelRatio()));
    m_iconLabel->setAlignment(Qt::AlignTop);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel *label : {m_descriptionLabel, m_placesLabel, m_linksLabel}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setOpenExternalLinks(true);
    }
    // Long paths wrap inside the dialog instead of widening it past the screen.
    m_placesLabel->setMinimumWidth(420);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_titleLabel);
    text->addWidget(m_descriptionLabel);
    text->addWidget(m_placesLabel);
    text->addWidget(m_linksLabel);
    auto *row = new QHBoxLayout;
    row->addWidget(m_iconLabel);
    row->addLayout(text, 1);
    row->setSpacing(16);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    retranslate();
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About Video Remix", "about dialog title"));
    m_titleLabel->setText(tr("Video Remix %1", "about dialog: the app's name and version; %1 is the version")
                              .arg(QCoreApplication::applicationVersion()));
    m_descriptionLabel->setText(u"<p>%1</p><p>%2</p>"_s.arg(
        tr("Paste the ID of a video you made, describe what to change, and the video service makes a new "
           "version of it.",
           "about dialog: what the app does")
            .toHtmlEscaped(),
        tr("Free software under the %1 licence. Built with Qt %2, running on Qt %3.",
           "about dialog; %1 is the licence's SPDX name (GPL-3.0-or-later), %2 and %3 Qt versions")
            .arg(QStringLiteral(VIDEOREMIX_LICENSE), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
            .toHtmlEscaped()));

    const QString history =
        m_places.history.isEmpty()
            ? tr("not open", "about dialog: the history database could not be opened").toHtmlEscaped()
            : placeLink(m_places.history, false);
    // Each line is one translatable text around its link, so that Chinese gets its full-width colon.
    const auto line = [](const QString &text, const QString &html) {
        return text.toHtmlEscaped().arg(html);
    };
    m_placesLabel->setText(u"<p><b>%1</b><br>%2<br>%3<br>%4</p>"_s.arg(
        tr("On this computer", "about dialog: heading of the list of folders the app uses").toHtmlEscaped(),
        line(tr("History: %1", "about dialog: where the job history database is; %1 is its path"), history),
        line(tr("Videos: %1", "about dialog: the folder downloaded videos are saved in; %1 is its path"),
             placeLink(m_places.videos, true)),
        line(tr("Settings: %1", "about dialog: the settings file; %1 is its path"),
             placeLink(m_places.settings, false))));

    const QString homepage = QStringLiteral(VIDEOREMIX_HOMEPAGE);
    const auto link = [](const QString &url) {
        return u"<a href=\"%1\">%1</a>"_s.arg(url.toHtmlEscaped());
    };
    m_linksLabel->setText(u"<p>%1<br>%2</p>"_s.arg(
        line(tr("Website: %1", "about dialog: %1 is the project's web address"), link(homepage)),
        line(tr("Report a problem: %1", "about dialog: %1 is the address of the project's issue tracker"),
             link(homepage + u"/issues"_s))));
}
