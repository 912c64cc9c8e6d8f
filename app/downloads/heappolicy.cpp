#include "heappolicy.h"

#include "logging.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Why (measured with tests/benchmarks/bench_download on the 2-core VM of the README's table):
// Qt's HTTP thread reads a download into a new buffer of about 2 MB for every read (readBodyFast()
// in Qt 6.4), and the GUI thread frees it once DownloadJob has copied it out. glibc's moving
// thresholds settle right at that size: it maps a block of its own above about 2 MB and trims the
// heap when 4 MB lie free at its top, so every second read or so gave pages back and the next one
// faulted them all in again. The download streamed at 82-109 % of curl's rate over four runs.
// With blocks up to 4 MB taken from the heap and up to 8 MB kept free at its top (the same
// two-to-one ratio glibc itself keeps), it streamed at 144-159 %, with less memory growth. Set either
// alone and it fell to 20-36 %: each then is one of the two ways of giving pages back.
// Blocks bigger than 4 MB (a whole image, a JSON of many pages) still get their own mapping and go
// straight back to the system when freed.
void HeapPolicy::applyForLargeTransfers()
{
#if defined(__GLIBC__)
    constexpr int MiB = 1024 * 1024;
    const bool applied = mallopt(M_MMAP_THRESHOLD, 4 * MiB) == 1 && mallopt(M_TRIM_THRESHOLD, 8 * MiB) == 1;
    if (!applied)
        qCDebug(lcDownload) << "the heap settings for downloads were not taken (another allocator?)";
#endif
}
