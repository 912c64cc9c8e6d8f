#include "services/serviceprofile.h"

#include "api/apiurl.h"
#include "demo/demoservice.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

QNetworkProxy ProxySettings::toNetworkProxy(const QString &password) const
{
    switch (type) {
    case Type::Http:
        return QNetworkProxy(QNetworkProxy::HttpProxy, host.trimmed(), port, user, password);
    case Type::Socks5:
        return QNetworkProxy(QNetworkProxy::Socks5Proxy, host.trimmed(), port, user, password);
    case Type::None:
    case Type::System:
        break;
    }
    return QNetworkProxy(QNetworkProxy::NoProxy);
}

QString ProxySettings::typeKey(Type type)
{
    switch (type) {
    case Type::System:
        return u"system"_s;
    case Type::None:
        return u"none"_s;
    case Type::Http:
        return u"http"_s;
    case Type::Socks5:
        return u"socks5"_s;
    }
    return u"system"_s;
}

ProxySettings::Type ProxySettings::typeFromKey(const QString &key)
{
    for (Type type : {Type::None, Type::Http, Type::Socks5}) {
        if (key == typeKey(type))
            return type;
    }
    // Unknown words (a newer version's, a typo in the file) fall back to the safe default.
    return Type::System;
}

QUrl ServiceProfile::apiBase() const
{
    return ApiUrl::normalizeBase(address);
}

QString ServiceProfile::displayName() const
{
    switch (kind) {
    case Kind::Demo:
        return DemoService::displayName();
    case Kind::Environment:
        return tr("From environment", "service profile built from OPENAI_BASE_URL / OPENAI_API_KEY");
    case Kind::Stored:
        break;
    }
    return name.trimmed().isEmpty() ? tr("Unnamed service", "service profile without a name") : name;
}

QString ServiceProfile::hostLabel() const
{
    const QUrl base = apiBase();
    if (!base.isValid() || base.host().isEmpty())
        return QString();
    QString host = base.host();
    if (base.port() != -1)
        host += u':' + QString::number(base.port());
    return host;
}

QString ServiceProfile::remixRouteKey(RemixRoute route)
{
    return route == RemixRoute::VideoIdInBody ? u"video_id_in_body"_s : u"standard"_s;
}

RemixRoute ServiceProfile::remixRouteFromKey(const QString &key)
{
    return key == remixRouteKey(RemixRoute::VideoIdInBody) ? RemixRoute::VideoIdInBody : RemixRoute::Standard;
}

QString ServiceProfile::newId()
{
    // Short and stable; also the keychain account, so it must never change for a profile.
    return u"p-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

QString ServiceProfile::originOf(const QUrl &url)
{
    return ApiUrl::origin(url);
}
