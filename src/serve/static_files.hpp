#pragma once
// output/ as static files, read from disk as they are sent: a Range request (RFC 9110 §14) costs one
// pread(2) of 64 KB at a time, whatever the file's size, so memory stays bounded with a world PMTiles of
// gigabytes and many clients. Paths are confined to the root: no "..", no backslash, no NUL.
#include <filesystem>
#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace kuril::serve {

// The file under `root` that the URL path `relative` (decoded, without its leading '/') names, with
// "index.html" for a directory; nullopt for a path that leaves the root or names nothing.
[[nodiscard]] std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root,
                                                                  const std::string& relative);

// Answers GET/HEAD for a file: 200 with the whole file, 206 for satisfiable ranges, 416 (with
// Content-Range: bytes */size) for unsatisfiable ones, 404 if the file is gone. ETag from the size and
// modification time; a matching If-None-Match gets 304.
void send_file(const std::filesystem::path& file, const httplib::Request& req, httplib::Response& res);

}  // namespace kuril::serve
