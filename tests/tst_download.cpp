#include <QTest>

class TestDownload final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
