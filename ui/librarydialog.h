#pragma once

#include <QDialog>

class AppCore;
class LibraryModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The service's own videos (GET /videos), newest first, more as the list scrolls, with a search box.
// From a row: Remix (the id goes into the form), Extend…, Download, Add to My Jobs, Delete… (asked).
// A service without the list says so calmly in the note; the buttons stay off then.
class LibraryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryDialog)

public:
    explicit LibraryDialog(AppCore *core, QWidget *parent = nullptr);
    ~LibraryDialog() override;

    LibraryModel *model() const { return m_model; }

signals:
    // The form should take this id for a remix.
    void remixRequested(const QString &videoId);
    // A job was added to the list (adopted, extended): the window may show it.
    void jobCreated(const QString &localId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    QString currentVideoId() const;
    void remixCurrent();
    void extendCurrent();
    void downloadCurrent();
    void addCurrent();
    void deleteCurrent();

    AppCore *m_core;
    LibraryModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_note;
    QPushButton *m_remixButton;
    QPushButton *m_extendButton;
    QPushButton *m_downloadButton;
    QPushButton *m_addButton;
    QPushButton *m_deleteButton;
    QPushButton *m_reloadButton;
    QPushButton *m_closeButton;
};
