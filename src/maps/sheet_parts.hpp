#pragma once
// The parts a sheet is made of, each drawn in its own room of maps/: the canvas and its drawing helpers
// (canvas.cpp), the land (land.cpp), the boundary lines (lines.cpp), the graticule (graticule.cpp), the
// names (labels.cpp), the legend (legend.cpp), the margin — title, scale bar, point of view, sources
// (margin.cpp), the inset and its locator frame (inset.cpp), the files a sheet goes to (output_files.cpp), an
// SVG's named layers with live text (svg_layers.cpp), the sheet put together (renderer.cpp) and the atlas's
// pages (atlas.cpp). Internal to maps/.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <cairo.h>

#include "maps/label_placer.hpp"
#include "maps/map_projection.hpp"
#include "maps/renderer.hpp"
#include "maps/sheet.hpp"
#include "maps/svg_layers.hpp"
#include "maps/text.hpp"
#include "model/region.hpp"

namespace kuril::maps {

// Shikotan and the Habomai islets with the tip of the Nemuro peninsula, drawn in an inset of the whole-chain
// map at least three times its scale, so that every islet is readable.
inline const Extent kInsetExtent{"inset", 145.35, 43.15, 146.95, 43.95};
inline constexpr double kDashFacto[] = {4, 2};
inline constexpr double kDashClaim[] = {1, 1.6};
// The boundary lines' kinds in legend order, with their legend words (the sheet's and the small multiples').
// A line the view holds in law but the other party does not (Russia's La Pérouse and Nemuro lines, Japan's
// claimed lines): set by no treaty, so not a "treaty boundary"; long dashes in the de jure colour.
inline constexpr double kDashViewOnly[] = {7, 2};
inline constexpr std::pair<const char*, const char*> kLineLegend[] = {
    {"de_jure", N_("Treaty boundary")},
    {"de_jure_view", N_("Boundary in law for {party} alone, set by no treaty")},
    {"de_facto", N_("De facto line")},
    {"claimed", N_("Claimed line")}};

// The two patterns where the Japanese and Russian views differ (land.cpp), with their legend words: the angle
// and spacing of the hatching.
struct DisputePattern {
    double angle, spacing;
    const char* words;
};
inline constexpr DisputePattern kClaimedPattern{45, 2.6, N_("Hatched: held by one party, claimed by the other")};
inline constexpr DisputePattern kRenouncedPattern{-45, 4.2, N_("Hatched wide: renounced by Japan in 1951, no beneficiary named")};

// A settlement's rank on the sheet's day (the places layer's `seat`, from place_seats.csv): the seat of a
// territory's government, of a district, or neither. Its name and its mark are sized by it (place_style).
enum class PlaceRank { territory_seat, district_seat, settlement };
struct PlaceStyle {
    double type_pt;   // its name
    double dot_pt;    // its mark's radius
    bool ring;        // a ring round the mark (the seat of a territory)
    double priority;  // placing order: seats before the islands (they may move round them), the rest after
    const char* words;  // the legend
};
[[nodiscard]] const PlaceStyle& place_style(PlaceRank r);
// A settlement's mark at `at`, in the sheet's text colour.
void draw_place_mark(cairo_t* cr, const Palette& pal, geom::XY at, PlaceRank r);

// What the legend lists: only what the sheet shows.
struct Drawn {
    std::set<std::string> holders;
    // Each holder's regimes as the land drawn names them (the views' holder_name), in the order first met:
    // the legend names the holder as it was called on that day ("Russian Empire", "Soviet Union").
    std::map<std::string, std::vector<std::string>> holder_names;
    std::set<std::string> lines;
    // Where the views differ: land one party holds and the other claims (the four islands today), and land
    // Japan renounced without naming a beneficiary (south Sakhalin and the chain in its view, since 1952).
    bool claimed = false, renounced = false;
    std::set<PlaceRank> places;  // the ranks of the settlements drawn
    bool differ = false, occupied = false, context = false;
    std::string view;  // whose view the lines were drawn in: the party a line held in law by one view names
};

// Everything one sheet draws with.
struct Canvas {
    cairo_t* cr;
    const geom::Context& ctx;
    const MapProjection& proj;
    const Sheet& sheet;
    SheetGeoms& geoms;
    const Palette& pal;
    const Messages& tr;  // the sheet's words in its language
    LayeredSvg* svg = nullptr;  // an SVG's layers, each part drawn on its own; null for one surface (PDF, PNG)
};

// The drawing context of a layer: the SVG's layer, or the one surface every part shares.
[[nodiscard]] inline cairo_t* layer_cr(const Canvas& c, SheetLayer l) { return c.svg != nullptr ? c.svg->layer(l) : c.cr; }
// The parts drawn next go to that layer.
inline void use_layer(Canvas& c, SheetLayer l) { c.cr = layer_cr(c, l); }

// canvas.cpp: what every part draws with.
// The day as its language writes it: 1 January 1910, 1910年1月1日, 1 января 1910 г.
[[nodiscard]] std::string long_date(const Date& d, const Messages& tr);
[[nodiscard]] bool in_force(const Feature& f, const Date& d);
void path_of(cairo_t* cr, const geom::Context& ctx, const geom::Geom& sheet_geom);
void hatch(cairo_t* cr, const Sheet& s, double angle_deg, double spacing, const Rgb& colour, double width);
[[nodiscard]] Rgb pattern_ink(const Rgb& fill, const Palette& pal);
void occupied_pattern(cairo_t* cr, const Sheet& s, const Rgb& ink);
void clip_frame(cairo_t* cr, const Sheet& s);
// How a boundary is drawn on the sheet's day in its view: de_jure, de_jure_view (held in law by that view
// alone, set by no treaty), de_facto or claimed; "" when it is not drawn (not in force, or hidden).
[[nodiscard]] std::string line_kind(const Layer& boundaries, const Feature& f, const MapSpec& spec);
void line_style(cairo_t* cr, const Palette& pal, const std::string& kind);
// A line kind's legend words (kLineLegend), the party named for a line one view alone holds in law.
[[nodiscard]] std::string line_words(const Messages& tr, const char* msgid, const std::string& view);
// A holder in the legend: its regimes' names where the sheet knows them, else the party's name.
[[nodiscard]] std::string holder_label(const std::string& h, const std::vector<std::string>& names, const Messages& tr);
// Notes the regimes a drawn feature names for its holder (holder_name: "Empire of Japan; Russian Empire").
void note_holder_names(Drawn& drawn, const std::string& holder, const std::string& holder_name);
// A regime's name (its English name, as the views' holder_name gives it) in the sheet's language, as
// regimes.csv gives it (ja, ru; else as it is).
[[nodiscard]] std::string regime_name_in(const Dataset& ds, const std::string& name_en, const std::string& lang);
// The regimes' names in the sheet's language (regime_name_in).
[[nodiscard]] Drawn with_names_in(const Drawn& drawn, const Dataset& ds, const std::string& lang);

// A mark for an island smaller than this on the sheet (1 mm), so that its holder's colour can be seen.
inline constexpr double kMinIslandPt = 1.0 * kPtPerMm;

// land.cpp, lines.cpp, graticule.cpp
void draw_context(Canvas& c, const MapData& data, Drawn& drawn);
void draw_coast(Canvas& c, const MapData& data);
// A mark of 1 mm in its holder's colour for a piece of land smaller than that on the sheet.
struct IslandMark {
    geom::XY at;
    Rgb fill;
};
// The land by holder; returns the marks of the pieces too small to see, to be drawn over the lines.
[[nodiscard]] std::vector<IslandMark> draw_land(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn);
void draw_marks(Canvas& c, const std::vector<IslandMark>& marks);
void draw_lines(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn);
void draw_graticule(Canvas& c, const Extent& e, double step, bool labels);

// labels.cpp: places and draws every name of the sheet's main map or its inset (which names no state: the
// main map does); returns the labels that found no place.
enum class NamePart { main_map, inset };
std::vector<std::string> draw_labels(Canvas& c, const Atlas& atlas, const MapData& data, const MapSpec& spec,
                                     NamePart part, const std::vector<Box>& reserved, MapResult& result, Drawn& drawn);

// legend.cpp: returns the y below the legend.
double draw_legend(Canvas& c, const Drawn& drawn, double x, double y, double w);

// margin.cpp
[[nodiscard]] double points_per_km(const Extent& e, const MapProjection& proj, const Sheet& s);
double draw_scale_bar(Canvas& c, const Extent& e, double x, double y, double max_len);
[[nodiscard]] std::string sources_text(const Atlas& atlas, const Date& d, const std::string& projection, const Messages& tr);
[[nodiscard]] const Event* settlement_in_force(const Dataset& ds, const Date& d);
[[nodiscard]] std::string event_name(const Event* e, const std::string& lang);
[[nodiscard]] std::string view_text(const std::string& view, const Messages& tr);
[[nodiscard]] std::string scale_text(double denominator);

// inset.cpp
void draw_inset(Canvas& main, SheetGeoms& geoms, const MapData& data, const MapSpec& spec, const Sheet& inset,
                Drawn& drawn);
[[nodiscard]] Sheet inset_sheet(const Sheet& s, const MapProjection& proj);

// locator.cpp: the western Pacific with the sheet's extent marked, fitted into `area` (on a framed white
// card when `boxed`); its frame, or nothing when it would be narrower than kLocatorMinPt or there is no
// locator land.
inline constexpr double kLocatorMinPt = 25 * kPtPerMm;
std::optional<Box> draw_locator(const Canvas& c, const MapData& data, const Extent& shown, const Box& area, bool boxed);
// Where a locator can go on the map itself: the first place along the frame's edges (the right edge, the
// top, the left, the foot) where it keeps 2 mm clear of the record's land and lines and of every box taken.
std::optional<Box> locator_on_map(const Canvas& c, const MapData& data, const std::vector<Box>& taken);

// output_files.cpp
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);
[[nodiscard]] std::string cairo_failure(cairo_status_t st, int os_error);
void check_cairo(cairo_surface_t* surface, const std::filesystem::path& path, int os_error);
// A PDF surface made for a stream into `pdf`, finished and destroyed: the whole file, or an OutputError naming
// `path` (Cairo's status).
[[nodiscard]] std::string& finished_pdf(cairo_surface_t* surface, std::string& pdf, const std::filesystem::path& path);
// The PDF's document information: title, subject, author, keywords, creator, and dates pinned to `today`.
void pin_pdf(cairo_surface_t* surface, const Date& today, const std::string& title, const std::string& subject);
// A PNG stream with its resolution (a pHYs chunk after IHDR), so layout software places it at its size.
[[nodiscard]] std::string png_with_resolution(const std::string& png, double dpi);
void write_georeference(const std::filesystem::path& png, const Sheet& s, double px_per_pt, const MapProjection& proj);

// renderer.cpp: a whole sheet, and what the atlas shares with the single maps.
void draw_sheet(cairo_t* cr, const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                const Palette& pal, const Messages& tr, const MapProjection& proj, const Sheet& s, const std::string& crs,
                MapResult& result, LayeredSvg* svg = nullptr);
[[nodiscard]] std::string crs_of(const MapSpec& spec);
[[nodiscard]] std::string projection_text(const MapSpec& spec, const MapProjection& proj, const std::string& crs,
                                          const Messages& tr);
[[nodiscard]] Sheet page_sheet(const MapSpec& spec, const MapProjection& proj);

}  // namespace kuril::maps
