#pragma once
// A small RFC 4180 CSV reader that remembers the line of every record, so that every later check
// can point at file:line. Accepts a UTF-8 BOM and CRLF line ends; skips blank lines and lines that
// start with '#'. Rejects unterminated quotes, ragged rows, invalid UTF-8 and files with no header.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace kuril {

// A table's file name and column names, shared by its records.
struct CsvHeader {
    std::string file;
    std::vector<std::string> columns;
    [[nodiscard]] std::size_t column(std::string_view name) const;  // npos if absent
};

// One record of a table, with typed access by column name.
class CsvRecord {
public:
    CsvRecord(std::shared_ptr<const CsvHeader> header, std::size_t line, std::vector<std::string> cells)
        : header_(std::move(header)), line_(line), cells_(std::move(cells)) {}

    // The cell of a column the table is known to have (checked by CsvTable::require_columns).
    [[nodiscard]] const std::string& get(std::string_view column) const;
    [[nodiscard]] std::size_t line() const noexcept { return line_; }
    // This record's location; `id_column` names the column holding the record id.
    [[nodiscard]] Location where(std::string_view id_column = "id") const;
    [[nodiscard]] InputError error(const std::string& message, std::string_view id_column = "id") const {
        return InputError(where(id_column), message);
    }

private:
    std::shared_ptr<const CsvHeader> header_;
    std::size_t line_;
    std::vector<std::string> cells_;
};

class CsvTable {
public:
    static CsvTable read_file(const std::filesystem::path& path);
    static CsvTable parse(std::string_view text, std::string file_name);

    [[nodiscard]] const std::string& file() const noexcept { return header_->file; }
    [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_->columns; }
    [[nodiscard]] const std::vector<CsvRecord>& records() const noexcept { return records_; }
    // Rows that could not be split into the header's fields; the rest of the table is still usable.
    [[nodiscard]] const std::vector<InputError>& bad_rows() const noexcept { return bad_rows_; }
    [[nodiscard]] std::size_t column(std::string_view name) const { return header_->column(name); }
    // Throws InputError naming the header line if any column is missing.
    void require_columns(const std::vector<std::string_view>& names) const;

private:
    CsvTable() = default;
    std::shared_ptr<CsvHeader> header_;
    std::vector<CsvRecord> records_;
    std::vector<InputError> bad_rows_;
};

[[nodiscard]] bool valid_utf8(std::string_view s);

}  // namespace kuril
