#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

extern char** environ;

namespace testing_support {

namespace {

struct Child {
    pid_t pid = -1;
    int out_fd = -1;
    int err_fd = -1;
};

Child spawn(const std::vector<std::string>& argv) {
    int out[2];
    int err[2];
    if (pipe(out) != 0 || pipe(err) != 0)
        throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, err[0]);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    Child child;
    const int rc = posix_spawn(&child.pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(err[1]);
    if (rc != 0)
        throw std::runtime_error("cannot start " + argv[0]);
    child.out_fd = out[0];
    child.err_fd = err[0];
    return child;
}

std::string read_all(int fd) {
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;)
        text.append(buf, static_cast<std::size_t>(n));
    close(fd);
    return text;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

Finished run_program(const std::vector<std::string>& argv) {
    Child child = spawn(argv);
    Finished done;
    // Drain stderr after stdout; the programs under test write little to stderr.
    done.out = read_all(child.out_fd);
    done.err = read_all(child.err_fd);
    done.exit_code = wait_for(child.pid);
    return done;
}

std::string kill_after_line(const std::vector<std::string>& argv, const std::string& marker) {
    Child child = spawn(argv);
    std::string pending;
    std::string found;
    char c;
    while (found.empty() && read(child.out_fd, &c, 1) == 1) {
        if (c != '\n') {
            pending += c;
            continue;
        }
        if (pending.find(marker) != std::string::npos)
            found = pending;
        pending.clear();
    }
    kill(child.pid, SIGKILL);
    close(child.out_fd);
    close(child.err_fd);
    wait_for(child.pid);
    return found;
}

}  // namespace testing_support
