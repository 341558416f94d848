// A long-running child process (the real pos-headoffice, a terminal's sync run) that a test can
// kill with SIGKILL at a moment of its choosing. Output goes to a log file for the failure message.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace testing_support {

class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, std::filesystem::path log);
    ~ChildProcess();  // kills it if still running
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    void kill();  // SIGKILL, then reaps it
    std::string log() const;

  private:
    pid_t pid_ = -1;
    std::filesystem::path log_;
};

// Path of a program built in this tree ("headoffice/server/pos-headoffice").
std::string built_program(const std::string& relative);

// Asks GET /v1/health until head office answers 200, at most timeout_ms.
bool wait_until_healthy(const std::string& url, std::int64_t timeout_ms);

}  // namespace testing_support
