// ipsec-wizard: the GUI without a sub-command, the CLI with one.

#include "Cli.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void installTranslations(QCoreApplication& app)
{
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("ipsec-wizard"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char* argv[])
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("ipsec-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IPSECWIZ_VERSION));

    if (ipsecwiz::Cli::wantsCli(args)) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        return ipsecwiz::Cli::run(args);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("IPsec Wizard"));
    installTranslations(app);
    ipsecwiz::MainWindow window;
    if (args.size() > 1)
        window.openProfile(args.at(1));
    else
        window.openProfile(QStringLiteral(":/examples/seed-topology.json"));
    window.show();
    return app.exec();
}
