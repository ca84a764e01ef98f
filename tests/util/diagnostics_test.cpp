// Problems gathered across a run (util/diagnostics), each with its file, line and record.
#include <catch2/catch.hpp>

#include "util/diagnostics.hpp"

using namespace kuril;

TEST_CASE("Diagnostics: every problem kept in order with where it is, InvalidInputs carries them all",
          "[util][diagnostics]") {
    Diagnostics d;
    CHECK(d.empty());
    d.add(Location{"sovereignty.csv", 12, "iturup-1945"}, "overlaps iturup-1875");
    d.add(InputError(Location{"gazetteer.csv", 3, "shikotan"}, "latitude 91 is beyond 90"));
    REQUIRE(d.size() == 2);
    CHECK(d.problems()[0].str().find("sovereignty.csv:12") != std::string::npos);
    CHECK(d.problems()[0].str().find("iturup-1945") != std::string::npos);
    CHECK(d.problems()[1].str().find("latitude 91 is beyond 90") != std::string::npos);
    const InvalidInputs e(std::move(d));
    CHECK(e.diagnostics().size() == 2);
}
