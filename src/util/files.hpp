#pragma once
// Whole files in and out, every call checked: an error names the file and the OS error (errno).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

// The bytes of `file`; throws Error naming the file if it cannot be opened or read.
[[nodiscard]] std::string read_file(const std::filesystem::path& file);

// Writes `content` to `file`, a file inside a staging area: every write and the close are checked, and a
// failure (a full disk: ENOSPC, EFBIG) throws OutputError naming the file and the OS error. Not synced
// here: Staging::commit() (util/atomic.hpp) syncs the whole staging area before it swaps it in.
void write_file(const std::filesystem::path& file, std::string_view content);
// The same for content in pieces, written one after the other (without joining them in memory first).
void write_file(const std::filesystem::path& file, const std::vector<std::string_view>& pieces);
// The same for `count` pieces made one at a time, `total` bytes in all (for the message): piece(i, scratch)
// returns the i-th, a view of `scratch` or of bytes that outlive the call, so that pieces read from
// elsewhere (a temporary file) are never all in memory at once.
using PieceFn = std::function<std::string_view(std::size_t, std::string&)>;
void write_file(const std::filesystem::path& file, std::size_t count, std::uint64_t total, const PieceFn& piece);

// Makes `file` a second name of `existing` (a hard link, link(2)), inside a staging area like write_file.
// Returns false, having made nothing, where the filesystem will not link these two: no hard links there
// (EPERM, EOPNOTSUPP), another filesystem (EXDEV), or `existing` already has the most links it may (EMLINK;
// 65,000 on ext4) — the caller writes the file instead. Any other failure throws OutputError naming both.
[[nodiscard]] bool link_file(const std::filesystem::path& existing, const std::filesystem::path& file);
// Whether `file` holds exactly `content` (`scratch` is a buffer to reuse). A file that does not exist or
// cannot be read is not equal: for outputs that may reuse an earlier run's files, never for input.
[[nodiscard]] bool same_content(const std::filesystem::path& file, std::string_view content, std::string& scratch);

// Removes `root` and everything under it, as std::filesystem::remove_all does, without throwing: what cannot
// be removed stays (the callers remove leftovers on the next run). The files of different directories are
// unlinked on several threads — a tile directory holds tens of thousands, and unlinking is the kernel's
// work, directory by directory.
void remove_tree(const std::filesystem::path& root) noexcept;

// read_file, then write_file (a name of its own: std::filesystem::copy_file is found by ADL).
void copy_file_contents(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace kuril
