#pragma once
// gzip (RFC 1952) through libdeflate, at a fixed level so the bytes are reproducible.
#include <string>
#include <string_view>

namespace kuril::tiles {

[[nodiscard]] std::string gzip(std::string_view data);
[[nodiscard]] std::string gunzip(std::string_view data);  // throws Error on bad input
[[nodiscard]] bool is_gzip(std::string_view data);

}  // namespace kuril::tiles
