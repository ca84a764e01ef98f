// Outputs appear whole or not at all (util/atomic).
#include <catch2/catch.hpp>

#include "scratch.hpp"
#include "util/atomic.hpp"
#include "util/files.hpp"

using namespace kuril;
namespace fs = std::filesystem;

TEST_CASE("Staging: a directory is swapped in whole on commit, and nothing is left beside it", "[util][atomic]") {
    const test::Scratch s("atomic-dir");
    const fs::path out = s / "out";
    fs::create_directories(out);
    write_file(out / "old.txt", "old");
    {
        StagingDir stage(out);
        write_file(stage.path() / "new.txt", "new");
        CHECK(fs::exists(out / "old.txt"));  // untouched until commit
        stage.commit();
    }
    CHECK(read_file(out / "new.txt") == "new");
    CHECK_FALSE(fs::exists(out / "old.txt"));
    CHECK(std::distance(fs::directory_iterator(s.dir()), fs::directory_iterator()) == 1);
}

TEST_CASE("Staging: without commit (an error on the way) the target is untouched and the staging gone",
          "[util][atomic]") {
    const test::Scratch s("atomic-abort");
    const fs::path out = s / "out.txt";
    write_file(out, "previous");
    try {
        StagingFile stage(out);
        write_file(stage.path(), "half");
        throw std::runtime_error("disk full");
    } catch (const std::runtime_error&) {
    }
    CHECK(read_file(out) == "previous");
    CHECK(std::distance(fs::directory_iterator(s.dir()), fs::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomic replaces a file, write_file names the file and the OS error", "[util][files]") {
    const test::Scratch s("atomic-file");
    write_file_atomic(s / "a.txt", "one");
    write_file_atomic(s / "a.txt", "two");
    CHECK(read_file(s / "a.txt") == "two");
    try {
        write_file(s / "missing" / "b.txt", "x");
        FAIL("no error");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()).find("missing/b.txt") != std::string::npos);
        CHECK(std::string(e.what()).find("No such file or directory") != std::string::npos);
    }
    CHECK_THROWS(read_file(s / "nothing.txt"));
}

TEST_CASE("link_file: a second name of the same file, and an error names both files and the OS error", "[util][files]") {
    const test::Scratch s("link-file");
    write_file(s / "a.pbf", "tile");
    REQUIRE(link_file(s / "a.pbf", s / "b.pbf"));
    CHECK(read_file(s / "b.pbf") == "tile");
    CHECK(fs::hard_link_count(s / "a.pbf") == 2);
    CHECK(fs::equivalent(s / "a.pbf", s / "b.pbf"));
    try {
        (void)link_file(s / "a.pbf", s / "b.pbf");  // EEXIST is not "no links here": it is an error
        FAIL("no error");
    } catch (const std::exception& e) {
        const std::string m = e.what();
        CHECK(m.find("b.pbf") != std::string::npos);
        CHECK(m.find("a.pbf") != std::string::npos);
        CHECK(m.find("File exists") != std::string::npos);
    }
}

TEST_CASE("remove_tree: a tree of directories and files goes, a linked directory's files stay", "[util][files]") {
    const test::Scratch s("remove-tree");
    const auto tree = s / "tree";
    for (int z = 0; z < 3; ++z) {
        for (int x = 0; x < 4; ++x) {
            const auto column = tree / std::to_string(z) / std::to_string(x);
            std::filesystem::create_directories(column);
            for (int y = 0; y < 5; ++y) write_file(column / (std::to_string(y) + ".pbf"), "tile");
        }
    }
    std::filesystem::create_directories(tree / "empty" / "deeper");
    const auto elsewhere = s / "elsewhere";
    std::filesystem::create_directories(elsewhere);
    write_file(elsewhere / "keep.txt", "kept");
    std::filesystem::create_directory_symlink(elsewhere, tree / "link");
    write_file(tree / "tiles.json", "{}");

    remove_tree(tree);
    CHECK_FALSE(std::filesystem::exists(std::filesystem::symlink_status(tree)));
    CHECK(read_file(elsewhere / "keep.txt") == "kept");  // the link went, not what it points to
    remove_tree(s / "nothing-here");                      // no error: there was nothing to remove
    write_file(s / "a-file", "x");
    remove_tree(s / "a-file");
    CHECK_FALSE(std::filesystem::exists(s / "a-file"));
}
