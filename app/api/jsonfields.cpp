#include "api/jsonfields.h"

#include <cmath>

namespace JsonFields {

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isDouble())
        return QString();
    const double number = value.toDouble();
    if (!std::isfinite(number))
        return QString();
    // Below 1e18 a whole double fits a qint64 exactly, and ids look like ids ("123", not "1.23e+02").
    if (number == std::floor(number) && std::fabs(number) < 1e18)
        return QString::number(static_cast<qint64>(number));
    return QString::number(number, 'g', 17);
}

} // namespace JsonFields
