// The wizard in German: started as `LANGUAGE=de ipsec-wizard` starts it (translations loaded
// for the system locale from ":/i18n"), every page title, the wizard's buttons and the model's
// messages next to a field are German; and the German .ts has no unfinished entry.

#include "FindingLabel.h"
#include "GuiTestSupport.h"
#include "SitesPage.h"
#include "Translations.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QXmlStreamReader>

using namespace ipsecwiz;
using namespace ipsecwiz::test;

class TestWizardGerman : public QObject
{
    Q_OBJECT

private slots:
    void systemLocaleIsGerman()
    {
        QVERIFY2(QLocale().uiLanguages().first().startsWith(QLatin1String("de")), qPrintable(QLocale().uiLanguages().join(QLatin1Char(','))));
    }

    void pageTitlesAreGerman()
    {
        TunnelWizard w;
        QCOMPARE(w.page(TunnelWizard::WelcomeId)->title(), QStringLiteral("Willkommen"));
        QCOMPARE(w.page(TunnelWizard::SitesId)->title(), QStringLiteral("Standorte"));
        QCOMPARE(w.page(TunnelWizard::AlgorithmsId)->title(), QStringLiteral("Software und Algorithmen"));
        QCOMPARE(w.page(TunnelWizard::AuthenticationId)->title(), QStringLiteral("Authentifizierung"));
        QCOMPARE(w.page(TunnelWizard::ReviewId)->title(), QStringLiteral("Überprüfen"));
        QCOMPARE(w.windowTitle(), QStringLiteral("Neuer IPsec-Tunnel"));
        // Qt's own texts come along (qtbase_de): the wizard's buttons.
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
            QVERIFY2(w.buttonText(QWizard::NextButton).contains(QStringLiteral("Weiter")), qPrintable(w.buttonText(QWizard::NextButton)));
    }

    void messagesNextToFieldsAreGerman()
    {
        TunnelWizard w;
        w.welcomePage()->setLabProfilePath({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        clickNext(&w, TunnelWizard::SitesId);
        typeInto(w.sitesPage()->edit(QStringLiteral("networkA")), QStringLiteral("192.168.1.7/24"));
        FindingLabel* message = w.sitesPage()->message(QStringLiteral("networkA"));
        QVERIFY(message->isVisible());
        // The model's own message (model/Validation.cpp), found through the context fallback.
        QVERIFY2(message->plainMessage().contains(QStringLiteral("Hostbits")), qPrintable(message->plainMessage()));
        QVERIFY2(message->plainMessage().contains(QStringLiteral("Meinten Sie 192.168.1.0/24?")), qPrintable(message->plainMessage()));
    }

    void translationFileIsComplete()
    {
        QFile ts(QStringLiteral(IPSECWIZ_SOURCE_DIR "/translations/ipsec-wizard_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QString source;
        QStringList unfinished;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message")) {
                ++messages;
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool isUnfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (isUnfinished || text.trimmed().isEmpty())
                    unfinished.append(source);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 300);
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("%1 unfinished, first: %2").arg(unfinished.size()).arg(unfinished.value(0))));
    }
};

int main(int argc, char* argv[])
{
    // As `LANGUAGE=de ipsec-wizard` (ctest runs this with LANG=C.UTF-8, like a German desktop
    // whose LANGUAGE lists German first).
    qputenv("LANGUAGE", "de");
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    if (!Translations::install(app)) {
        qCritical("the German translation is not built in (:/i18n/ipsec-wizard_de.qm)");
        return 1;
    }
    TestWizardGerman test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestWizardGerman.moc"
