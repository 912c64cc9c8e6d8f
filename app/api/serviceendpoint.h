#pragma once

#include <QString>
#include <QUrl>

// Where a service takes remixes. Standard is the API's own POST {base}/videos/{id}/remix {"prompt"};
// some relays document POST {base}/videos/remix {"video_id", "prompt"} instead. A profile's connection
// test finds out (ConnectionTester), the profile remembers it (ServiceProfile::remixRoute).
enum class RemixRoute
{
    Standard,
    VideoIdInBody,
};

// Where requests go and with which key. Captured per job, so a job keeps talking to the service it
// was submitted to even when the settings change.
struct ServiceEndpoint
{
    QUrl apiBase; // normalised, see ApiUrl::normalizeBase()
    QString apiKey;
    // The service profile this endpoint belongs to ("" = none known); stamped on jobs at submission so
    // they keep polling through their own profile. Not sent anywhere.
    QString profileId = {};
    // How often its jobs are polled (the profile's setting); 0 = not named, the poller's default applies.
    int pollIntervalMs = 0;
    // Where its remixes go (the profile's, as its Test found it).
    RemixRoute remixRoute = RemixRoute::Standard;

    bool isValid() const { return apiBase.isValid() && !apiBase.isEmpty(); }
};
