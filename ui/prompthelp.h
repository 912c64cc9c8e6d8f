#pragma once

#include <QWidget>

class QAbstractItemModel;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QToolButton;

// Help for writing a prompt, under a form's prompt box: the user's recent prompts (a searchable popup
// over RecentPrompts), a few examples in the UI language that fill the box, and a one-line tip. Each
// choice replaces the box's text as one undoable edit. Re-worded on a language switch.
class PromptHelp final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptHelp)

public:
    enum class Kind
    {
        Remix,    // examples are single edits (background, colour, time of day, style, weather, camera)
        NewVideo, // examples are whole scenes touching the same things
    };

    PromptHelp(Kind kind, QPlainTextEdit *target, QWidget *parent = nullptr);
    ~PromptHelp() override;

    // The prompts offered by "Recent" (newest first); nullptr or empty disables the button.
    void setRecentPrompts(QAbstractItemModel *prompts);
    // The examples as (short label, prompt) pairs in the current language, in menu order.
    QList<std::pair<QString, QString>> examples() const;

    // Puts the buttons in the Tab order right after previous (a form's send button).
    void setTabOrderAfter(QWidget *previous);
    // Opens the recent prompts under their button, with the search field focused.
    void showRecentPrompts();

signals:
    // A prompt was put into the box (from the recent list or an example).
    void promptChosen(const QString &prompt);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void rebuildExamples();
    void updateRecentButton();
    void choose(const QString &prompt);
    void chooseFromList(const QModelIndex &index);

    Kind m_kind;
    QPlainTextEdit *m_target;
    QAbstractItemModel *m_prompts = nullptr;
    QToolButton *m_recentButton;
    QToolButton *m_examplesButton;
    QMenu *m_examplesMenu;
    QLabel *m_tip;
    QFrame *m_popup;
    QLineEdit *m_search;
    QListView *m_list;
    QLabel *m_noMatch;
    QSortFilterProxyModel *m_filter;
};
