// Fuzzes error bodies: ApiError::fromHttp(status, body, hints) and ApiError::invalidResponse(status, body),
// then userMessage() for every operation in English and Chinese and technicalDetail(), as the UI shows
// them. Input: an optional first line with the HTTP status ("422\n"), then the body as received
// (OpenAI and relay JSON, new-api flat errors, FastAPI detail lists, HTML pages, anything).

#include "api/apierror.h"
#include "fuzzsupport.h"

namespace {

constexpr ApiOperation operations[] = {ApiOperation::Remix, ApiOperation::Poll, ApiOperation::Download,
                                       ApiOperation::ConnectionTest};

void checkMessages(const ApiError &error)
{
    for (const bool chinese : {false, true}) {
        Fuzz::useLanguage(chinese);
        for (const ApiOperation operation : operations) {
            const QString message = error.userMessage(operation);
            FUZZ_CHECK(message.isEmpty() == !error.isError(), "an error always has a message");
        }
        const QString detail = error.technicalDetail();
        FUZZ_CHECK(detail.isEmpty() == !error.isError(), "an error always has a detail");
        if (!error.message.isEmpty())
            FUZZ_CHECK(detail.contains(error.message), "the server's text is in the detail");
    }
    (void)error.isTransient();
    (void)error.mayHaveReachedServer();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray body = Fuzz::bytes(data, size);
    int status = 400;
    const qsizetype newline = body.indexOf('\n');
    if (newline > 0 && newline <= 3) {
        bool ok = false;
        const int value = body.left(newline).toInt(&ok);
        if (ok && value >= 0) {
            status = value;
            body.remove(0, newline + 1);
        }
    }

    ServerHints hints;
    hints.requestId = QStringLiteral("req_fuzz");
    hints.retryAfterMs = int(size) * 97;
    const ApiError error = ApiError::fromHttp(status, body, hints);
    FUZZ_CHECK(error.kind == ApiError::Kind::Http && error.httpStatus == status, "an HTTP error keeps its status");
    FUZZ_CHECK(error.bodySnippet.size() <= 300, "the body snippet is capped");
    checkMessages(error);

    const ApiError invalid = ApiError::invalidResponse(200, body);
    FUZZ_CHECK(invalid.bodySnippet.size() <= 300, "the body snippet is capped");
    checkMessages(invalid);

    // The job-failure path reads the same words (moderation, reasons) from the video object.
    checkMessages(ApiError::fromFailedJob(error.code, error.message));
    return 0;
}
