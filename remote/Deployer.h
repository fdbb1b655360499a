#pragma once

// Pushes a profile to both gateways at once, transactionally: per gateway, on one SSH channel,
// preflight, upload of every file as PATH.ipsec-wizard-new with its final mode, then the
// commit-confirmed script (CommitScript) puts them in place, reloads and verifies. When both
// are committed a tunnel test pings from gateway A's internal address to gateway B's; only then
// are both confirmed, each over a fresh SSH connection. Any failure or Cancel rolls both
// gateways back.
// Blocking: call run() from a worker thread (the GUI) or the CLI; log() may be called from
// the two gateway threads at once.

#include "IkeLog.h"
#include "NetworkProfile.h"
#include "Result.h"
#include "SshSession.h"
#include "TunnelProfile.h"

#include <QHash>
#include <QStringList>

#include <array>
#include <atomic>
#include <functional>

namespace ipsecwiz {

struct DeployOptions
{
    int confirmTimeoutSec = 60;
    bool applyFirewall = false; // load firewall.nft as the tunnel's own nftables table
    // The admin's own rules in place of the generated firewall.nft (implies applyFirewall);
    // they must define the tunnel's table, which is what a rollback removes.
    QByteArray firewallRules;
    bool tunnelTest = true;
    // Take the tunnel off both gateways instead: its own files and marked blocks, its policies,
    // SAs and routes, its nftables table and its peer in the shared set (unless another tunnel
    // names it); nothing else. Same transaction: confirmed on both, or both back as they were.
    bool remove = false;
    // Fixes the admin agreed to, by the site of the gateway they are made on ("site-a" and
    // "site-b" for a pair's): made in the same transaction (CommitPlan::change).
    QHash<QString, GatewayChange> changes;
    const std::atomic_bool* cancel = nullptr;
};

struct DeployEvent
{
    enum class Kind { Step, Command, Output, Warning, Error, Result };
    std::optional<Side> side; // none: about the whole push, or (network push) see gateway
    Kind kind = Kind::Step;
    QString text; // never holds the PSK
    QString gateway; // a network push: the site whose gateway this is about; empty: the whole push
};

enum class GatewayOutcome { NotStarted, Unchanged, Confirmed, RolledBack, Failed };

struct DeployResult
{
    bool ok = false;
    std::array<GatewayOutcome, 2> outcome{GatewayOutcome::NotStarted, GatewayOutcome::NotStarted};
    QString message;      // what failed, for people
    QString tunnelReport; // the tunnel test and the SAs each side shows
};

QString outcomeName(GatewayOutcome outcome);

// The admin's own nftables rules for DeployOptions::firewallRules: a rollback deletes the
// tunnel's table "inet ipsec_wizard_NAME" and nothing else, so the file may define exactly that
// table and nothing at its top level besides (no other table, no flush, no include).
Status checkFirewallRules(const QByteArray& rules, const QString& tunnelName);

class Deployer final
{
public:
    // ssh[0] is gateway A's connection, ssh[1] gateway B's.
    Deployer(TunnelProfile profile, QByteArray psk, std::array<SshOptions, 2> ssh, DeployOptions options,
             std::function<void(const DeployEvent&)> log);
    ~Deployer();
    Deployer(const Deployer&) = delete;
    Deployer& operator=(const Deployer&) = delete;

    // Every file with its path and mode, and every command, in order, for both gateways;
    // connects nowhere. Fails only when the profile is invalid.
    Result<QStringList> dryRun() const;

    DeployResult run();

    // SSH options for one gateway from the profile (host, port, user, identity file,
    // ~/.ssh/known_hosts, then the profile's known_hosts file relative to profileDir).
    static SshOptions sshOptionsFor(const TunnelProfile& profile, Side side, const QString& profileDir);

private:
    void emitEvent(std::optional<Side> side, DeployEvent::Kind kind, const QString& text) const;

    TunnelProfile m_profile;
    QByteArray m_psk;
    std::array<SshOptions, 2> m_ssh;
    DeployOptions m_options;
    std::function<void(const DeployEvent&)> m_log;
};

// The push of a network (profile format version 2) to its managed gateways, or to those named:
// one transaction over all of them, as the pair's push is over two. Every gateway is prepared
// (connected, preflight, upload, committed) with at most maxConnections at a time; then every
// tunnel both of whose ends took part and one of which changed is tested with a ping between the
// gateways' internal addresses; then all are reached again and confirmed. Any failure rolls every
// gateway back. A gateway whose files are already current is left as it is. With
// DeployOptions::remove, NETWORK holds only the tunnel to take out: its pieces leave its gateways.
struct NetworkDeployResult
{
    bool ok = false;
    QList<std::pair<QString, GatewayOutcome>> outcome; // per site pushed, in the profile's order
    QString message;
    QString tunnelReport;
};

class NetworkDeployer final
{
public:
    NetworkDeployer(NetworkProfile network, QStringList sites, QHash<QString, SshOptions> ssh, DeployOptions options,
                    std::function<void(const DeployEvent&)> log, int maxConnections = 8);
    ~NetworkDeployer();
    NetworkDeployer(const NetworkDeployer&) = delete;
    NetworkDeployer& operator=(const NetworkDeployer&) = delete;

    Result<QStringList> dryRun() const;
    NetworkDeployResult run();

    // The sites a push reaches: every managed site when NAMED is empty, else those (each must be
    // a managed site); fails naming the option.
    static Result<QStringList> sitesToPush(const NetworkProfile& network, const QStringList& named);
    static SshOptions sshOptionsFor(const NetworkProfile& network, const Site& site, const QString& profileDir);

private:
    void emitEvent(const QString& site, DeployEvent::Kind kind, const QString& text) const;

    NetworkProfile m_network;
    QStringList m_sites;
    QHash<QString, SshOptions> m_ssh;
    DeployOptions m_options;
    std::function<void(const DeployEvent&)> m_log;
    int m_maxConnections;
};

} // namespace ipsecwiz
