// The JSON texts of a sequence (read/json_texts) and every form of GeoJSON stream `kuril tiles` reads
// (read/geojson_reader through read_vector): any separator or none, pretty-printed texts, a byte order
// mark, FeatureCollections in a sequence, and integers beyond 64 bits kept as strings.
#include <catch2/catch.hpp>

#include <fstream>
#include <variant>

#include "../util/scratch.hpp"
#include "read/json_texts.hpp"
#include "read/vector_reader.hpp"

using namespace kuril;

namespace {

const std::string kF1 = R"({"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[150,45]}})";
const std::string kF2 = R"({"type":"Feature","properties":{"n":2},"geometry":{"type":"Point","coordinates":[151,46]}})";

std::vector<std::string> texts(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& span : json_text_spans(s)) out.push_back(s.substr(span.begin, span.end - span.begin));
    return out;
}

// The features read from a file of this text, by read_vector as kuril tiles reads it.
std::vector<tiles::SourceFeature> read_text(const test::Scratch& s, const std::string& name, const std::string& text) {
    std::ofstream(s / name, std::ios::binary) << text;
    std::vector<tiles::SourceFeature> out;
    VectorSink sink;
    sink.layer = [](const std::string&) {};
    sink.feature = [&](tiles::SourceFeature&& f) { out.push_back(std::move(f)); };
    read_vector((s / name).string(), VectorReadOptions{}, sink);
    return out;
}

const tiles::TagValue* attribute(const tiles::SourceFeature& f, const std::string& key) {
    for (const auto& a : f.attributes) {
        if (a.key == key) return &a.value;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("JSON texts: found whatever separates them, strings and nesting respected", "[read][json]") {
    CHECK(texts(kF1 + kF2) == std::vector<std::string>{kF1, kF2});
    CHECK(texts(" " + kF1 + "  \n\x1e" + kF2 + "\n") == std::vector<std::string>{kF1, kF2});
    CHECK(texts("\xEF\xBB\xBF{\"a\":\"}{\\\"\"}[1,[2]]") == std::vector<std::string>{"{\"a\":\"}{\\\"\"}", "[1,[2]]"});
    std::size_t open = 0;
    CHECK(json_text_spans("{\"a\":1} {\"b\":", &open).size() == 1);
    CHECK(open == 8);
}

TEST_CASE("JSON texts: integers beyond 64 bits become strings, nothing else changes", "[read][json]") {
    bool changed = false;
    CHECK(quote_big_integers(R"({"id":123456789012345678901234,"a":[-9223372036854775809,18446744073709551615]})", changed) ==
          R"({"id":"123456789012345678901234","a":["-9223372036854775809",18446744073709551615]})");
    CHECK(changed);
    const std::string plain = R"({"x":1.5e300,"s":"123456789012345678901234","n":-9223372036854775808,"f":12345678901234567890123.5})";
    CHECK(quote_big_integers(plain, changed) == plain);
    CHECK_FALSE(changed);
}

TEST_CASE("GeoJSON streams: every form a tile-builder user passes, any file name", "[read][json]") {
    const test::Scratch s("json_texts");
    const std::string pretty1 = "{\n  \"type\": \"Feature\",\n  \"properties\": {\"n\": 1},\n  \"geometry\": {\"type\": \"Point\", \"coordinates\": [150, 45]}\n}";
    const std::vector<std::pair<std::string, std::string>> forms{
        {"concatenated.json", kF1 + kF2},
        {"spaces.json", kF1 + "   " + kF2},
        {"pretty.json", pretty1 + "\n" + pretty1 + "\n"},
        {"bom.geojsonl", "\xEF\xBB\xBF" + kF1 + "\n" + kF2 + "\n"},
        {"rs.txt.json", "\x1e" + kF1 + "\n\x1e" + kF2 + "\n"},
        {"collections.json", "{\"type\":\"FeatureCollection\",\"features\":[" + kF1 + "]}\n{\"type\":\"FeatureCollection\",\"features\":[" + kF2 + "]}"},
    };
    for (const auto& [name, text] : forms) {
        INFO(name);
        const auto features = read_text(s, name, text);
        REQUIRE(features.size() == 2);
        CHECK(features[0].id != features[1].id);
    }
}

TEST_CASE("GeoJSON streams: an id or a number beyond 64 bits is kept as its digits, not a failed file", "[read][json]") {
    const test::Scratch s("json_bigint");
    const auto features = read_text(s, "big.json", R"({"type":"Feature","id":123456789012345678901234567890,"properties":{"big":98765432109876543210987,"small":7},"geometry":{"type":"Point","coordinates":[150,45]}})"
                                                    "\n" + kF2 + "\n");
    REQUIRE(features.size() == 2);
    const auto* id = attribute(features[0], "id");
    REQUIRE(id != nullptr);
    CHECK(std::get<std::string>(*id) == "123456789012345678901234567890");
    const auto* big = attribute(features[0], "big");
    REQUIRE(big != nullptr);
    CHECK(std::get<std::string>(*big) == "98765432109876543210987");
    CHECK(attribute(features[0], "small") != nullptr);
}

TEST_CASE("GeoJSON streams: what is not JSON is still refused, with the file and line", "[read][json]") {
    const test::Scratch s("json_refused");
    CHECK_THROWS_WITH(read_text(s, "broken.json", kF1 + "\n" + kF2.substr(0, 40) + "\n"), Catch::Contains("broken.json:2"));
    CHECK_THROWS_WITH(read_text(s, "junk.json", "{\"type\":\"Feature\",,}"), Catch::Contains("not JSON"));
}
