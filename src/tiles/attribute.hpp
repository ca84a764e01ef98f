#pragma once
// A feature's attributes as MVT stores them: keys and typed values. Shared by tiles/engine (its input)
// and tiles/mvt (which encodes and decodes them).
#include <cstdint>
#include <string>
#include <variant>

namespace kuril::tiles {

// A feature attribute's value as MVT 2.1 §4.1 stores it (the value half of a tag); model/layer's Value is
// the dataset's, before it becomes one.
using TagValue = std::variant<std::string, double, std::int64_t, bool>;
struct Attribute {
    std::string key;
    TagValue value;
};

}  // namespace kuril::tiles
