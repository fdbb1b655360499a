// The network monitor against real gateways: N lab gateways, each polled every second over its own
// session by the GUI's NetworkMonitorView (offscreen), for a while. Two figures (issue 12's goals
// with 20 gateways): how late the GUI thread runs a 10 ms timer (p99 and worst: a stall), and the
// program's CPU use (user + system over wall time, in % of one core).
//
//   bench_monitor_network --write-profile N FILE   a hub-and-spoke network of N sites (strongSwan, keys)
//   sudo ipsec-wizard lab up --from FILE && sudo ipsec-wizard push $LAB/lab-profile.json --yes
//   sudo bench_monitor_network                      (IPSECWIZ_LAB_DIR as for the lab; default its own)
//
// Needs the lab of such a network: `lab up --from` it (root), then push.

#include "BenchNetworks.h"
#include "LabBench.h"
#include "NetworkMonitorView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ipsecwiz;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void BM_MonitorLabNetwork(benchmark::State& state)
{
    auto network = NetworkJson::load(bench::labDir() + QStringLiteral("/lab-profile.json"));
    if (!network) {
        state.SkipWithError("no lab network: see the comment at the top of bench_monitor_network.cpp");
        return;
    }
    const int seconds = int(state.range(0));
    for (auto _ : state) {
        NetworkMonitorView view;
        view.resize(1400, 860);
        view.setNetwork(network.value(), bench::labDir());
        view.show();
        QApplication::processEvents();
        // Stalls: how much later than asked a 10 ms timer fires on the GUI thread.
        std::vector<double> late;
        QElapsedTimer clock;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(10);
        qint64 last = 0;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            if (last)
                late.push_back(std::max(0.0, (now - last) / 1e6 - 10.0));
            last = now;
        });
        // Start measuring once every gateway has answered once (the first connects are set-up).
        view.start(MonitorSource::Swanctl);
        QElapsedTimer warm;
        warm.start();
        while (warm.elapsed() < 20000) {
            QApplication::processEvents(QEventLoop::AllEvents, 50);
            bool all = true;
            for (int row = 0; row < view.gatewayModel()->rowCount(); ++row)
                all = all && view.gatewayModel()->item(row, 2)->text() == QLatin1String("swanctl");
            if (all)
                break;
        }
        const QStringList eventsBefore = view.eventTexts();
        clock.start();
        tick.start();
        const double cpu0 = cpuSeconds();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        const double cpu = cpuSeconds() - cpu0;
        const double wall = clock.nsecsElapsed() / 1e9;
        tick.stop();
        view.stop();
        std::sort(late.begin(), late.end());
        const auto at = [&](double q) { return late.empty() ? 0.0 : late[std::min(late.size() - 1, size_t(q * double(late.size())))]; };
        state.counters["gateways"] = double(view.gatewayModel()->rowCount());
        state.counters["tunnels_up"] = [&] {
            int up = 0;
            for (const Tunnel& t : network.value().tunnels)
                up += view.stateOf(t.name) == TunnelState::Up;
            return double(up);
        }();
        state.counters["stall_p99_ms"] = at(0.99);
        state.counters["stall_max_ms"] = late.empty() ? 0.0 : late.back();
        state.counters["cpu_pct_of_one_core"] = 100.0 * cpu / wall;
        state.counters["new_events"] = double(view.eventTexts().size() - eventsBefore.size());
    }
}
BENCHMARK(BM_MonitorLabNetwork)->Arg(30)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--write-profile") == 0) {
        NetworkProfile n = bench::network(QByteArray(argv[2]).toInt(), TopologyKind::HubAndSpoke);
        bench::giveFixedKeys(n);
        n.name = QStringLiteral("monitor-bench");
        const Status st = NetworkJson::save(n, QString::fromLocal8Bit(argv[3]), PskInFile::Include);
        if (!st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
            return 1;
        }
        return 0;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
