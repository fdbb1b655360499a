// How long the wizard waits for a config preview or a bundle: validate + generate both
// gateways, and a whole bundle written as .tar.gz. The wizard regenerates on every keystroke,
// so this must stay far below a frame (16 ms).

#include "ConfigBundle.h"
#include "Generator.h"
#include "Validation.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

TunnelProfile example()
{
    return ProfileJson::load(QStringLiteral(IPSECWIZ_EXAMPLE_PROFILE)).value();
}

const QByteArray Psk = QByteArrayLiteral("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

void BM_ValidateAndGenerateBothSides(benchmark::State& state)
{
    const TunnelProfile p = example();
    for (auto _ : state) {
        benchmark::DoNotOptimize(validate(p));
        auto a = Generate::side(p, Side::A, Psk);
        auto b = Generate::side(p, Side::B, Psk);
        benchmark::DoNotOptimize(a);
        benchmark::DoNotOptimize(b);
    }
}
BENCHMARK(BM_ValidateAndGenerateBothSides)->Unit(benchmark::kMicrosecond);

void BM_BundleTarGz(benchmark::State& state)
{
    const TunnelProfile p = example();
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("b.tar.gz"));
    for (auto _ : state) {
        auto entries = ConfigBundle::build(p, Psk, {});
        const Status st = ConfigBundle::write(entries.value(), out);
        benchmark::DoNotOptimize(st);
    }
}
BENCHMARK(BM_BundleTarGz)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
