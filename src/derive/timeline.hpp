#pragma once
// Who held and who claimed each atom on a given day, and how each point of view shows it
// (Natural Earth-style: neutral = de facto; a party's view = its own claim where it has one).
#include <compare>
#include <map>
#include <string>
#include <vector>

#include "derive/territory_index.hpp"
#include "model/dataset.hpp"

namespace kuril {

enum class Pov { neutral, japan, russia };
[[nodiscard]] std::string_view to_string(Pov p);
inline constexpr Pov kPovs[] = {Pov::neutral, Pov::japan, Pov::russia};

struct View {
    std::string holder;  // japan | russia | japan;russia | undetermined | "" (no record)
    std::string status;  // de_jure | de_facto | condominium | claimed | undetermined
    friend auto operator<=>(const View&, const View&) = default;
};

class Timeline {
public:
    Timeline(const Dataset& ds, const TerritoryIndex& index);

    [[nodiscard]] const SovereigntyRecord* held(std::string_view atom, const Date& d) const;
    [[nodiscard]] const SovereigntyRecord* claim(std::string_view atom, const Date& d, std::string_view party) const;
    [[nodiscard]] View view(std::string_view atom, const Date& d, Pov pov) const;
    // The regime names of the held record on that day, e.g. "Empire of Japan" or
    // "Tokugawa shogunate; Russian Empire".
    [[nodiscard]] std::string holder_name(const SovereigntyRecord& r) const;

private:
    const Dataset& ds_;
    std::map<std::string, std::vector<const SovereigntyRecord*>, std::less<>> by_atom_;
};

[[nodiscard]] std::string join(const std::vector<std::string>& v, std::string_view sep);

}  // namespace kuril
