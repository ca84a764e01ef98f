#pragma once
// Reads the tables of geodata/ into the model. Each record that cannot be read is reported to the
// Diagnostics with its file, line and id, and reading goes on, so one run reports every problem.
#include <filesystem>

#include "geom/geos.hpp"
#include "model/dataset.hpp"
#include "util/diagnostics.hpp"

namespace kuril {

// The files of a geodata directory.
struct GeodataFiles {
    std::filesystem::path dir;
    [[nodiscard]] std::filesystem::path gazetteer() const { return dir / "gazetteer.csv"; }
    [[nodiscard]] std::filesystem::path territories() const { return dir / "territories.csv"; }
    [[nodiscard]] std::filesystem::path events() const { return dir / "events.csv"; }
    [[nodiscard]] std::filesystem::path regimes() const { return dir / "regimes.csv"; }
    [[nodiscard]] std::filesystem::path sovereignty() const { return dir / "sovereignty.csv"; }
    [[nodiscard]] std::filesystem::path boundaries() const { return dir / "boundaries.csv"; }
    [[nodiscard]] std::filesystem::path land() const { return dir / "land.geojsonl"; }
    // Optional: the land around the record (no file, no context land).
    [[nodiscard]] std::filesystem::path context() const { return dir / "context.geojsonl"; }
    // Optional: the western Pacific of the locator maps (no file, no locator map).
    [[nodiscard]] std::filesystem::path locator() const { return dir / "locator.geojsonl"; }
    [[nodiscard]] std::filesystem::path waters() const { return dir / "waters.csv"; }
    [[nodiscard]] std::filesystem::path sources() const { return dir / "sources.csv"; }
    [[nodiscard]] std::filesystem::path places() const { return dir / "places.csv"; }
    [[nodiscard]] std::filesystem::path place_names() const { return dir / "place_names.csv"; }
    [[nodiscard]] std::filesystem::path place_seats() const { return dir / "place_seats.csv"; }
    [[nodiscard]] std::filesystem::path island_names() const { return dir / "island_names.csv"; }
};

[[nodiscard]] Dataset read_dataset(const geom::Context& ctx, const GeodataFiles& files, Diagnostics& diag);

}  // namespace kuril
