// All lessons in a folder, with the pose library and source list they use. A lesson with a
// mistake keeps its error (shown in the overlay) while the others stay usable; edited files
// reload while the app runs.
#pragma once

#include "content/glossary.h"
#include "core/file.h"
#include "content/lesson_file.h"

#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace lessons {

struct LessonEntry {
    std::string path;
    std::optional<content::Lesson> lesson;
    std::optional<core::Error> error;
};

class LessonLibrary {
public:
    // `structures`: names a step may highlight. `glossaryPath`: the terms lessons may mark;
    // empty: glossary.toml beside the pose library. Missing files are reported as errors in the
    // entries (or in setupError() for the pose library and source list), never thrown.
    // `stop`: once requested, no further lesson file is read and the library comes back with
    // those read so far (the app closing while the lessons load behind its first frames).
    static LessonLibrary load(const std::filesystem::path& lessonFolder, const std::filesystem::path& posesPath,
                              const std::filesystem::path& sourcesPath, std::vector<std::string> structures,
                              std::filesystem::path glossaryPath = {}, std::stop_token stop = {});

    // Lessons in teaching order: by chapter, then order, then title; failed files last.
    const std::vector<LessonEntry>& entries() const { return entries_; }
    const content::Lesson* find(const std::string& id) const;
    const content::SourceList& sources() const { return sources_; }
    const content::PoseLibrary& poses() const { return poses_; }
    const content::Glossary& glossary() const { return glossary_; }
    // Glossary terms no lesson marks: each should be used or removed (--check-lessons lists them).
    std::vector<std::string> unusedGlossaryTerms() const;
    // A problem with the pose library or source list, which every lesson depends on.
    const std::optional<core::Error>& setupError() const { return setupError_; }
    int errorCount() const;

    // Re-reads what changed on disk; returns how many files were reloaded.
    int reloadChanged();

private:
    void loadAll(std::stop_token stop = {});

    std::filesystem::path folder_;
    std::filesystem::path posesPath_;
    std::filesystem::path sourcesPath_;
    std::filesystem::path glossaryPath_;
    std::vector<std::string> structures_;
    content::PoseLibrary poses_;
    content::SourceList sources_;
    content::Glossary glossary_;
    bool glossaryLoaded_ = false;
    std::optional<core::Error> setupError_;
    std::vector<LessonEntry> entries_;
    core::FileWatcher watcher_;
    std::vector<std::filesystem::path> knownFiles_;
};

} // namespace lessons
