// The sheet's words in its language (maps/messages.hpp): the catalogues of styles/po, read with libgettextpo.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "maps/messages.hpp"
#include "../util/scratch.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

using namespace kuril;

TEST_CASE("the catalogues translate the sheet's words, in context, and leave the rest English", "[maps][messages]") {
    const auto words = maps::Catalogues::read(std::string(KURIL_SOURCE_DIR) + "/styles/po");
    const maps::Messages& ja = words.of("ja");
    const maps::Messages& ru = words.of("ru");
    CHECK(ja("Legend") == "凡例");
    CHECK(ru("Legend") == "Условные обозначения");
    CHECK(ru("month of a date", "January") == "января");
    CHECK(ja("month of a date", "January") == "1月");
    CHECK(ru("January") == "January");  // outside its context: not that message
    CHECK(ja("a sentence no catalogue has") == "a sentence no catalogue has");
    CHECK(words.of("ainu")("Legend") == "Legend");  // no catalogue: English, as documented
    CHECK(words.of("en")("Legend") == "Legend");
    const std::string date = fmt::format(fmt::runtime(ja("{day} {month} {year}")), fmt::arg("day", 1),
                                         fmt::arg("month", ja("month of a date", "January")), fmt::arg("year", 1910));
    CHECK(date == "1910年1月1日");
}

TEST_CASE("a catalogue with a broken message is refused with its file and line", "[maps][messages]") {
    const test::Scratch s("messages");
    // A translation that drops a field of its message: msgfmt --check refuses it, and so does the reader.
    write_file(s / "xx.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                            "#, python-brace-format\nmsgid \"{scale}, true at {lat}\"\nmsgstr \"{scale}\"\n");
    try {
        (void)maps::Messages::read(s / "xx.po");
        FAIL("a translation without {lat} was accepted");
    } catch (const InputError& e) {
        CHECK(e.where().file.find("xx.po") != std::string::npos);
        CHECK(e.where().line == 7);
    }
    write_file(s / "yy.po", "msgid \"Legend\"\nmsgstr \"unterminated\n");
    CHECK_THROWS_AS(maps::Messages::read(s / "yy.po"), InputError);
}
