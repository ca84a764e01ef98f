#include "serve/static_files.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <httplib.h>

namespace kuril::serve {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 64 * 1024;  // bytes read and sent at a time

const char* content_type(const fs::path& file) {
    static const std::array<std::pair<const char*, const char*>, 17> types{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript"},
        {".mjs", "text/javascript"},
        {".css", "text/css"},
        {".json", "application/json"},
        {".geojson", "application/geo+json"},
        {".pbf", "application/x-protobuf"},
        {".pmtiles", "application/octet-stream"},
        {".mbtiles", "application/octet-stream"},
        {".gpkg", "application/geopackage+sqlite3"},
        {".qgs", "application/xml"},
        {".png", "image/png"},
        {".svg", "image/svg+xml"},
        {".pdf", "application/pdf"},
        {".txt", "text/plain; charset=utf-8"},
        {".xml", "application/xml"},
        {".pgw", "text/plain"},
    }};
    const std::string ext = file.extension().string();
    for (const auto& [e, type] : types) {
        if (ext == e) return type;
    }
    return "application/octet-stream";
}

// An open file shared by the content provider's calls and closed by its releaser.
struct OpenFile {
    int fd = -1;
    ~OpenFile() {
        if (fd >= 0) ::close(fd);
    }
};

// RFC 9110 §14.1.2: makes every range absolute and inside the file (a suffix range "-N" becomes the last N
// bytes; a last byte past the end becomes the end) and drops the unsatisfiable ones (first byte at or past
// the end, or an empty suffix). httplib parsed the header into req.ranges and answers with these.
httplib::Ranges satisfiable(const httplib::Ranges& ranges, std::int64_t size) {
    httplib::Ranges out;
    for (auto [first, last] : ranges) {
        if (first < 0) {  // suffix: the last `last` bytes
            if (last <= 0 || size == 0) continue;
            first = std::max<std::int64_t>(0, size - last);
            last = size - 1;
        } else {
            if (first >= size) continue;
            if (last < 0 || last >= size) last = size - 1;
            if (last < first) continue;
        }
        out.emplace_back(first, last);
    }
    return out;
}

}  // namespace

std::optional<fs::path> resolve_static(const fs::path& root, const std::string& relative) {
    if (relative.find('\0') != std::string::npos || relative.find('\\') != std::string::npos) {
        return std::nullopt;
    }
    fs::path p = root;
    std::size_t start = 0;
    while (start <= relative.size()) {
        const std::size_t end = std::min(relative.find('/', start), relative.size());
        const std::string part = relative.substr(start, end - start);
        if (part == "..") return std::nullopt;
        if (!part.empty() && part != ".") p /= part;
        start = end + 1;
    }
    std::error_code ec;
    if (fs::is_directory(p, ec)) p /= "index.html";
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    return p;
}

void send_file(const fs::path& file, const httplib::Request& req, httplib::Response& res) {
    auto open = std::make_shared<OpenFile>();
    open->fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (open->fd < 0 || ::fstat(open->fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        res.status = 404;
        res.set_content(fmt::format("no such file: {}\n", req.path), "text/plain");
        return;
    }
    const std::int64_t size = st.st_size;
    const std::string etag = fmt::format("\"{:x}-{:x}\"", size, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");  // revalidated each time: output/ is rebuilt in place
    res.set_header("Accept-Ranges", "bytes");
    auto& ranges = const_cast<httplib::Request&>(req).ranges;  // the server's own, normalised for its writer
    if (req.get_header_value("If-None-Match") == etag) {
        ranges.clear();
        res.status = 304;
        return;
    }
    if (!ranges.empty()) {
        ranges = satisfiable(ranges, size);
        if (ranges.empty()) {
            res.status = 416;
            res.set_header("Content-Range", fmt::format("bytes */{}", size));
            res.set_content("range not satisfiable\n", "text/plain");
            return;
        }
    }
    if (size == 0) {
        res.set_content("", content_type(file));
        return;
    }
    res.set_content_provider(
        static_cast<std::size_t>(size), content_type(file),
        [open](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            std::array<char, kChunk> buf{};
            const ssize_t n = ::pread(open->fd, buf.data(), std::min(length, kChunk), static_cast<off_t>(offset));
            if (n <= 0) return false;  // the file shrank or failed under us: end the response
            return sink.write(buf.data(), static_cast<std::size_t>(n));
        });
}

}  // namespace kuril::serve
