#pragma once

#include <QDialog>

class QLabel;

// Help > About Video Remix: the icon, name and version, what the app does, the licence, where the
// history, the downloaded videos and the settings are kept on this computer (the paths the app really
// uses, as links that open the folder), and the project's web address.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    struct Places
    {
        QString history;  // the history database in use; empty when none could be opened
        QString videos;   // the download folder
        QString settings; // the settings file
    };

    explicit AboutDialog(const Places &places, QWidget *parent = nullptr);
    ~AboutDialog() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Places m_places;
    QLabel *m_iconLabel;
    QLabel *m_titleLabel;
    QLabel *m_descriptionLabel;
    QLabel *m_placesLabel;
    QLabel *m_linksLabel;
};
