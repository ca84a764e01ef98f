#include <catch2/catch.hpp>

#include "read/csv.hpp"

using kuril::CsvTable;
using kuril::InputError;

TEST_CASE("RFC 4180 fields, quotes and line numbers", "[read][csv]") {
    const auto t = CsvTable::parse("id,name\n# a comment\n\na,\"x, \"\"y\"\"\"\nb,\"two\nlines\"\nc,z\n", "t.csv");
    REQUIRE(t.records().size() == 3);
    CHECK(t.records()[0].get("name") == "x, \"y\"");
    CHECK(t.records()[0].line() == 4);
    CHECK(t.records()[1].get("name") == "two\nlines");
    CHECK(t.records()[2].line() == 7);
    CHECK(t.records()[2].where().str() == "t.csv:7: record 'c'");
}

TEST_CASE("a UTF-8 BOM and CRLF line ends are accepted", "[read][csv]") {
    const auto t = CsvTable::parse("\xEF\xBB\xBFid,name\r\na,b\r\n", "t.csv");
    REQUIRE(t.header().front() == "id");
    REQUIRE(t.records().size() == 1);
    CHECK(t.records()[0].get("name") == "b");
}

TEST_CASE("malformed CSV is reported with its line", "[read][csv]") {
    CHECK_THROWS_WITH(CsvTable::parse("", "e.csv"), "e.csv: empty file: expected a header line");
    CHECK_THROWS_WITH(CsvTable::parse("id,name\na,\"open\nb,c\n", "q.csv"), "q.csv:2: unterminated quoted field");
    CHECK_THROWS_WITH(CsvTable::parse("id,name\na,b\"c\n", "q.csv"),
                      "q.csv:2: quote inside an unquoted field (RFC 4180 §2.5)");
    CHECK_THROWS_WITH(CsvTable::parse("id,name\na,\xff\n", "u.csv"), "u.csv:2: not valid UTF-8");
}

TEST_CASE("a ragged row is reported and the rest of the table kept", "[read][csv]") {
    const auto t = CsvTable::parse("id,name\na,b,c\nd,e\n", "r.csv");
    REQUIRE(t.records().size() == 1);
    REQUIRE(t.bad_rows().size() == 1);
    CHECK(std::string(t.bad_rows()[0].what()) == "r.csv:2: record 'a': 3 fields where the header has 2 (RFC 4180 §2.4)");
}
