#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// Where the API key lives. Three places, one interface:
// - KeychainSecretStore: the system keychain through QtKeychain (Secret Service / KWallet, macOS
//   Keychain, Windows Credential Manager). Never falls back to a plain-text file by itself.
// - SessionSecretStore: memory only; the key is gone when the app quits.
// - FileSecretStore: a file only the user can read (mode 0600), for machines without a keychain,
//   chosen by the user after FileSecretStore::warningText().
// The secret is never written to the settings file, to logs, or into error details.
//
// Every call is asynchronous: the callback runs exactly once, always later from the event loop
// (never inside the call), and not at all if `context` was destroyed in the meantime.

struct SecretResult
{
    enum class Status
    {
        Ok,          // done; for read() the secret is in `secret`; for probe() the store is usable
        NotFound,    // read()/remove(): nothing stored for this account
        Unavailable, // no keychain answers (no D-Bus session bus, no Secret Service, timed out, ...)
        Failed,      // the store answered but refused or failed (access denied, disk full, ...)
    };

    Status status = Status::Failed;
    QString secret; // read() only
    QString detail; // technical reason for logs and the expandable detail; never contains the secret

    bool isOk() const { return status == Status::Ok; }
};

class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Kind
    {
        Keychain,
        Session,
        File,
    };
    Q_ENUM(Kind)

    using Callback = std::function<void(const SecretResult &)>;

    // The account under which the app keeps its one API key (a profile name can be used instead).
    static constexpr const char *DefaultAccount = "api-key";

    ~SecretStore() override;

    virtual Kind kind() const = 0;
    // False for the session store: the key is forgotten on exit.
    virtual bool isPersistent() const = 0;

    // Is this store usable right now? Ok or Unavailable (with the reason in detail). The keychain
    // store answers within its probe timeout even when the session bus hangs.
    virtual void probe(QObject *context, const Callback &callback) = 0;
    virtual void read(const QString &account, QObject *context, const Callback &callback) = 0;
    virtual void write(const QString &account, const QString &secret, QObject *context, const Callback &callback) = 0;
    // Removing an account that does not exist is Ok.
    virtual void remove(const QString &account, QObject *context, const Callback &callback) = 0;

    // A short translated name for a storage choice ("System keychain", ...).
    static QString displayName(Kind kind);
    // A translated sentence for a failed result ("No system keychain is available: ...").
    static QString userMessage(const SecretResult &result);

protected:
    // Who gets the answer. Taken when the call is made: the context may be destroyed while the
    // keychain works, and a raw pointer to it must not be touched afterwards.
    struct Receiver
    {
        Receiver(QObject *context, Callback callback)
            : hasContext(context != nullptr)
            , context(context)
            , callback(std::move(callback))
        {}
        bool hasContext;
        QPointer<QObject> context;
        Callback callback;
    };

    explicit SecretStore(QObject *parent = nullptr);
    // Runs the callback from the event loop, once, unless the context is gone.
    void deliver(const Receiver &receiver, const SecretResult &result);
    void deliver(QObject *context, const Callback &callback, const SecretResult &result)
    {
        deliver(Receiver(context, callback), result);
    }
};

// The system keychain through QtKeychain, entries under `service` ("VideoRemix").
// On Linux the session bus is checked first with a non-blocking handshake: QtDBus connects to the bus
// synchronously on the calling thread and, with a bus that accepts the connection but never answers,
// blocks the GUI thread for as long as the peer stays silent (measured: 20 s and 40 s, unbounded).
// So a bus that does not answer the handshake within the probe timeout counts as Unavailable and
// QtKeychain is never called.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    static constexpr int DefaultProbeTimeoutMs = 3000;
    // Writes and reads may wait for the user to unlock the keychain in a system prompt.
    static constexpr int DefaultOperationTimeoutMs = 60000;

    explicit KeychainSecretStore(const QString &service = QStringLiteral("VideoRemix"), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    void setProbeTimeoutMs(int ms) { m_probeTimeoutMs = ms; }
    int probeTimeoutMs() const { return m_probeTimeoutMs; }
    void setOperationTimeoutMs(int ms) { m_operationTimeoutMs = ms; }
    QString service() const { return m_service; }

    Kind kind() const override { return Kind::Keychain; }
    bool isPersistent() const override { return true; }
    void probe(QObject *context, const Callback &callback) override;
    void read(const QString &account, QObject *context, const Callback &callback) override;
    void write(const QString &account, const QString &secret, QObject *context, const Callback &callback) override;
    void remove(const QString &account, QObject *context, const Callback &callback) override;

private:
    enum class Operation
    {
        Probe,
        Read,
        Write,
        Remove,
    };
    // Bus check (Linux), then the QtKeychain job, then the callback; one guard timer over all of it.
    void
    run(Operation operation, const QString &account, const QString &secret, QObject *context, const Callback &callback);

    QString m_service;
    int m_probeTimeoutMs = DefaultProbeTimeoutMs;
    int m_operationTimeoutMs = DefaultOperationTimeoutMs;
};

// Memory only, for this session.
class SessionSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSecretStore)

public:
    explicit SessionSecretStore(QObject *parent = nullptr);
    ~SessionSecretStore() override;

    Kind kind() const override { return Kind::Session; }
    bool isPersistent() const override { return false; }
    void probe(QObject *context, const Callback &callback) override;
    void read(const QString &account, QObject *context, const Callback &callback) override;
    void write(const QString &account, const QString &secret, QObject *context, const Callback &callback) override;
    void remove(const QString &account, QObject *context, const Callback &callback) override;

private:
    QHash<QString, QString> m_secrets;
};

// A JSON file {"accounts": {"<account>": "<secret>"}} readable only by the user. The file gets mode
// 0600 before any secret is written to it, and is replaced atomically. On Windows the per-user
// AppData folder's ACL is what protects it.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSecretStore)

public:
    // filePath empty: defaultFilePath().
    explicit FileSecretStore(const QString &filePath = QString(), QObject *parent = nullptr);
    ~FileSecretStore() override;

    // <AppDataLocation>/api-keys.json
    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }

    // What the UI shows (and the user accepts) before choosing this store. %1 is the file path.
    static QString warningText(const QString &filePath);

    Kind kind() const override { return Kind::File; }
    bool isPersistent() const override { return true; }
    void probe(QObject *context, const Callback &callback) override;
    void read(const QString &account, QObject *context, const Callback &callback) override;
    void write(const QString &account, const QString &secret, QObject *context, const Callback &callback) override;
    void remove(const QString &account, QObject *context, const Callback &callback) override;

private:
    bool load(QHash<QString, QString> *secrets, QString *detail) const;
    bool save(const QHash<QString, QString> &secrets, QString *detail) const;

    QString m_filePath;
};
