// The press file's identifier pinned (maps/press): Ghostscript writes /ID as hexadecimal or literal strings
// (PDF 1.7 §7.3.4, §14.4) as its hash of the file name falls; either way the same content gives the same bytes.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "maps/press.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using namespace kuril;
namespace fs = std::filesystem;

namespace {

const std::string kBody = "%PDF-1.3\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer\n<< /Size 2 /Root 1 0 R\n";
const std::string kTail = "\n>>\nstartxref\n9\n%%EOF\n";

std::string pinned(const std::string& id) {
    const fs::path p = fs::temp_directory_path() / fmt::format("kuril-press-test-{}.pdf", std::hash<std::string>{}(id));
    write_file(p, kBody + id + kTail);
    maps::pin_file_id(p);
    std::string out = read_file(p);
    fs::remove(p);
    return out;
}

}  // namespace

TEST_CASE("pin_file_id: a hexadecimal and a literal /ID give the same bytes", "[maps][press]") {
    const std::string hex = pinned("/ID [<92C7EC6D01E72FAB6FF76DA0FCD7AE66><92C7EC6D01E72FAB6FF76DA0FCD7AE66>]");
    const std::string literal = pinned("/ID [(e\\261~\\344|\\031;EE\\232y-,L\\373o)(e\\261~\\344|\\031;EE\\232y-,L\\373o)]");
    const std::string nested = pinned("/ID [(a(b)\\)c]) (x\\(y)]");
    CHECK(hex == literal);
    CHECK(hex == nested);
    CHECK(hex.starts_with(kBody + "/ID [<"));
    CHECK(hex.ends_with(">]" + kTail));
    CHECK(hex.size() == kBody.size() + std::string("/ID [<><>]").size() + 64 + kTail.size());
}

TEST_CASE("pin_file_id: a file without /ID is left as it is, a broken one is refused", "[maps][press]") {
    CHECK(pinned("") == kBody + kTail);
    CHECK_THROWS_AS(pinned("/ID [(unclosed]"), OutputError);
    CHECK_THROWS_WITH(pinned("/ID [<00> 7]"), Catch::Contains("PDF 1.7 §14.4"));
}
