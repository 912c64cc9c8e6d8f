// Fuzzes response headers: ServerHints::fromHeaders over "Name: value" lines (Retry-After as seconds
// or an HTTP date, retry-after-ms, openai-poll-after-ms, request ids), then the 429 message and the
// technical detail that show the hints.

#include "api/apierror.h"
#include "fuzzsupport.h"

#include <QList>
#include <QPair>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray rest = Fuzz::bytes(data, size);
    QList<QPair<QByteArray, QByteArray>> headers;
    while (!rest.isEmpty()) {
        QByteArray line = Fuzz::takeLine(rest);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            headers.append({line, QByteArray()});
        else
            headers.append({line.left(colon), line.mid(colon + 1)});
    }

    const ServerHints hints = ServerHints::fromHeaders(headers);
    FUZZ_CHECK(hints.retryAfterMs >= -1, "retry-after is a duration or absent");
    FUZZ_CHECK(hints.pollAfterMs >= -1, "poll-after is a duration or absent");

    for (const int status : {429, 503}) {
        const ApiError error = ApiError::fromHttp(status, QByteArray(), hints);
        FUZZ_CHECK(error.retryAfterMs == hints.retryAfterMs, "the hint reaches the error");
        for (const bool chinese : {false, true}) {
            Fuzz::useLanguage(chinese);
            FUZZ_CHECK(!error.userMessage(ApiOperation::Poll).isEmpty(), "an error always has a message");
            FUZZ_CHECK(!error.technicalDetail().isEmpty(), "an error always has a detail");
        }
    }
    return 0;
}
