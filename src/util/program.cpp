#include "util/program.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "util/error.hpp"

extern char** environ;

namespace kuril {

namespace {

// What the program wrote to stderr (through `fd`), its last 2,000 bytes.
std::string drain(int fd) {
    std::string out;
    char buf[4096];
    for (ssize_t n = 0; (n = read(fd, buf, sizeof buf)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        if (out.size() > 2000) out.erase(0, out.size() - 2000);
    }
    return out;
}

}  // namespace

void run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<char*> envp;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string_view var(*e);
        const bool replaced = std::any_of(env.begin(), env.end(), [&](const std::string& n) {
            return var.substr(0, var.find('=') + 1) == std::string_view(n).substr(0, n.find('=') + 1);
        });
        if (!replaced) envp.push_back(*e);
    }
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    int err[2];
    if (pipe2(err, O_CLOEXEC) != 0) throw ExternalProgramError(argv[0], fmt::format("cannot make a pipe: {}", std::strerror(errno)));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(err[1]);
    if (spawned != 0) {
        close(err[0]);
        throw ExternalProgramError(argv[0], fmt::format("cannot run {}: {}", argv[0], std::strerror(spawned)));
    }
    const std::string said = drain(err[0]);
    close(err[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw ExternalProgramError(argv[0], fmt::format("{} failed (status {}){}", argv[0], status,
                                                        said.empty() ? "" : ": " + said));
    }
}

}  // namespace kuril
