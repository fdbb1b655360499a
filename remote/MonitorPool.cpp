#include "MonitorPool.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

namespace ipsecwiz {

// Shared by the pool and its threads, so the threads can outlive the pool.
struct MonitorPool::Queue
{
    explicit Queue(int max)
        : maxThreads(max)
    {
    }

    const int maxThreads;
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> tasks;
    int threads = 0;
    int idle = 0;
    int peak = 0;
    bool closing = false;
};

namespace {

    void work(const std::shared_ptr<MonitorPool::Queue>& q)
    {
        ::pthread_setname_np(::pthread_self(), "monitor-pool");
        // Linux schedules threads one by one: a poll decrypting and parsing a flood yields the
        // CPU to the GUI thread (nice 10) instead of taking its share.
        ::setpriority(PRIO_PROCESS, ::gettid(), 10);
        std::unique_lock lock(q->mutex);
        for (;;) {
            ++q->idle;
            q->wake.wait(lock, [&] { return !q->tasks.empty() || q->closing; });
            --q->idle;
            if (q->tasks.empty())
                break; // closing, and nothing left to do
            std::function<void()> task = std::move(q->tasks.front());
            q->tasks.pop_front();
            lock.unlock();
            task();
            // What the task holds (a gateway's session) is let go here, not under the lock.
            task = nullptr;
            lock.lock();
        }
        --q->threads;
    }

} // namespace

MonitorPool::MonitorPool(int maxThreads)
    : m_queue(std::make_shared<Queue>(std::max(1, maxThreads)))
{
}

MonitorPool::~MonitorPool()
{
    std::lock_guard lock(m_queue->mutex);
    m_queue->closing = true;
    m_queue->wake.notify_all();
}

void MonitorPool::run(std::function<void()> task)
{
    std::lock_guard lock(m_queue->mutex);
    m_queue->tasks.push_back(std::move(task));
    // A thread more only when every thread is busy or already has a task waiting for it.
    if (qsizetype(m_queue->tasks.size()) > m_queue->idle && m_queue->threads < m_queue->maxThreads) {
        ++m_queue->threads;
        m_queue->peak = std::max(m_queue->peak, m_queue->threads);
        // Detached: nobody waits for it, and no thread object outlives it (a QThread would
        // need the GUI's event loop to be deleted after its thread ended).
        std::thread(work, m_queue).detach();
        return;
    }
    m_queue->wake.notify_one();
}

int MonitorPool::maxThreads() const
{
    return m_queue->maxThreads;
}

int MonitorPool::threadCount() const
{
    std::lock_guard lock(m_queue->mutex);
    return m_queue->threads;
}

int MonitorPool::peakThreadCount() const
{
    std::lock_guard lock(m_queue->mutex);
    return m_queue->peak;
}

} // namespace ipsecwiz
