#include "jobstore.h"

#include <QtTest>

class TstJobStore final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TstJobStore)
#include "tst_jobstore.moc"
