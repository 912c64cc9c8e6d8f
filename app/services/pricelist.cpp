#include "services/pricelist.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

std::optional<double> PriceList::perSecond(const QString &model) const
{
    const QString wanted = model.trimmed();
    std::optional<double> any;
    for (const ModelPrice &price : models) {
        if (!wanted.isEmpty() && price.model.compare(wanted, Qt::CaseInsensitive) == 0)
            return price.perSecond;
        if (price.model == "*"_L1)
            any = price.perSecond;
    }
    return any;
}

std::optional<double> PriceList::estimate(const QString &model, const QString &seconds) const
{
    bool ok = false;
    const double length = seconds.trimmed().toDouble(&ok);
    if (!ok || length <= 0)
        return std::nullopt;
    const std::optional<double> price = perSecond(model);
    if (!price)
        return std::nullopt;
    return *price * length;
}

QString PriceList::toText() const
{
    QStringList entries;
    for (const ModelPrice &price : models)
        entries << price.model + u" = "_s + QString::number(price.perSecond, 'g', 10);
    return entries.join(u", "_s);
}

PriceList PriceList::fromText(const QString &text, const QString &currency, QStringList *badEntries)
{
    static const QRegularExpression entrySeparator(u"[,;\\n，；]"_s);
    static const QRegularExpression entryShape(u"^([^=:：]+?)\\s*(?:=|:|：|\\s)\\s*([0-9]*\\.?[0-9]+)$"_s);
    PriceList list;
    list.currency = currency.trimmed();
    if (badEntries)
        badEntries->clear();
    for (const QString &raw : text.split(entrySeparator)) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        const QRegularExpressionMatch match = entryShape.match(entry);
        bool ok = false;
        const double value = match.hasMatch() ? match.captured(2).toDouble(&ok) : 0;
        const QString model = match.captured(1).trimmed();
        if (!ok || value < 0 || model.isEmpty()) {
            if (badEntries)
                badEntries->append(entry);
            continue;
        }
        // A model written twice: the later price wins.
        list.models.removeIf([&model](const ModelPrice &price) { return price.model == model; });
        list.models.append({model, value});
    }
    return list;
}

QString Cost::format(double amount, const QString &currency)
{
    const QLocale locale;
    const int decimals = amount != 0 && qAbs(amount) < 0.1 ? 4 : 2;
    const QString number = locale.toString(amount, 'f', decimals);
    const QString unit = currency.trimmed();
    if (unit.isEmpty())
        return number;
    // A symbol goes before the number ("$0.80"), a word or code after it ("0.80 USD", "0.80 元").
    const bool symbol = unit.size() == 1 && !unit.at(0).isLetterOrNumber();
    return symbol ? QString(unit + number) : QString(number + u' ' + unit);
}
