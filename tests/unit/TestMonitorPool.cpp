// The threads the network monitor's polls share: never more than its bound however many tasks
// wait, tasks queued beyond it run as threads come free, and deleting the pool neither waits for
// tasks under way nor drops those queued (a poller's last task closes its session), and what a
// task holds is let go on the pool's thread, not the caller's.

#include "MonitorPool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace ipsecwiz;

namespace {

// Holds every task that waits on it until opened.
struct Gate
{
    std::mutex mutex;
    std::condition_variable opened;
    bool open = false;

    void wait()
    {
        std::unique_lock lock(mutex);
        opened.wait(lock, [this] { return open; });
    }
    void openIt()
    {
        std::lock_guard lock(mutex);
        open = true;
        opened.notify_all();
    }
};

struct Counts
{
    std::atomic_int running { 0 };
    std::atomic_int most { 0 };
    std::atomic_int done { 0 };
};

std::function<void()> blockedTask(std::shared_ptr<Gate> gate, std::shared_ptr<Counts> counts)
{
    return [gate, counts] {
        const int now = ++counts->running;
        int most = counts->most;
        while (now > most && !counts->most.compare_exchange_weak(most, now)) { }
        gate->wait();
        --counts->running;
        ++counts->done;
    };
}

int threadsNow()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

// Records on which thread it is destroyed.
struct Held
{
    explicit Held(std::atomic<std::thread::id>* where)
        : destroyedOn(where)
    {
    }
    ~Held() { *destroyedOn = std::this_thread::get_id(); }
    Q_DISABLE_COPY_MOVE(Held)

    std::atomic<std::thread::id>* destroyedOn;
};

} // namespace

class TestMonitorPool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_threads = threadsNow(); }

    // The threads of the test before have ended: they end by themselves, soon after their pool.
    void init() { QTRY_COMPARE(threadsNow(), m_threads); }

    void neverMoreThreadsThanItsBound()
    {
        const int before = threadsNow();
        auto gate = std::make_shared<Gate>();
        auto counts = std::make_shared<Counts>();
        {
            MonitorPool pool(3);
            QCOMPARE(pool.maxThreads(), 3);
            QCOMPARE(pool.threadCount(), 0); // none before there is work
            for (int i = 0; i < 12; ++i)
                pool.run(blockedTask(gate, counts));
            QTRY_COMPARE(counts->running.load(), 3);
            QTest::qWait(50); // a fourth would have started by now
            QCOMPARE(counts->running.load(), 3);
            QCOMPARE(pool.threadCount(), 3);
            QCOMPARE(threadsNow() - before, 3);
            gate->openIt();
            QTRY_COMPARE(counts->done.load(), 12);
            QCOMPARE(counts->most.load(), 3);
            QCOMPARE(pool.peakThreadCount(), 3);
        }
        QTRY_COMPARE(threadsNow(), before);
    }

    void oneTaskAtATimeNeedsOneThread()
    {
        MonitorPool pool(8);
        std::atomic_int done { 0 };
        for (int i = 0; i < 5; ++i) {
            pool.run([&done] { ++done; });
            QTRY_COMPARE(done.load(), i + 1);
        }
        QCOMPARE(pool.peakThreadCount(), 1);
    }

    void deletingItNeverWaits()
    {
        const int before = threadsNow();
        auto gate = std::make_shared<Gate>();
        auto counts = std::make_shared<Counts>();
        auto pool = std::make_unique<MonitorPool>(2);
        for (int i = 0; i < 5; ++i)
            pool->run(blockedTask(gate, counts));
        QTRY_COMPARE(counts->running.load(), 2);
        QElapsedTimer timer;
        timer.start();
        pool.reset();
        QVERIFY2(timer.elapsed() < 100, qPrintable(QString::number(timer.elapsed())));
        // What was queued still runs, on the threads that were there; then they end.
        gate->openIt();
        QTRY_COMPARE(counts->done.load(), 5);
        QCOMPARE(counts->most.load(), 2);
        QTRY_COMPARE(threadsNow(), before);
    }

    void whatATaskHoldsIsLetGoOnThePoolsThread()
    {
        std::atomic<std::thread::id> destroyedOn;
        std::atomic_bool ran { false };
        {
            MonitorPool pool(1);
            // Moved in: the task holds the only reference from the start. (Copied and reset after
            // run(), the caller's copy could be the last whenever the task was over first: the test
            // failed so, under ASan, once.)
            auto held = std::make_shared<Held>(&destroyedOn);
            pool.run([held = std::move(held), &ran] { ran = true; });
        }
        QTRY_VERIFY(ran);
        QTRY_VERIFY(destroyedOn.load() != std::thread::id());
        QVERIFY(destroyedOn.load() != std::this_thread::get_id());
    }

    void cleanupTestCase() { QTRY_COMPARE(threadsNow(), m_threads); }

private:
    int m_threads = 0;
};

QTEST_GUILESS_MAIN(TestMonitorPool)
#include "TestMonitorPool.moc"
