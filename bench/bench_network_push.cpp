// Pushing a network: the lab of the example hub-and-spoke network (`ipsec-wizard lab up --from
// resources/examples/hub-and-spoke.json`, root), its four gateways in one transaction against two
// of them (hq and branch1), as NetworkDeployer does it: every gateway prepared at once, then all
// confirmed over fresh connections. Goal: four gateways in ≤ 1.5× the time of two. Each iteration
// gives every tunnel another key, so every gateway really changes and reloads; no tunnel test
// (with two of four gateways pushed, the other tunnels' keys differ until the next full push).

#include "Deployer.h"
#include "LabBench.h"
#include "NetworkGenerator.h"

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

void BM_PushNetwork(benchmark::State& state)
{
    auto loaded = NetworkJson::load(bench::labDir() + QStringLiteral("/lab-profile.json"));
    if (!loaded || loaded.value().sites.size() < 4) {
        state.SkipWithError("the lab of hub-and-spoke.json is not up (ipsec-wizard lab up --from resources/examples/hub-and-spoke.json)");
        return;
    }
    NetworkProfile network = loaded.value();
    const QStringList sites = state.range(0) == 4 ? Generate::managedSites(network) : QStringList{QStringLiteral("hq"), QStringLiteral("branch1")};
    QHash<QString, SshOptions> ssh;
    for (const QString& site : sites)
        ssh.insert(site, NetworkDeployer::sshOptionsFor(network, *network.site(site), bench::labDir()));
    int i = 0;
    for (auto _ : state) {
        ++i;
        for (Tunnel& t : network.tunnels)
            t.psk = QByteArrayLiteral("0x") + QByteArray(64, i % 2 ? 'a' : 'b');
        DeployOptions options;
        options.tunnelTest = false;
        NetworkDeployer d(network, sites, ssh, options, {});
        const NetworkDeployResult r = d.run();
        if (!r.ok) {
            state.SkipWithError(qPrintable(r.message));
            return;
        }
    }
    state.counters["gateways"] = double(sites.size());
}

} // namespace

BENCHMARK(BM_PushNetwork)->Arg(2)->Arg(4)->Unit(benchmark::kMillisecond)->Iterations(6)->UseRealTime();
BENCHMARK_MAIN();
