#include "serve/server.hpp"

#include <cstdio>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>

#include <fmt/format.h>
// httplib listens with a backlog of 5: a burst of connections overflows it, and each dropped SYN
// costs the client a 1 s retransmission. 128 is Linux's classic SOMAXCONN.
#define CPPHTTPLIB_LISTEN_BACKLOG 128
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "serve/static_files.hpp"
#include "util/error.hpp"

namespace kuril::serve {

namespace fs = std::filesystem;

namespace {

// A read-only connection to the MBTiles, shared by the server's threads.
class Mbtiles {
public:
    explicit Mbtiles(const fs::path& path) {
        if (fs::exists(path) && sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
            sqlite3_close(db_);
            db_ = nullptr;
        }
    }
    ~Mbtiles() { sqlite3_close(db_); }
    Mbtiles(const Mbtiles&) = delete;
    Mbtiles& operator=(const Mbtiles&) = delete;
    [[nodiscard]] bool open() const { return db_ != nullptr; }

    std::optional<std::string> tile(int z, long x, long y) {
        const std::lock_guard<std::mutex> lock(mutex_);
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db_, "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", -1, &s, nullptr);
        sqlite3_bind_int(s, 1, z);
        sqlite3_bind_int64(s, 2, x);
        sqlite3_bind_int64(s, 3, ((1L << z) - 1) - y);  // MBTiles rows count from the south
        std::optional<std::string> out;
        if (sqlite3_step(s) == SQLITE_ROW) {
            out = std::string(static_cast<const char*>(sqlite3_column_blob(s, 0)), static_cast<std::size_t>(sqlite3_column_bytes(s, 0)));
        }
        sqlite3_finalize(s);
        return out;
    }

    std::map<std::string, std::string> metadata() {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::map<std::string, std::string> m;
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db_, "SELECT name, value FROM metadata", -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
            m[reinterpret_cast<const char*>(sqlite3_column_text(s, 0))] = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
        }
        sqlite3_finalize(s);
        return m;
    }

private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

}  // namespace

struct Server::Impl {
    ServerOptions o;
    httplib::Server http;
    Mbtiles mbtiles;
    explicit Impl(ServerOptions opts) : o(std::move(opts)), mbtiles(o.root / "tiles" / "kuril.mbtiles") {}

    std::string tilejson(const httplib::Request& req) {
        using json = nlohmann::ordered_json;
        auto m = mbtiles.metadata();
        const std::string host = req.has_header("Host") ? req.get_header_value("Host") : fmt::format("{}:{}", o.bind, o.port);
        json t;
        t["tilejson"] = "3.0.0";
        t["name"] = m["name"];
        t["attribution"] = m["attribution"];
        t["tiles"] = json::array({fmt::format("http://{}/tiles/{{z}}/{{x}}/{{y}}.pbf", host)});
        t["minzoom"] = std::stoi(m.count("minzoom") > 0 ? m["minzoom"] : "0");
        t["maxzoom"] = std::stoi(m.count("maxzoom") > 0 ? m["maxzoom"] : "14");
        json bounds = json::array();
        std::stringstream ss(m["bounds"]);
        for (std::string v; std::getline(ss, v, ',');) {
            bounds.push_back(std::stod(v));
        }
        t["bounds"] = bounds;
        t["vector_layers"] = json::parse(m.count("json") > 0 ? m["json"] : "{}").value("vector_layers", json::array());
        return t.dump();
    }

    void routes() {
        http.set_default_headers({{"Access-Control-Allow-Origin", "*"},
                                  {"Access-Control-Expose-Headers", "Content-Length, Content-Range, ETag"}});
        http.Options(R"(.*)", [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            res.set_header("Access-Control-Allow-Headers", "Range, If-Match");
            res.status = 204;
        });
        http.Get(R"(/tiles/(\d{1,2})/(\d{1,9})/(\d{1,9})\.(pbf|mvt))", [this](const httplib::Request& req, httplib::Response& res) {
            const int z = std::stoi(req.matches[1]);
            const long x = std::stol(req.matches[2]);
            const long y = std::stol(req.matches[3]);
            if (z > 30 || x >= (1L << z) || y >= (1L << z)) {
                res.status = 400;
                res.set_content(fmt::format("no tile {}/{}/{}: x and y must be below 2^z\n", z, x, y), "text/plain");
                return;
            }
            if (!mbtiles.open()) {
                res.status = 503;
                res.set_content("no tiles/kuril.mbtiles: run kuril build\n", "text/plain");
                return;
            }
            if (auto t = mbtiles.tile(z, x, y)) {
                res.set_header("Content-Encoding", "gzip");  // MBTiles holds them gzip-compressed
                res.set_content(*t, "application/vnd.mapbox-vector-tile");
            } else {
                res.status = 204;  // no data here
            }
        });
        http.Get("/tiles.json", [this](const httplib::Request& req, httplib::Response& res) {
            if (!mbtiles.open()) {
                res.status = 503;
                res.set_content("no tiles/kuril.mbtiles: run kuril build\n", "text/plain");
                return;
            }
            res.set_content(tilejson(req), "application/json");
        });
        http.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/viewer/"); });
        // output/ as static files, read from disk as they are sent (serve/static_files.hpp).
        if (!fs::is_directory(o.root)) {
            throw Error(fmt::format("cannot serve {}: not a directory", o.root.string()));
        }
        http.Get(R"(/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
            const std::string relative = req.matches[1];
            if (!relative.empty() && relative.back() != '/' && relative.find("..") == std::string::npos &&
                fs::is_directory(o.root / relative)) {
                res.set_redirect(req.path + "/");  // so that the page's relative links resolve
                return;
            }
            if (const auto file = resolve_static(o.root, relative)) {
                send_file(*file, req, res);
            } else {
                res.status = 404;
            }
        });
        http.set_payload_max_length(1 << 20);
        // Each keep-alive connection holds a worker: enough workers for many map clients at once.
        http.new_task_queue = [] { return new httplib::ThreadPool(64); };
        // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK, about 40 ms per request on keep-alive connections.
        http.set_tcp_nodelay(true);
        http.set_keep_alive_max_count(1000);
        http.set_keep_alive_timeout(5);
        if (o.log) {
            http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
                std::fprintf(stderr, "%s\n", fmt::format("{} {} {} {}", req.method, req.path, res.status, res.body.size()).c_str());
            });
        }
        http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
            if (res.body.empty()) {
                res.set_content(fmt::format("{} for {}\n", res.status, req.path), "text/plain");
            }
        });
    }
};

Server::Server(ServerOptions options) : impl_(new Impl(std::move(options))) { impl_->routes(); }

Server::~Server() { delete impl_; }

void Server::run(const std::function<void(int)>& ready) {
    int port = impl_->o.port;
    if (port == 0) {
        port = impl_->http.bind_to_any_port(impl_->o.bind);
    } else if (!impl_->http.bind_to_port(impl_->o.bind, port)) {
        port = -1;
    }
    if (port < 0) {
        throw Error(fmt::format("cannot listen on {}:{}", impl_->o.bind, impl_->o.port));
    }
    impl_->o.port = port;
    ready(port);
    impl_->http.listen_after_bind();
}

void Server::stop() { impl_->http.stop(); }

}  // namespace kuril::serve
