// One monitor poll of a lab gateway, side by side in one run: over the monitor's persistent SSH
// session (a new channel per poll, no handshake) against `ssh GATEWAY swanctl --list-sas` with
// OpenSSH (a new connection per poll, as a shell loop or a cron job would do it). Both run the
// same command. Needs the lab with the tunnel up: `sudo lab/lab.sh up` and a push first (root).

#include "Deployer.h"
#include "LabBench.h"
#include "MonitorSession.h"

#include <QProcess>

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

const QString LabDir = bench::labDir();
using bench::labProfile;

void BM_Poll_PersistentSession(benchmark::State& state)
{
    const auto profile = labProfile();
    if (!profile)
        return state.SkipWithError("the lab is not up (run lab/lab.sh up as root)");
    auto session = MonitorSession::open(Deployer::sshOptionsFor(*profile, Side::A, LabDir), MonitorSource::Swanctl);
    if (!session)
        return state.SkipWithError(qPrintable(session.error().toString()));
    qsizetype bytes = 0;
    for (auto _ : state) {
        auto r = session.value()->poll();
        if (!r || !r.value().states.contains("INSTALLED"))
            return state.SkipWithError("the poll failed or shows no CHILD SA (push the lab profile first)");
        bytes = r.value().states.size();
    }
    state.counters["output_bytes"] = double(bytes);
}
BENCHMARK(BM_Poll_PersistentSession)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();

void BM_Poll_OpenSshEachTime(benchmark::State& state)
{
    const auto profile = labProfile();
    if (!profile)
        return state.SkipWithError("the lab is not up (run lab/lab.sh up as root)");
    const SshOptions o = Deployer::sshOptionsFor(*profile, Side::A, LabDir);
    const QStringList args{QStringLiteral("-i"),
                           LabDir + QStringLiteral("/admin_ed25519"),
                           QStringLiteral("-o"),
                           QStringLiteral("UserKnownHostsFile=") + LabDir + QStringLiteral("/known_hosts"),
                           QStringLiteral("-o"),
                           QStringLiteral("StrictHostKeyChecking=yes"),
                           QStringLiteral("-o"),
                           QStringLiteral("BatchMode=yes"),
                           QStringLiteral("-p"),
                           QString::number(o.port),
                           o.user + QLatin1Char('@') + o.host,
                           QStringLiteral("{ %1; } 2>&1").arg(MonitorSession::commandFor(MonitorSource::Swanctl))};
    qsizetype bytes = 0;
    for (auto _ : state) {
        QProcess ssh;
        ssh.start(QStringLiteral("ssh"), args);
        if (!ssh.waitForFinished(30000) || ssh.exitCode() != 0)
            return state.SkipWithError("ssh to the lab failed");
        const QByteArray out = ssh.readAllStandardOutput();
        if (!out.contains("INSTALLED"))
            return state.SkipWithError("the poll shows no CHILD SA (push the lab profile first)");
        bytes = out.size();
    }
    state.counters["output_bytes"] = double(bytes);
}
BENCHMARK(BM_Poll_OpenSshEachTime)->Unit(benchmark::kMillisecond)->MinTime(3.0)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
