#include "tiles/engine/thinning.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril::tiles {

namespace {

// Spreads the 32 bits of v over the even bits of the result.
std::uint64_t spread_bits(std::uint32_t v) {
    std::uint64_t x = v;
    x = (x | (x << 16U)) & 0x0000FFFF0000FFFFULL;
    x = (x | (x << 8U)) & 0x00FF00FF00FF00FFULL;
    x = (x | (x << 4U)) & 0x0F0F0F0F0F0F0F0FULL;
    x = (x | (x << 2U)) & 0x3333333333333333ULL;
    x = (x | (x << 1U)) & 0x5555555555555555ULL;
    return x;
}

std::uint32_t gather_bits(std::uint64_t x) {
    x &= 0x5555555555555555ULL;
    x = (x | (x >> 1U)) & 0x3333333333333333ULL;
    x = (x | (x >> 2U)) & 0x0F0F0F0F0F0F0F0FULL;
    x = (x | (x >> 4U)) & 0x00FF00FF00FF00FFULL;
    x = (x | (x >> 8U)) & 0x0000FFFF0000FFFFULL;
    x = (x | (x >> 16U)) & 0x00000000FFFFFFFFULL;
    return static_cast<std::uint32_t>(x);
}

std::uint32_t grid(double v) {
    constexpr double kCells = 4294967296.0;  // 2^32
    return static_cast<std::uint32_t>(std::clamp(std::floor(v * kCells), 0.0, kCells - 1));
}

// The van der Corput sequence in base 2: i's bits mirrored after the binary point.
double van_der_corput(std::uint64_t i) {
    double v = 0;
    double bit = 0.5;
    for (; i != 0; i >>= 1U, bit /= 2) {
        if ((i & 1U) != 0) v += bit;
    }
    return v;
}

// -zg: the zoom at which the typical spacing of neighbouring points is 4 pixels of a 256-pixel tile.
int guess_maxzoom(const PointDensity& density, int minzoom) {
    const double s = density.typical_spacing();
    if (s <= 0) return std::max(minzoom, 14);
    const int z = static_cast<int>(std::floor(std::log2(4.0 / (256.0 * s))));
    return std::clamp(z, minzoom, 14);
}

}  // namespace

std::uint64_t morton_code(const Pt& p) { return spread_bits(grid(p.x)) | (spread_bits(grid(p.y)) << 1U); }

Pt morton_point(std::uint64_t code) {
    constexpr double kCells = 4294967296.0;
    return Pt{gather_bits(code) / kCells, gather_bits(code >> 1U) / kCells, false};
}

void PointDensity::add_sorted(std::span<const PointKey> keys) {
    for (const auto& k : keys) {
        if (points_ > 0 && k.morton != last_) {
            const Pt a = morton_point(last_);
            const Pt b = morton_point(k.morton);
            log_sum_ += std::log(std::hypot(a.x - b.x, a.y - b.y));
            ++gaps_;
        }
        for (int z = 0; z <= kMaxZoom; ++z) {
            const unsigned shift = 64U - 2U * static_cast<unsigned>(z);
            const bool same = points_ > 0 && (z == 0 || (k.morton >> shift) == (last_ >> shift));
            auto& run = run_[static_cast<std::size_t>(z)];
            run = same ? run + 1 : 1;
            densest_[static_cast<std::size_t>(z)] = std::max(densest_[static_cast<std::size_t>(z)], run);
        }
        last_ = k.morton;
        ++points_;
    }
}

double PointDensity::typical_spacing() const { return gaps_ == 0 ? 0 : std::exp(log_sum_ / static_cast<double>(gaps_)); }

Thinning::Thinning(const ThinningOptions& o, int minzoom, int maxzoom, const PointDensity& density) {
    auto& r = report_;
    r.points = density.points();
    r.minzoom = minzoom;
    r.guessed_maxzoom = o.guess_maxzoom;
    r.maxzoom = o.guess_maxzoom ? guess_maxzoom(density, minzoom) : maxzoom;
    r.guessed_base = o.guess_base;
    r.base_zoom = o.base_zoom < 0 ? r.maxzoom : std::min(o.base_zoom, r.maxzoom);
    if (o.guess_base) {
        r.base_zoom = r.maxzoom;
        for (int z = r.maxzoom; z >= minzoom && density.densest(z) <= kGuessBasePoints; --z) r.base_zoom = z;
    }
    r.guessed_rate = o.guess_rate;
    r.drop_rate = o.drop_rate;
    if (o.guess_rate) {  // z0's densest tile about as full as the base zoom's
        const double top = static_cast<double>(std::max<std::uint64_t>(1, density.densest(0)));
        const double base = static_cast<double>(std::max<std::uint64_t>(1, density.densest(r.base_zoom)));
        r.drop_rate = r.base_zoom == 0 ? 1.0 : std::max(1.0, std::pow(top / base, 1.0 / r.base_zoom));
    }
    r.drop_densest = o.drop_densest;
    r.cluster_distance = o.cluster_distance;
    for (int z = 0; z <= kMaxZoom; ++z) {
        fraction_[static_cast<std::size_t>(z)] = z >= r.base_zoom ? 1.0 : std::pow(r.drop_rate, z - r.base_zoom);
    }
}

std::uint8_t Thinning::first_zoom(std::uint64_t rank) const {
    const double u = van_der_corput(rank);
    int z = report_.minzoom;
    while (z < report_.base_zoom && !(u < fraction_[static_cast<std::size_t>(z)])) ++z;
    return static_cast<std::uint8_t>(z);
}

PointThinningReport Thinning::report() const { return report_; }

PointThinningReport thin_points(std::vector<SourceLayer>& layers, const ThinningOptions& options) {
    std::vector<PointKey> keys;
    std::vector<SourceFeature*> by_seq;
    int minzoom = kMaxZoom;
    int maxzoom = 0;
    for (auto& l : layers) {
        minzoom = std::min(minzoom, l.minzoom);
        maxzoom = std::max(maxzoom, l.maxzoom);
        for (auto& f : l.features) {
            if (f.kind != GeomKind::point || f.points.empty()) continue;
            keys.push_back(PointKey{morton_code(f.points.front()), static_cast<std::uint32_t>(by_seq.size()), 0});
            by_seq.push_back(&f);
        }
    }
    std::sort(keys.begin(), keys.end());
    PointDensity density;
    density.add_sorted(keys);
    Thinning thinning(options, std::min(minzoom, maxzoom), maxzoom, density);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::uint8_t z = thinning.first_zoom(i);
        by_seq[keys[i].seq]->minzoom = z;
        thinning.count(z);
    }
    if (options.guess_maxzoom) {
        for (auto& l : layers) {
            l.maxzoom = thinning.maxzoom();
            l.minzoom = std::min(l.minzoom, l.maxzoom);
        }
    }
    return thinning.report();
}

PointKeyFile::PointKeyFile(std::filesystem::path file) : file_(std::move(file)), f_(std::fopen(file_.c_str(), "w+b")) {
    if (f_ == nullptr) {
        throw OutputError(fmt::format("cannot create the temporary file {}: {}", file_.string(), std::strerror(errno)));
    }
}

PointKeyFile::~PointKeyFile() {
    if (f_ != nullptr) std::fclose(f_);
    std::error_code ec;
    std::filesystem::remove(file_, ec);
}

void PointKeyFile::add(const PointKey& key) {
    if (std::fwrite(&key, sizeof key, 1, f_) != 1) {
        throw OutputError(fmt::format("cannot write the temporary file {}: {}", file_.string(), std::strerror(errno)));
    }
    ++count_;
}

void PointKeyFile::for_each_sorted(int zoom, std::uint64_t max_keys, const std::function<void(std::span<const PointKey>)>& fn) {
    int depth = 0;  // cells `depth` zooms below the partition's, 4^depth of them
    while ((count_ >> (2U * static_cast<unsigned>(depth))) > max_keys && zoom + depth < 16) ++depth;
    const unsigned shift = 64U - 2U * static_cast<unsigned>(zoom + depth);
    const std::uint64_t cells = 1ULL << (2U * static_cast<unsigned>(depth));
    const std::uint64_t mask = cells - 1;
    std::vector<PointKey> keys, chunk(std::min<std::uint64_t>(count_, 65536));
    for (std::uint64_t cell = 0; cell < cells; ++cell) {
        keys.clear();
        if (std::fflush(f_) != 0 || std::fseek(f_, 0, SEEK_SET) != 0) {
            throw OutputError(fmt::format("{}: cannot read back a temporary file: {}", file_.string(), std::strerror(errno)));
        }
        for (std::uint64_t left = count_; left > 0;) {
            const std::size_t n = std::fread(chunk.data(), sizeof(PointKey), std::min<std::uint64_t>(left, chunk.size()), f_);
            if (n == 0) throw OutputError(fmt::format("{}: temporary file truncated", file_.string()));
            for (std::size_t i = 0; i < n; ++i) {
                if (depth == 0 || ((chunk[i].morton >> shift) & mask) == cell) keys.push_back(chunk[i]);
            }
            left -= n;
        }
        std::sort(keys.begin(), keys.end());
        fn(keys);
    }
}

}  // namespace kuril::tiles
