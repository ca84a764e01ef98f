#pragma once
// The local HTTP server of `kuril serve`: output/ as static files (HTTP Range for the PMTiles), z/x/y
// tiles from the MBTiles (gzip, Content-Encoding set), a TileJSON for them, CORS on everything.
// Nothing outside output/ is served.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace kuril::serve {

struct ServerOptions {
    std::filesystem::path root;  // output/
    std::string bind = "127.0.0.1";
    int port = 8080;             // 0: any free port
    bool log = true;
};

class Server {
public:
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds and serves until stop(); calls `ready(port)` once listening. Throws Error if it cannot bind.
    void run(const std::function<void(int)>& ready);
    void stop();

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace kuril::serve
