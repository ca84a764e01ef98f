#include "model/dataset.hpp"

#include <algorithm>

namespace kuril {

std::string_view to_string(Status s) {
    switch (s) {
        case Status::de_jure: return "de_jure";
        case Status::de_facto: return "de_facto";
        case Status::condominium: return "condominium";
        case Status::occupied: return "occupied";
        case Status::claimed: return "claimed";
        case Status::renounced: return "renounced";
    }
    return "?";
}

std::optional<Status> parse_status(std::string_view s) {
    for (Status st : kStatuses) {
        if (to_string(st) == s) {
            return st;
        }
    }
    return std::nullopt;
}

Lane lane_of(Status s) {
    return (s == Status::claimed || s == Status::renounced) ? Lane::claim : Lane::held;
}

std::string_view to_string(Lane l) { return l == Lane::held ? "held" : "claim"; }

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
    auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
    return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Island* Dataset::island(std::string_view id) const { return find_by_id(islands, id); }
const Territory* Dataset::territory(std::string_view id) const { return find_by_id(territories, id); }
const Event* Dataset::event(std::string_view id) const { return find_by_id(events, id); }
const Regime* Dataset::regime(std::string_view id) const { return find_by_id(regimes, id); }
const Source* Dataset::source(std::string_view id) const { return find_by_id(sources, id); }
const Place* Dataset::place(std::string_view id) const { return find_by_id(places, id); }

const IslandName* Dataset::island_name(std::string_view island, std::string_view lang, const Date& d) const {
    for (const auto& n : island_names) {
        if (n.island == island && n.lang == lang && n.period.contains(d)) return &n;
    }
    return nullptr;
}

const PlaceSeat* Dataset::seat(std::string_view place, const Date& d) const {
    for (const auto& s : place_seats) {
        if (s.place == place && s.period.contains(d)) return &s;
    }
    return nullptr;
}

std::string_view to_string(SeatLevel l) { return l == SeatLevel::territory ? "territory" : "district"; }

std::optional<SeatLevel> parse_seat_level(std::string_view s) {
    if (s == "territory") return SeatLevel::territory;
    if (s == "district") return SeatLevel::district;
    return std::nullopt;
}

std::vector<const Event*> Dataset::epochs() const {
    std::vector<const Event*> out;
    for (const auto& e : events) {
        if (e.epoch) out.push_back(&e);
    }
    std::stable_sort(out.begin(), out.end(), [](const Event* a, const Event* b) { return *a->epoch < *b->epoch; });
    return out;
}

bool is_holder(std::string_view id) { return id == "japan" || id == "russia"; }

}  // namespace kuril
