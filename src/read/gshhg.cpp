#include "read/gshhg.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril {

namespace {

std::string gmt_region(const Region& r) { return fmt::format("-R{}/{}/{}/{}", r.west, r.east, r.south, r.north); }

struct PipeCloser {
    void operator()(FILE* f) const { pclose(f); }
};

// Runs a command and returns its standard output; throws when it fails.
std::string run(const std::string& command) {
    std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"));
    if (!pipe) {
        throw ExternalProgramError("gmt", "cannot run: " + command);
    }
    std::string out;
    char buf[65536];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) {
        out.append(buf, n);
    }
    const int status = pclose(pipe.release());
    if (status != 0) {
        throw ExternalProgramError("gmt", fmt::format("command failed (status {}): {}", status, command));
    }
    return out;
}

// Parses GMT's multi-segment text: '>' starts a segment, other lines are "lon lat".
std::vector<std::vector<geom::XY>> parse_segments(const std::string& text) {
    std::vector<std::vector<geom::XY>> segments;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        if (line[0] == '>') {
            segments.emplace_back();
            continue;
        }
        geom::XY p;
        if (std::sscanf(line.c_str(), "%lf %lf", &p.x, &p.y) != 2) {
            throw Error("unexpected line from gmt coast: " + line);
        }
        if (segments.empty()) {
            segments.emplace_back();
        }
        if (segments.back().empty() || !(segments.back().back() == p)) {
            segments.back().push_back(p);
        }
    }
    std::erase_if(segments, [](const auto& s) { return s.size() < 2; });
    return segments;
}

// The -N of gmt select: ocean/land/lake/island-in-lake/pond, s(kip) or k(eep).
const char* select_levels(bool lakes) { return lakes ? "-Ns/k/s/k/s" : "-Ns/k/k/k/k"; }

// Asks GMT which of the points lie on land.
std::vector<bool> on_land(const std::vector<geom::XY>& points, const ImportSpec& spec) {
    const auto tmp = std::filesystem::temp_directory_path() / fmt::format("kuril-select-{}.txt", ::getpid());
    {
        std::string text;
        for (std::size_t i = 0; i < points.size(); ++i) {
            text += fmt::format("{:.9f} {:.9f} {}\n", points[i].x, points[i].y, i);
        }
        write_file(tmp, text);
    }
    std::string text;
    try {
        text = run(fmt::format("gmt select {} -D{} {} {}", gmt_region(spec.frame.bounds()), spec.resolution,
                               select_levels(spec.lakes), tmp.string()));
    } catch (...) {
        std::filesystem::remove(tmp);
        throw;
    }
    std::filesystem::remove(tmp);
    std::vector<bool> land(points.size(), false);
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        double x = 0;
        double y = 0;
        std::size_t idx = 0;
        if (std::sscanf(line.c_str(), "%lf %lf %zu", &x, &y, &idx) == 3 && idx < land.size()) {
            land[idx] = true;
        }
    }
    return land;
}

geom::Geom union_of(const geom::Context& ctx, const Frame& frame) {
    std::vector<geom::Geom> boxes;
    for (const auto& r : frame.parts) boxes.push_back(ctx.box(r.west, r.south, r.east, r.north));
    return ctx.unary_union(ctx.collect(std::move(boxes), GEOS_MULTIPOLYGON));
}

// The area the import covers: the frame's rectangles less the excluded ones.
geom::Geom frame_area(const geom::Context& ctx, const ImportSpec& spec) {
    geom::Geom area = union_of(ctx, spec.frame);
    if (!spec.exclude.parts.empty()) area = ctx.difference(area, union_of(ctx, spec.exclude));
    return area;
}

// The shoreline segments cut to the frame's area and noded with its boundary, merged into lines.
geom::Geom noded_shoreline(const geom::Context& ctx, const std::vector<std::vector<geom::XY>>& segments,
                           const geom::Geom& area) {
    std::vector<geom::Geom> lines;
    lines.reserve(segments.size() + 1);
    for (const auto& s : segments) {
        for (auto& part : ctx.parts(ctx.intersection(ctx.line(s), area))) {
            if (ctx.type(part) == GEOS_LINESTRING && !ctx.is_empty(part)) lines.push_back(std::move(part));
        }
    }
    lines.push_back(ctx.boundary(area));
    const geom::Geom noded = ctx.unary_union(ctx.collect(std::move(lines), GEOS_GEOMETRYCOLLECTION));
    return ctx.line_merge(noded);
}

// A stable order: largest first, ties by WKT.
std::vector<geom::Geom> largest_first(const geom::Context& ctx, std::vector<geom::Geom> land) {
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < land.size(); ++i) {
        order.emplace_back(ctx.area(land[i]), i);
    }
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) {
            return a.first > b.first;
        }
        return ctx.wkt(land[a.second]) < ctx.wkt(land[b.second]);
    });
    std::vector<geom::Geom> sorted;
    sorted.reserve(order.size());
    for (const auto& [area, i] : order) {
        sorted.push_back(std::move(land[i]));
    }
    return sorted;
}

}  // namespace

ImportSpec record_import(const Frame& frame) { return {frame, {}, 'f', false, 0}; }

ImportSpec context_import(const Region& region, const Frame& record) { return {Frame{{region}}, record, 'h', true, 20}; }

ImportSpec locator_import(const Region& region) { return {Frame{{region}}, Frame{}, 'l', false, 400}; }

CoastlineImport import_gshhg(const geom::Context& ctx, const ImportSpec& spec, const Progress& progress) {
    CoastlineImport result;
    result.gmt_version = run("gmt --version");
    while (!result.gmt_version.empty() && std::isspace(static_cast<unsigned char>(result.gmt_version.back()))) {
        result.gmt_version.pop_back();
    }
    progress.step(fmt::format("reading the GSHHG shoreline (resolution {}) through gmt coast", spec.resolution));
    // -A: the smallest feature kept, and the levels: 1 (the land/ocean shoreline), or 1-2 with the lakes.
    const auto segments = parse_segments(run(fmt::format("gmt coast {} -D{} -W -M -A{}/1/{}",
                                                         gmt_region(spec.frame.bounds()), spec.resolution,
                                                         spec.min_area_km2, spec.lakes ? 2 : 1)));
    result.segments = segments.size();

    progress.step(fmt::format("noding {} segments with the frame", segments.size()));
    const geom::Geom merged = noded_shoreline(ctx, segments, frame_area(ctx, spec));

    progress.step("polygonizing");
    const geom::Geom faces = ctx.polygonize({&merged});
    auto parts = ctx.parts(faces);
    result.faces = parts.size();

    progress.step(fmt::format("classifying {} faces with gmt select", parts.size()));
    std::vector<geom::XY> probes;
    probes.reserve(parts.size());
    for (const auto& f : parts) {
        probes.push_back(ctx.point_xy(ctx.point_on_surface(f)));
    }
    const auto land = on_land(probes, spec);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!land[i]) {
            continue;
        }
        if (!ctx.is_valid(parts[i])) {
            throw GeometryError(fmt::format("assembled land face {} is invalid: {}", i, ctx.invalid_reason(parts[i])));
        }
        result.land.push_back(ctx.normalize(std::move(parts[i])));
    }
    result.land = largest_first(ctx, std::move(result.land));
    return result;
}

}  // namespace kuril
