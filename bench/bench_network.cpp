// Profile format version 2: validating a whole network, as the wizard will on every keystroke
// (goal: a 50-site network in ≤ 16 ms), making its tunnels from a template, and generating every
// gateway's files, validation included (goals: a 200-site full mesh, 19,900 tunnels, in ≤ 2 s; a
// hub with 1,000 spokes in ≤ 0.5 s).

#include "BenchNetworks.h"
#include "NetworkGenerator.h"

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

using bench::network;

void BM_ValidateNetwork(benchmark::State& state, TopologyKind kind)
{
    const NetworkProfile n = network(int(state.range(0)), kind);
    if (hasErrors(Network::validate(n)))
        state.SkipWithError("the benchmark's network is not valid");
    for (auto _ : state)
        benchmark::DoNotOptimize(Network::validate(n));
    state.counters["tunnels"] = double(n.tunnels.size());
}

void BM_ValidateHubAndSpoke(benchmark::State& state)
{
    BM_ValidateNetwork(state, TopologyKind::HubAndSpoke);
}

void BM_ValidateMesh(benchmark::State& state)
{
    BM_ValidateNetwork(state, TopologyKind::Mesh);
}

void BM_MeshTunnels(benchmark::State& state)
{
    const NetworkProfile n = network(int(state.range(0)), TopologyKind::Pair);
    const Topology mesh{TopologyKind::Mesh, {}, false};
    for (auto _ : state)
        benchmark::DoNotOptimize(Network::tunnelsFor(n.sites, mesh, n.ike, n.esp));
}

// Every managed gateway's files, the network validated once (Generate::gateways, as generate --all
// and the push of a network do); writing them to disk is not counted.
void BM_GenerateEveryGateway(benchmark::State& state, TopologyKind kind)
{
    NetworkProfile n = network(int(state.range(0)), kind);
    bench::giveFixedKeys(n);
    qsizetype files = 0;
    for (auto _ : state) {
        auto all = Generate::gateways(n);
        if (!all) {
            state.SkipWithError(qPrintable(all.error().toString()));
            return;
        }
        files = 0;
        for (const auto& [site, cfg] : all.value())
            files += cfg.files.size();
        benchmark::DoNotOptimize(all);
    }
    state.counters["tunnels"] = double(n.tunnels.size());
    state.counters["files"] = double(files);
}

void BM_GenerateMesh(benchmark::State& state)
{
    BM_GenerateEveryGateway(state, TopologyKind::Mesh);
}

void BM_GenerateHubAndSpoke(benchmark::State& state)
{
    BM_GenerateEveryGateway(state, TopologyKind::HubAndSpoke);
}

} // namespace

BENCHMARK(BM_GenerateMesh)->Arg(200)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_GenerateHubAndSpoke)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateHubAndSpoke)->Arg(50)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ValidateMesh)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MeshTunnels)->Arg(200)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
