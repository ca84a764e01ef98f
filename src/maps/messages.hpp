#pragma once
// The words of a sheet in the map's language: one GNU gettext catalogue per language
// (styles/po/LANG.po, the ecosystem's convention: translators' tools open it, `msgfmt --check` checks it),
// read with libgettextpo. The English text is the message id itself; a message the catalogue does not
// translate, and a language without a catalogue (ainu: the names in Ainu, the rest of the sheet in English),
// stay English. Messages with fields use fmt's {name} syntax (marked python-brace-format in the catalogue,
// which msgfmt checks: a translation keeps every field of its message).
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kuril::maps {

// Mark a message where it is defined, to be translated where it is used (xgettext --keyword=N_ and
// --keyword=NC_:1c,2 find them; tr(...) calls are found as they are).
constexpr const char* N_(const char* msgid) { return msgid; }
constexpr const char* NC_(const char* /*context*/, const char* msgid) { return msgid; }

class Messages {
public:
    Messages() = default;  // English
    // Throws InputError naming the file and line of a message the catalogue gets wrong.
    [[nodiscard]] static Messages read(const std::filesystem::path& po);

    [[nodiscard]] std::string operator()(std::string_view msgid) const;
    // A message in a context (msgctxt): the same English word said differently ("January" as in a date).
    [[nodiscard]] std::string operator()(std::string_view context, std::string_view msgid) const;
    [[nodiscard]] std::size_t size() const noexcept { return translated_.size(); }

private:
    std::unordered_map<std::string, std::string> translated_;  // key: [context "\x04"] msgid
};

// The catalogues of every language that has one, by language code (the file name's stem).
class Catalogues {
public:
    Catalogues() = default;  // English only
    [[nodiscard]] static Catalogues read(const std::filesystem::path& dir);
    [[nodiscard]] const Messages& of(const std::string& lang) const;

private:
    std::map<std::string, Messages, std::less<>> by_lang_;
    Messages english_;
};

}  // namespace kuril::maps
