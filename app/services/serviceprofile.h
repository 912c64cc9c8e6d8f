#pragma once

#include "api/serviceendpoint.h"
#include "services/pricelist.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QString>
#include <QUrl>

// How requests to one service reach it. The password is a secret: it lives in the SecretStore
// (account ServiceProfile::proxyPasswordAccount()), never here and never in the settings file.
struct ProxySettings
{
    enum class Type
    {
        System, // whatever the operating system says (QNetworkProxyFactory::systemProxyForQuery)
        None,   // direct, even when the system has a proxy
        Http,
        Socks5,
    };

    Type type = Type::System;
    QString host;
    quint16 port = 0;
    QString user;

    // A manual proxy needs a host and a port; System and None need nothing.
    bool isManual() const { return type == Type::Http || type == Type::Socks5; }
    bool isComplete() const { return !isManual() || (!host.trimmed().isEmpty() && port != 0); }
    // The proxy for Http/Socks5/None; System is answered by the factory, not here.
    QNetworkProxy toNetworkProxy(const QString &password) const;

    // "system", "none", "http", "socks5": the words in the settings file.
    static QString typeKey(Type type);
    static Type typeFromKey(const QString &key);

    friend bool operator==(const ProxySettings &a, const ProxySettings &b)
    {
        return a.type == b.type && a.host == b.host && a.port == b.port && a.user == b.user;
    }
    friend bool operator!=(const ProxySettings &a, const ProxySettings &b) { return !(a == b); }
};

// One service the user can send jobs to: a relay (中转) with its address, poll interval and proxy. The
// key is not part of it (see ProfileStore). Two profiles are built in and read-only: the demo service
// and the one from OPENAI_BASE_URL / OPENAI_API_KEY.
struct ServiceProfile
{
    Q_DECLARE_TR_FUNCTIONS(ServiceProfile)

public:
    enum class Kind
    {
        Stored,      // made by the user, kept in the settings file
        Environment, // OPENAI_BASE_URL (+ OPENAI_API_KEY); read-only
        Demo,        // the built-in DemoService on loopback; read-only, needs no key
    };

    // Fixed ids of the built-in profiles, and of the profile an older single-service setup becomes.
    static constexpr const char *DemoId = "demo";
    static constexpr const char *EnvironmentId = "environment";
    static constexpr const char *DefaultId = "default";

    // How often a profile's running jobs are polled: the default for new profiles, and the bounds.
    static constexpr int DefaultPollIntervalMs = 5000;
    static constexpr int MinPollIntervalMs = 1000;
    static constexpr int MaxPollIntervalMs = 10 * 60 * 1000;

    QString id;
    QString name;    // as the user named it; the built-in ones are named by displayName()
    QString address; // what the user typed ("relay.example", "https://relay.example/v1/", ...)
    int pollIntervalMs = DefaultPollIntervalMs;
    ProxySettings proxy;
    Kind kind = Kind::Stored;
    // Where this service takes remixes, as its connection test found it; Standard unless a Test showed
    // the relay knows only POST /videos/remix.
    RemixRoute remixRoute = RemixRoute::Standard;
    // What the service charges, as the user wrote it down (empty: unknown).
    PriceList prices;

    bool isReadOnly() const { return kind != Kind::Stored; }
    bool isDemo() const { return kind == Kind::Demo; }
    // ApiUrl::normalizeBase(address); invalid for an empty or unusable address.
    QUrl apiBase() const;
    // The name to show, translated for the built-in profiles.
    QString displayName() const;
    // "relay.example" or "relay.example:8443": enough to tell services apart, nothing secret.
    QString hostLabel() const;

    // SecretStore accounts. The key's account is the id itself.
    QString keyAccount() const { return id; }
    QString proxyPasswordAccount() const { return id + QStringLiteral(":proxy"); }

    // "standard", "video_id_in_body": the words in the settings file; an unknown word is Standard.
    static QString remixRouteKey(RemixRoute route);
    static RemixRoute remixRouteFromKey(const QString &key);

    // A fresh id for a new stored profile.
    static QString newId();
    // Scheme, host and effective port of a URL: where a key may go.
    static QString originOf(const QUrl &url);
};
