#include "content/glossary.h"

#include "content/sources.h"
#include "content/toml_reader.h"
#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace content {
namespace {

constexpr std::string_view kOpen = "[[";
constexpr std::string_view kClose = "]]";

std::string lowerCase(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

// One well-formed mark: "[[shown|term]]" from `begin` to `end` (past the "]]").
struct Mark {
    std::size_t begin = 0, end = 0;
    std::string shown, term;
};

// Walks the text and hands each well-formed mark to `onMark` and each problem to `onProblem`.
template <class OnMark, class OnProblem>
void scanMarks(std::string_view text, OnMark&& onMark, OnProblem&& onProblem)
{
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find(kOpen, at);
        const std::size_t strayClose = text.find(kClose, at);
        if (strayClose != std::string_view::npos && strayClose < open) {
            onProblem(MarkProblem{strayClose, "']]' without an opening '[['"});
            at = strayClose + kClose.size();
            continue;
        }
        if (open == std::string_view::npos) return;
        const std::size_t close = text.find(kClose, open + kOpen.size());
        if (close == std::string_view::npos) {
            onProblem(MarkProblem{open, "'[[' is not closed with ']]'"});
            return;
        }
        const std::string_view inside = text.substr(open + kOpen.size(), close - open - kOpen.size());
        if (inside.find(kOpen) != std::string_view::npos) {
            onProblem(MarkProblem{open, "a glossary mark cannot hold another '[['"});
            at = close + kClose.size();
            continue;
        }
        const std::size_t bar = inside.find('|');
        const std::string_view shown = trimmed(bar == std::string_view::npos ? inside : inside.substr(0, bar));
        const std::string_view term = trimmed(bar == std::string_view::npos ? inside : inside.substr(bar + 1));
        if (shown.empty() || term.empty() || (bar != std::string_view::npos && inside.find('|', bar + 1) != std::string_view::npos))
            onProblem(MarkProblem{open, "a glossary mark is [[term]] or [[shown words|term]], got '[[" + std::string(inside) + "]]'"});
        else
            onMark(Mark{open, close + kClose.size(), std::string(shown), std::string(term)});
        at = close + kClose.size();
    }
}

void readGlossary(TableReader& root, const SourceList* sources, std::vector<GlossaryTerm>& terms)
{
    root.rejectUnknownKeys({"term"});
    std::map<std::string, int> seen;   // lower-case term -> line
    root.eachTableIn("term", true, "expected a [[term]] table", [&](std::size_t, TableReader& entry) {
        entry.rejectUnknownKeys({"term", "meaning", "source"});
        GlossaryTerm term;
        term.line = int(entry.table().source().begin.line);
        term.term = entry.string("term", true).value_or("");
        term.meaning = entry.string("meaning", true).value_or("");
        term.source = entry.string("source", false).value_or("");
        if (entry.has("term") && std::string(trimmed(term.term)) != term.term)
            entry.error("term", "no spaces at the start or end of a term");
        if (term.term.find_first_of("[]|") != std::string::npos)
            entry.error("term", "a term cannot contain '[', ']' or '|'");
        if (entry.has("meaning") && trimmed(term.meaning).empty()) entry.error("meaning", "explain the term");
        if (!term.source.empty() && sources && !sources->contains(term.source))
            entry.error("source", core::withSuggestion("unknown source '" + term.source + "' (see assets/sources.toml)",
                                                       term.source, sources->ids()));
        if (!term.term.empty()) {
            const auto [found, added] = seen.emplace(lowerCase(term.term), term.line);
            if (!added) entry.error("term", "'" + term.term + "' is already explained on line " + std::to_string(found->second));
        }
        terms.push_back(std::move(term));
    });
}

} // namespace

core::Expected<Glossary> Glossary::parse(std::string_view text, const std::string& path, const SourceList* sources)
{
    return readTomlText<Glossary>(text, path, [&](TableReader& root) {
        Glossary glossary;
        readGlossary(root, sources, glossary.terms_);
        return glossary;
    });
}

const GlossaryTerm* Glossary::find(std::string_view term) const
{
    const std::string wanted = lowerCase(trimmed(term));
    for (const GlossaryTerm& entry : terms_)
        if (lowerCase(entry.term) == wanted) return &entry;
    return nullptr;
}

std::vector<std::string> Glossary::names() const
{
    std::vector<std::string> names;
    names.reserve(terms_.size());
    for (const GlossaryTerm& entry : terms_) names.push_back(entry.term);
    return names;
}

std::vector<TextSegment> splitMarkedText(std::string_view text)
{
    std::vector<TextSegment> segments;
    std::size_t plainFrom = 0;
    const auto addPlain = [&](std::size_t to) {
        if (to <= plainFrom) return;
        if (!segments.empty() && !segments.back().isTerm())
            segments.back().shown += text.substr(plainFrom, to - plainFrom);
        else
            segments.push_back({std::string(text.substr(plainFrom, to - plainFrom)), {}});
    };
    scanMarks(
        text,
        [&](const Mark& mark) {
            addPlain(mark.begin);
            segments.push_back({mark.shown, mark.term});
            plainFrom = mark.end;
        },
        [](const MarkProblem&) {});
    addPlain(text.size());
    return segments;
}

std::string stripMarks(std::string_view text)
{
    std::string plain;
    plain.reserve(text.size());
    for (const TextSegment& segment : splitMarkedText(text)) plain += segment.shown;
    return plain;
}

std::vector<MarkUse> markedTerms(std::string_view text)
{
    std::vector<MarkUse> uses;
    scanMarks(text, [&](const Mark& mark) { uses.push_back({mark.begin, mark.term}); }, [](const MarkProblem&) {});
    return uses;
}

std::vector<MarkProblem> findMarkProblems(std::string_view text)
{
    std::vector<MarkProblem> problems;
    scanMarks(text, [](const Mark&) {}, [&](const MarkProblem& problem) { problems.push_back(problem); });
    return problems;
}

} // namespace content
