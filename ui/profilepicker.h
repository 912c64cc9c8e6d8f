#pragma once

#include <QComboBox>

class ProfileStore;

// The main window's choice of service for new jobs: a combo box of every profile ("Relay A —
// relay.example", the environment one, "Demo · Demo service …"), showing the active one and following
// every change made elsewhere (the settings dialog, another picker). Choosing an entry makes it the
// active profile (remembered); jobs already sent keep their own.
class ProfilePicker final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilePicker)

public:
    explicit ProfilePicker(ProfileStore *store, QWidget *parent = nullptr);
    ~ProfilePicker() override;

    QString currentProfileId() const;

signals:
    // The user picked a profile here (not emitted for changes made elsewhere).
    void profileChosen(const QString &profileId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    ProfileStore *m_store;
    bool m_rebuilding = false;
};
