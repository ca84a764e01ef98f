#include "serve/server.hpp"

#include <cstdio>
#include <mutex>
#include <regex>

#include <fmt/format.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <nlohmann/json.hpp>

#include "serve/static_files.hpp"
#include "serve/tilesets.hpp"
#include "tiles/gzip.hpp"
#include "util/error.hpp"

namespace kuril::serve {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultTileset = "kuril.mbtiles";  // behind /tiles/{z}/{x}/{y}.pbf and /tiles.json

std::string host_of(const httplib::Request& req, const ServerOptions& o) {
    return req.has_header("Host") ? req.get_header_value("Host") : fmt::format("{}:{}", o.bind, o.port);
}

// z/x/y from the route's matches 1..3 (after `first`), or nullopt with a 400 answered.
std::optional<tiles::TileAddress> address(const httplib::Request& req, httplib::Response& res, std::size_t first) {
    const int z = std::stoi(req.matches[first]);
    const long x = std::stol(req.matches[first + 1]);
    const long y = std::stol(req.matches[first + 2]);
    if (z > 30 || x >= (1L << z) || y >= (1L << z)) {
        res.status = 400;
        res.set_content(fmt::format("no tile {}/{}/{}: x and y must be below 2^z\n", z, x, y), "text/plain");
        return std::nullopt;
    }
    return tiles::TileAddress{static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
}

// A tile: immutable when asked for by the URL the TileJSON gives (?v= the tileset's version), else revalidated;
// the ETag is the tileset's version either way.
void send_tile(Tileset& set, const tiles::TileAddress& a, const httplib::Request& req, httplib::Response& res) {
    const std::string etag = "\"" + set.version + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", req.get_param_value("v") == set.version ? "public, max-age=31536000, immutable" : "no-cache");
    if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    if (auto t = set.tile(a)) {
        if (tiles::is_gzip(*t)) res.set_header("Content-Encoding", "gzip");
        res.set_content(*t, "application/vnd.mapbox-vector-tile");
    } else {
        res.status = 204;  // no data here
    }
}

// TileJSON 3.0 for a tileset, its tiles at `url` (a template with {z}/{x}/{y}); revalidated each time.
void send_tilejson(Tileset& set, const std::string& url, const httplib::Request& req, httplib::Response& res) {
    nlohmann::ordered_json t;
    t["tilejson"] = "3.0.0";
    t["tiles"] = nlohmann::ordered_json::array({url});
    const nlohmann::ordered_json fields = set.tilejson();  // held: items() of a temporary would dangle
    for (const auto& [k, v] : fields.items()) t[k] = v;
    const std::string etag = "\"" + set.version + "-" + std::to_string(std::hash<std::string>{}(url)) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") == etag) {
        res.status = 304;
        return;
    }
    res.set_content(t.dump(), "application/json");
}

// A z/x/y tile path ("tiles/xyz/5/28/11.pbf") inside a tile directory that kuril wrote (a tiles.json beside
// its zoom folders): a missing tile there is an empty one, answered 204 like the tilesets' routes; a client
// that parses any body as a tile (protomaps-leaflet) would choke on a 404 page.
bool in_tile_directory(const fs::path& root, const std::string& relative) {
    static const std::regex tile(R"(^((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+)/\d{1,2}/\d{1,9}/\d{1,9}\.(?:pbf|mvt)$)");
    std::smatch m;
    if (!std::regex_match(relative, m, tile)) return false;
    std::error_code ec;
    return fs::is_regular_file(root / m[1].str() / "tiles.json", ec);
}

// Runs a handler; a broken tileset file answers 500 with the reason instead of an empty error.
template <typename F>
void guarded(httplib::Response& res, F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        res.status = 500;
        res.set_content(fmt::format("{}\n", e.what()), "text/plain");
    }
}

// Debian's cpp-httplib is a compiled library that listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG is
// read when the library is built, not here): 64 clients connecting at once overflow it, and each dropped
// SYN costs its client a 1 s retransmission (p99 of 0.5-1 s under wrk -c64; TcpExtListenOverflows counts
// them). listen(2) again on the bound socket raises the backlog; the socket is found by its port.
void widen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
        int listening = 0;
        socklen_t len = sizeof listening;
        sockaddr_storage addr{};
        socklen_t alen = sizeof addr;
        if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || listening == 0 ||
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &alen) != 0) {
            continue;
        }
        const int bound = addr.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port)
                          : addr.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
                                                       : -1;
        if (bound == port) ::listen(fd, SOMAXCONN);
    }
}

}  // namespace

struct Server::Impl {
    ServerOptions o;
    httplib::Server http;
    Tilesets tilesets;
    explicit Impl(ServerOptions opts) : o(std::move(opts)), tilesets(o.root / "tiles") {}

    void routes() {
        cors_routes();
        default_tileset_routes();
        tileset_routes();
        static_routes();
        settings();
    }

    // CORS: any page may read the tiles and files (map clients on other origins), with ranges.
    void cors_routes() {
        http.set_default_headers({{"Access-Control-Allow-Origin", "*"},
                                  {"Access-Control-Expose-Headers", "Content-Length, Content-Range, ETag"}});
        http.Options(R"(.*)", [](const httplib::Request&, httplib::Response& res) {
            res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            res.set_header("Access-Control-Allow-Headers", "Range, If-Match");
            res.status = 204;
        });
    }

    // The MBTiles of the build at /tiles/{z}/{x}/{y}.pbf and /tiles.json (what the style and viewer use).
    void default_tileset_routes() {
        http.Get(R"(/tiles/(\d{1,2})/(\d{1,9})/(\d{1,9})\.(pbf|mvt))", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                const auto a = address(req, res, 1);
                if (!a) return;
                if (const auto set = tilesets.get(kDefaultTileset)) {
                    send_tile(*set, *a, req, res);
                } else {
                    res.status = 503;
                    res.set_content("no tiles/kuril.mbtiles: run kuril build\n", "text/plain");
                }
            });
        });
        http.Get("/tiles.json", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                if (const auto set = tilesets.get(kDefaultTileset)) {
                    send_tilejson(*set, fmt::format("http://{}/tiles/{{z}}/{{x}}/{{y}}.pbf?v={}", host_of(req, o), set->version), req, res);
                } else {
                    res.status = 503;
                    res.set_content("no tiles/kuril.mbtiles: run kuril build\n", "text/plain");
                }
            });
        });
    }

    // Every tileset in tiles/ (PMTiles and MBTiles): a list, a TileJSON each, z/x/y tiles from each.
    void tileset_routes() {
        http.Get("/tilesets.json", [this](const httplib::Request& req, httplib::Response& res) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& name : tilesets.names()) {
                list.push_back({{"name", name}, {"tilejson", fmt::format("http://{}/tilesets/{}.json", host_of(req, o), name)}});
            }
            res.set_header("Cache-Control", "no-cache");
            res.set_content(list.dump(), "application/json");
        });
        http.Get(R"(/tilesets/([A-Za-z0-9_.-]+\.(?:pmtiles|mbtiles))\.json)", [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                const std::string name = req.matches[1];
                if (const auto set = tilesets.get(name)) {
                    send_tilejson(*set, fmt::format("http://{}/tilesets/{}/{{z}}/{{x}}/{{y}}.pbf?v={}", host_of(req, o), name, set->version), req, res);
                } else {
                    res.status = 404;
                    res.set_content(fmt::format("no tileset tiles/{}\n", name), "text/plain");
                }
            });
        });
        http.Get(R"(/tilesets/([A-Za-z0-9_.-]+\.(?:pmtiles|mbtiles))/(\d{1,2})/(\d{1,9})/(\d{1,9})\.(pbf|mvt))",
                 [this](const httplib::Request& req, httplib::Response& res) {
            guarded(res, [&] {
                const auto a = address(req, res, 2);
                if (!a) return;
                if (const auto set = tilesets.get(req.matches[1])) {
                    send_tile(*set, *a, req, res);
                } else {
                    res.status = 404;
                    res.set_content(fmt::format("no tileset tiles/{}\n", std::string(req.matches[1])), "text/plain");
                }
            });
        });
    }

    // output/ as static files, read from disk as they are sent (serve/static_files.hpp).
    void static_routes() {
        http.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/viewer/"); });
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
            } else if (in_tile_directory(o.root, relative)) {
                res.status = 204;  // a z/x/y directory holds no file where there is no data, as MBTiles has no row
            } else {
                res.status = 404;
            }
        });
    }

    void settings() {
        http.set_payload_max_length(1 << 20);
        // Each keep-alive connection holds a worker: enough workers for many map clients at once.
        http.new_task_queue = [] { return new httplib::ThreadPool(64); };
        // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK, about 40 ms per request on keep-alive connections.
        http.set_tcp_nodelay(true);
        // A keep-alive connection closed after N requests makes its client reconnect while the workers serve
        // the other connections: with N = 1000, p99 under wrk -c64 rose from ~10 ms to 0.4-1.4 s.
        http.set_keep_alive_max_count(100000);
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
    widen_backlog(port);
    ready(port);
    impl_->http.listen_after_bind();
}

void Server::stop() { impl_->http.stop(); }

}  // namespace kuril::serve
