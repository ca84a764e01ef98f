#include "tiles/engine/feature_spill.hpp"

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril::tiles {

namespace {

enum class ValueType : std::uint8_t { string = 0, number = 1, integer = 2, boolean = 3 };

}  // namespace

SpillWriter::SpillWriter(std::filesystem::path file) : file_(std::move(file)), f_(std::fopen(file_.c_str(), "wb")) {
    if (f_ == nullptr) {
        throw OutputError(fmt::format("cannot create the temporary file {}: {}", file_.string(), std::strerror(errno)));
    }
}

SpillWriter::~SpillWriter() {
    if (f_ != nullptr) std::fclose(f_);
}

void SpillWriter::put(const void* p, std::size_t n) {
    if (std::fwrite(p, 1, n, f_) != n) {
        throw OutputError(fmt::format("cannot write the temporary file {}: {}", file_.string(), std::strerror(errno)));
    }
    bytes_ += n;
}

void SpillWriter::write(std::uint32_t layer, const SourceFeature& f) {
    const auto u32 = [&](std::size_t v) {
        const auto x = static_cast<std::uint32_t>(v);
        put(&x, sizeof x);
    };
    const auto path = [&](const Path& p) {
        u32(p.size());
        for (const auto& pt : p) {
            put(&pt.x, sizeof pt.x);
            put(&pt.y, sizeof pt.y);
            const std::uint8_t fixed = pt.fixed ? 1 : 0;
            put(&fixed, 1);
        }
    };
    ++features_;
    points_ += f.kind == GeomKind::point ? 1 : 0;
    u32(layer);
    put(&f.id, sizeof f.id);
    const auto kind = static_cast<std::uint8_t>(f.kind);
    put(&kind, 1);
    put(&f.seq, sizeof f.seq);
    u32(f.attributes.size());
    for (const auto& a : f.attributes) {
        u32(a.key.size());
        put(a.key.data(), a.key.size());
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string>) {
                    const auto t = ValueType::string;
                    put(&t, 1);
                    u32(v.size());
                    put(v.data(), v.size());
                } else {
                    const auto t = std::is_same_v<T, double>         ? ValueType::number
                                   : std::is_same_v<T, std::int64_t> ? ValueType::integer
                                                                     : ValueType::boolean;
                    put(&t, 1);
                    put(&v, sizeof v);
                }
            },
            a.value);
    }
    path(f.points);
    u32(f.lines.size());
    for (const auto& l : f.lines) path(l);
    u32(f.polygons.size());
    for (const auto& poly : f.polygons) {
        u32(poly.size());
        for (const auto& r : poly) path(r);
    }
}

void SpillWriter::close() {
    if (f_ != nullptr) {
        const bool ok = std::fclose(f_) == 0;
        f_ = nullptr;
        if (!ok) {
            throw OutputError(fmt::format("cannot write the temporary file {}: {}", file_.string(), std::strerror(errno)));
        }
    }
}

SpillReader::SpillReader(const std::filesystem::path& file) : file_(file), f_(std::fopen(file.c_str(), "rb")) {
    if (f_ == nullptr) {
        throw OutputError(fmt::format("{}: cannot read back a temporary file", file_.string()));
    }
}

SpillReader::~SpillReader() {
    if (f_ != nullptr) std::fclose(f_);
}

void SpillReader::get(void* p, std::size_t n) {
    if (std::fread(p, 1, n, f_) != n) {
        throw OutputError(fmt::format("{}: temporary file truncated", file_.string()));
    }
}

std::uint32_t SpillReader::u32() {
    std::uint32_t v = 0;
    get(&v, sizeof v);
    return v;
}

Path SpillReader::path() {
    Path p(u32());
    for (auto& pt : p) {
        get(&pt.x, sizeof pt.x);
        get(&pt.y, sizeof pt.y);
        std::uint8_t fixed = 0;
        get(&fixed, 1);
        pt.fixed = fixed != 0;
    }
    return p;
}

TagValue SpillReader::value() {
    ValueType t{};
    get(&t, 1);
    switch (t) {
        case ValueType::string: {
            std::string s(u32(), '\0');
            get(s.data(), s.size());
            return s;
        }
        case ValueType::number: {
            double d = 0;
            get(&d, sizeof d);
            return d;
        }
        case ValueType::integer: {
            std::int64_t i = 0;
            get(&i, sizeof i);
            return i;
        }
        case ValueType::boolean: {
            bool b = false;
            get(&b, sizeof b);
            return b;
        }
    }
    throw OutputError(fmt::format("{}: temporary file corrupt (value type {})", file_.string(), static_cast<int>(t)));
}

bool SpillReader::next(std::uint32_t& layer, SourceFeature& f) {
    if (std::fread(&layer, sizeof layer, 1, f_) != 1) {
        return false;
    }
    get(&f.id, sizeof f.id);
    std::uint8_t kind = 0;
    get(&kind, 1);
    f.kind = static_cast<GeomKind>(kind);
    get(&f.seq, sizeof f.seq);
    f.attributes.resize(u32());
    for (auto& a : f.attributes) {
        a.key.resize(u32());
        get(a.key.data(), a.key.size());
        a.value = value();
    }
    f.points = path();
    f.lines.resize(u32());
    for (auto& l : f.lines) l = path();
    f.polygons.resize(u32());
    for (auto& poly : f.polygons) {
        poly.resize(u32());
        for (auto& r : poly) r = path();
    }
    return true;
}

}  // namespace kuril::tiles
