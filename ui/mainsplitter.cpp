#include "mainsplitter.h"

#include "jobdetailspanel.h"
#include "joblistview.h"

#include <QHeaderView>

using namespace Qt::Literals::StringLiterals;

MainSplitter::MainSplitter(
    QWidget *composer, QWidget *form, QWidget *listPane, JobListView *list, JobDetailsPanel *details, QWidget *parent)
    : QSplitter(Qt::Vertical, parent)
    , m_form(form)
    , m_list(list)
    , m_details(details)
{
    setObjectName(u"mainSplitter"_s);
    // Form, list and details share the height. The list gets what is left after the form's and the
    // details' natural heights, and keeps growing with the window; in a small window the details (and
    // their player) give way first: they scroll.
    addWidget(composer);
    addWidget(listPane);
    addWidget(details);
    setChildrenCollapsible(false);
    setStretchFactor(0, 0);
    setStretchFactor(1, 1);
    setStretchFactor(2, 0);
    const int line = fontMetrics().lineSpacing();
    // Three rows of the list at the least; the header row and a frame come on top.
    m_list->setMinimumHeight(4 * (2 * line + 4));
}

MainSplitter::~MainSplitter() = default;

bool MainSplitter::restoreLayout(const QByteArray &state)
{
    m_balanced = restoreState(state);
    return m_balanced;
}

void MainSplitter::resizeEvent(QResizeEvent *event)
{
    QSplitter::resizeEvent(event);
    // After the splitter has shared out the new height in its own way.
    QMetaObject::invokeMethod(this, &MainSplitter::balance, Qt::QueuedConnection);
}

void MainSplitter::balance()
{
    QList<int> sizes = this->sizes();
    if (sizes.size() != 3 || height() <= 0)
        return;
    const int line = fontMetrics().lineSpacing();
    // The form's natural height: the id, its hint line, a few prompt lines, the counter and the button.
    const int formNatural = qMax(m_form->minimumSizeHint().height(), m_form->minimumHeight()) + 2 * line;
    if (!m_balanced) {
        // The first layout (no saved state): the form at its natural height, the details at about eight
        // lines, the list the rest. QSplitter would give the form its (large) size hint.
        m_balanced = true;
        const int total = sizes.at(0) + sizes.at(1) + sizes.at(2);
        const int details = qMax(m_details->minimumSizeHint().height(), 8 * line);
        sizes = {formNatural, qMax(0, total - formNatural - details), details};
    }
    // The list keeps room for about six rows as long as the details (and their player), then the form's
    // extra height, can give it: they shrink first in a small window.
    const int rowHeight = qMax(m_list->sizeHintForRow(0), 2 * line + 4);
    const QWidget *listPane = m_list->parentWidget();
    const int listWanted = (listPane->height() - m_list->height()) + m_list->header()->sizeHint().height()
                           + 6 * rowHeight + 2 * m_list->frameWidth();
    int missing = listWanted - sizes.at(1);
    const int detailsFloor = m_details->minimumSizeHint().height();
    // In a small window the form gives its extra lines too, down to a three-line prompt.
    const int formFloor = qMax(m_form->minimumSizeHint().height(), m_form->minimumHeight());
    for (const int donor : {2, 0}) {
        if (missing <= 0)
            break;
        const int floor = donor == 2 ? detailsFloor : formFloor;
        const int give = qMax(0, qMin(missing, sizes.at(donor) - floor));
        sizes[donor] -= give;
        sizes[1] += give;
        missing -= give;
    }
    if (sizes != this->sizes())
        setSizes(sizes);
}
