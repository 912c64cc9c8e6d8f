#pragma once

#include <QJsonValue>
#include <QString>

// Reading values out of what services send. Relays disagree on types ("seconds": 8 or "8", ids as
// numbers, "code": 429 or "429"), so every parser of service input reads text through here.
namespace JsonFields {

// A string as sent; a number as text without exponent or ".0" when it is a whole number (ids, codes,
// seconds), otherwise in full precision; "" for anything else (null, bool, object, array, NaN).
QString text(const QJsonValue &value);

} // namespace JsonFields
