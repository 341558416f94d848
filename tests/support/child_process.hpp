// Runs a program as a child process with its output captured, for tests of the real executable.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace testing_support {

struct Finished {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

// Runs argv to completion (stdin is /dev/null).
Finished run_program(const std::vector<std::string>& argv);

// Starts argv, reads its stdout until a line containing `marker` appears, then kills it with
// SIGKILL at once. Returns that line ("" if the program ended without printing it).
std::string kill_after_line(const std::vector<std::string>& argv, const std::string& marker);

}  // namespace testing_support
