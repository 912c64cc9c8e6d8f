#include "services/secretstore.h"

#include "logging.h"
#include "services/sessionbus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#define VIDEOREMIX_KEYCHAIN_OVER_DBUS 1
#endif

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

// SecretStore --------------------------------------------------------------------------------------

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

void SecretStore::deliver(const Receiver &receiver, const SecretResult &result)
{
    if (!receiver.callback || (receiver.hasContext && !receiver.context))
        return;
    QMetaObject::invokeMethod(
        this,
        [receiver, result] {
            if (!receiver.hasContext || receiver.context)
                receiver.callback(result);
        },
        Qt::QueuedConnection);
}

QString SecretStore::displayName(Kind kind)
{
    switch (kind) {
    case Kind::Keychain:
        return tr("System keychain", "where the API key is stored: the operating system's password store");
    case Kind::Session:
        return tr("Only for this session", "where the API key is stored: in memory, forgotten when the app quits");
    case Kind::File:
        return tr("File on this computer", "where the API key is stored: a file readable only by the user");
    }
    return QString();
}

QString SecretStore::userMessage(const SecretResult &result)
{
    switch (result.status) {
    case SecretResult::Status::Ok:
        return QString();
    case SecretResult::Status::NotFound:
        return tr("No API key is stored yet.", "secret store result");
    case SecretResult::Status::Unavailable:
        return tr("No system keychain is available on this computer. Keep the key for this session only, or "
                  "store it in a file readable only by you.",
                  "secret store result: no keychain service answers (e.g. no Secret Service/KWallet)");
    case SecretResult::Status::Failed:
        return tr("The API key could not be stored or read. Try again, or choose another place to keep it.",
                  "secret store result: the keychain or the file refused the operation");
    }
    return QString();
}

// KeychainSecretStore ------------------------------------------------------------------------------

namespace {

const char *operationName(int operation)
{
    static const char *const names[] = {"probe", "read", "write", "remove"};
    return operation >= 0 && operation < 4 ? names[operation] : "?";
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::probe(QObject *context, const Callback &callback)
{
    run(Operation::Probe, QString(), QString(), context, callback);
}

void KeychainSecretStore::read(const QString &account, QObject *context, const Callback &callback)
{
    run(Operation::Read, account, QString(), context, callback);
}

void KeychainSecretStore::write(const QString &account,
                                const QString &secret,
                                QObject *context,
                                const Callback &callback)
{
    run(Operation::Write, account, secret, context, callback);
}

void KeychainSecretStore::remove(const QString &account, QObject *context, const Callback &callback)
{
    run(Operation::Remove, account, QString(), context, callback);
}

void KeychainSecretStore::run(
    Operation operation, const QString &account, const QString &secret, QObject *context, const Callback &callback)
{
    // One object per call: it owns the guard timer, and its death disconnects a late QtKeychain answer.
    auto *call = new QObject(this);
    auto *guard = new QTimer(call);
    guard->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    const Receiver receiver(context, callback);

    const auto complete = [this, call, finished, operation, account, receiver](const SecretResult &result) {
        if (*finished)
            return;
        *finished = true;
        qCDebug(lcSettings).nospace() << "keychain " << operationName(int(operation)) << ' ' << account << ": status "
                                      << int(result.status) << ' ' << result.detail;
        call->deleteLater();
        deliver(receiver, result);
    };

    // False while the session bus is being checked, true once QtKeychain has the request.
    auto jobStarted = std::make_shared<bool>(false);

    connect(guard, &QTimer::timeout, call, [this, complete, operation, jobStarted] {
        SecretResult result;
        result.status = SecretResult::Status::Unavailable;
        if (*jobStarted) {
            result.detail = u"the system keychain did not answer within %1 ms"_s.arg(
                operation == Operation::Probe ? m_probeTimeoutMs : m_operationTimeoutMs);
        } else {
            result.detail = u"the D-Bus session bus did not answer within %1 ms"_s.arg(m_probeTimeoutMs);
        }
        qCWarning(lcSettings) << "keychain" << operationName(int(operation)) << "timed out";
        complete(result);
    });

    const auto startJob = [this, call, guard, complete, operation, account, secret, jobStarted] {
        *jobStarted = true;
        guard->start(operation == Operation::Probe ? m_probeTimeoutMs : m_operationTimeoutMs);
        QKeychain::Job *job = nullptr;
        switch (operation) {
        case Operation::Probe: {
            auto *readJob = new QKeychain::ReadPasswordJob(m_service);
            readJob->setKey(u"videoremix-probe"_s);
            job = readJob;
            break;
        }
        case Operation::Read: {
            auto *readJob = new QKeychain::ReadPasswordJob(m_service);
            readJob->setKey(account);
            job = readJob;
            break;
        }
        case Operation::Write: {
            auto *writeJob = new QKeychain::WritePasswordJob(m_service);
            writeJob->setKey(account);
            writeJob->setTextData(secret);
            job = writeJob;
            break;
        }
        case Operation::Remove: {
            auto *deleteJob = new QKeychain::DeletePasswordJob(m_service);
            deleteJob->setKey(account);
            job = deleteJob;
            break;
        }
        }
        // Never a plain-text QSettings fallback: the file store is the user's explicit choice.
        job->setInsecureFallback(false);
        job->setAutoDelete(true);
        // `call` as context: when the guard has already answered, the late result goes nowhere.
        connect(job, &QKeychain::Job::finished, call, [complete, operation](QKeychain::Job *done) {
            SecretResult result;
            switch (done->error()) {
            case QKeychain::NoError:
                result.status = SecretResult::Status::Ok;
                if (operation == Operation::Read)
                    result.secret = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                break;
            case QKeychain::EntryNotFound:
                // For a probe, the keychain answered: that is all we wanted. Removing nothing is fine.
                result.status =
                    operation == Operation::Read ? SecretResult::Status::NotFound : SecretResult::Status::Ok;
                break;
            case QKeychain::NoBackendAvailable:
            case QKeychain::NotImplemented:
            // What QtKeychain 0.13 reports on Linux when the bus has no Secret Service or KWallet.
            case QKeychain::OtherError:
                result.status = SecretResult::Status::Unavailable;
                break;
            case QKeychain::AccessDenied:
            case QKeychain::AccessDeniedByUser:
            case QKeychain::CouldNotDeleteEntry:
                result.status = SecretResult::Status::Failed;
                break;
            }
            if (result.status != SecretResult::Status::Ok)
                result.detail = u"QtKeychain error %1: %2"_s.arg(int(done->error())).arg(done->errorString());
            complete(result);
        });
        job->start();
    };

#ifdef VIDEOREMIX_KEYCHAIN_OVER_DBUS
    guard->start(m_probeTimeoutMs);
    auto *check =
        new BusCheck(BusAddress::fromEnvironment(), call, [startJob, complete](bool alive, const QString &detail) {
            if (!alive) {
                SecretResult result;
                result.status = SecretResult::Status::Unavailable;
                result.detail = detail;
                complete(result);
                return;
            }
            startJob();
        });
    check->start();
#else
    startJob();
#endif
}

// SessionSecretStore -------------------------------------------------------------------------------

SessionSecretStore::SessionSecretStore(QObject *parent)
    : SecretStore(parent)
{}

SessionSecretStore::~SessionSecretStore() = default;

void SessionSecretStore::probe(QObject *context, const Callback &callback)
{
    deliver(context, callback, SecretResult{SecretResult::Status::Ok, QString(), QString()});
}

void SessionSecretStore::read(const QString &account, QObject *context, const Callback &callback)
{
    const auto it = m_secrets.constFind(account);
    if (it == m_secrets.cend())
        deliver(context, callback, SecretResult{SecretResult::Status::NotFound, QString(), QString()});
    else
        deliver(context, callback, SecretResult{SecretResult::Status::Ok, it.value(), QString()});
}

void SessionSecretStore::write(const QString &account,
                               const QString &secret,
                               QObject *context,
                               const Callback &callback)
{
    m_secrets.insert(account, secret);
    deliver(context, callback, SecretResult{SecretResult::Status::Ok, QString(), QString()});
}

void SessionSecretStore::remove(const QString &account, QObject *context, const Callback &callback)
{
    m_secrets.remove(account);
    deliver(context, callback, SecretResult{SecretResult::Status::Ok, QString(), QString()});
}

// FileSecretStore ----------------------------------------------------------------------------------

FileSecretStore::FileSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{}

FileSecretStore::~FileSecretStore() = default;

QString FileSecretStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/api-keys.json"_L1;
}

QString FileSecretStore::warningText(const QString &filePath)
{
    return tr("The API key will be saved unencrypted in the file %1. Only your user account can read this "
              "file, but anyone who gets access to your account or to a backup of it can read the key and "
              "spend your balance. Use this only when no system keychain is available.",
              "warning shown before storing the API key in a plain file; %1 is the file path")
        .arg(QDir::toNativeSeparators(filePath));
}

bool FileSecretStore::load(QHash<QString, QString> *secrets, QString *detail) const
{
    secrets->clear();
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (file.permissions() & ~(OwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) {
        // Someone widened the mode: narrow it again before reading.
        qCWarning(lcSettings) << "secret file was readable by others; restricting it to the owner";
        file.setPermissions(OwnerOnly);
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *detail = u"cannot read %1: %2"_s.arg(m_filePath, file.errorString());
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject()) {
        // Never quote the content: it is the secret.
        *detail = u"%1 is not a valid key file (JSON error at offset %2)"_s.arg(m_filePath).arg(error.offset);
        return false;
    }
    const QJsonObject accounts = document.object().value("accounts"_L1).toObject();
    for (auto it = accounts.begin(); it != accounts.end(); ++it)
        secrets->insert(it.key(), it.value().toString());
    return true;
}

bool FileSecretStore::save(const QHash<QString, QString> &secrets, QString *detail) const
{
    if (secrets.isEmpty()) {
        if (QFile::exists(m_filePath) && !QFile::remove(m_filePath)) {
            *detail = u"cannot remove %1"_s.arg(m_filePath);
            return false;
        }
        return true;
    }
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        *detail = u"cannot create the folder %1"_s.arg(info.absolutePath());
        return false;
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        *detail = u"cannot write %1: %2"_s.arg(m_filePath, file.errorString());
        return false;
    }
    // QSaveFile creates its temporary file with 0666 minus the umask; restrict it while it is still
    // empty, and never write the secret into a file we could not restrict.
    if (!file.setPermissions(OwnerOnly)) {
        *detail = u"cannot restrict the permissions of %1: %2"_s.arg(m_filePath, file.errorString());
        file.cancelWriting();
        return false;
    }
    QJsonObject accounts;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        accounts.insert(it.key(), it.value());
    const QJsonObject root{{u"version"_s, 1}, {u"accounts"_s, accounts}};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *detail = u"cannot write %1: %2"_s.arg(m_filePath, file.errorString());
        return false;
    }
    return true;
}

void FileSecretStore::probe(QObject *context, const Callback &callback)
{
    SecretResult result;
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (QDir().mkpath(folder) && QFileInfo(folder).isWritable()) {
        result.status = SecretResult::Status::Ok;
    } else {
        result.status = SecretResult::Status::Unavailable;
        result.detail = u"the folder %1 is not writable"_s.arg(folder);
    }
    deliver(context, callback, result);
}

void FileSecretStore::read(const QString &account, QObject *context, const Callback &callback)
{
    SecretResult result;
    QHash<QString, QString> secrets;
    if (!load(&secrets, &result.detail)) {
        result.status = SecretResult::Status::Failed;
    } else if (const auto it = secrets.constFind(account); it != secrets.cend()) {
        result.status = SecretResult::Status::Ok;
        result.secret = it.value();
    } else {
        result.status = SecretResult::Status::NotFound;
    }
    qCDebug(lcSettings) << "key file read" << account << "status" << int(result.status) << result.detail;
    deliver(context, callback, result);
}

void FileSecretStore::write(const QString &account, const QString &secret, QObject *context, const Callback &callback)
{
    SecretResult result;
    QHash<QString, QString> secrets;
    if (!load(&secrets, &result.detail)) {
        // An unreadable file is not overwritten: it may hold other accounts.
        result.status = SecretResult::Status::Failed;
    } else {
        secrets.insert(account, secret);
        result.status = save(secrets, &result.detail) ? SecretResult::Status::Ok : SecretResult::Status::Failed;
    }
    qCDebug(lcSettings) << "key file write" << account << "status" << int(result.status) << result.detail;
    deliver(context, callback, result);
}

void FileSecretStore::remove(const QString &account, QObject *context, const Callback &callback)
{
    SecretResult result;
    QHash<QString, QString> secrets;
    if (!load(&secrets, &result.detail)) {
        result.status = SecretResult::Status::Failed;
    } else if (!secrets.remove(account)) {
        result.status = SecretResult::Status::Ok;
    } else {
        result.status = save(secrets, &result.detail) ? SecretResult::Status::Ok : SecretResult::Status::Failed;
    }
    qCDebug(lcSettings) << "key file remove" << account << "status" << int(result.status) << result.detail;
    deliver(context, callback, result);
}
