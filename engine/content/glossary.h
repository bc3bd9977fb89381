// The glossary (scenes/glossary.toml): plain explanations of the words a class may not know,
// and the marks lessons put around those words: [[term]], or [[shown words|term]] where the
// words on screen differ from the entry. Text shown outside the lesson panel, presenter and
// handout goes through stripMarks(), so no reader ever sees the brackets.
#pragma once

#include "core/error.h"
#include "core/file.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace content {

class SourceList;

struct GlossaryTerm {
    std::string term;      // as the glossary spells it: "pes anserinus"
    std::string meaning;   // the plain explanation
    std::string source;    // an id from assets/sources.toml, or empty
    int line = 0;          // where it is written, for messages
};

class Glossary {
public:
    // `sources`, when given, checks each entry's source id.
    static core::Expected<Glossary> parse(std::string_view text, const std::string& path, const SourceList* sources);
    static core::Expected<Glossary> load(const std::string& path, const SourceList* sources)
    {
        return core::parseTextFile(path, [sources](std::string_view text, const std::string& file) { return parse(text, file, sources); });
    }

    // A term by name, ignoring case ("Semitendinosus" finds "semitendinosus"); null if unknown.
    const GlossaryTerm* find(std::string_view term) const;
    const std::vector<GlossaryTerm>& terms() const { return terms_; }
    std::vector<std::string> names() const;

private:
    std::vector<GlossaryTerm> terms_;
};

// A run of marked text: plain words, or the words shown for a glossary term.
struct TextSegment {
    std::string shown;
    std::string term;   // empty for plain words
    bool isTerm() const { return !term.empty(); }
};

// One glossary mark found in a text, at the byte offset of its "[[".
struct MarkUse {
    std::size_t offset = 0;
    std::string term;
};

// A malformed mark: an unclosed "[[", a stray "]]", an empty term or nested marks.
struct MarkProblem {
    std::size_t offset = 0;
    std::string message;
};

// "the [[condyles|condyle]] of the tibia" -> "the ", {"condyles", "condyle"}, " of the tibia".
// A malformed mark stays plain text.
std::vector<TextSegment> splitMarkedText(std::string_view text);
// The text as a reader sees it: "the [[condyles|condyle]]" -> "the condyles".
std::string stripMarks(std::string_view text);
std::vector<MarkUse> markedTerms(std::string_view text);
std::vector<MarkProblem> findMarkProblems(std::string_view text);

} // namespace content
