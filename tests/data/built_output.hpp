#pragma once
// The output of `kuril build` on the shipped geodata, made once per ctest run by the data.build
// fixture (see tests/CMakeLists.txt). Tests read it back through GDAL, as a user's client would.
#include <filesystem>
#include <string>

namespace kuril::test {

inline const std::string kToday = KURIL_TEST_TODAY;

inline const std::filesystem::path& built_output() {
    static const std::filesystem::path out = KURIL_TEST_OUTPUT;
    return out;
}

}  // namespace kuril::test
