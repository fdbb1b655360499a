#include "GatewayImport.h"

#include "GatewayImportSource.h"
#include "SecretPrompt.h"
#include "SshSession.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMessageBox>
#include <QRegularExpression>
#include <QThread>
#include <QWidget>

namespace ipsecwiz::GatewayImport {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ipsecwiz::GatewayImport", text);
}

const QRegularExpression& sshTarget()
{
    static const QRegularExpression re(QStringLiteral("^(?:([^@/\\s]+)@)?([A-Za-z0-9.-]+|\\[[0-9a-fA-F:.]+\\])(?::(\\d{1,5}))?$"));
    return re;
}

Result<ImportResult> importFrom(const ImportSource& source, const ImportOptions& options)
{
    const auto format = detectFormat(source);
    if (!format)
        return Error{source.root(), tr("No swanctl.conf, ipsec.conf, racoon-tool.conf or racoon.conf there.")};
    auto imported = importConfig(*format, source, options);
    if (imported)
        Import::assumeInternalAddresses(imported.value());
    return imported;
}

Result<ImportResult> overSsh(const QString& where, QWidget* parent)
{
    const auto m = sshTarget().match(where.trimmed());
    SshOptions o;
    o.host = m.captured(2).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    o.user = m.hasCaptured(1) ? m.captured(1) : QStringLiteral("root");
    o.port = m.hasCaptured(3) ? m.captured(3).toInt() : 22;
    if (o.port < 1 || o.port > 65535)
        return Error{QStringLiteral("importFrom"), tr("The port of %1 is not 1 to 65535.").arg(shown(where))};
    o.knownHostsFiles << QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    // Asked on the GUI thread while the worker waits, as the Deploy page asks.
    o.acceptNewHostKey = [parent](const HostKeyInfo& key, const QString& host) { return askHostKeyFromWorker(parent, key, host); };
    o.passphrase = [parent](const QString& prompt) { return askSecretFromWorker(parent, prompt); };
    o.password = o.passphrase;
    ImportOptions options;
    options.siteName = Import::safeSiteName(o.host);
    options.sshHost = o.host;

    std::optional<Result<ImportResult>> result;
    QEventLoop loop;
    QThread* worker = QThread::create([&] {
        auto session = SshSession::connect(o);
        if (!session) {
            result = Result<ImportResult>(session.error());
            return;
        }
        const GatewayImportSource source(session.value().get(), o.user != QLatin1String("root"));
        result = importFrom(source, options);
    });
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    delete worker;
    return std::move(*result);
}

} // namespace

bool isSshTarget(const QString& where)
{
    const QString w = where.trimmed();
    return !w.isEmpty() && !QFileInfo::exists(w) && sshTarget().match(w).hasMatch();
}

Result<ImportResult> run(const QString& where, QWidget* parent)
{
    QString path = where.trimmed();
    if (path.isEmpty())
        return Error{QStringLiteral("importFrom"), tr("Give a folder, a config file, or USER@HOST of the gateway.")};
    if (isSshTarget(path))
        return overSsh(path, parent);
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    const QFileInfo info(path);
    if (!info.exists())
        return Error{QStringLiteral("importFrom"), tr("%1 does not exist here, and it is not USER@HOST of a gateway.").arg(shown(where))};
    ImportOptions options;
    options.siteName = Import::siteNameForFolder(path);
    if (info.isDir())
        return importFrom(LocalFolderSource(path), options);
    auto files = sourceFromFiles({path}, std::nullopt);
    if (!files)
        return files.error();
    return importFrom(files.value(), options);
}

QString summary(const ImportResult& result)
{
    const NetworkProfile& n = result.network;
    QStringList lines;
    lines << tr("Sites: %1; tunnels: %2.").arg(n.sites.size()).arg(n.tunnels.size());
    for (const Tunnel& t : n.tunnels)
        lines << tr("Tunnel %1: %2 (%3) ⇄ %4 (%5), key %6.")
                     .arg(t.name, t.siteA, n.networksOf(t, Side::A).join(QStringLiteral(", ")), t.siteB, n.networksOf(t, Side::B).join(QStringLiteral(", ")),
                          t.psk ? tr("read (kept only in memory unless you save the profile with it)") : tr("not found"));
    if (!result.unused.isEmpty())
        lines << tr("%1 lines were not used; see the details.").arg(result.unused.size());
    if (!result.findings.isEmpty())
        lines << tr("%1 findings; see the details.").arg(result.findings.size());
    return lines.join(QLatin1Char('\n'));
}

QString details(const ImportResult& result)
{
    QStringList lines;
    for (const ImportNote& note : result.unused)
        lines << terminalSafe(note.toString());
    for (const Finding& f : result.findings)
        lines << f.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace ipsecwiz::GatewayImport
