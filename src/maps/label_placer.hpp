#pragma once
// Greedy label placement on one sheet: labels in priority order try positions round their anchor, nearest
// first, and take the first box that stays in the frame, overlaps no placed label or reserved box, and
// covers no land but its own feature's. A label placed away from its anchor gets a leader line. A label
// that fits nowhere is returned as unplaced, for the caller to report: never dropped silently.
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "geom/geos.hpp"
#include "maps/sheet.hpp"

namespace kuril::maps {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // points, y down
    [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct Candidate {
    std::string id;
    std::string text;
    geom::XY anchor;         // sheet points
    double size = 7;
    bool italic = false;     // water names
    std::string own;         // the land it may cover (island id, or ids separated by ';'); "" = none
    double priority = 0;     // higher first
    bool dot = false;        // a settlement: never on its anchor
    bool leader_ok = true;   // water names float: no leader line
    geom::XY lonlat{};       // the anchor on the Earth
    bool beside = false;     // never centred on its anchor (a line's name goes beside the line)
};

struct PlacedLabel {
    std::string id;
    std::string text;
    Box box;
    geom::XY anchor;
    bool leader = false;
    double size = 7;  // points
    geom::XY lonlat{};  // the anchor on the Earth
};

class LabelPlacer {
public:
    LabelPlacer(const geom::Context& ctx, const Sheet& sheet) : ctx_(ctx), sheet_(sheet) {}
    // Land that labels must not cover (sheet coordinates), by island id.
    // An island no label may cover but its own; one smaller than `min_size` points across counts as a square
    // of that size round its centre (the mark the sheet draws for it).
    void add_land(const std::string& island, const geom::Geom& sheet_land, double min_size = 0);
    void reserve(const Box& b) { reserved_.push_back(b); }
    [[nodiscard]] std::optional<PlacedLabel> place(const Candidate& c, double w, double h);
    [[nodiscard]] const std::vector<PlacedLabel>& placed() const noexcept { return placed_; }

private:
    [[nodiscard]] bool free(const Box& b, const std::string& own) const;

    struct Land {
        std::string island;
        const geom::Geom* geometry;
        Box envelope;
    };
    const geom::Context& ctx_;
    const Sheet& sheet_;
    std::vector<Land> land_;
    std::deque<geom::Geom> marks_;  // the squares standing for the smallest islands
    std::vector<Box> reserved_;
    std::vector<PlacedLabel> placed_;
};

}  // namespace kuril::maps
