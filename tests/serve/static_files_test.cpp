// Which file a URL path names under the served root (serve/static_files).
#include <catch2/catch.hpp>

#include "../util/scratch.hpp"
#include "serve/static_files.hpp"
#include "util/files.hpp"

using namespace kuril;

TEST_CASE("resolve_static: files and index.html under the root, nothing outside it", "[serve]") {
    const test::Scratch s("static");
    std::filesystem::create_directories(s / "root/viewer");
    write_file(s / "root/viewer/index.html", "<html>");
    write_file(s / "root/a.txt", "a");
    write_file(s / "secret.txt", "no");
    const auto root = s / "root";
    CHECK(serve::resolve_static(root, "a.txt") == root / "a.txt");
    CHECK(serve::resolve_static(root, "viewer/") == root / "viewer/index.html");
    CHECK(serve::resolve_static(root, "viewer") == root / "viewer/index.html");
    CHECK_FALSE(serve::resolve_static(root, "../secret.txt"));
    CHECK_FALSE(serve::resolve_static(root, "viewer/../../secret.txt"));
    CHECK_FALSE(serve::resolve_static(root, "missing.txt"));
}
