#include "servicestatuslabel.h"

#include "appcore.h"
#include "services/profilestore.h"

#include <QEvent>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

ServiceStatusLabel::ServiceStatusLabel(AppCore *core, QWidget *parent)
    : QLabel(parent)
    , m_core(core)
{
    setObjectName(u"serviceLabel"_s);
    connect(m_core->profileStore(), &ProfileStore::activeProfileChanged, this, &ServiceStatusLabel::refresh);
    connect(m_core->profileStore(), &ProfileStore::profilesChanged, this, &ServiceStatusLabel::refresh);
    refresh();
}

ServiceStatusLabel::~ServiceStatusLabel() = default;

void ServiceStatusLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void ServiceStatusLabel::refresh()
{
    const QUrl base = m_core->currentService().apiBase;
    const bool configured = m_core->isDemo() || (base.isValid() && !base.host().isEmpty());
    // The picker beside it names the service (and its host): the label only speaks when there is none.
    setVisible(!configured);
    if (m_core->isDemo()) {
        setText(tr("Demo service (nothing is sent anywhere)", "status bar"));
        setToolTip(QString());
        return;
    }
    if (!configured) {
        setText(tr("No service configured", "status bar"));
        setToolTip(tr("Open File › Settings… to enter the address of your video service.", "status bar tooltip"));
        return;
    }
    // Only host and port: the path is always the API base, and user info could hold a password.
    QString host = base.host();
    if (base.port() != -1)
        host += u':' + QString::number(base.port());
    setText(tr("Service: %1", "status bar: %1 is the host name of the video service").arg(host));
    setToolTip(base.toDisplayString());
}
