// A diagnosis of the lab's two-gateway tunnel as `ipsec-wizard diagnose` runs it: both gateways
// looked at over SSH, then, the tunnel being down, started while both charon logs are read, and the
// logs decoded (goal: done in ≤ 10 s). Each iteration first takes the tunnel down on both gateways
// (not timed). Needs the lab, pushed: `sudo lab/lab.sh up` and `ipsec-wizard push` of its profile.

#include "Diagnoser.h"
#include "LabBench.h"

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

void BM_DiagnoseWithAttempt(benchmark::State& state)
{
    auto network = NetworkJson::load(bench::labDir() + QStringLiteral("/lab-profile.json"));
    if (!network || network.value().tunnels.isEmpty())
        return state.SkipWithError("the lab is not up (run lab/lab.sh up as root, then push its profile)");
    const NetworkProfile& n = network.value();
    auto ends = Diagnoser::gatewaysOf(n, 0, bench::labDir());
    if (!ends)
        return state.SkipWithError(qPrintable(ends.error().toString()));
    const QString tunnel = n.tunnels.first().name;
    int up = 0;
    for (auto _ : state) {
        state.PauseTiming();
        for (const DiagnoseGateway* g : {&ends.value().first, &ends.value().second}) {
            auto s = SshSession::connect(*g->ssh);
            if (!s)
                return state.SkipWithError(qPrintable(s.error().toString()));
            (void)s.value()->exec(QStringLiteral("swanctl --terminate --ike %1 --force --timeout 5 >/dev/null 2>&1; true").arg(tunnel));
        }
        state.ResumeTiming();
        const DiagnoseReport r = Diagnoser::run(tunnel, ends.value().first, ends.value().second, true);
        if (!r.attempted)
            return state.SkipWithError("the tunnel was still up: nothing was attempted");
        up += r.up;
    }
    state.counters["came_up"] = double(up) / double(state.iterations());
}
BENCHMARK(BM_DiagnoseWithAttempt)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
