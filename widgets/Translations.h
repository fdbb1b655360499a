#pragma once

// Loads Qt's and the program's translations for the system locale (LANGUAGE, LC_ALL, LANG) from
// ":/i18n/ipsec-wizard_<locale>.qm". The model's messages are looked up under the context
// lupdate filed them in too, which is not always the one the code asks for at run time.

#include <QLocale>
#include <QTranslator>

class QCoreApplication;

namespace ipsecwiz {

class ContextFallbackTranslator final : public QTranslator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextFallbackTranslator)

public:
    explicit ContextFallbackTranslator(QObject* parent = nullptr);
    ~ContextFallbackTranslator() override;

    // The contexts of the .ts file, one a line (built into ":/i18n/ipsec-wizard.contexts").
    void setFallbackContexts(const QList<QByteArray>& contexts) { m_contexts = contexts; }
    [[nodiscard]] const QList<QByteArray>& fallbackContexts() const { return m_contexts; }

    QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr, int n = -1) const override;

private:
    QList<QByteArray> m_contexts;
};

namespace Translations {

// Installs the translators on the application (they are its children). Returns whether the
// program's own translation was found for `locale` (false for English, the source language).
bool install(QCoreApplication& app, const QLocale& locale = QLocale());
// Removes what install() installed (tests switch languages).
void uninstall();

} // namespace Translations

} // namespace ipsecwiz
