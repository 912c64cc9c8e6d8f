#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;
class Settings;

// Installs the app's and Qt's own translators and switches between 中文 and English at run time.
// Installing a translator makes Qt post QEvent::LanguageChange to every top-level widget; models are
// not widgets, so whoever owns one connects languageChanged() to its retranslate().
// The first start follows the system locale; an explicit choice is stored in Settings.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    static inline const QString Chinese = QStringLiteral("zh_CN");
    static inline const QString English = QStringLiteral("en");

    explicit LanguageManager(Settings *settings, QObject *parent = nullptr);
    ~LanguageManager() override;

    // Applies the stored choice, or the system locale's language on the first start.
    void applyInitialLanguage();
    // Switches now and remembers the choice. Unknown codes fall back to English.
    void setLanguage(const QString &code);
    QString currentLanguage() const { return m_current; }

    static QStringList availableLanguages(); // {"zh_CN", "en"}
    // The language's own name ("中文", "English"), deliberately not translated.
    static QString nativeName(const QString &code);
    // "zh_CN" for any Chinese system locale, "en" otherwise.
    static QString languageForLocale(const QLocale &locale);

signals:
    void languageChanged(const QString &code);

private:
    void install(const QString &code);

    Settings *m_settings;
    QTranslator *m_appTranslator;
    QTranslator *m_qtTranslator;
    QString m_current;
};
