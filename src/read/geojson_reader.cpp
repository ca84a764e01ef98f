#include "read/geojson_reader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>
#include <zlib.h>

#include "read/feature_builder.hpp"
#include "read/json_texts.hpp"
#include "read/vector_reader.hpp"
#include "util/parallel.hpp"

namespace kuril {

namespace {

namespace dom = simdjson::dom;

constexpr char kRecordSeparator = '\x1e';  // RFC 8142 §2.2: each text of a sequence begins with RS
constexpr char kAnySeparator = '\0';       // texts separated by anything, or nothing (json_text_spans)
constexpr std::size_t kBlockBytes = 1U << 20U;  // 2 per thread in flight: small against the features they hold
constexpr std::size_t kHeadBytes = 1U << 20U;
constexpr int kMaxCollectionDepth = 8;

// The file's bytes, gzip'd or not: zlib reads a file without a gzip header as it is.
class TextStream {
public:
    explicit TextStream(const std::string& path) : path_(path), gz_(gzopen(path.c_str(), "rb")) {
        if (gz_ == nullptr) {
            throw InputError(Location{path, 0, {}}, fmt::format("cannot open: {}", std::strerror(errno)));
        }
        gzbuffer(gz_, 1U << 18U);
    }
    ~TextStream() { gzclose(gz_); }
    TextStream(const TextStream&) = delete;
    TextStream& operator=(const TextStream&) = delete;

    // Appends up to n bytes to `out`; false at the end of the file. A damaged or truncated gzip stream
    // is an InputError.
    bool read(std::string& out, std::size_t n) {
        const std::size_t old = out.size();
        out.resize(old + n);
        const int got = gzread(gz_, out.data() + old, static_cast<unsigned>(n));
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(gz_, &code);
            throw InputError(Location{path_, 0, {}}, fmt::format("cannot read: {}", code == Z_ERRNO ? std::strerror(errno) : message));
        }
        out.resize(old + static_cast<std::size_t>(got));
        return got > 0;
    }

private:
    std::string path_;
    gzFile gz_;
};

[[noreturn]] void fail(const FeatureRef& where, const std::string& message) { throw InputError(where.location(), message); }

std::string not_json(simdjson::error_code e, std::string_view text) {
    std::string out = fmt::format("not JSON ({})", simdjson::error_message(e));
    if (text.find("NaN") != std::string_view::npos || text.find("Infinity") != std::string_view::npos) {
        out += ": NaN and Infinity are not JSON numbers (RFC 8259 §6) and no coordinate of a position on the Earth";
    }
    return out;
}

// Parses one JSON text; where simdjson refuses a number, the text again with its integers beyond 64 bits
// written as strings (kept exactly, as string attributes; a string id is kept as the attribute "id").
// `fixed` holds that copy while the document is used.
simdjson::error_code parse_text(dom::parser& parser, const char* data, std::size_t size, std::string& fixed,
                                dom::element& doc) {
    const auto e = parser.parse(data, size, false).get(doc);
    if (e != simdjson::NUMBER_ERROR) return e;
    bool changed = false;
    fixed = quote_big_integers(std::string_view(data, size), changed);
    if (!changed) return e;
    fixed.reserve(fixed.size() + simdjson::SIMDJSON_PADDING);
    return parser.parse(fixed.data(), fixed.size(), false).get(doc) == simdjson::SUCCESS ? simdjson::SUCCESS : e;
}

tiles::Pt position(dom::element e, const FeatureRef& where) {
    dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS || a.size() < 2) {
        fail(where, "a position is not an array of two or more numbers (RFC 7946 §3.1.1)");
    }
    std::array<double, 2> lonlat{};
    auto it = a.begin();
    for (double& v : lonlat) {
        if ((*it).get_double().get(v) != simdjson::SUCCESS) {
            fail(where, "a coordinate of a position is not a number (RFC 7946 §3.1.1)");
        }
        ++it;
    }
    return lonlat_position(lonlat[0], lonlat[1], where);
}

dom::array array_of(dom::element e, const FeatureRef& where, const char* what) {
    dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS) fail(where, fmt::format("{} is not an array (RFC 7946 §3.1)", what));
    return a;
}

tiles::Path path_of(dom::element e, const FeatureRef& where) {
    const dom::array a = array_of(e, where, "a line or ring");
    tiles::Path p;
    p.reserve(a.size());
    for (dom::element pos : a) p.push_back(position(pos, where));
    return p;
}

tiles::PolygonPaths rings_of(dom::element e, const FeatureRef& where) {
    tiles::PolygonPaths rings;
    for (dom::element r : array_of(e, where, "a polygon")) rings.push_back(path_of(r, where));
    return rings;
}

void add_geometry(dom::element g, tiles::SourceFeature& f, const FeatureRef& where, int depth);

void add_coordinates(std::string_view type, dom::element c, tiles::SourceFeature& f, const FeatureRef& where) {
    if (type == "Point") {
        if (array_of(c, where, "a Point's coordinates").size() > 0) f.points.push_back(position(c, where));
    } else if (type == "MultiPoint") {
        for (dom::element p : array_of(c, where, "a MultiPoint's coordinates")) f.points.push_back(position(p, where));
    } else if (type == "LineString") {
        add_line(path_of(c, where), f, where);
    } else if (type == "MultiLineString") {
        for (dom::element l : array_of(c, where, "a MultiLineString's coordinates")) add_line(path_of(l, where), f, where);
    } else if (type == "Polygon") {
        add_polygon(rings_of(c, where), f, where);
    } else if (type == "MultiPolygon") {
        for (dom::element p : array_of(c, where, "a MultiPolygon's coordinates")) add_polygon(rings_of(p, where), f, where);
    } else {
        fail(where, fmt::format("unknown geometry type '{}' (RFC 7946 §3.1)", type));
    }
}

void add_geometry(dom::element g, tiles::SourceFeature& f, const FeatureRef& where, int depth) {
    if (g.is_null()) return;  // an unlocated feature (RFC 7946 §3.2)
    dom::object o;
    std::string_view type;
    if (g.get_object().get(o) != simdjson::SUCCESS || o["type"].get_string().get(type) != simdjson::SUCCESS) {
        fail(where, "a geometry is not an object with a \"type\" (RFC 7946 §3.1)");
    }
    if (type == "GeometryCollection") {
        if (depth >= kMaxCollectionDepth) fail(where, "geometry collections nested too deep (RFC 7946 §3.1.8: should not nest)");
        dom::element parts;
        if (o["geometries"].get(parts) != simdjson::SUCCESS) fail(where, "a GeometryCollection without \"geometries\"");
        for (dom::element part : array_of(parts, where, "\"geometries\"")) add_geometry(part, f, where, depth + 1);
        return;
    }
    dom::element c;
    if (o["coordinates"].get(c) != simdjson::SUCCESS) fail(where, fmt::format("a {} without \"coordinates\" (RFC 7946 §3.1)", type));
    add_coordinates(type, c, f, where);
}

// The properties as MVT values, kept or dropped by --include/--exclude. A null is omitted (never written
// as null or 0); an array or object is kept as its JSON text, as other tile builders do.
void add_properties(dom::element props, const VectorReadOptions& options, tiles::SourceFeature& f, const FeatureRef& where) {
    if (props.is_null()) return;
    dom::object o;
    if (props.get_object().get(o) != simdjson::SUCCESS) fail(where, "\"properties\" is neither an object nor null (RFC 7946 §3.2)");
    for (dom::key_value_pair kv : o) {
        std::string key(kv.key);
        if (!keeps_attribute(options, key)) continue;
        const dom::element v = kv.value;
        switch (v.type()) {
            case dom::element_type::NULL_VALUE: break;
            case dom::element_type::BOOL: f.attributes.push_back({std::move(key), bool(v.get_bool().value_unsafe())}); break;
            case dom::element_type::INT64: f.attributes.push_back({std::move(key), v.get_int64().value_unsafe()}); break;
            case dom::element_type::UINT64:  // beyond int64: as MVT's double
            case dom::element_type::DOUBLE: f.attributes.push_back({std::move(key), v.get_double().value_unsafe()}); break;
            case dom::element_type::STRING: f.attributes.push_back({std::move(key), std::string(v.get_string().value_unsafe())}); break;
            default: f.attributes.push_back({std::move(key), simdjson::to_string(v)});
        }
    }
}

// The feature's id: an "id" member that is a whole number below 2^53 (which JavaScript clients read
// exactly), plus one, as GDAL numbers features; messages then name the feature by it. Otherwise the
// feature's number in the file, plus one.
void set_id(const dom::object& o, tiles::SourceFeature& f, FeatureRef& where) {
    dom::element id;
    std::uint64_t n = 0;
    if (o["id"].get(id) == simdjson::SUCCESS && id.get_uint64().get(n) == simdjson::SUCCESS && n < (std::uint64_t{1} << 53U)) {
        f.id = n + 1;
        where.index = static_cast<std::int64_t>(n);
    }
}

// A string id is kept as the attribute "id" (as GDAL does) unless a property has that name.
void add_string_id(const dom::object& o, tiles::SourceFeature& f, const VectorReadOptions& options) {
    std::string_view s;
    if (o["id"].get_string().get(s) != simdjson::SUCCESS || !keeps_attribute(options, "id")) return;
    for (const auto& a : f.attributes) {
        if (a.key == "id") return;
    }
    f.attributes.push_back({"id", std::string(s)});
}

// A Feature, or a bare geometry (a feature without properties). `where` comes in naming the feature by
// its number and leaves naming it by its id, where it has one.
tiles::SourceFeature parse_feature(dom::element doc, const VectorReadOptions& options, FeatureRef& where) {
    dom::object o;
    std::string_view type;
    if (doc.get_object().get(o) != simdjson::SUCCESS || o["type"].get_string().get(type) != simdjson::SUCCESS) {
        fail(where, "not a GeoJSON object: no \"type\" member (RFC 7946 §3)");
    }
    tiles::SourceFeature f;
    f.id = static_cast<std::uint64_t>(where.index) + 1;
    if (type == "Feature") {
        set_id(o, f, where);
        dom::element g;
        if (o["geometry"].get(g) != simdjson::SUCCESS) {
            fail(where, "a Feature without a \"geometry\" member (RFC 7946 §3.2: null where it has no position)");
        }
        add_geometry(g, f, where, 0);
        if (f.empty()) return f;
        if (dom::element p; o["properties"].get(p) == simdjson::SUCCESS) add_properties(p, options, f, where);
        add_string_id(o, f, options);
    } else if (type == "FeatureCollection") {
        fail(where, "a FeatureCollection where a Feature was expected (RFC 7946 §3.3)");
    } else {
        add_geometry(doc, f, where, 0);
    }
    return f;
}

struct Input {
    const std::string& path;
    std::string layer;
    const VectorReadOptions& options;
};

// A legacy "crs" member (GeoJSON 2008) that names WGS 84 longitude/latitude, or none.
bool wgs84_or_no_crs(const dom::object& collection) {
    dom::element crs;
    if (collection["crs"].get(crs) != simdjson::SUCCESS || crs.is_null()) return true;
    std::string_view name;
    if (crs.at_pointer("/properties/name").get_string().get(name) != simdjson::SUCCESS) return false;
    return name == "urn:ogc:def:crs:OGC:1.3:CRS84" || name == "urn:ogc:def:crs:OGC::CRS84" || name == "EPSG:4326" ||
           name == "urn:ogc:def:crs:EPSG::4326";
}

// simdjson names no place in a document it refuses. GDAL's JSON parser reads NaN and Infinity, which
// JSON has not: when what is wrong is such a coordinate, GDAL's reading names the feature (its
// positions are checked like ours), and that error is thrown from here. Features read are not kept.
void name_the_feature(const Input& in) {
    VectorSink check;
    check.layer = [](const std::string&) {};
    check.feature = [](tiles::SourceFeature&&) {};
    try {
        read_with_gdal(in.path, in.options, check);
    } catch (const InputError& e) {
        if (!e.where().record.empty()) throw;
    }
}

// The features of one text of a sequence: a FeatureCollection's, or the Feature or geometry it is.
void emit_text(dom::element doc, const Input& in, std::size_t line, std::int64_t& index, const VectorSink& sink) {
    dom::object o;
    std::string_view type;
    if (doc.get_object().get(o) == simdjson::SUCCESS && o["type"].get_string().get(type) == simdjson::SUCCESS &&
        type == "FeatureCollection") {
        const FeatureRef text{&in.path, &in.layer, line, index};
        dom::element features;
        if (o["features"].get(features) != simdjson::SUCCESS) fail(text, "a FeatureCollection without \"features\" (RFC 7946 §3.3)");
        for (dom::element feature : array_of(features, text, "\"features\"")) {
            FeatureRef where{&in.path, &in.layer, line, index++};
            emit_feature(parse_feature(feature, in.options, where), where, sink);
        }
        return;
    }
    FeatureRef where{&in.path, &in.layer, line, index++};
    emit_feature(parse_feature(doc, in.options, where), where, sink);
}

// A sequence of JSON texts read whole: each a FeatureCollection, a Feature or a geometry, separated by
// anything (RS, newlines, spaces, nothing), spread over any number of lines; features numbered across them.
void read_texts(std::string& text, const Input& in, const VectorSink& sink) {
    sink.layer(in.options.layer_name.value_or(in.layer));
    dom::parser parser;
    std::string fixed;
    std::int64_t index = 0;
    std::size_t line = 1, counted = 0;
    for (const JsonTextSpan& span : json_text_spans(text)) {
        line += static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                                    text.begin() + static_cast<std::ptrdiff_t>(span.begin), '\n'));
        counted = span.begin;
        dom::element doc;
        if (const auto e = parse_text(parser, text.data() + span.begin, span.end - span.begin, fixed, doc); e != simdjson::SUCCESS) {
            fail(FeatureRef{&in.path, &in.layer, line, index}, not_json(e, std::string_view(text).substr(span.begin, span.end - span.begin)));
        }
        emit_text(doc, in, line, index, sink);
    }
}

// A whole document: a FeatureCollection, a Feature or a geometry; or, when it is several JSON texts, each.
bool read_document(std::string& text, const Input& in, const VectorSink& sink) {
    dom::parser parser;
    dom::element doc;
    std::string fixed;
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    if (const auto e = parse_text(parser, text.data(), text.size(), fixed, doc); e != simdjson::SUCCESS) {
        if (json_text_spans(text).size() > 1) {
            read_texts(text, in, sink);
            return true;
        }
        name_the_feature(in);
        throw InputError(Location{in.path, 0, {}}, not_json(e, text));
    }
    dom::object o;
    std::string_view type;
    if (doc.get_object().get(o) == simdjson::SUCCESS && o["type"].get_string().get(type) == simdjson::SUCCESS &&
        type == "FeatureCollection" && !wgs84_or_no_crs(o)) {
        return false;  // a legacy CRS other than WGS 84: GDAL reads and reprojects it
    }
    sink.layer(in.options.layer_name.value_or(in.layer));
    std::int64_t index = 0;
    emit_text(doc, in, 0, index, sink);
    return true;
}

// One text of a sequence, and where it is.
struct Text {
    std::size_t begin = 0;
    std::size_t size = 0;
    std::size_t line = 0;
    std::int64_t index = 0;
};

// A piece of a sequence that ends at the end of a text: parsed on its own, on any core.
struct Block {
    std::string bytes;
    std::vector<Text> texts;
    std::vector<tiles::SourceFeature> features;
    std::exception_ptr failure;  // the first text that failed; rethrown in file order
};

bool blank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Splits a sequence into blocks of about kBlockBytes, each ending where a text ends, and numbers the
// texts (line and feature) as it goes.
class SequenceCutter {
public:
    SequenceCutter(TextStream& stream, std::string head, char separator)
        : stream_(stream), carry_(std::move(head)), separator_(separator) {}

    // The next block; false when the file is done.
    bool next(Block& b) {
        b.bytes = std::move(carry_);
        carry_.clear();
        b.texts.clear();
        b.features.clear();
        b.failure = nullptr;
        std::size_t cut = std::string::npos;
        while (!eof_ && (b.bytes.size() < kBlockBytes || (cut = last_cut(b.bytes)) == std::string::npos)) {
            eof_ = !stream_.read(b.bytes, kBlockBytes);
        }
        if (eof_) cut = b.bytes.size();
        carry_.assign(b.bytes, cut, std::string::npos);
        b.bytes.resize(cut);
        b.bytes.reserve(cut + simdjson::SIMDJSON_PADDING);
        split(b);
        return !b.texts.empty() || !eof_ || !carry_.empty();
    }

private:
    // Where the last complete text ends: after the last newline (newline-delimited), at the last RS, or (any
    // separator: kAnySeparator) at the end of the last complete JSON text.
    std::size_t last_cut(const std::string& s) const {
        if (separator_ == kAnySeparator) {
            const auto spans = json_text_spans(s);
            return spans.empty() ? std::string::npos : spans.back().end;
        }
        const std::size_t at = s.rfind(separator_);
        if (at == std::string::npos || at == 0) return std::string::npos;
        return separator_ == '\n' ? at + 1 : at;
    }

    void split_texts(Block& b) {
        std::size_t counted = 0;
        for (const JsonTextSpan& span : json_text_spans(b.bytes)) {
            line_ += newlines(b.bytes, counted, span.begin);
            counted = span.begin;
            b.texts.push_back(Text{span.begin, span.end - span.begin, line_, index_++});
        }
        line_ += newlines(b.bytes, counted, b.bytes.size());
    }

    static std::size_t newlines(const std::string& s, std::size_t from, std::size_t to) {
        return static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(from),
                                                    s.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
    }

    void split(Block& b) {
        if (separator_ == kAnySeparator) {
            split_texts(b);
            return;
        }
        std::size_t pos = 0;
        while (pos < b.bytes.size()) {
            std::size_t end = b.bytes.find(separator_, separator_ == '\n' ? pos : pos + 1);
            if (end == std::string::npos) end = b.bytes.size();
            const std::size_t begin = separator_ == kRecordSeparator && b.bytes[pos] == kRecordSeparator ? pos + 1 : pos;
            const std::string_view text(b.bytes.data() + begin, end - begin);
            if (!blank(text)) b.texts.push_back(Text{begin, text.size(), line_, index_++});
            const std::size_t next = separator_ == '\n' ? std::min(end + 1, b.bytes.size()) : end;
            line_ += static_cast<std::size_t>(std::count(b.bytes.begin() + static_cast<std::ptrdiff_t>(pos),
                                                         b.bytes.begin() + static_cast<std::ptrdiff_t>(next), '\n'));
            pos = next;
        }
    }

    TextStream& stream_;
    std::string carry_;
    char separator_;
    bool eof_ = false;
    std::size_t line_ = 1;
    std::int64_t index_ = 0;
};

void parse_block(Block& b, dom::parser& parser, const Input& in) {
    try {
        b.features.reserve(b.texts.size());
        for (Text& t : b.texts) {
            FeatureRef where{&in.path, &in.layer, t.line, t.index};
            dom::element doc;
            std::string fixed;
            if (const auto e = parse_text(parser, b.bytes.data() + t.begin, t.size, fixed, doc); e != simdjson::SUCCESS) {
                fail(where, not_json(e, std::string_view(b.bytes.data() + t.begin, t.size)));
            }
            b.features.push_back(parse_feature(doc, in.options, where));
            t.index = where.index;
        }
    } catch (...) {
        b.failure = std::current_exception();
    }
}

void read_sequence(TextStream& stream, std::string head, char separator, const Input& in, const VectorSink& sink) {
    sink.layer(in.options.layer_name.value_or(in.layer));
    const unsigned threads = in.options.threads != 0 ? in.options.threads : std::max(1U, std::thread::hardware_concurrency());
    SequenceCutter cutter(stream, std::move(head), separator);
    std::vector<Block> batch(2 * static_cast<std::size_t>(threads));
    for (bool more = true; more;) {
        std::size_t n = 0;
        while (n < batch.size() && (more = cutter.next(batch[n]))) ++n;
        kuril::parallel_for(n, threads, [] { return std::make_unique<dom::parser>(); },
                            [&](std::size_t i, std::unique_ptr<dom::parser>& parser) { parse_block(batch[i], *parser, in); });
        for (std::size_t i = 0; i < n; ++i) {
            Block& b = batch[i];
            for (std::size_t k = 0; k < b.features.size(); ++k) {
                emit_feature(std::move(b.features[k]), FeatureRef{&in.path, &in.layer, b.texts[k].line, b.texts[k].index}, sink);
            }
            if (b.failure) std::rethrow_exception(b.failure);
        }
    }
}

// The first byte that is not white space.
std::size_t first_content(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    return i;
}

// Newline-delimited when the file has more than one line and the first is a Feature or a geometry: a whole
// JSON text other than a FeatureCollection, or a line that names a Feature but does not parse (then the
// sequence reader names the line and the feature). A one-line file is a sequence of one.
bool first_line_is_a_feature(std::string& head, std::size_t start) {
    const std::size_t nl = head.find('\n', start);
    if (nl == std::string::npos) return false;
    const std::string_view line(head.data() + start, nl - start);
    if (line.find("\"FeatureCollection\"") != std::string_view::npos) return false;
    head.reserve(head.size() + simdjson::SIMDJSON_PADDING);
    dom::parser parser;
    dom::element doc;
    std::string_view type;
    if (parser.parse(head.data() + start, nl - start, false).get(doc) == simdjson::SUCCESS) {
        return doc["type"].get_string().get(type) == simdjson::SUCCESS;
    }
    return line.find("\"Feature\"") != std::string_view::npos;
}

enum class Layout { document, lines, texts };

// How a file's texts are laid out, from its head: newline-delimited (a text a line), texts separated any
// other way (concatenated, spaces between, pretty-printed one after another: streamed like the others when
// the first is a Feature or a geometry), or one document (a FeatureCollection, a Feature, a geometry — and,
// found when it is read whole, several texts that begin with a FeatureCollection).
Layout layout_of(std::string& head, std::size_t start) {
    const std::string_view rest = std::string_view(head).substr(start);
    const auto spans = json_text_spans(rest);
    if (spans.size() < 2) return first_line_is_a_feature(head, start) ? Layout::lines : Layout::document;
    const std::string_view first = rest.substr(spans[0].begin, spans[0].end - spans[0].begin);
    if (first.find("\"FeatureCollection\"") != std::string_view::npos) return Layout::document;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const std::size_t gap_end = i + 1 < spans.size() ? spans[i + 1].begin : rest.size();
        const bool one_line = rest.substr(spans[i].begin, spans[i].end - spans[i].begin).find('\n') == std::string_view::npos;
        if (!one_line || rest.substr(spans[i].end, gap_end - spans[i].end).find('\n') == std::string_view::npos) {
            return i + 1 == spans.size() && one_line ? Layout::lines : Layout::texts;
        }
    }
    return Layout::lines;
}

}  // namespace

bool is_geojson_name(const std::string& path) {
    std::string name = path;
    if (is_gzip_name(name)) name.resize(name.size() - 3);
    const std::string ext = std::filesystem::path(name).extension().string();
    for (const char* e : {".geojson", ".json", ".geojsonl", ".geojsons", ".geojsonseq", ".ndjson", ".jsonl"}) {
        if (ext == e) return true;
    }
    return false;
}

bool read_geojson(const std::string& path, const VectorReadOptions& options, const VectorSink& sink) {
    const Input in{path, input_stem(path), options};
    TextStream stream(path);
    std::string head;
    stream.read(head, kHeadBytes);
    if (head.compare(0, 3, "\xEF\xBB\xBF") == 0) head.erase(0, 3);  // a UTF-8 byte order mark
    const std::size_t start = first_content(head);
    if (start == head.size()) throw InputError(Location{path, 0, {}}, "empty: no GeoJSON text in it");
    if (head[start] == kRecordSeparator) {
        read_sequence(stream, std::move(head), kRecordSeparator, in, sink);
        return true;
    }
    switch (layout_of(head, start)) {
        case Layout::lines: read_sequence(stream, std::move(head), '\n', in, sink); return true;
        case Layout::texts: read_sequence(stream, std::move(head), kAnySeparator, in, sink); return true;
        case Layout::document: break;
    }
    while (stream.read(head, kBlockBytes)) {
    }
    return read_document(head, in, sink);
}

}  // namespace kuril
