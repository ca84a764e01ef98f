#pragma once
// Greedy label placement on one sheet: labels in priority order try positions round their anchor, nearest
// first, and take the first box that stays in the frame, overlaps no placed label or reserved box, and
// covers no land but its own feature's. A label placed away from its anchor gets a leader line. A name that
// finds no place may move a placed name near it to another of that name's places, where that frees one (and
// that name may move another in turn). A sea's name
// goes inside its open water (a state's inside its land); a strait's runs along the strait's line, turned to its direction. A label
// that fits nowhere is returned as unplaced, for the caller to report: never dropped silently.
#include <algorithm>
#include <array>
#include <deque>
#include <memory>
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
    const geom::Geom* area = nullptr;  // a sea's open water (a state's land) on the sheet: its name lies inside it
    std::vector<geom::XY> path{};      // a strait's line on the sheet: its name runs along it
    bool upright = false;  // set vertically, top to bottom (a Japanese name along a north-south strait)
    double letter_spacing = 0;  // points added between letters (a state's name in spaced capitals)
};

// Where a leader line from `anchor` meets its name's box: the box's point nearest the anchor.
[[nodiscard]] inline geom::XY leader_end(geom::XY anchor, const Box& b) {
    return {std::clamp(anchor.x, b.x0, b.x1), std::clamp(anchor.y, b.y0, b.y1)};
}

// A label's outline on the sheet: its box turned by `angle` degrees (clockwise, y down) round its centre.
using Quad = std::array<geom::XY, 4>;
[[nodiscard]] Quad quad_of(geom::XY centre, double w, double h, double angle_deg);
[[nodiscard]] Box box_of(const Quad& q);
// Whether two convex outlines overlap (separating axes).
[[nodiscard]] bool quads_overlap(const Quad& a, const Quad& b);

struct PlacedLabel {
    std::string id;
    std::string text;
    Box box;  // turned labels: the box round their outline
    geom::XY anchor;
    bool leader = false;
    double size = 7;  // points
    geom::XY lonlat{};  // the anchor on the Earth
    double angle = 0;  // degrees, clockwise on the sheet (y down), round the box's centre
    Quad quad{};       // the outline: the box itself when not turned
    std::optional<std::array<geom::XY, 2>> ends{};  // a water's name: the middles of its two ends, on the Earth
};

enum class Effort { usual, utmost };

class LabelPlacer {
public:
    LabelPlacer(const geom::Context& ctx, const Sheet& sheet) : ctx_(ctx), sheet_(sheet) {}
    // Land that labels must not cover (sheet coordinates), by island id.
    // An island no label may cover but its own; one smaller than `min_size` points across counts as a square
    // of that size round its centre (the mark the sheet draws for it).
    void add_land(const std::string& island, const geom::Geom& sheet_land, double min_size = 0);
    void reserve(const Box& b) { reserved_.push_back(b); }
    // A line no label may cross (a boundary on the sheet); it must outlive the placer.
    void add_line(const geom::Geom& sheet_line);
    // Places a name where it is free, else moves a placed name (and that one another) to make room.
    // Effort::utmost, for a name the usual effort found no room for and the sheet shows nowhere else, takes the
    // further means only (it crowds the names round it, and is dearer): a boundary's name beside other points of
    // its line, else names moved three deep.
    [[nodiscard]] std::optional<PlacedLabel> place(const Candidate& c, double w, double h, Effort effort = Effort::usual);
    // The labels placed, in the order they took their present place (a name moved for another comes after it).
    // Whether a sea's water shown on the sheet can hold its name at all, whatever else is placed.
    [[nodiscard]] bool room_in(const Candidate& c, double w, double h) const;
    [[nodiscard]] const std::vector<PlacedLabel>& placed() const noexcept { return placed_; }

private:
    [[nodiscard]] bool free(const Box& b, const std::string& own) const;
    [[nodiscard]] bool free(const Quad& q, const std::string& own) const;
    // A leader from `anchor` to the box `b` crosses no other leader, label, or land but `own`'s.
    [[nodiscard]] bool leader_free(geom::XY anchor, const Box& b, const std::string& own) const;
    struct Asked {
        Candidate candidate;
        double w, h;
    };
    [[nodiscard]] std::optional<PlacedLabel> place_once(const Candidate& c, double w, double h);
    bool try_place(const Asked& a);
    [[nodiscard]] const PlacedLabel& placed_as(const std::string& id) const;  // the label placed for `id`
    [[nodiscard]] std::vector<std::size_t> movable_near(geom::XY at) const;
    bool displace(const Asked& want, int depth);
    [[nodiscard]] std::optional<PlacedLabel> place_utmost(const Candidate& c, double w, double h);
    [[nodiscard]] std::optional<PlacedLabel> place_level(const Candidate& c, double w, double h, geom::XY at);
    [[nodiscard]] std::optional<PlacedLabel> place_round(const Candidate& c, double w, double h);
    [[nodiscard]] std::vector<geom::XY> centres_in(const Candidate& c, double w, double h) const;
    [[nodiscard]] std::optional<PlacedLabel> place_in(const Candidate& c, double w, double h);
    [[nodiscard]] std::optional<PlacedLabel> place_along(const Candidate& c, double w, double h);
    const PlacedLabel& keep(const Candidate& c, const Quad& q, double angle, bool leader);
    [[nodiscard]] geom::Geom outline(const Quad& q) const { return ctx_.polygon({{q[0], q[1], q[2], q[3], q[0]}}); }

    // Land and lines are prepared once: every candidate box of every name is tested against them.
    [[nodiscard]] std::shared_ptr<const geom::Context::Prepared> prepared(const geom::Geom& g) const {
        return std::make_shared<const geom::Context::Prepared>(ctx_.prepare(g));
    }
    struct Land {
        std::string island;
        std::shared_ptr<const geom::Context::Prepared> geometry;
        Box envelope;
    };
    struct Line {
        std::shared_ptr<const geom::Context::Prepared> geometry;
        Box envelope;
    };
    const geom::Context& ctx_;
    const Sheet& sheet_;
    std::vector<Land> land_;
    std::deque<geom::Geom> marks_;  // the squares standing for the smallest islands
    std::vector<Box> reserved_;
    std::vector<Line> lines_;
    std::vector<PlacedLabel> placed_;
    std::vector<Asked> asked_;  // what each of placed_ was placed from, to place it again elsewhere
};

}  // namespace kuril::maps
