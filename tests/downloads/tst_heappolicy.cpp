// HeapPolicy: what Qt's HTTP thread allocates for each read of a download (512 KiB) comes from the heap
// and is kept there for the next read, instead of a fresh mapping whose pages all fault in again; glibc
// still moves its thresholds with the program (unlike fixed mallopt() values); and blocks beyond its
// ceiling still go back to the system when freed. This process is fresh, so nothing before
// initTestCase() has moved the thresholds. The first two checks fail without the policy (each run on its
// own), the third with fixed mallopt() values instead of it.

#include "downloads/heappolicy.h"

#include <QtTest>

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define VIDEOREMIX_GLIBC_HEAP 1
#endif

class TestHeapPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readSizedBlocksComeFromTheHeap();
    void freedReadSizedBlocksStayForTheNextRead();
    void thresholdsStillFollowTheProgram();
    void hugeBlocksGoBackToTheSystem();
};

namespace {

constexpr size_t MiB = 1024 * 1024;

#if defined(VIDEOREMIX_GLIBC_HEAP)
// Bytes in blocks that have their own mapping (freed straight back to the system).
size_t mappedBytes()
{
    return mallinfo2().hblkhd;
}

// Free bytes at the top of the main heap that glibc keeps instead of trimming.
size_t keptAtTheTop()
{
    return mallinfo2().keepcost;
}
#endif

} // namespace

void TestHeapPolicy::initTestCase()
{
#if !defined(VIDEOREMIX_GLIBC_HEAP)
    QSKIP("only glibc's own allocator has these settings (not other C libraries, not a sanitizer's)");
#endif
    HeapPolicy::applyForLargeTransfers();
}

void TestHeapPolicy::readSizedBlocksComeFromTheHeap()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    const size_t before = mappedBytes();
    // 3 MiB: well above a read's 512 KiB, and below the 4 MiB the policy raises the threshold to.
    void *block = std::malloc(3 * MiB);
    QVERIFY(block);
    const size_t during = mappedBytes();
    std::free(block);
    QCOMPARE(during, before);
#endif
}

void TestHeapPolicy::freedReadSizedBlocksStayForTheNextRead()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    void *block = std::malloc(3 * MiB);
    QVERIFY(block);
    std::free(block);
    QVERIFY2(keptAtTheTop() >= 3 * MiB,
             qPrintable(u"only %1 bytes kept at the top of the heap"_qs.arg(keptAtTheTop())));
#endif
}

void TestHeapPolicy::thresholdsStillFollowTheProgram()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    // A freed 16 MiB block raises the thresholds further; with fixed ones, 12 MiB would be mapped.
    void *big = std::malloc(16 * MiB);
    QVERIFY(big);
    static_cast<char *>(big)[0] = 1;
    std::free(big);
    const size_t before = mappedBytes();
    void *block = std::malloc(12 * MiB);
    QVERIFY(block);
    const size_t during = mappedBytes();
    std::free(block);
    QCOMPARE(during, before);
#endif
}

void TestHeapPolicy::hugeBlocksGoBackToTheSystem()
{
#if defined(VIDEOREMIX_GLIBC_HEAP)
    const size_t before = mappedBytes();
    void *block = std::malloc(64 * MiB);
    QVERIFY(block);
    const size_t during = mappedBytes();
    std::free(block);
    QVERIFY(during >= before + 64 * MiB);
    QCOMPARE(mappedBytes(), before);
#endif
}

QTEST_GUILESS_MAIN(TestHeapPolicy)
#include "tst_heappolicy.moc"
