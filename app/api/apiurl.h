#pragma once

#include <QString>
#include <QUrl>

// Turns what users type as a service address into the API base, and builds request URLs.
// Every form is accepted: "https://host", "https://host/", "https://host/v1", "https://host/v1/",
// "https://host/openai/v1", "host" (https assumed), and a pasted endpoint such as
// "https://host/v1/videos/..." (the "/videos..." tail is dropped).
namespace ApiUrl {

// The normalised API base, always ending in a version segment such as "/v1" with no trailing slash;
// an invalid QUrl for text that is no usable http(s) address (empty, spaces in the host, ftp://, ...).
QUrl normalizeBase(const QString &userInput);

// {base}/videos/{id}/remix, with the id percent-encoded as one path segment ("/" becomes "%2F").
QUrl remixUrl(const QUrl &base, const QString &videoId);
// {base}/videos/remix: the route of relays that take the id in the body (RemixRoute::VideoIdInBody).
QUrl remixByBodyUrl(const QUrl &base);
// {base}/videos/{id}
QUrl videoUrl(const QUrl &base, const QString &videoId);
// {base}/videos/{id}/content[?variant=...]
QUrl contentUrl(const QUrl &base, const QString &videoId, const QString &variant = QString());

// A URL built from the base plus already-encoded path segments; used by the functions above.
QUrl endpoint(const QUrl &base, const QStringList &pathSegments);

// True when the address is plain http to a host other than this machine (the key would travel unencrypted).
bool isInsecureRemote(const QUrl &url);

// The port a URL reaches, the scheme's default (443 for https, 80 otherwise) made explicit.
int effectivePort(const QUrl &url);
// "scheme://host:port", lower-cased with the port explicit: what "the same service" and "the same
// origin" mean everywhere in the app (key scope, proxy routes, caches, polling ceilings). "" for an
// address without a host.
QString origin(const QUrl &url);
} // namespace ApiUrl
