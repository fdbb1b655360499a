#pragma once

// Runs FN(i) for every i below COUNT on as many threads as there are cores (at most eight, and
// none beyond the first while fewer than PERTHREAD items each would be left): a network's
// gateways are made, and their files written, side by side. FN must only read what it shares.

#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ipsecwiz {

template<typename Fn>
void forEachIndexInParallel(size_t count, size_t perThread, const Fn& fn)
{
    const size_t threads = std::clamp<size_t>(size_t(QThread::idealThreadCount()), 1, std::min<size_t>(8, std::max<size_t>(1, count / perThread)));
    const auto work = [&](size_t first) {
        for (size_t i = first; i < count; i += threads)
            fn(i);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool)
        t.join();
}

// How many gateways the monitors (the CLI's and the window's) and the drift check talk to at
// once: enough that a few unreachable ones, each holding a thread until its connect times out,
// do not stall the rest; few enough that fifty gateways are not fifty threads.
inline constexpr size_t MonitorPoolThreads = 8;

// Runs FN(i) for every i below COUNT on up to MAXTHREADS threads, whatever the number of cores:
// for work that mostly waits (a poll of each gateway over SSH), so one slow gateway holds up
// one thread, not the others.
template<typename Fn>
void forEachIndexOnThreads(size_t count, size_t maxThreads, const Fn& fn)
{
    const size_t threads = std::clamp<size_t>(count, 1, std::max<size_t>(1, maxThreads));
    std::atomic_size_t next{0};
    const auto work = [&] {
        for (size_t i = next++; i < count; i = next++)
            fn(i);
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (std::thread& t : pool)
        t.join();
}

} // namespace ipsecwiz
