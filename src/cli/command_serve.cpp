#include "cli/command_serve.hpp"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <pthread.h>
#include <thread>

#include <fmt/format.h>

#include "serve/server.hpp"
#include "util/error.hpp"

namespace kuril::cli {

std::string CommandServe::description() const {
    return "Serve output/ over HTTP on 127.0.0.1: the viewer at /viewer/, the PMTiles and every other file with "
           "HTTP Range support, z/x/y tiles from the MBTiles at /tiles/{z}/{x}/{y}.pbf (gzip) with a TileJSON at "
           "/tiles.json, CORS headers on all. Nothing outside output/ is served. Ctrl-C stops it.";
}

void CommandServe::add_options(Arguments& args) {
    args.option("-d,--output", root_, "the directory to serve (what kuril build wrote)").show_default();
    args.option("-p,--port", port_, "TCP port (0: any free port)").show_default();
    args.option("--bind", bind_, "address to listen on").show_default();
    args.flag("-q,--quiet", quiet_, "no request log");
}

void CommandServe::setup() {
    if (!std::filesystem::is_directory(root_)) {
        throw UsageError(fmt::format("{}: not a directory (run kuril build first)", root_));
    }
    if (port_ < 0 || port_ > 65535) {
        throw UsageError(fmt::format("--port {}: not a TCP port", port_));
    }
}

Outcome CommandServe::run() {
    // Ctrl-C and SIGTERM are taken by one thread with sigwait(), which stops the server cleanly; no
    // other thread (httplib's workers included) sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    serve::Server server(serve::ServerOptions{std::filesystem::absolute(root_), bind_, port_, !quiet_});
    std::thread waiter([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        server.stop();
    });
    try {
        server.run([&](int port) {
            std::printf("kuril serve: http://%s:%d/viewer/ serving %s (Ctrl-C stops)\n", bind_.c_str(), port, root_.c_str());
            std::fflush(stdout);
        });
    } catch (...) {
        pthread_kill(waiter.native_handle(), SIGTERM);
        waiter.join();
        throw;
    }
    pthread_kill(waiter.native_handle(), SIGTERM);  // if the server stopped on its own
    waiter.join();
    if (!quiet_) {
        std::printf("kuril serve: stopped\n");
    }
    return Outcome::ok;
}

}  // namespace kuril::cli
