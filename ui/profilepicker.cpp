#include "profilepicker.h"

#include "demo/demoservice.h"
#include "services/profilestore.h"

#include <QEvent>

#include <QStylePainter>

using namespace Qt::Literals::StringLiterals;

ProfilePicker::ProfilePicker(ProfileStore *store, QWidget *parent)
    : QComboBox(parent)
    , m_store(store)
{
    setObjectName(u"profilePicker"_s);
    // A bounded width: a long profile name must not squeeze the status bar's messages. The name is
    // elided in the box, whole in the list and in the tooltip.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(26);
    connect(m_store, &ProfileStore::profilesChanged, this, &ProfilePicker::rebuild);
    connect(m_store, &ProfileStore::activeProfileChanged, this, &ProfilePicker::rebuild);
    connect(this, &QComboBox::activated, this, [this](int index) {
        const QString id = itemData(index).toString();
        if (id.isEmpty() || id == m_store->activeId())
            return;
        m_store->setActiveId(id);
        emit profileChosen(id);
    });
    rebuild();
}

ProfilePicker::~ProfilePicker() = default;

QString ProfilePicker::currentProfileId() const
{
    return currentData().toString();
}

void ProfilePicker::rebuild()
{
    if (m_rebuilding)
        return;
    m_rebuilding = true;
    const QSignalBlocker blocker(this);
    clear();
    for (const ServiceProfile &profile : m_store->profiles()) {
        QString text;
        if (profile.isDemo()) {
            // The badge first, so that the demo is told apart at a glance even when the text is cut.
            text = tr("[%1] %2", "service picker: %1 is the short Demo badge, %2 the demo's name")
                       .arg(DemoService::shortLabel(), DemoService::displayName());
        } else {
            const QString host = profile.hostLabel();
            text = host.isEmpty() ? tr("%1 (no address yet)", "service picker: a profile without an address")
                                        .arg(profile.displayName())
                                  : tr("%1 — %2", "service picker: profile name, then the host it talks to")
                                        .arg(profile.displayName(), host);
        }
        addItem(text, profile.id);
        setItemData(count() - 1, profile.isDemo() ? DemoService::description() : profile.apiBase().toDisplayString(),
                    Qt::ToolTipRole);
    }
    const int active = findData(m_store->activeId());
    setCurrentIndex(active);
    const QString explanation =
        tr("The service new jobs are sent to. Jobs already sent stay with their own.", "tooltip of the service picker");
    setToolTip(active >= 0 ? itemText(active) + u"\n"_s + explanation : explanation);
    setAccessibleName(tr("New jobs go to", "accessible name of the service picker in the status bar"));
    setAccessibleDescription(explanation);
    m_rebuilding = false;
}

void ProfilePicker::paintEvent(QPaintEvent *)
{
    // The width is bounded (see the constructor): a longer name ends in "…" instead of being cut off.
    QStylePainter painter(this);
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    const QRect textRect = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    option.currentText = fontMetrics().elidedText(option.currentText, Qt::ElideRight, textRect.width());
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

void ProfilePicker::changeEvent(QEvent *event)
{
    // The built-in profiles' names are translated.
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QComboBox::changeEvent(event);
}
