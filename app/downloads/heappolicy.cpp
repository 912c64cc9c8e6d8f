#include "heappolicy.h"

#include <cstdlib>

// Why (measured with tests/benchmarks/bench_download on the 2-core VM of the README's table, counting
// each thread's minor page faults and CPU time from /proc/self/task with a temporary probe):
// Qt's HTTP thread reads a download into a new block of 512 KiB for every read (see DownloadJob's
// ReadBufferBytes), and the GUI thread frees it once the job has copied it out. Left to itself, glibc
// raises its thresholds only when it frees a block that had its own mapping; in a fresh process they
// stayed low enough that the HTTP thread's heap was trimmed again and again and its pages faulted back
// in: 7,000-16,000 faults and 240-330 ms of CPU on that thread per 500 MB, and a streaming rate that
// landed anywhere between 75 % and 143 % of curl's. After one 4 MiB block has been freed (what this
// does), the same thread took 0-350 faults and 140-190 ms, and the rate was 120-145 % over 11 runs.
//
// Why not mallopt(): setting M_MMAP_THRESHOLD or M_TRIM_THRESHOLD turns glibc's moving thresholds off
// for good. Fixed at 4 and 8 MiB, the download was as fast, but a history of 10,000 jobs then stalled
// the GUI thread for 25-36 ms while it loaded (13-22 ms without), with 7 MB more memory (not profiled).
// Raised this way, the thresholds still follow the program (up to glibc's ceiling, 32 MiB on 64-bit),
// and that load measured 11.0/13.9 ms in an A/B run, then 13.8-16.1 ms and once 24.5 ms: close to its
// 16 ms target either way, see the README.
void HeapPolicy::applyForLargeTransfers()
{
#if defined(__GLIBC__)
    // Through a volatile pointer, so that the compiler cannot drop a block that nothing reads.
    void *(*volatile allocate)(size_t) = std::malloc;
    constexpr size_t Block = 4 * 1024 * 1024;
    std::free(allocate(Block)); // glibc maps a block this big of its own; freeing it raises the thresholds
#endif
}
