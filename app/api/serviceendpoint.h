#pragma once

#include <QString>
#include <QUrl>

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

    bool isValid() const { return apiBase.isValid() && !apiBase.isEmpty(); }
};
