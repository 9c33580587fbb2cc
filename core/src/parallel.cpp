#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace vardval {

std::size_t worker_count() {
    return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

void run_parallel(std::size_t tasks, std::size_t workers,
                  const std::function<void(std::size_t, std::size_t)>& task) {
    workers = std::max<std::size_t>(1, std::min(workers, tasks));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto work = [&](std::size_t worker) {
        for (std::size_t i; !failed && (i = next++) < tasks;) {
            try {
                task(i, worker);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(error_mutex);
                if (!first_error)
                    first_error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t w = 1; w < workers; ++w)
        threads.emplace_back(work, w);
    work(0);
    for (std::thread& t : threads)
        t.join();
    if (first_error)
        std::rethrow_exception(first_error);
}

}  // namespace vardval
