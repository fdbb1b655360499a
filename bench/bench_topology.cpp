// Drawing a whole network and opening one in the main window, each up to its first paint (goals:
// a 50-site full mesh, 1,225 tunnels, laid out and painted in ≤ 50 ms; a 50-site profile opened to
// the window's first paint in ≤ 0.5 s). On the offscreen platform: the paint is a grab() of the
// view or window into a pixmap, which paints every widget the way the screen's first frame does.

#include "BenchNetworks.h"
#include "MainWindow.h"
#include "TopologyView.h"

#include <QApplication>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace ipsecwiz;

namespace {

// The share of a 1100 × 760 main window the drawing gets for a network (four tenths of the
// splitter's height).
const QSize ViewSize(860, 260);

// Layout and first paint of a whole network in a view that shows something else before.
void BM_Draw(benchmark::State& state, TopologyKind kind)
{
    const NetworkProfile n = bench::network(int(state.range(0)), kind);
    TopologyView view;
    view.resize(ViewSize);
    for (auto _ : state) {
        drawNetwork(*view.topologyScene(), n);
        // What the event loop does before it paints: the scene polishes its new items.
        QCoreApplication::sendPostedEvents();
        const QPixmap frame = view.grab();
        benchmark::DoNotOptimize(frame.cacheKey());
    }
    state.counters["tunnels"] = double(n.tunnels.size());
    state.counters["texts"] = double(view.topologyScene()->texts().size());
}

void BM_DrawMesh(benchmark::State& state)
{
    BM_Draw(state, TopologyKind::Mesh);
}

void BM_DrawHubAndSpoke(benchmark::State& state)
{
    BM_Draw(state, TopologyKind::HubAndSpoke);
}

// Only the layout (the scene's items), no paint: where the draw time goes.
void BM_LayoutMesh(benchmark::State& state)
{
    const NetworkProfile n = bench::network(int(state.range(0)), TopologyKind::Mesh);
    TopologyScene scene;
    for (auto _ : state) {
        drawNetwork(scene, n);
        QCoreApplication::sendPostedEvents();
    }
}

// A profile with every tunnel's key, as saved with the keys, opened in a fresh main window
// (made before the clock starts: the window is normally open already) until its first paint:
// reading and validating the network, every managed gateway's files, the drawing, the findings
// and the file views.
void BM_OpenProfile(benchmark::State& state, TopologyKind kind)
{
    QTemporaryDir dir;
    NetworkProfile n = bench::network(int(state.range(0)), kind);
    bench::giveFixedKeys(n);
    const QString path = dir.filePath(QStringLiteral("network.json"));
    if (const Status st = NetworkJson::save(n, path, PskInFile::Include); !st) {
        state.SkipWithError(qPrintable(st.error().toString()));
        return;
    }
    for (auto _ : state) {
        state.PauseTiming();
        auto window = std::make_unique<MainWindow>();
        state.ResumeTiming();
        if (!window->openProfile(path)) {
            state.SkipWithError("the profile did not open");
            return;
        }
        window->show();
        QCoreApplication::sendPostedEvents();
        const QPixmap frame = window->grab();
        benchmark::DoNotOptimize(frame.cacheKey());
        state.PauseTiming();
        window.reset();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        state.ResumeTiming();
    }
    state.counters["tunnels"] = double(n.tunnels.size());
}

void BM_OpenProfileMesh(benchmark::State& state)
{
    BM_OpenProfile(state, TopologyKind::Mesh);
}

void BM_OpenProfileHubAndSpoke(benchmark::State& state)
{
    BM_OpenProfile(state, TopologyKind::HubAndSpoke);
}

} // namespace

BENCHMARK(BM_DrawMesh)->Arg(12)->Arg(25)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DrawHubAndSpoke)->Arg(12)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LayoutMesh)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OpenProfileMesh)->Arg(12)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OpenProfileHubAndSpoke)->Arg(12)->Arg(50)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char** argv)
{
    // No display needed, and the same fonts and pixels wherever it runs.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The recent profiles the main window remembers go into a folder of the benchmark's own.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("ipsec-wizard-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_topology"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
