#include <QTest>

class Tstsecretstore : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(Tstsecretstore)
#include "tst_secretstore.moc"
