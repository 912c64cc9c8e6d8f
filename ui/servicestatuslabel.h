#pragma once

#include <QLabel>

class AppCore;

// The status bar's word on the service when the profile picker beside it cannot say it: "No service
// configured" (with the way to set one up) or the demo's promise that nothing is sent. Hidden while a
// real service is active, since the picker names it. Follows profile switches and language changes.
class ServiceStatusLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceStatusLabel)

public:
    explicit ServiceStatusLabel(AppCore *core, QWidget *parent = nullptr);
    ~ServiceStatusLabel() override;

    // Reads the active service again (after the settings were applied).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    AppCore *m_core;
};
