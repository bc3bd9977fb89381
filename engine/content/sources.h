// The list of sources lessons may cite (assets/sources.toml), so every claim on screen can
// name where it comes from, and a lesson citing an unknown source fails to load.
#pragma once

#include "core/error.h"
#include "core/file.h"

#include <map>
#include <string>
#include <vector>

namespace content {

class TableReader;

class SourceList {
public:
    static core::Expected<SourceList> parse(std::string_view text, const std::string& path);
    static core::Expected<SourceList> load(const std::string& path) { return core::parseTextFile(path, parse); }

    bool contains(const std::string& id) const { return citations_.count(id) != 0; }
    // "Miller et al. 2010, ..." or the id itself when unknown.
    std::string citation(const std::string& id) const;
    std::vector<std::string> ids() const;

private:
    static SourceList read(TableReader& root);

    std::map<std::string, std::string> citations_;
};

} // namespace content
