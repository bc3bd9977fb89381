#include "lessons/lesson_library.h"

#include "core/log.h"

#include <algorithm>
#include <set>
#include <atomic>
#include <thread>

namespace lessons {
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> lessonFiles(const fs::path& folder)
{
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

LessonLibrary LessonLibrary::load(const fs::path& lessonFolder, const fs::path& posesPath, const fs::path& sourcesPath,
                                  std::vector<std::string> structures, fs::path glossaryPath, std::stop_token stop)
{
    LessonLibrary library;
    library.folder_ = lessonFolder;
    library.posesPath_ = posesPath;
    library.sourcesPath_ = sourcesPath;
    library.glossaryPath_ = glossaryPath.empty() ? posesPath.parent_path() / "glossary.toml" : std::move(glossaryPath);
    library.structures_ = std::move(structures);
    library.loadAll(stop);
    return library;
}

void LessonLibrary::loadAll(std::stop_token stop)
{
    setupError_.reset();
    auto sources = content::SourceList::load(sourcesPath_.string());
    if (sources)
        sources_ = std::move(*sources);
    else
        setupError_ = sources.error();
    auto poses = content::PoseLibrary::load(posesPath_.string());
    if (poses)
        poses_ = std::move(*poses);
    else if (!setupError_)
        setupError_ = poses.error();

    // Without a glossary, lessons still load: their marks are checked for form only.
    auto glossary = content::Glossary::load(glossaryPath_.string(), &sources_);
    glossaryLoaded_ = glossary.ok();
    if (glossary)
        glossary_ = std::move(*glossary);
    else {
        glossary_ = {};
        if (!setupError_) setupError_ = glossary.error();
    }

    content::SettledPoses settled;
    content::LessonContext context{&poses_, &sources_, structures_, glossaryLoaded_ ? &glossary_ : nullptr, &settled};
    entries_.clear();
    knownFiles_ = lessonFiles(folder_);
    std::error_code ec;
    if (!fs::is_directory(folder_, ec) && !setupError_)
        setupError_ = core::makeFileError(folder_.string(), "lesson folder not found");
    // Files load side by side: checking every key pose against the floor is most of the
    // start-up time, and each file depends only on the shared, read-only context.
    entries_.resize(knownFiles_.size());
    std::atomic<std::size_t> next{0};
    auto loadSome = [&] {
        for (std::size_t i = next++; i < knownFiles_.size() && !stop.stop_requested(); i = next++) {
            LessonEntry& entry = entries_[i];
            entry.path = knownFiles_[i].string();
            auto lesson = content::loadLessonFile(entry.path, context);
            if (lesson)
                entry.lesson = std::move(*lesson);
            else
                entry.error = lesson.error();
        }
    };
    const unsigned helpers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 8u) - 1;
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < helpers && t + 1 < knownFiles_.size(); ++t) threads.emplace_back(loadSome);
    loadSome();
    for (std::thread& thread : threads) thread.join();
    if (stop.stop_requested()) std::erase_if(entries_, [](const LessonEntry& entry) { return entry.path.empty(); });
    // Reported in file order, whichever thread read them.
    for (const LessonEntry& entry : entries_)
        if (entry.error) core::logWarning("lessons", entry.error->describe());
    std::stable_sort(entries_.begin(), entries_.end(), [](const LessonEntry& a, const LessonEntry& b) {
        if (a.lesson.has_value() != b.lesson.has_value()) return a.lesson.has_value();
        if (!a.lesson) return a.path < b.path;
        if (a.lesson->chapter != b.lesson->chapter) return a.lesson->chapter < b.lesson->chapter;
        if (a.lesson->order != b.lesson->order) return a.lesson->order < b.lesson->order;
        return a.lesson->title < b.lesson->title;
    });
    watcher_.clear();
    watcher_.watch(posesPath_);
    watcher_.watch(sourcesPath_);
    watcher_.watch(glossaryPath_);
    for (const fs::path& file : knownFiles_) watcher_.watch(file);
}

const content::Lesson* LessonLibrary::find(const std::string& id) const
{
    for (const LessonEntry& entry : entries_)
        if (entry.lesson && entry.lesson->id == id) return &*entry.lesson;
    return nullptr;
}

std::vector<std::string> LessonLibrary::unusedGlossaryTerms() const
{
    std::set<std::string> used;   // as the glossary spells them
    const auto note = [&](const std::string& text) {
        for (const content::MarkUse& use : content::markedTerms(text))
            if (const content::GlossaryTerm* term = glossary_.find(use.term)) used.insert(term->term);
    };
    for (const LessonEntry& entry : entries_) {
        if (!entry.lesson) continue;
        for (const content::LessonStep& step : entry.lesson->steps) {
            note(step.text);
            note(step.evidence);
            for (const std::string& bullet : step.bullets) note(bullet);
        }
    }
    std::vector<std::string> unused;
    for (const content::GlossaryTerm& term : glossary_.terms())
        if (!used.count(term.term)) unused.push_back(term.term);
    return unused;
}

int LessonLibrary::errorCount() const
{
    int count = setupError_ ? 1 : 0;
    for (const LessonEntry& entry : entries_) count += entry.error ? 1 : 0;
    return count;
}

int LessonLibrary::reloadChanged()
{
    const std::vector<fs::path> changed = watcher_.poll();
    const bool filesAddedOrRemoved = lessonFiles(folder_) != knownFiles_;
    if (changed.empty() && !filesAddedOrRemoved) return 0;
    // Lessons are small; reading them all again keeps ordering and dependencies simple.
    loadAll();
    core::logInfo("lessons", "reloaded lessons (", changed.size(), " file(s) changed)");
    return std::max<int>(int(changed.size()), 1);
}

} // namespace lessons
