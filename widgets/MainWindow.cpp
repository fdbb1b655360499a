#include "MainWindow.h"

#include "ConfigBundle.h"
#include "Generator.h"
#include "Psk.h"
#include "Validation.h"

#include <QAction>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace ipsecwiz {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("IPsec Wizard"));
    setMinimumSize(720, 480);
    resize(1000, 700);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(central);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto* splitter = new QSplitter(Qt::Vertical, central);
    m_findings = new QListWidget(splitter);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setAccessibleName(tr("Findings"));
    m_files = new QTabWidget(splitter);
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setAccessibleName(tr("Generated files"));
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(tr("&Open profile…"), this, &MainWindow::chooseProfile);
    open->setShortcut(QKeySequence::Open);
    auto* exportAction = fileMenu->addAction(tr("&Export bundle…"), this, &MainWindow::exportBundle);
    exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    fileMenu->addSeparator();
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(open);
    toolbar->addAction(exportAction);
    statusBar();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openProfile(const QString& path)
{
    auto profile = ProfileJson::load(path);
    if (!profile) {
        QMessageBox::warning(this, tr("Cannot open profile"), profile.error().toString());
        return false;
    }
    setProfile(profile.value());
    statusBar()->showMessage(tr("Opened %1").arg(path));
    return true;
}

void MainWindow::setProfile(const TunnelProfile& profile)
{
    m_profile = profile;
    Psk::wipe(m_psk);
    if (!m_profile.psk) {
        auto key = Psk::generate();
        if (key)
            m_psk = key.value();
    }
    refresh();
}

void MainWindow::refresh()
{
    const QByteArray& psk = m_profile.psk ? *m_profile.psk : m_psk;
    m_summary->setText(tr("<b>%1</b>: %2 (%3) ⇄ %4 (%5)")
                           .arg(m_profile.name.toHtmlEscaped(), m_profile.networkA.toHtmlEscaped(),
                                m_profile.gatewayA.publicAddress.toHtmlEscaped(), m_profile.networkB.toHtmlEscaped(),
                                m_profile.gatewayB.publicAddress.toHtmlEscaped()));
    m_findings->clear();
    for (const Finding& f : validate(m_profile)) {
        auto* item = new QListWidgetItem(f.toString(), m_findings);
        item->setIcon(style()->standardIcon(f.severity == Severity::Error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    }
    if (m_findings->count() == 0)
        new QListWidgetItem(tr("No problems found."), m_findings);

    m_files->clear();
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (Side side : {Side::A, Side::B}) {
        auto cfg = Generate::side(m_profile, side, psk);
        if (!cfg)
            continue;
        for (const GeneratedFile& f : cfg.value().files) {
            auto* view = new QPlainTextEdit(m_files);
            view->setReadOnly(true);
            view->setFont(mono);
            view->setTabStopDistance(QFontMetricsF(mono).horizontalAdvance(QLatin1Char(' ')) * 8);
            view->setPlainText(QString::fromUtf8(f.content));
            view->setAccessibleName(f.path);
            m_files->addTab(view, (side == Side::A ? tr("A: %1") : tr("B: %1")).arg(f.path.section(QLatin1Char('/'), -1)));
            m_files->setTabToolTip(m_files->count() - 1, tr("%1 on gateway %2, mode %3")
                                                              .arg(f.path, side == Side::A ? QStringLiteral("A") : QStringLiteral("B"),
                                                                   QString::number(f.mode, 8)));
        }
    }
}

void MainWindow::chooseProfile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open profile"), {}, tr("IPsec Wizard profiles (*.json);;All files (*)"));
    if (!path.isEmpty())
        openProfile(path);
}

void MainWindow::exportBundle()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export bundle"), m_profile.name + QStringLiteral(".tar.gz"),
                                                      tr("tar.gz archive (*.tar.gz);;zip archive (*.zip)"));
    if (path.isEmpty())
        return;
    const QByteArray& psk = m_profile.psk ? *m_profile.psk : m_psk;
    auto entries = ConfigBundle::build(m_profile, psk, BundleOptions{});
    if (!entries) {
        QMessageBox::warning(this, tr("Cannot export"), entries.error().toString());
        return;
    }
    if (auto st = ConfigBundle::write(entries.value(), path); !st) {
        QMessageBox::warning(this, tr("Cannot export"), st.error().toString());
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(path));
}

} // namespace ipsecwiz
