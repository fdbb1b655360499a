// How long one monitor poll takes to parse. The goal (issue 5): a `setkey -D` dump of 10,000 SAs
// (about 5 MB, a busy concentrator) in at most 20 ms, so a 1 s poll interval leaves the GUI
// thread idle; `swanctl --list-sas` with 1,000 CHILD SAs for comparison. The dumps are generated
// in the exact layout ipsec-tools / swanctl print (see tests/fixtures/monitor/).

#include "JsonWriter.h"
#include "SetkeyDump.h"
#include "SetkeyParser.h"
#include "SnapshotJson.h"
#include "SnapshotParser.h"
#include "SwanctlParser.h"
#include "TunnelCorrelation.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

using namespace ipsecwiz;
using ipsecwiz::bench::hexGroups;
using ipsecwiz::bench::setkeyDump;

namespace {

// `swanctl --list-sas` as strongSwan 5.9 prints it: IKE SAs with four CHILD SAs each.
QByteArray swanctlListing(int children)
{
    QByteArray out;
    const int perIke = 4;
    for (int ike = 0; ike * perIke < children; ++ike) {
        const QByteArray n = QByteArray::number(ike + 1);
        out += "site" + n + ": #" + n + ", ESTABLISHED, IKEv2, " + hexGroups(ike, 2).replace(' ', "") + "_i* "
            + hexGroups(ike + 7, 2).replace(' ', "") + "_r\n";
        out += "  local  '198.51.100.1' @ 198.51.100.1[4500]\n";
        out += "  remote '203.0.113." + QByteArray::number(ike % 250 + 1) + "' @ 203.0.113." + QByteArray::number(ike % 250 + 1)
            + "[4500]\n";
        out += "  AES_GCM_16-256/PRF_HMAC_SHA2_256/CURVE_25519\n";
        out += "  established 3s ago, rekeying in 28442s\n";
        for (int c = 0; c < perIke && ike * perIke + c < children; ++c) {
            const int id = ike * perIke + c + 1;
            out += "  net" + QByteArray::number(c) + ": #" + QByteArray::number(id) + ", reqid " + QByteArray::number(id)
                + ", INSTALLED, TUNNEL-in-UDP, ESP:AES_GCM_16-256\n";
            out += "    installed 3s ago, rekeying in 3318s, expires in 3957s\n";
            out += "    in  " + QByteArray::number(0xc1000000u + quint32(id), 16) + ",    672 bytes,     8 packets,     0s ago\n";
            out += "    out " + QByteArray::number(0xc2000000u + quint32(id), 16) + ",    672 bytes,     8 packets,     0s ago\n";
            out += "    local  10.1." + QByteArray::number(c) + ".0/24\n";
            out += "    remote 10.2." + QByteArray::number(c) + ".0/24\n";
        }
    }
    return out;
}

void BM_ParseSetkeyDump10kSAs(benchmark::State& state)
{
    const QByteArray dump = setkeyDump(10000);
    for (auto _ : state) {
        Snapshot s = SetkeyParser::parse(dump);
        if (s.sas.size() != 10000 || !s.unknownLines.isEmpty())
            state.SkipWithError("the generated dump did not parse completely");
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * dump.size());
    state.counters["input_MB"] = double(dump.size()) / 1e6;
}
BENCHMARK(BM_ParseSetkeyDump10kSAs)->Unit(benchmark::kMillisecond);

// The same through auto-detection, as the poller calls it.
void BM_ParseSetkeyDump10kSAsAutoDetect(benchmark::State& state)
{
    const QByteArray dump = setkeyDump(10000);
    for (auto _ : state) {
        Snapshot s = SnapshotParser::parse(dump);
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * dump.size());
}
BENCHMARK(BM_ParseSetkeyDump10kSAsAutoDetect)->Unit(benchmark::kMillisecond);

void BM_ParseSwanctl1000Children(benchmark::State& state)
{
    const QByteArray listing = swanctlListing(1000);
    for (auto _ : state) {
        Snapshot s = SwanctlParser::parse(listing);
        qsizetype children = 0;
        for (const auto& ike : s.ikeSas)
            children += ike.children.size();
        if (children != 1000 || !s.unknownLines.isEmpty())
            state.SkipWithError("the generated listing did not parse completely");
        benchmark::DoNotOptimize(s);
    }
    state.SetBytesProcessed(qint64(state.iterations()) * listing.size());
    state.counters["input_KB"] = double(listing.size()) / 1e3;
}
BENCHMARK(BM_ParseSwanctl1000Children)->Unit(benchmark::kMillisecond);

// `parse --json` of the 10,000-SA dump without start-up and parsing: the QJsonObject tree and
// QJsonDocument::toJson() it used to build, against JsonWriter (the same bytes).
void BM_JsonQJsonDocument10kSAs(benchmark::State& state)
{
    const Snapshot s = SetkeyParser::parse(setkeyDump(10000));
    for (auto _ : state) {
        const QByteArray json = QJsonDocument(SnapshotJson::toJson(s)).toJson();
        benchmark::DoNotOptimize(json.constData());
    }
}
BENCHMARK(BM_JsonQJsonDocument10kSAs)->Unit(benchmark::kMillisecond);

void BM_JsonWriter10kSAs(benchmark::State& state)
{
    const Snapshot s = SetkeyParser::parse(setkeyDump(10000));
    for (auto _ : state) {
        JsonWriter w;
        SnapshotJson::write(w, s);
        const QByteArray json = w.takeText();
        benchmark::DoNotOptimize(json.constData());
    }
}
BENCHMARK(BM_JsonWriter10kSAs)->Unit(benchmark::kMillisecond);

// One `monitor --json --follow` poll of two gateways with 10,000 SAs each and their correlation
// (10,000 pairs): the QJsonObject composition the CLI used, against SnapshotJson::writePoll.
struct TwoGateways
{
    Snapshot snapshot = SetkeyParser::parse(setkeyDump(10000));
    Correlation correlation = correlate(snapshot, snapshot, QStringLiteral("198.51.0.1"), QStringLiteral("203.0.113.1"));
    QJsonObject extra{{QStringLiteral("source"), QStringLiteral("setkey")}, {QStringLiteral("roundTripMs"), 14.0},
                      {QStringLiteral("outputTruncated"), false}};
};

void BM_MonitorPollQJsonDocument10kSAs(benchmark::State& state)
{
    const TwoGateways g;
    for (auto _ : state) {
        QJsonObject json;
        json.insert(QStringLiteral("time"), QStringLiteral("2026-12-04T10:00:00.000Z"));
        for (const QString& side : {QStringLiteral("gatewayA"), QStringLiteral("gatewayB")}) {
            QJsonObject o = SnapshotJson::toJson(g.snapshot);
            for (auto it = g.extra.begin(); it != g.extra.end(); ++it)
                o.insert(it.key(), it.value());
            json.insert(side, o);
        }
        json.insert(QStringLiteral("correlation"), toJson(g.correlation));
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        benchmark::DoNotOptimize(text.constData());
    }
}
BENCHMARK(BM_MonitorPollQJsonDocument10kSAs)->Unit(benchmark::kMillisecond);

void BM_MonitorPollJsonWriter10kSAs(benchmark::State& state)
{
    const TwoGateways g;
    for (auto _ : state) {
        JsonWriter w(JsonWriter::Compact);
        SnapshotJson::writePoll(w, QStringLiteral("2026-12-04T10:00:00.000Z"), {&g.snapshot, &g.snapshot}, {g.extra, g.extra},
                                &g.correlation);
        const QByteArray text = w.takeText();
        benchmark::DoNotOptimize(text.constData());
    }
}
BENCHMARK(BM_MonitorPollJsonWriter10kSAs)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
