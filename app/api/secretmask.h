#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

struct ApiError;

// Keeps API keys out of everything a person or a disk can see. Relays repeat the key they were sent
// in their error texts ("无效的令牌：Bearer sk-…"), sometimes percent-encoded in a URL or escaped in
// JSON; whatever comes back from a service passes through here before it is shown, stored or logged.
//
// Two nets: the exact key in every form it can take in a text (as sent, percent-encoded, JSON-escaped),
// and anything shaped like a bearer token ("Bearer <token>", "sk-<token>"), so that a key this
// process never held (another profile's, a truncated echo) is caught as well.
namespace SecretMask {
inline constexpr QLatin1StringView Mask{"***"};

// The text with every form of secret replaced by "***", and bearer-token shapes masked.
QString mask(const QString &text, const QString &secret);
QByteArray mask(const QByteArray &text, const QString &secret);
// Masks every string field of an error (message, message_zh, code, snippets, details).
void mask(ApiError &error, const QString &secret);

// The forms a secret can take inside text: itself, percent-encoded, JSON-escaped, with '/' escaped.
QStringList formsOf(const QString &secret);
} // namespace SecretMask

// The keys this process holds (every profile's), so that text from any source can be checked
// against them before it is written to the history or shown. Thread-safe.
namespace KnownSecrets {
void add(const QString &secret);
void remove(const QString &secret);
// The text with every known secret masked (and bearer-token shapes).
QString scrub(const QString &text);
// Every string field of the error scrubbed.
void scrub(ApiError &error);
} // namespace KnownSecrets
