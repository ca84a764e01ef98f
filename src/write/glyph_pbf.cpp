#include "write/glyph_pbf.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <protozero/pbf_builder.hpp>

#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/parallel.hpp"

namespace kuril {

namespace {

constexpr char32_t kWholeBlocksBelow = 0x3000;

char32_t range_start(char32_t c) { return c - c % kGlyphRangeSize; }

}  // namespace

std::string fontstack_name(const std::vector<FontStackFace>& stack) {
    std::string name;
    for (const auto& face : stack) {
        if (!name.empty()) name += ',';
        name += face.name;
    }
    return name;
}

std::string glyph_range_name(char32_t c) {
    const char32_t start = range_start(c);
    return fmt::format("{}-{}", static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(start + kGlyphRangeSize - 1));
}

std::string encode_glyph_range(const std::string& stack, char32_t start, const std::vector<SdfGlyph>& glyphs) {
    using namespace glyphs_pbf;
    std::string out;
    protozero::pbf_builder<GlyphsTag> root(out);
    protozero::pbf_builder<FontstackTag> fontstack(root, GlyphsTag::stacks);
    fontstack.add_string(FontstackTag::name, stack);
    fontstack.add_string(FontstackTag::range, glyph_range_name(start));
    for (const auto& g : glyphs) {
        protozero::pbf_builder<GlyphTag> glyph(fontstack, FontstackTag::glyphs);
        glyph.add_uint32(GlyphTag::id, static_cast<std::uint32_t>(g.id));
        if (!g.bitmap.empty()) {
            glyph.add_bytes(GlyphTag::bitmap, reinterpret_cast<const char*>(g.bitmap.data()), g.bitmap.size());
        }
        glyph.add_uint32(GlyphTag::width, g.width);
        glyph.add_uint32(GlyphTag::height, g.height);
        glyph.add_sint32(GlyphTag::left, g.left);
        glyph.add_sint32(GlyphTag::top, g.top);
        glyph.add_uint32(GlyphTag::advance, g.advance);
    }
    return out;
}

void add_code_points(std::string_view s, std::set<char32_t>& out) {
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1FU) : n == 3 ? (b & 0x0FU) : (b & 0x07U);
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) {
            c = (c << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
        }
        out.insert(c);
        i += n;
    }
}

namespace {

// FreeType faces are not thread-safe: each thread opens the stack itself.
class StackFaces {
public:
    explicit StackFaces(const std::vector<FontStackFace>& stack) {
        for (const auto& face : stack) faces_.push_back(std::make_unique<SdfFont>(face.file));
    }
    [[nodiscard]] const SdfFont* face_for(char32_t c) const {
        for (const auto& f : faces_) {
            if (f->has(c)) return f.get();
        }
        return nullptr;
    }

private:
    std::vector<std::unique_ptr<SdfFont>> faces_;
};

}  // namespace

GlyphRangeStats write_glyph_ranges(const std::filesystem::path& dir, const std::vector<FontStackFace>& stack,
                                   const std::set<char32_t>& wanted) {
    const StackFaces faces(stack);
    // The code points of each block to write.
    std::map<char32_t, std::set<char32_t>> blocks;
    GlyphRangeStats stats;
    for (const char32_t c : wanted) {
        if (faces.face_for(c) == nullptr) {
            ++stats.missing;
        }
        const char32_t start = range_start(c);
        auto& block = blocks[start];
        if (start < kWholeBlocksBelow) {
            for (char32_t k = start; k < start + kGlyphRangeSize; ++k) block.insert(k);
        } else {
            block.insert(c);
        }
    }
    const std::string name = fontstack_name(stack);
    const std::filesystem::path out_dir = dir / name;
    std::filesystem::create_directories(out_dir);
    const std::vector<std::pair<char32_t, std::set<char32_t>>> work(blocks.begin(), blocks.end());
    std::atomic<std::size_t> glyph_count{0};
    const unsigned threads = std::min(std::max(1U, std::thread::hardware_concurrency()), 8U);
    parallel_for(work.size(), threads, [&] { return StackFaces(stack); }, [&](std::size_t i, const StackFaces& mine) {
        const auto& [start, points] = work[i];
        std::vector<SdfGlyph> glyphs;
        for (const char32_t c : points) {
            if (const SdfFont* face = mine.face_for(c)) {
                if (auto g = face->render(c)) glyphs.push_back(std::move(*g));
            }
        }
        const std::filesystem::path file = out_dir / (glyph_range_name(start) + ".pbf");
        write_file(file, encode_glyph_range(name, start, glyphs));
        glyph_count += glyphs.size();
    });
    stats.ranges = work.size();
    stats.glyphs = glyph_count;
    return stats;
}

}  // namespace kuril
