#pragma once
// The dataset as read from geodata/: gazetteer, territories, events, regimes, sovereignty records and
// boundary definitions. Plain data; every record keeps the Location it was read from.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "geom/geos.hpp"
#include "model/date.hpp"
#include "util/error.hpp"

namespace kuril {

// The day the record opens: the signing of the Treaty of Shimoda (kuril-history.md §1).
inline const Date kTimelineStart{1855, 2, 7};

struct Names {
    std::string en;
    std::string ja;
    std::string ja_latn;
    std::string ru;
    std::string ru_latn;
    std::string ainu;
};

struct Island {
    std::string id;
    std::string kind;  // island | context (land outside the chain with a record) | mainland (no record: context land)
    Names names;
    std::string group_ru;
    std::string subgroup_ru;
    std::string group_ja;
    std::vector<geom::XY> points;  // lon/lat
    bool point_checked = false;
    std::string source;
    Location where;
};

struct Territory {
    std::string id;
    std::string kind;  // part | group
    std::vector<std::string> members;
    std::optional<double> lat_min;
    std::optional<double> lat_max;
    Names names;
    std::string source;
    Location where;
};

struct Event {
    std::string id;
    Names names;
    Date signed_on;
    std::string signed_julian;
    std::optional<Date> in_force;
    std::string in_force_julian;
    std::optional<Date> ratifications_exchanged;  // where the formal exchange differs from the entry into force
    std::string ratifications_exchanged_julian;
    std::optional<Date> epoch;  // the day the maps show this settlement, where they do
    std::vector<std::string> parties;
    std::string effect;
    std::string source;
    std::string note;
    Location where;
};

// A work that records cite by key (geodata/sources.csv).
struct Source {
    std::string id;
    std::string kind;  // treaty | official | scholarly | reference
    std::string citation;
    std::string url;
    Location where;
};

// A settlement that maps label (geodata/places.csv), named by period and language in PlaceName.
struct Place {
    std::string id;
    std::string kind;  // admin_centre | port | town
    std::string island;
    geom::XY point;  // lon/lat
    Date valid_from;
    std::string source;
    std::string note;
    Location where;
};

// A sea or strait that maps name (geodata/waters.csv): a sea by a point in its open water, a strait by the
// two territories it runs between (its line is their median, within reach_km of both) and a point on it
// near which its name is written.
struct Water {
    std::string id;
    std::string kind;  // sea | ocean | strait
    Names names;
    geom::XY point;  // lon/lat
    std::string side_a, side_b;  // straits
    double reach_km = 0;         // straits
    std::string source;
    Location where;
};

// An island's name in one language for a period, where it differs from the gazetteer's present name
// (geodata/island_names.csv): Ezo before Hokkaido, the Habomai islets' Japanese names before their Russian
// ones. Maps name an island by the row in force on their day, else by the gazetteer.
struct IslandName {
    std::string id;
    std::string island;
    std::string lang;  // en | ja | ru
    std::string name;
    Interval period;
    std::string source;
    std::string note;
    Location where;
};

struct PlaceName {
    std::string id;
    std::string place;
    std::string lang;  // en | ja | ru
    std::string name;
    Interval period;
    std::string basis;  // an event id, or empty
    std::string source;
    std::string note;
    Location where;
};

// A period in which a place was a seat of government (geodata/place_seats.csv): of a whole territory the maps
// show (Sakhalin, Karafuto, Nemuro Prefecture, Sakhalin Oblast) or of a district. Maps rank a place by it.
enum class SeatLevel { territory, district };
[[nodiscard]] std::optional<SeatLevel> parse_seat_level(std::string_view s);
[[nodiscard]] std::string_view to_string(SeatLevel l);
struct PlaceSeat {
    std::string id;
    std::string place;
    SeatLevel level = SeatLevel::district;
    Interval period;
    std::string basis;  // an event id, or empty
    std::string source;
    std::string note;
    Location where;
};

// The languages a place is named in, each covering the place's whole life.
inline const std::vector<std::string> kPlaceLanguages{"en", "ja", "ru"};

struct Regime {
    std::string id;
    std::string holder;
    Names names;
    Interval period;
    std::string source;
    Location where;
};

// The held lane: de_jure (title), de_facto (held without a title others accept), condominium (two holders),
// occupied (held by force, the holder claiming no title: a military occupation); the claim lane: claimed,
// renounced.
enum class Status { de_jure, de_facto, condominium, occupied, claimed, renounced };
inline constexpr Status kStatuses[] = {Status::de_jure, Status::de_facto, Status::condominium, Status::occupied,
                                       Status::claimed, Status::renounced};
enum class Lane { held, claim };

[[nodiscard]] std::string_view to_string(Status s);
[[nodiscard]] std::optional<Status> parse_status(std::string_view s);
[[nodiscard]] Lane lane_of(Status s);
[[nodiscard]] std::string_view to_string(Lane l);

struct SovereigntyRecord {
    std::string id;
    std::string territory;
    std::vector<std::string> holders;  // japan | russia; two for a condominium
    std::vector<std::string> regimes;  // one per holder
    Status status = Status::de_jure;
    Interval period;
    std::string basis;  // an event id
    std::string source;
    std::string note;
    Location where;

    [[nodiscard]] Lane lane() const { return lane_of(status); }
};

enum class BoundaryMethod { median, parallel };

struct BoundaryDef {
    std::string id;
    Names names;
    std::string kind;  // de_jure | de_facto | claimed
    std::string basis;
    Interval period;
    BoundaryMethod method = BoundaryMethod::median;
    std::string side_a;
    std::string side_b;
    double reach_km = 0;
    double sample_m = 200;  // the median's coast sampling step (its Voronoi sites)
    double latitude = 0;
    std::string pov_neutral;
    std::string pov_japan;
    std::string pov_russia;
    std::string source;
    Location where;
};

// One land polygon of the coastline extract.
struct LandPiece {
    std::string id;
    geom::Geom geometry;  // lon/lat
    Location where;
};

struct Dataset {
    std::vector<Island> islands;   // kind island or context
    std::vector<Island> mainland;  // kind mainland: owns land pieces, which join the context land
    std::vector<Territory> territories;
    std::vector<Event> events;
    std::vector<Regime> regimes;
    std::vector<SovereigntyRecord> records;
    std::vector<BoundaryDef> boundaries;
    std::vector<LandPiece> land;     // the record frame, GSHHG full (land.geojsonl)
    std::vector<LandPiece> context;  // around it, GSHHG high (context.geojsonl)
    std::vector<LandPiece> locator;  // the western Pacific of the locator maps, GSHHG low (locator.geojsonl)
    std::vector<Source> sources;
    std::vector<Place> places;
    std::vector<PlaceName> place_names;
    std::vector<IslandName> island_names;
    std::vector<PlaceSeat> place_seats;
    // The seat a place was on `d` (place_seats.csv); nullptr for an ordinary settlement that day.
    [[nodiscard]] const PlaceSeat* seat(std::string_view place, const Date& d) const;
    // The name of an island in `lang` on `d` where island_names.csv gives one; nullptr otherwise.
    [[nodiscard]] const IslandName* island_name(std::string_view island, std::string_view lang, const Date& d) const;
    std::vector<Water> waters;

    [[nodiscard]] const Island* island(std::string_view id) const;
    [[nodiscard]] const Territory* territory(std::string_view id) const;
    [[nodiscard]] const Event* event(std::string_view id) const;
    [[nodiscard]] const Regime* regime(std::string_view id) const;
    [[nodiscard]] const Source* source(std::string_view id) const;
    [[nodiscard]] const Place* place(std::string_view id) const;
    // The events marked as epochs, by date: the settlements that the maps and snapshots show.
    [[nodiscard]] std::vector<const Event*> epochs() const;
};

// The parties, for validation and display.
[[nodiscard]] bool is_holder(std::string_view id);

}  // namespace kuril
