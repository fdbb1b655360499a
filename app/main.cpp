// ipsec-wizard: the GUI without a sub-command, the CLI with one.
//
// Environment for the GUI (developers' tools, not for users):
//   IPSECWIZ_STARTUP_TIMING=1   print how long the first wizard page took to be painted, then quit
//   IPSECWIZ_SCREENSHOT_DIR=DIR write the documentation's screenshots into DIR, then quit

#include "Cli.h"
#include "MainWindow.h"
#include "ScreenshotTour.h"
#include "Theme.h"
#include "Translations.h"
#include "TunnelWizard.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

// Milliseconds since the kernel started this process (from /proc/self/stat, 10 ms steps), so
// the figure includes loading the libraries before main(); -1 where that cannot be read.
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22 is starttime; the command name (field 2) may hold spaces, so count after its ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startSeconds = fields.at(19).toDouble() / double(::sysconf(_SC_CLK_TCK));
    timespec now{};
    ::clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64((double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startSeconds) * 1000.0);
}

// Reports once the widget has been painted for the first time, then quits.
class FirstPaintProbe final : public QObject
{
public:
    FirstPaintProbe(QWidget* watched, const QElapsedTimer& sinceMain) : QObject(watched), m_sinceMain(sinceMain)
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Queued: measured after this paint event has been handled and flushed.
            QTimer::singleShot(0, this, [this, watched] {
                QTextStream(stdout) << "first wizard page (" << watched->objectName() << ") painted " << m_sinceMain.elapsed()
                                    << " ms after main(), " << msSinceProcessStart() << " ms after process start" << Qt::endl;
                QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    QElapsedTimer m_sinceMain;
    bool m_seen = false;
};

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // The process holds PSKs and passwords: no core file, and no other process of the same user
    // may read its memory through ptrace or /proc/PID/mem.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
#ifndef __SANITIZE_ADDRESS__ // LeakSanitizer stops the process's threads with ptrace at exit
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));

    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("ipsec-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IPSECWIZ_VERSION));

    if (ipsecwiz::Cli::wantsCli(args) && ipsecwiz::Cli::wantsDrawing(args)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv); // the drawing is a QGraphicsScene, which needs QApplication
        ipsecwiz::Translations::install(app);
        return ipsecwiz::Cli::run(args);
    }
    if (ipsecwiz::Cli::wantsCli(args)) {
        QCoreApplication app(argc, argv);
        ipsecwiz::Translations::install(app);
        return ipsecwiz::Cli::run(args);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("IPsec Wizard"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/ipsec-wizard.svg")));
    QApplication::setDesktopFileName(QStringLiteral("ipsec-wizard"));
    ipsecwiz::Translations::install(app);
    ipsecwiz::Theme::init();
    ipsecwiz::Theme::apply(ipsecwiz::Theme::modeFromId(QSettings().value(QStringLiteral("theme")).toString()));

    if (const QString dir = qEnvironmentVariable("IPSECWIZ_SCREENSHOT_DIR"); !dir.isEmpty())
        return ipsecwiz::ScreenshotTour::run(dir);

    // Qt has taken its own options (-platform, -style, …) out of these.
    const QStringList remaining = QCoreApplication::arguments();
    ipsecwiz::MainWindow window;
    if (remaining.size() > 1)
        window.openProfile(remaining.at(1));
    window.show();
    if (remaining.size() <= 1) {
        ipsecwiz::TunnelWizard* wizard = window.newTunnel();
        if (qEnvironmentVariableIsSet("IPSECWIZ_STARTUP_TIMING"))
            new FirstPaintProbe(wizard->page(ipsecwiz::TunnelWizard::WelcomeId), sinceMain);
    }
    return app.exec();
}
