#include "services/proxyfactory.h"

#include "api/apiurl.h"
#include "logging.h"

using namespace Qt::Literals::StringLiterals;

QString ProxyRoutes::keyFor(const QString &host, int port)
{
    return host.toLower() + u':' + QString::number(port);
}

QString ProxyRoutes::keyFor(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return QString();
    return keyFor(url.host(), ApiUrl::effectivePort(url));
}

ProxyRoutes::Route ProxyRoutes::routeFor(const ProxySettings &proxy, const QString &password)
{
    Route route;
    route.type = proxy.type;
    if (proxy.type != ProxySettings::Type::System)
        route.proxy = proxy.toNetworkProxy(password);
    return route;
}

void ProxyRoutes::setRoutes(const QList<QPair<QString, Route>> &routes)
{
    QHash<QString, Route> table;
    for (const auto &[key, route] : routes) {
        if (!key.isEmpty() && !table.contains(key))
            table.insert(key, route);
    }
    const QMutexLocker lock(&m_mutex);
    m_routes = table;
}

void ProxyRoutes::setOverride(const QUrl &address, const Route &route)
{
    const QMutexLocker lock(&m_mutex);
    m_overrideKey = keyFor(address);
    m_override = route;
}

void ProxyRoutes::clearOverride()
{
    const QMutexLocker lock(&m_mutex);
    m_overrideKey.clear();
}

std::optional<ProxyRoutes::Route> ProxyRoutes::findLocked(const QString &key) const
{
    if (!m_overrideKey.isEmpty() && key == m_overrideKey)
        return m_override;
    const auto it = m_routes.constFind(key);
    if (it != m_routes.cend())
        return *it;
    const auto pinned = m_pins.constFind(key);
    if (pinned != m_pins.cend())
        return pinned->route;
    return std::nullopt;
}

std::optional<ProxyRoutes::Route> ProxyRoutes::find(const QString &key) const
{
    const QMutexLocker lock(&m_mutex);
    return findLocked(key);
}

QString ProxyRoutes::pin(const QUrl &target, const QUrl &profileAddress)
{
    const QString targetKey = keyFor(target);
    const QString profileKey = keyFor(profileAddress);
    if (targetKey.isEmpty() || profileKey.isEmpty() || targetKey == profileKey)
        return QString();
    const QMutexLocker lock(&m_mutex);
    const std::optional<Route> route = findLocked(profileKey);
    if (!route || route->type == ProxySettings::Type::System)
        return QString();
    if (m_routes.contains(targetKey) || (!m_overrideKey.isEmpty() && targetKey == m_overrideKey))
        return QString();
    Pin &pin = m_pins[targetKey];
    if (pin.count == 0)
        pin.route = *route;
    ++pin.count;
    return targetKey;
}

void ProxyRoutes::unpin(const QString &key)
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_pins.find(key);
    if (it != m_pins.end() && --it->count <= 0)
        m_pins.erase(it);
}

ProfileProxyFactory::ProfileProxyFactory(std::shared_ptr<ProxyRoutes> routes)
    : m_routes(std::move(routes))
{}

ProfileProxyFactory::~ProfileProxyFactory() = default;

QList<QNetworkProxy> ProfileProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    QString key = ProxyRoutes::keyFor(query.url());
    if (key.isEmpty() && !query.peerHostName().isEmpty())
        key = ProxyRoutes::keyFor(query.peerHostName(), query.peerPort());
    const std::optional<ProxyRoutes::Route> route = m_routes->find(key);
    if (route && route->type != ProxySettings::Type::System) {
        // Host and type only: the user name and password stay out of the log.
        qCDebug(lcApi) << "proxy for" << key << ":" << ProxySettings::typeKey(route->type) << route->proxy.hostName()
                       << route->proxy.port();
        return {route->proxy};
    }
    return systemProxyFor(query, key);
}

QList<QNetworkProxy> ProfileProxyFactory::systemProxyFor(const QNetworkProxyQuery &query, const QString &destination)
{
    // systemProxyForQuery() asks libproxy on every call (a hand-off to its thread). At hundreds of
    // requests a second that delay, right after a request is written, makes QtNetwork 6.4 close idle
    // keep-alive connections (a queued read finds its reply already handled and closes the channel):
    // bench_live_jobs opened 20-50 connections in 10 s instead of 4. The system's answer rarely
    // changes; a change still applies within a second.
    if (destination.isEmpty())
        return QNetworkProxyFactory::systemProxyForQuery(query);
    constexpr qint64 SystemAnswerLifetimeMs = 1000;
    const QString cacheKey = QString::number(int(query.queryType())) + u'|' + query.url().scheme() + u'|' + destination;
    QMutexLocker locker(&m_systemMutex);
    if (!m_systemClock.isValid())
        m_systemClock.start();
    const auto known = m_systemAnswers.constFind(cacheKey);
    if (known != m_systemAnswers.cend() && m_systemClock.elapsed() - known->askedAtMs < SystemAnswerLifetimeMs)
        return known->proxies;
    // Asked unlocked: a slow answer (a PAC script) must not hold up other destinations' requests.
    locker.unlock();
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::systemProxyForQuery(query);
    locker.relock();
    const qint64 now = m_systemClock.elapsed();
    m_systemAnswers.removeIf(
        [now](const auto &entry) { return now - entry.value().askedAtMs >= SystemAnswerLifetimeMs; });
    m_systemAnswers.insert(cacheKey, {now, proxies});
    return proxies;
}
