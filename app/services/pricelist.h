#pragma once

#include <QList>
#include <QString>

#include <optional>

// What a service charges, as the user wrote it down from the provider's price page: a price per second
// of video for each model, in one currency. Relays price differently and change often, so nothing is
// assumed: an empty list means "unknown", never a made-up number.
struct PriceList
{
    struct ModelPrice
    {
        QString model; // as the service names it; "*" = every model not listed
        double perSecond = 0;

        friend bool operator==(const ModelPrice &a, const ModelPrice &b)
        {
            return a.model == b.model && qFuzzyCompare(1 + a.perSecond, 1 + b.perSecond);
        }
    };

    QString currency; // as the user writes it ("$", "¥", "USD", "元"); shown with every amount
    QList<ModelPrice> models;

    bool isEmpty() const { return models.isEmpty(); }
    // The price per second of this model (case-insensitive), else the "*" entry; nullopt when unknown.
    std::optional<double> perSecond(const QString &model) const;
    // perSecond(model) × seconds; nullopt when either is unknown (seconds "" or not a positive number).
    std::optional<double> estimate(const QString &model, const QString &seconds) const;

    // "sora-2 = 0.1, sora-2-pro = 0.5": what the profile editor shows and the settings file keeps.
    QString toText() const;
    // Reads that text back. Entries are separated by commas, semicolons (also "，" and "；") or new lines;
    // model and price by "=", ":" or a space; "0,10" is not a price (the comma separates entries).
    // badEntries receives the entries that could not be read (an empty list when all were fine).
    static PriceList fromText(const QString &text, const QString &currency, QStringList *badEntries = nullptr);

    friend bool operator==(const PriceList &a, const PriceList &b)
    {
        return a.currency == b.currency && a.models == b.models;
    }
    friend bool operator!=(const PriceList &a, const PriceList &b) { return !(a == b); }
};

namespace Cost {
// "$0.80", "¥12.50", "0.80 USD": the amount in the current locale's digits, with the currency as written
// (a symbol before, a word after). Up to 4 decimals for small amounts, 2 otherwise.
QString format(double amount, const QString &currency);
} // namespace Cost
