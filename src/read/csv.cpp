#include "read/csv.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace kuril {

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        if (c < 0x80) {
            n = 0;
        } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
            n = 1;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
        } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
            n = 3;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n + 1;
    }
    return true;
}

const std::string& CsvRecord::get(std::string_view column) const {
    const std::size_t c = header_->column(column);
    if (c == std::string::npos || c >= cells_.size()) {
        throw error(fmt::format("no column '{}'", column));
    }
    return cells_[c];
}

Location CsvRecord::where(std::string_view id_column) const {
    Location loc{header_->file, line_, {}};
    const std::size_t c = header_->column(id_column);
    if (c != std::string::npos && c < cells_.size()) {
        loc.record = cells_[c];
    }
    return loc;
}

std::size_t CsvHeader::column(std::string_view name) const {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == name) {
            return i;
        }
    }
    return std::string::npos;
}

void CsvTable::require_columns(const std::vector<std::string_view>& names) const {
    for (auto name : names) {
        if (column(name) == std::string::npos) {
            throw InputError(Location{file(), 1, {}}, fmt::format("missing column '{}' in the header", name));
        }
    }
}

CsvTable CsvTable::read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(Location{path.string(), 0, {}}, "cannot open file");
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    return parse(buf.str(), path.string());
}

namespace {

struct RawRecord {
    std::size_t line;
    std::vector<std::string> cells;
};

// RFC 4180 tokens, read from a position in the text that also tracks the line.
class CsvCursor {
public:
    CsvCursor(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    [[nodiscard]] bool done() const { return i_ >= text_.size(); }
    [[nodiscard]] std::size_t line() const { return line_; }

    // Skips a blank line or a comment line (# ...); false at the start of a record.
    bool skip_blank_or_comment() {
        if (at('\n') || at('\r')) {
            if (at('\r') && i_ + 1 < text_.size() && text_[i_ + 1] == '\n') ++i_;
            ++i_;
            ++line_;
            return true;
        }
        if (at('#')) {
            while (!done() && !at('\n')) ++i_;
            return true;
        }
        return false;
    }

    // The cells of the record that starts here, and the end of its line.
    std::vector<std::string> record() {
        std::vector<std::string> cells;
        while (true) {
            cells.push_back(at('"') ? quoted_cell() : plain_cell());
            if (at(',')) {
                ++i_;
                continue;
            }
            if (at('\r')) ++i_;
            if (at('\n')) ++i_;
            ++line_;
            return cells;
        }
    }

private:
    [[nodiscard]] bool at(char c) const { return i_ < text_.size() && text_[i_] == c; }
    [[nodiscard]] bool at_cell_end() const { return done() || at(',') || at('\n') || at('\r'); }

    std::string quoted_cell() {
        const std::size_t quote_line = line_;
        std::string cell;
        ++i_;
        while (true) {
            if (done()) throw InputError(Location{file_, quote_line, {}}, "unterminated quoted field");
            if (at('"')) {
                if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
                    cell += '"';
                    i_ += 2;
                    continue;
                }
                ++i_;
                break;
            }
            if (at('\n')) ++line_;
            cell += text_[i_++];
        }
        if (!at_cell_end()) throw InputError(Location{file_, line_, {}}, "text after a closing quote (RFC 4180 §2.7)");
        return cell;
    }

    std::string plain_cell() {
        std::string cell;
        while (!at_cell_end()) {
            if (at('"')) throw InputError(Location{file_, line_, {}}, "quote inside an unquoted field (RFC 4180 §2.5)");
            cell += text_[i_++];
        }
        return cell;
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
};

// Splits the text into records of cells, tracking the line each record starts on.
std::vector<RawRecord> split_records(std::string_view text, const std::string& file) {
    std::vector<RawRecord> out;
    CsvCursor cursor(text, file);
    while (!cursor.done()) {
        if (cursor.skip_blank_or_comment()) continue;
        const std::size_t line = cursor.line();
        out.push_back(RawRecord{line, cursor.record()});
    }
    return out;
}

}  // namespace

CsvTable CsvTable::parse(std::string_view text, std::string file_name) {
    CsvTable table;
    table.header_ = std::make_shared<CsvHeader>();
    table.header_->file = std::move(file_name);
    const std::string& file = table.header_->file;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    if (!valid_utf8(text)) {
        // Find the line for the message.
        std::size_t line = 1;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::size_t end = text.find('\n', i);
            const auto chunk = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
            if (!valid_utf8(chunk)) {
                break;
            }
            if (end == std::string_view::npos) {
                break;
            }
            i = end;
            ++line;
        }
        throw InputError(Location{file, line, {}}, "not valid UTF-8");
    }
    auto raw = split_records(text, file);
    if (raw.empty()) {
        throw InputError(Location{file, 0, {}}, "empty file: expected a header line");
    }
    table.header_->columns = std::move(raw.front().cells);
    for (auto& h : table.header_->columns) {
        if (h.empty()) {
            throw InputError(Location{file, raw.front().line, {}}, "empty column name in the header");
        }
    }
    for (std::size_t r = 1; r < raw.size(); ++r) {
        if (raw[r].cells.size() != table.header_->columns.size()) {
            table.bad_rows_.emplace_back(Location{file, raw[r].line, raw[r].cells.empty() ? "" : raw[r].cells[0]},
                                         fmt::format("{} fields where the header has {} (RFC 4180 §2.4)",
                                                     raw[r].cells.size(), table.header_->columns.size()));
            continue;
        }
        table.records_.emplace_back(table.header_, raw[r].line, std::move(raw[r].cells));
    }
    return table;
}

}  // namespace kuril
