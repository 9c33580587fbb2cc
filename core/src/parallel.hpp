#pragma once
// Tasks spread over the machine's cores, the calling thread included: for work that is
// cut into independent pieces (chunks of a large file) and merged afterwards.
#include <cstddef>
#include <functional>

namespace vardval {

// Hardware threads, at least 1.
std::size_t worker_count();

// Calls task(i, worker) once for every i in [0, tasks), in rising order of i as workers become
// free; `worker` < workers identifies the thread, for per-thread state. With one task or one
// worker everything runs on the calling thread. The first exception a task throws is
// rethrown here once every thread has stopped (remaining tasks are skipped).
void run_parallel(std::size_t tasks, std::size_t workers,
                  const std::function<void(std::size_t task, std::size_t worker)>& task);

}  // namespace vardval
