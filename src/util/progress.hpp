#pragma once
// Progress lines for long work, on stderr, only when stderr is a terminal and --quiet is not given.
#include <string_view>

namespace kuril {

class Progress {
public:
    explicit Progress(bool quiet);
    void step(std::string_view message) const;  // one line: "kuril: <message>"
    [[nodiscard]] bool enabled() const noexcept { return enabled_; }

private:
    bool enabled_;
};

}  // namespace kuril
