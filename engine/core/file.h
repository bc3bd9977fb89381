// Reading and writing files with errors that name the file, and watching files for
// changes so that shaders and lessons reload while the app runs.
#pragma once

#include "core/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

Expected<std::string> readTextFile(const std::filesystem::path& path);
Expected<std::vector<std::uint8_t>> readBinaryFile(const std::filesystem::path& path);

// Reads a text file and hands it to `parse(text, path)`, so each text format needs only its
// parser: a file that cannot be read is reported by name, as readTextFile reports it.
template <class Parse>
auto parseTextFile(const std::filesystem::path& path, Parse&& parse)
{
    using Result = decltype(parse(std::string_view(), std::string()));
    Expected<std::string> text = readTextFile(path);
    if (!text) return Result(text.error());
    return parse(std::string_view(*text), path.string());
}

// Writes to a temporary file beside the target, flushes it to disk, then renames it over
// the target, so a crash while saving leaves either the old or the new file, never half.
// A cache, which notices a damaged file itself and can make it again, may skip the flush.
enum class FileFlush { ToDisk, Skip };
Status writeFileAtomic(const std::filesystem::path& path, std::string_view contents, FileFlush flush = FileFlush::ToDisk);

// A number that changes whenever the file's modification time or size changes; nothing if
// the file is missing. Size is mixed in because two saves can share a coarse timestamp.
std::optional<std::int64_t> fileChangeStamp(const std::filesystem::path& path);

// Polls a set of files and reports the ones whose modification time changed.
class FileWatcher {
public:
    void watch(const std::filesystem::path& path);
    void clear();
    // Files changed since the last call (or since they were added).
    std::vector<std::filesystem::path> poll();

private:
    struct Entry {
        std::filesystem::path path;
        std::optional<std::int64_t> stamp;
    };
    std::vector<Entry> entries_;
};

} // namespace core
