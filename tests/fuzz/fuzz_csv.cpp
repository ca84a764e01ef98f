// libFuzzer target: the CSV reader and the typed fields every table uses (dates, intervals, numbers,
// lists). Any input must give records or InputError, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/csv.hpp"
#include "read/fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto table = kuril::CsvTable::parse(text, "fuzz.csv");
        for (const auto& r : table.records()) {
            for (const auto& column : table.header()) {
                try {
                    (void)kuril::list_field(r, column);
                    (void)kuril::optional_number(r, column, -1e9, 1e9);
                    (void)kuril::optional_date(r, column);
                } catch (const kuril::InputError&) {
                }
            }
            try {
                (void)kuril::interval_field(r, table.header().front(), table.header().back());
            } catch (const kuril::InputError&) {
            }
        }
    } catch (const kuril::InputError&) {
    }
    return 0;
}
