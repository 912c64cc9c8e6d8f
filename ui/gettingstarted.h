#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

// What the empty job list says instead of nothing: the next step for a newcomer. With no service
// configured, "Connect a service" and "Try the demo"; in the demo, how to start and that its jobs are not
// kept; with a service and no jobs yet, how to send the first remix. The window shows it in place of the
// list while the list is empty.
class GettingStarted final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GettingStarted)

public:
    enum class Mode
    {
        NoService, // nothing configured: connect one, or try the demo
        Demo,      // the demo is in use
        Ready,     // a service is set up; no jobs yet
    };

    explicit GettingStarted(QWidget *parent = nullptr);
    ~GettingStarted() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The New Video form is showing: the next step is describing a video, not remixing one.
    void setCreating(bool creating);

signals:
    void connectRequested();
    void tryDemoRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Mode m_mode = Mode::NoService;
    bool m_creating = false;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_connectButton;
    QPushButton *m_demoButton;
};
