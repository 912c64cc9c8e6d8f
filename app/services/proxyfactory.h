#pragma once

#include "services/serviceprofile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QUrl>

#include <memory>
#include <optional>

// Which proxy each service's host:port goes through. Shared by the ProfileStore, which fills it from
// the profiles, and the ProfileProxyFactory installed on the one QNetworkAccessManager, which reads it
// for every connection. Thread-safe: Qt may ask the factory from its network thread.
class ProxyRoutes final
{
public:
    struct Route
    {
        ProxySettings::Type type = ProxySettings::Type::System;
        QNetworkProxy proxy; // for None, Http and Socks5
    };

    // "host:port" with the host lower-cased and the port explicit (443 / 80 from the scheme).
    static QString keyFor(const QUrl &url);
    static QString keyFor(const QString &host, int port);
    // A route for a profile's address; the password is the proxy's (from the secret store).
    static Route routeFor(const ProxySettings &proxy, const QString &password);

    // Replaces all routes. The first route given for a key wins, so list the active profile first.
    void setRoutes(const QList<QPair<QString, Route>> &routes);
    // A temporary route that wins over the others, for a connection test of settings not saved yet.
    void setOverride(const QUrl &address, const Route &route);
    void clearOverride();

    // Lends the route of a profile's address to another host (a download link on a CDN, a redirect
    // target) while a job of that profile talks to it, so the job's traffic keeps to its own proxy.
    // Counted: every pin() that returned a key is undone by one unpin() of that key. Returns the key
    // pinned, or "" when nothing needed pinning (the profile uses the system's proxy, or the host has
    // a route of its own).
    QString pin(const QUrl &target, const QUrl &profileAddress);
    void unpin(const QString &key);

    std::optional<Route> find(const QString &key) const;

private:
    std::optional<Route> findLocked(const QString &key) const;

    struct Pin
    {
        Route route;
        int count = 0;
    };

    mutable QMutex m_mutex;
    QHash<QString, Route> m_routes;
    QString m_overrideKey;
    Route m_override;
    QHash<QString, Pin> m_pins;
};

// Answers, for each request, the proxy of the profile whose address has the request's host and port:
// one QNetworkAccessManager serves every profile, each through its own proxy. A host no profile
// names (a download link on a CDN, say) gets the system's proxy, as does a profile set to System.
class ProfileProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ProfileProxyFactory(std::shared_ptr<ProxyRoutes> routes);
    ~ProfileProxyFactory() override;

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

private:
    // The system's answer for a destination, asked at most once a second (see queryProxy()).
    QList<QNetworkProxy> systemProxyFor(const QNetworkProxyQuery &query, const QString &destination);

    struct SystemAnswer
    {
        qint64 askedAtMs = 0;
        QList<QNetworkProxy> proxies;
    };
    std::shared_ptr<ProxyRoutes> m_routes;
    QMutex m_systemMutex; // queryProxy() is called on QtNetwork's threads too
    QElapsedTimer m_systemClock;
    QHash<QString, SystemAnswer> m_systemAnswers; // query type, scheme and destination -> answer
};
