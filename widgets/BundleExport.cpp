#include "BundleExport.h"

#include "AnsibleProject.h"
#include "ConfigBundle.h"
#include "NetworkProfile.h"
#include "Psk.h"
#include "TopologyScene.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace ipsecwiz::BundleExport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::BundleExport", text);
}

} // namespace

Status exportTo(const TunnelProfile& profile, const QByteArray& psk, const QString& out)
{
    const QList<BundleEntry> extras{BundleEntry{QStringLiteral("topology.svg"), 0644, topologySvg(profile), false}};
    auto entries = ConfigBundle::build(profile, psk, BundleOptions{}, extras);
    if (!entries)
        return entries.error();
    return ConfigBundle::write(entries.value(), out);
}

Status exportNetworkTo(const NetworkProfile& network, const QString& out, const QString& site)
{
    const QList<BundleEntry> extras{BundleEntry{QStringLiteral("topology.svg"), 0644, topologySvg(network), false}};
    auto entries = ConfigBundle::buildNetwork(network, BundleOptions{}, extras);
    if (!entries)
        return entries.error();
    QList<BundleEntry> chosen = entries.value();
    if (!site.isEmpty())
        chosen.removeIf([&](const BundleEntry& e) { return e.path.contains(QLatin1Char('/')) && !e.path.startsWith(site + QLatin1Char('/')); });
    return ConfigBundle::write(chosen, out);
}

Status exportAnsibleTo(NetworkProfile network, const QString& profileDir, const QString& dir)
{
    if (auto made = Network::giveFreshKeys(network); !made)
        return made.error();
    Ansible::Options options;
    options.profileDir = profileDir;
    options.homeDir = QDir::homePath();
    auto files = Ansible::project(network, options);
    for (Tunnel& t : network.tunnels)
        if (t.psk)
            Psk::wipe(*t.psk);
    if (!files)
        return files.error();
    QList<Ansible::ProjectFile> project = files.value();
    const Status st = Ansible::write(project, dir);
    for (Ansible::ProjectFile& f : project)
        if (f.secret)
            Psk::wipe(f.content);
    return st;
}

QString askBundlePath(QWidget* parent, const QString& name)
{
    const QString tarGz = tr("tar.gz archive (*.tar.gz)");
    const QString zip = tr("zip archive (*.zip)");
    const QString folder = tr("New folder (any name without .tar.gz or .zip)");
    QString selected = tarGz;
    QString path = QFileDialog::getSaveFileName(parent, tr("Export bundle"), QDir::home().filePath(name + QStringLiteral(".tar.gz")),
                                                QStringList{tarGz, zip, folder}.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return {};
    const QString lower = path.toLower();
    const bool hasExtension = lower.endsWith(QLatin1String(".tar.gz")) || lower.endsWith(QLatin1String(".tgz")) || lower.endsWith(QLatin1String(".zip"));
    if (!hasExtension && selected == tarGz)
        path += QStringLiteral(".tar.gz");
    else if (!hasExtension && selected == zip)
        path += QStringLiteral(".zip");
    return path;
}

Status saveProfileTo(const NetworkProfile& network, const QString& path, PskInFile psk)
{
    return NetworkJson::save(network, path, psk);
}

SaveChoice askSaveProfile(QWidget* parent, const NetworkProfile& network, const QString& currentPath)
{
    SaveChoice choice;
    const bool keyed = std::any_of(network.tunnels.cbegin(), network.tunnels.cend(), [](const Tunnel& t) { return t.psk && !t.psk->isEmpty(); });
    if (keyed) {
        QMessageBox box(QMessageBox::Question, tr("Save profile"), tr("Include the pre-shared key in the profile?"), QMessageBox::NoButton, parent);
        box.setInformativeText(tr("With the key, anyone who can read the file can join the tunnel; it is written readable by you only (mode 0600). "
                                  "Without it, a new key is made when you generate again, and both gateways must be updated."));
        auto* with = box.addButton(tr("&Include the key"), QMessageBox::AcceptRole);
        auto* without = box.addButton(tr("&Without the key"), QMessageBox::RejectRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(without);
        box.exec();
        if (box.clickedButton() == with)
            choice.psk = PskInFile::Include;
        else if (box.clickedButton() != without)
            return {};
    }
    const QString suggestion = currentPath.isEmpty() || currentPath.startsWith(QLatin1Char(':')) ? QDir::home().filePath(network.name + QStringLiteral(".json"))
                                                                                               : currentPath;
    QString path = QFileDialog::getSaveFileName(parent, tr("Save profile"), suggestion, tr("IPsec Wizard profiles (*.json)"));
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    choice.path = path;
    return choice;
}

} // namespace ipsecwiz::BundleExport
