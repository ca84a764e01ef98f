#pragma once
// Greedy label placement on the sheet: each label tries positions around its anchor, nearest first, and
// takes the first whose box overlaps no placed label and covers no land other than its own feature's.
// A label placed away from its anchor gets a leader line. Labels that fit nowhere are reported, never
// dropped silently.
#include <string>
#include <vector>

namespace kuril::maps {

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // sheet points, y down
    [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct PlacedLabel {
    std::string id;
    std::string text;
    Box box;
    double anchor_x = 0, anchor_y = 0;
    bool leader = false;
};

}  // namespace kuril::maps
