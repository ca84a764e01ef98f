#include "maps/messages.hpp"

#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <gettext-po.h>

#include "util/error.hpp"

namespace kuril::maps {

namespace {

// libgettextpo reports through callbacks that carry no state of ours. An error is noted (the first of a
// read, on this thread) and the library goes on and frees what it made for the report; the caller throws
// it when the library returns. A fatal report must not return: it is thrown at once.
struct PoError {
    std::string where;
    std::size_t line = 0;
    std::string what;
};
thread_local std::optional<PoError> t_first_error;

PoError po_error(const char* filename, std::size_t lineno, const char* text) {
    PoError e{filename != nullptr ? filename : "message catalogue",
              lineno == static_cast<std::size_t>(-1) ? 0 : lineno, text != nullptr ? text : "unreadable"};
    while (!e.what.empty() && e.what.back() == '\n') e.what.pop_back();
    return e;
}

[[noreturn]] void fail(const PoError& e) { throw InputError(Location{e.where, e.line, {}}, e.what); }

// Throws the first error noted since the last call, if any.
void throw_noted() {
    if (!t_first_error) return;
    const PoError e = *t_first_error;
    t_first_error.reset();
    fail(e);
}

void on_error(int severity, po_message_t, const char* filename, std::size_t lineno, std::size_t, int, const char* text) {
    if (severity == PO_SEVERITY_WARNING) return;
    if (severity == PO_SEVERITY_FATAL_ERROR) {
        t_first_error.reset();
        fail(po_error(filename, lineno, text));
    }
    if (!t_first_error) t_first_error = po_error(filename, lineno, text);
}

void on_error2(int severity, po_message_t, const char* filename, std::size_t lineno, std::size_t, int, const char* text,
               po_message_t, const char*, std::size_t, std::size_t, int, const char*) {
    on_error(severity, nullptr, filename, lineno, 0, 0, text);
}

const po_xerror_handler kHandler{on_error, on_error2};

struct PoFile {
    po_file_t file;
    ~PoFile() { po_file_free(file); }
};
struct PoIterator {
    po_message_iterator_t it;
    ~PoIterator() { po_message_iterator_free(it); }
};

std::string key(std::string_view context, std::string_view msgid) {
    return context.empty() ? std::string(msgid) : std::string(context) + '\x04' + std::string(msgid);
}

}  // namespace

Messages Messages::read(const std::filesystem::path& po) {
    t_first_error.reset();
    const PoFile file{po_file_read(po.c_str(), &kHandler)};
    throw_noted();
    if (file.file == nullptr) fail(po_error(po.c_str(), static_cast<std::size_t>(-1), "cannot read the message catalogue"));
    po_file_check_all(file.file, &kHandler);  // what msgfmt --check checks: formats, headers
    throw_noted();
    Messages m;
    const PoIterator it{po_message_iterator(file.file, nullptr)};
    while (const po_message_t msg = po_next_message(it.it)) {
        const std::string_view id = po_message_msgid(msg), str = po_message_msgstr(msg);
        if (id.empty() || str.empty() || po_message_is_obsolete(msg) != 0 || po_message_is_fuzzy(msg) != 0) continue;
        const char* context = po_message_msgctxt(msg);
        m.translated_.emplace(key(context != nullptr ? context : "", id), str);
    }
    return m;
}

std::string Messages::operator()(std::string_view msgid) const { return (*this)("", msgid); }

std::string Messages::operator()(std::string_view context, std::string_view msgid) const {
    const auto it = translated_.find(key(context, msgid));
    return it != translated_.end() ? it->second : std::string(msgid);
}

Catalogues Catalogues::read(const std::filesystem::path& dir) {
    Catalogues c;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".po") c.by_lang_.emplace(entry.path().stem().string(), Messages::read(entry.path()));
    }
    if (ec) throw InputError(Location{dir.string(), 0, {}}, "cannot list the message catalogues: " + ec.message());
    return c;
}

const Messages& Catalogues::of(const std::string& lang) const {
    const auto it = by_lang_.find(lang);
    return it != by_lang_.end() ? it->second : english_;
}

}  // namespace kuril::maps
