#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QPointer>

namespace ipsecwiz {

ContextFallbackTranslator::ContextFallbackTranslator(QObject* parent) : QTranslator(parent) {}

ContextFallbackTranslator::~ContextFallbackTranslator() = default;

QString ContextFallbackTranslator::translate(const char* context, const char* sourceText, const char* disambiguation, int n) const
{
    QString text = QTranslator::translate(context, sourceText, disambiguation, n);
    if (!text.isEmpty() || !context || qstrncmp(context, "ipsecwiz", 8) != 0)
        return text;
    // model/ asks for e.g. "ipsecwiz::Validation" while lupdate filed the text under the class
    // or namespace around the call ("ipsecwiz::Checker", "ipsecwiz").
    for (const QByteArray& other : m_contexts) {
        if (other == context)
            continue;
        text = QTranslator::translate(other.constData(), sourceText, disambiguation, n);
        if (!text.isEmpty())
            return text;
    }
    return {};
}

namespace Translations {

namespace {

QList<QPointer<QTranslator>>& installed()
{
    static QList<QPointer<QTranslator>> list;
    return list;
}

} // namespace

bool install(QCoreApplication& app, const QLocale& locale)
{
    uninstall();
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    auto* own = new ContextFallbackTranslator(&app);
    if (!own->load(locale, QStringLiteral("ipsec-wizard"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QFile contexts(QStringLiteral(":/i18n/ipsec-wizard.contexts"));
    if (contexts.open(QIODevice::ReadOnly)) {
        QList<QByteArray> list;
        for (const QByteArray& line : contexts.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(line.trimmed());
        own->setFallbackContexts(list);
    }
    QCoreApplication::installTranslator(own);
    installed().append(own);
    return true;
}

void uninstall()
{
    for (const QPointer<QTranslator>& t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t.data();
        }
    }
    installed().clear();
}

} // namespace Translations

} // namespace ipsecwiz
