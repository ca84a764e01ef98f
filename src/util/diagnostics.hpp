#pragma once
// Collects every problem found in the inputs so `kuril check` can report all of them at once.
#include <string>
#include <vector>

#include "util/error.hpp"

namespace kuril {

struct Problem {
    Location where;
    std::string message;
    [[nodiscard]] std::string str() const { return where.str() + ": " + message; }
};

class Diagnostics {
public:
    void add(Location where, std::string message) { problems_.push_back({std::move(where), std::move(message)}); }
    void add(const InputError& e) { add(e.where(), e.reason()); }
    [[nodiscard]] bool empty() const noexcept { return problems_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return problems_.size(); }
    [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }

private:
    std::vector<Problem> problems_;
};

// Thrown when a stage cannot go on because the inputs have problems; carries them all.
class InvalidInputs : public Error {
public:
    explicit InvalidInputs(Diagnostics d)
        : Error(std::to_string(d.size()) + " problem(s) in the inputs"), diagnostics_(std::move(d)) {}
    [[nodiscard]] const Diagnostics& diagnostics() const noexcept { return diagnostics_; }

private:
    Diagnostics diagnostics_;
};

}  // namespace kuril
