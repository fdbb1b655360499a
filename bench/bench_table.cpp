// Applying a poll to the monitor's SA table: 10,000 SAs of which 1% changed (counters), the
// goal is ≤ 5 ms and no model reset.

#include "SaTableModel.h"

#include <QSignalSpy>

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

QList<SecurityAssociation> sas(int count, quint64 bump)
{
    QList<SecurityAssociation> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i) {
        SecurityAssociation s;
        s.src = QStringLiteral("10.%1.%2.1").arg(i / 250).arg(i % 250);
        s.dst = QStringLiteral("10.%1.%2.2").arg(i / 250).arg(i % 250);
        s.proto = SaProtocol::Esp;
        s.protoText = QStringLiteral("esp");
        s.mode = QStringLiteral("tunnel");
        s.spi = quint32(0x10000 + i);
        s.hasSpi = true;
        s.state = SaState::Mature;
        s.encAlg = QStringLiteral("aes-cbc");
        s.bytes = quint64(i) * 100 + (i % 100 == 0 ? bump : 0); // 1% changes between polls
        list.append(s);
    }
    return list;
}

void BM_ApplyPoll_10000Sas_1PercentChanged(benchmark::State& state)
{
    SaTableModel model;
    const QList<SecurityAssociation> first = sas(10000, 0);
    const QList<SecurityAssociation> second = sas(10000, 4096);
    model.apply(first, 0);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    qint64 now = 1000;
    bool flip = false;
    for (auto _ : state) {
        model.apply(flip ? first : second, now);
        now += 1000;
        flip = !flip;
    }
    if (!reset.isEmpty())
        state.SkipWithError("the model was reset");
}
BENCHMARK(BM_ApplyPoll_10000Sas_1PercentChanged)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
