// Pushing both lab gateways with ipsec-wizard's Deployer (both at once, commit-confirmed: one SSH
// channel per gateway for preflight + upload + commit, one on a fresh connection to confirm)
// against the same files and reload done the classic way: OpenSSH scp + ssh, one gateway after
// the other. Needs the lab: `sudo lab/lab.sh up` first (root).
// Each iteration alternates between two keys so every push really changes and reloads.

#include "Deployer.h"
#include "LabBench.h"
#include "Generator.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace ipsecwiz;

namespace {

const QString LabDir = bench::labDir();
using bench::labProfile;

QByteArray key(int i)
{
    return QByteArrayLiteral("0x") + QByteArray(64, i % 2 ? 'a' : 'b');
}

void BM_PushBothGateways_Deployer(benchmark::State& state)
{
    const auto profile = labProfile();
    if (!profile) {
        state.SkipWithError("the lab is not up (run lab/lab.sh up as root)");
        return;
    }
    int i = 0;
    for (auto _ : state) {
        std::array<SshOptions, 2> ssh{Deployer::sshOptionsFor(*profile, Side::A, LabDir), Deployer::sshOptionsFor(*profile, Side::B, LabDir)};
        DeployOptions options;
        options.tunnelTest = false; // the classic way below does no tunnel test either
        Deployer d(*profile, key(i++), ssh, options, {});
        const DeployResult r = d.run();
        if (!r.ok) {
            state.SkipWithError(qPrintable(r.message));
            return;
        }
    }
}
BENCHMARK(BM_PushBothGateways_Deployer)->Unit(benchmark::kMillisecond)->Iterations(6)->UseRealTime();

bool run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

void BM_PushBothGateways_ScpThenSsh(benchmark::State& state)
{
    const auto profile = labProfile();
    if (!profile) {
        state.SkipWithError("the lab is not up (run lab/lab.sh up as root)");
        return;
    }
    const QStringList common{QStringLiteral("-i"), LabDir + QStringLiteral("/admin_ed25519"), QStringLiteral("-o"),
                             QStringLiteral("UserKnownHostsFile=") + LabDir + QStringLiteral("/known_hosts"), QStringLiteral("-o"),
                             QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"), QStringLiteral("BatchMode=yes")};
    int i = 0;
    for (auto _ : state) {
        const QByteArray psk = key(i++);
        for (Side side : {Side::A, Side::B}) {
            state.PauseTiming(); // writing the local copies is not part of either way's cost
            QTemporaryDir dir;
            const GatewayConfig cfg = Generate::side(*profile, side, psk).value();
            QStringList locals, moves;
            for (int n = 0; n < cfg.files.size(); ++n) {
                const GeneratedFile& f = cfg.files.at(n);
                const QString local = dir.filePath(QString::number(n));
                QFile out(local);
                if (!out.open(QIODevice::WriteOnly))
                    return state.SkipWithError("cannot write a local copy");
                out.write(f.content);
                out.close();
                QFile::setPermissions(local, QFile::ReadOwner | QFile::WriteOwner);
                locals << local;
                moves << QStringLiteral("mv /tmp/iwz-%1 %2 && chmod %3 %2").arg(n).arg(f.path, QString::number(f.mode, 8));
            }
            const QString host = QStringLiteral("root@") + Deployer::sshOptionsFor(*profile, side, LabDir).host;
            state.ResumeTiming();
            QStringList scpArgs = common;
            scpArgs << QStringLiteral("-q");
            for (int n = 0; n < locals.size(); ++n)
                scpArgs << locals.at(n);
            scpArgs << host + QStringLiteral(":/tmp/");
            // scp keeps the local names: rename on the gateway.
            QStringList renames;
            for (int n = 0; n < locals.size(); ++n)
                renames << QStringLiteral("mv /tmp/%1 /tmp/iwz-%1").arg(n);
            if (!run(QStringLiteral("scp"), scpArgs)
                || !run(QStringLiteral("ssh"), QStringList(common) << host
                                                   << (renames.join(QStringLiteral(" && ")) + QStringLiteral(" && ") + moves.join(QStringLiteral(" && "))
                                                       + QStringLiteral(" && swanctl --load-all >/dev/null && swanctl --list-conns | grep -q '^lab: '"))))
                return state.SkipWithError("scp/ssh to the lab failed");
        }
    }
}
BENCHMARK(BM_PushBothGateways_ScpThenSsh)->Unit(benchmark::kMillisecond)->Iterations(6)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
