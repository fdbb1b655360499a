#pragma once

// The few threads a monitor's polls run on, however many gateways it watches: a poll is a task,
// queued until one of at most maxThreads threads is free. Threads start as work arrives and stay
// until the pool is deleted. Deleting the pool never waits: its threads finish what is queued
// (cancelled polls return at once, sessions are closed on them) and then end by themselves.

#include <QtGlobal>

#include <functional>
#include <memory>

namespace ipsecwiz {

class MonitorPool final
{
    Q_DISABLE_COPY_MOVE(MonitorPool)

public:
    explicit MonitorPool(int maxThreads);
    ~MonitorPool();

    // Runs TASK on one of the pool's threads; what it captures is released on that thread too.
    void run(std::function<void()> task);

    [[nodiscard]] int maxThreads() const;
    // Threads running now, and the most there ever were at once.
    [[nodiscard]] int threadCount() const;
    [[nodiscard]] int peakThreadCount() const;

    struct Queue;

private:
    std::shared_ptr<Queue> m_queue;
};

} // namespace ipsecwiz
