#include "languagemanager.h"

#include "logging.h"
#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

LanguageManager::LanguageManager(Settings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_appTranslator(new QTranslator(this))
    , m_qtTranslator(new QTranslator(this))
{}

LanguageManager::~LanguageManager() = default;

QStringList LanguageManager::availableLanguages()
{
    return {Chinese, English};
}

QString LanguageManager::nativeName(const QString &code)
{
    // Each language is named in itself, so a user who cannot read the current one still finds theirs.
    return code == Chinese ? u"中文"_s : u"English"_s;
}

QString LanguageManager::languageForLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? Chinese : English;
}

void LanguageManager::applyInitialLanguage()
{
    const QString stored = m_settings->language();
    install(availableLanguages().contains(stored) ? stored : languageForLocale(QLocale::system()));
}

void LanguageManager::setLanguage(const QString &code)
{
    const QString language = availableLanguages().contains(code) ? code : English;
    m_settings->setLanguage(language);
    if (language != m_current)
        install(language);
}

void LanguageManager::install(const QString &code)
{
    const QLocale locale =
        code == Chinese ? QLocale(QLocale::Chinese, QLocale::China) : QLocale(QLocale::English, QLocale::UnitedStates);
    // Number and date formatting, and ApiError's choice of message_zh, follow the UI language.
    QLocale::setDefault(locale);

    QCoreApplication::removeTranslator(m_appTranslator);
    QCoreApplication::removeTranslator(m_qtTranslator);

    if (!m_appTranslator->load(locale, u"videoremix"_s, u"_"_s, u":/i18n"_s))
        qCWarning(lcI18n) << "no app translation for" << code;
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    // English needs no Qt translation; Chinese standard dialogs need qtbase_zh_CN.
    if (code != English && !m_qtTranslator->load(locale, u"qtbase"_s, u"_"_s, qtTranslations))
        qCWarning(lcI18n) << "no Qt translation for" << code << "in" << qtTranslations;

    // Installing or removing a non-empty translator makes Qt post QEvent::LanguageChange to every
    // top-level widget. English is the source language, so its translator may well be empty: the
    // removal of the Chinese one above is what tells the widgets to switch back.
    if (!m_appTranslator->isEmpty())
        QCoreApplication::installTranslator(m_appTranslator);
    if (!m_qtTranslator->isEmpty())
        QCoreApplication::installTranslator(m_qtTranslator);

    m_current = code;
    qCInfo(lcI18n) << "language" << code;
    emit languageChanged(code);
}
