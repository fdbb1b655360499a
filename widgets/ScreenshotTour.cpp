#include "ScreenshotTour.h"

#include "AlgorithmsPage.h"
#include "MainWindow.h"
#include "SitesPage.h"
#include "Theme.h"
#include "Translations.h"
#include "TunnelWizard.h"
#include "WelcomePage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPixmap>
#include <QTextStream>

namespace ipsecwiz::ScreenshotTour {

namespace {

// Lets layouts, the window manager and the first paints happen before a grab.
void settle(int ms = 250)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

bool save(QWidget* w, const QString& dir, const QString& name)
{
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    const bool ok = w->grab().save(path, "PNG");
    QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << Qt::endl;
    return ok;
}

} // namespace

int run(const QString& dir)
{
    if (!QDir().mkpath(dir)) {
        QTextStream(stderr) << "cannot create " << dir << Qt::endl;
        return 1;
    }
    bool ok = true;
    for (const auto& [mode, suffix] : {std::pair{Theme::Mode::Light, QStringLiteral("light")}, std::pair{Theme::Mode::Dark, QStringLiteral("dark")}}) {
        Theme::apply(mode);
        {
            TunnelWizard wizard;
            wizard.resize(1060, 800);
            wizard.welcomePage()->setLabProfilePath({}); // the same picture with or without a lab
            wizard.show();
            ok &= save(&wizard, dir, QStringLiteral("1-welcome-") + suffix);
            wizard.welcomePage()->setStart(WelcomePage::Start::Example);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("2-sites-") + suffix);

            // The same page with a mistake in it: the message sits right under the field.
            QLineEdit* net = wizard.sitesPage()->edit(QStringLiteral("networkB"));
            const QString good = net->text();
            net->setFocus();
            net->selectAll();
            net->insert(QStringLiteral("192.168.1.7/24"));
            Q_EMIT net->textEdited(net->text());
            ok &= save(&wizard, dir, QStringLiteral("3-sites-error-") + suffix);
            net->setText(good);
            Q_EMIT net->textEdited(good);

            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("4-algorithms-") + suffix);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("5-authentication-") + suffix);
            wizard.next();
            ok &= save(&wizard, dir, QStringLiteral("6-review-") + suffix);
        }
        {
            MainWindow window;
            window.resize(1100, 760);
            window.openProfile(WelcomePage::exampleProfilePath());
            window.show();
            ok &= save(&window, dir, QStringLiteral("7-main-window-") + suffix);
        }
    }
    // The wizard in German too (the model's messages included): no text may be cut off there either.
    Theme::apply(Theme::Mode::Light);
    if (Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany))) {
        TunnelWizard wizard;
        wizard.resize(1060, 800);
        wizard.welcomePage()->setLabProfilePath({});
        wizard.show();
        ok &= save(&wizard, dir, QStringLiteral("8-german-welcome-light"));
        wizard.welcomePage()->setStart(WelcomePage::Start::Example);
        wizard.next();
        QLineEdit* net = wizard.sitesPage()->edit(QStringLiteral("networkB"));
        const QString good = net->text();
        net->setFocus();
        net->selectAll();
        net->insert(QStringLiteral("192.168.1.7/24"));
        Q_EMIT net->textEdited(net->text());
        ok &= save(&wizard, dir, QStringLiteral("8-german-sites-error-light"));
        net->setText(good);
        Q_EMIT net->textEdited(good);
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-algorithms-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-authentication-light"));
        wizard.next();
        ok &= save(&wizard, dir, QStringLiteral("8-german-review-light"));
    }
    Translations::install(*qApp);
    return ok ? 0 : 1;
}

} // namespace ipsecwiz::ScreenshotTour
