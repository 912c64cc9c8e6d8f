#pragma once

// For the widget tests only (it needs QtWidgets; the support library does not link it).

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QObject>
#include <QPushButton>
#include <QString>
#include <QTimer>

// Answers every modal message box that opens while it lives (the confirmations run their own event
// loop) and remembers how many there were and what the last one said. Polls, because a box appears
// only once the action has started its exec().
class MessageBoxAnswerer final : public QObject
{
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton answer, bool tickCheckBox = false)
        : m_answer(answer)
        , m_tick(tickCheckBox)
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_timer.start();
    }

    bool answered() const { return m_count > 0; }
    int count() const { return m_count; }         // boxes answered so far
    QString boxName() const { return m_boxName; } // the last box's objectName
    QString text() const { return m_text; }
    QString informativeText() const { return m_informative; }
    bool hadCheckBox() const { return m_hadCheckBox; }
    // What Return and Escape would have chosen in the last box.
    QMessageBox::StandardButton defaultButton() const { return m_default; }
    QMessageBox::StandardButton escapeButton() const { return m_escape; }

private:
    void poll()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        // A box is answered once, even if it is slow to close. (Its address says nothing: the next box
        // may well be built where the last one was.)
        if (!box || box->property(AnsweredProperty).toBool())
            return;
        box->setProperty(AnsweredProperty, true);
        ++m_count;
        m_boxName = box->objectName();
        m_text = box->text();
        m_informative = box->informativeText();
        m_hadCheckBox = box->checkBox() != nullptr;
        m_default = box->defaultButton() ? box->standardButton(box->defaultButton()) : QMessageBox::NoButton;
        m_escape = box->escapeButton() ? box->standardButton(box->escapeButton()) : QMessageBox::NoButton;
        if (m_tick && box->checkBox())
            box->checkBox()->setChecked(true);
        if (QAbstractButton *button = box->button(m_answer))
            button->click();
        else
            box->reject(); // no such button: the caller's checks of text() and count() will say so
    }

    static constexpr const char *AnsweredProperty = "answeredByTest";

    QTimer m_timer;
    QMessageBox::StandardButton m_answer;
    bool m_tick;
    int m_count = 0;
    bool m_hadCheckBox = false;
    QMessageBox::StandardButton m_default = QMessageBox::NoButton;
    QMessageBox::StandardButton m_escape = QMessageBox::NoButton;
    QString m_boxName;
    QString m_text;
    QString m_informative;
};
