// The HTTP server (serve/server) on a free port of 127.0.0.1, asked as a map client asks: the tiles of
// the build's MBTiles, gzip'd; a TileJSON; a file with a Range; CORS; nothing outside the root.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <future>
#include <thread>

#include "../tiles/containers/two_tiles.hpp"
#include "../util/scratch.hpp"
#include "serve/server.hpp"
#include "tiles/containers/mbtiles_writer.hpp"
#include "util/files.hpp"

using namespace kuril;

TEST_CASE("Server: tiles, TileJSON, ranges and CORS from output/, nothing outside it", "[serve][server]") {
    const test::Scratch s("server");
    std::filesystem::create_directories(s / "out/tiles");
    tiles::write_mbtiles(s / "out/tiles/kuril.mbtiles", test::two_tiles(), test::info());
    write_file(s / "out/hello.txt", "0123456789");
    write_file(s / "secret.txt", "no");
    serve::Server server(serve::ServerOptions{s / "out", "127.0.0.1", 0, false});
    std::promise<int> port;
    std::thread t([&] { server.run([&](int p) { port.set_value(p); }); });
    httplib::Client client("127.0.0.1", port.get_future().get());

    const auto tile = client.Get("/tiles/1/1/0.pbf");
    REQUIRE(tile);
    CHECK(tile->status == 200);
    CHECK(tile->get_header_value("Content-Encoding") == "gzip");
    CHECK(tile->get_header_value("Access-Control-Allow-Origin") == "*");
    const auto json = client.Get("/tiles.json");
    REQUIRE(json);
    CHECK(json->body.find("\"tilejson\":\"3.0.0\"") != std::string::npos);
    CHECK(json->body.find("\"islands\"") != std::string::npos);
    const auto range = client.Get("/hello.txt", {{"Range", "bytes=2-4"}});
    REQUIRE(range);
    CHECK(range->status == 206);
    CHECK(range->body == "234");
    const auto outside = client.Get("/../secret.txt");
    REQUIRE(outside);
    CHECK(outside->status != 200);
    CHECK(outside->body.find("no") == std::string::npos);
    const auto missing = client.Get("/tiles/1/0/0.pbf");
    REQUIRE(missing);
    CHECK(missing->status != 200);
    server.stop();
    t.join();
}
