// The glossary: its file and the messages a teacher gets for mistakes in it, the [[term]]
// marks in lesson text (unknown terms rejected where they are written, marks stripped for
// plain text), every shipped term used by some lesson, and handouts turning marks into footnotes.
#include "app/handout.h"
#include "content/glossary.h"
#include "content/lesson_file.h"
#include "content/sources.h"
#include "lessons/lesson_library.h"

#include <doctest/doctest.h>

#include <set>

using namespace content;

namespace {

const SourceList& sources()
{
    static const SourceList list = *SourceList::load(std::string(HT_SOURCE_DIR) + "/assets/sources.toml");
    return list;
}

core::Expected<Glossary> parseGlossary(const std::string& text)
{
    return Glossary::parse(text, "glossary.toml", &sources());
}

std::string errorOf(const core::Expected<Glossary>& result)
{
    return result ? std::string() : result.error().describe();
}

const char* kGlossary = R"([[term]]
term = "pes anserinus"
meaning = "Where three tendons join below the knee, like a goose's foot."
source = "S11"

[[term]]
term = "condyle"
meaning = "A rounded knob at the end of a bone."
)";

const lessons::LessonLibrary& shippedLibrary()
{
    static const lessons::LessonLibrary library = lessons::LessonLibrary::load(
        std::string(HT_SOURCE_DIR) + "/scenes/lessons", std::string(HT_SOURCE_DIR) + "/scenes/poses.toml",
        std::string(HT_SOURCE_DIR) + "/assets/sources.toml", {});
    return library;
}

} // namespace

TEST_CASE("a glossary file reads terms, meanings and sources")
{
    auto glossary = parseGlossary(kGlossary);
    REQUIRE_MESSAGE(glossary.ok(), errorOf(glossary));
    REQUIRE(glossary->terms().size() == 2);
    CHECK(glossary->terms()[0].term == "pes anserinus");
    CHECK(glossary->terms()[0].source == "S11");
    CHECK(glossary->terms()[0].line == 1);
    CHECK(glossary->terms()[1].source.empty());
    // Terms are found whatever their capitals, as at the start of a sentence.
    REQUIRE(glossary->find("Condyle"));
    CHECK(glossary->find("Condyle")->meaning == "A rounded knob at the end of a bone.");
    CHECK(glossary->find("condyles") == nullptr);
}

TEST_CASE("mistakes in a glossary are reported as file:line:column")
{
    CHECK(errorOf(parseGlossary("[[term]]\nterm = \"tibia\"\nmeening = \"The shin bone.\"\n")) ==
          "glossary.toml:3:1: term[0].meening: unknown field 'meening'; did you mean 'meaning'? (and 1 more problem)");
    CHECK(errorOf(parseGlossary("[[term]]\nterm = \"tibia\"\n")).rfind("glossary.toml:1:1: term[0].meaning: ", 0) == 0);
    CHECK(errorOf(parseGlossary("[[term]]\nterm = \"tibia\"\nmeaning = \"The shin bone.\"\nsource = \"S99\"\n")) ==
          "glossary.toml:4:10: term[0].source: unknown source 'S99' (see assets/sources.toml); did you mean 'S19'?");
    CHECK(errorOf(parseGlossary(std::string(kGlossary) + "\n[[term]]\nterm = \"Condyle\"\nmeaning = \"Again.\"\n")) ==
          "glossary.toml:11:8: term[2].term: 'Condyle' is already explained on line 6");
    CHECK(errorOf(parseGlossary("[[term]]\nterm = \"a|b\"\nmeaning = \"x\"\n")) ==
          "glossary.toml:2:8: term[0].term: a term cannot contain '[', ']' or '|'");
    CHECK(errorOf(parseGlossary("[[term]]\nterm = \"tibia\nmeaning = \"x\"\n")).rfind("glossary.toml:2:", 0) == 0);
    CHECK_FALSE(parseGlossary("").ok());   // no [[term]] at all
}

TEST_CASE("marks split, strip to the words a reader sees, and report malformed marks")
{
    const std::string text = "It ends on the inner [[condyles|condyle]] of the tibia at the [[pes anserinus]].";
    const std::vector<TextSegment> segments = splitMarkedText(text);
    REQUIRE(segments.size() == 5);
    CHECK(segments[0].shown == "It ends on the inner ");
    CHECK_FALSE(segments[0].isTerm());
    CHECK(segments[1].shown == "condyles");
    CHECK(segments[1].term == "condyle");
    CHECK(segments[3].shown == "pes anserinus");
    CHECK(segments[3].term == "pes anserinus");
    CHECK(segments[4].shown == ".");
    CHECK(stripMarks(text) == "It ends on the inner condyles of the tibia at the pes anserinus.");
    CHECK(stripMarks("No marks [here].") == "No marks [here].");
    CHECK(stripMarks("") == "");
    const std::vector<MarkUse> uses = markedTerms(text);
    REQUIRE(uses.size() == 2);
    CHECK(uses[0].offset == 21);
    CHECK(uses[1].term == "pes anserinus");

    CHECK(findMarkProblems(text).empty());
    const auto problems = findMarkProblems("a ]] b [[c|]] d [[e");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].offset == 2);
    CHECK(problems[0].message == "']]' without an opening '[['");
    CHECK(problems[1].offset == 7);
    CHECK(problems[2].message == "'[[' is not closed with ']]'");
    // A malformed mark stays as written, so the mistake shows rather than vanishing.
    CHECK(stripMarks("a [[b") == "a [[b");
}

TEST_CASE("a lesson that marks an unknown term, or marks badly, is rejected where the mark is")
{
    auto glossary = parseGlossary(kGlossary);
    REQUIRE(glossary.ok());
    static const PoseLibrary poses = *PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
    LessonContext context;
    context.poses = &poses;
    context.sources = &sources();
    context.glossary = &*glossary;
    const std::string head = "title = \"T\"\nchapter = \"anatomy\"\nsummary = \"S\"\nsources = [\"S11\"]\n\n[[step]]\ntitle = \"A\"\n";
    const std::string tail = "sources = [\"S11\"]\n  [[step.key]]\n  time = 0\n  pose = \"long_sitting\"\n";
    const auto describe = [&](const std::string& fields) {
        auto lesson = parseLesson(head + fields + tail, "lesson.toml", context);
        return lesson ? std::string() : lesson.error().describe();
    };
    CHECK(describe("text = \"The [[condyles|condyle]] and the [[pes anserinus]].\"\n") == "");
    //                    col 8: the quote; the mark starts 11 characters later.
    CHECK(describe("text = \"Semitendinosus [[pes anserinu]] here.\"\n") ==
          "lesson.toml:8:24: step[0].text: unknown glossary term 'pes anserinu' (see scenes/glossary.toml); did you mean 'pes anserinus'?");
    CHECK(describe("text = \"Fine.\"\nbullets = [\"ok\", \"the [[tibia]]\"]\n") ==
          "lesson.toml:9:23: step[0].bullets[1]: unknown glossary term 'tibia' (see scenes/glossary.toml)");
    CHECK(describe("text = \"Fine.\"\nevidence = \"Trial [[condyle\"\n") ==
          "lesson.toml:9:19: step[0].evidence: '[[' is not closed with ']]'");
    CHECK(describe("text = \"Fine.\"\ncue = \"Ease the [[condyle]]\"\n") ==
          "lesson.toml:9:7: step[0].cue: glossary marks belong in text, bullets and evidence, not here");
    auto lesson = parseLesson(head + "text = \"T\"\nevidence = \"942 footballers\"\n" + tail, "lesson.toml", context);
    REQUIRE(lesson.ok());
    CHECK(lesson->steps[0].evidence == "942 footballers");
}

TEST_CASE("the shipped glossary loads, every lesson's marks are known, and every term is used")
{
    const lessons::LessonLibrary& library = shippedLibrary();
    REQUIRE_MESSAGE(!library.setupError(), (library.setupError() ? library.setupError()->describe() : ""));
    CHECK(library.errorCount() == 0);
    CHECK(library.glossary().terms().size() >= 60);
    CAPTURE(library.unusedGlossaryTerms().size());
    for (const std::string& term : library.unusedGlossaryTerms()) CHECK_MESSAGE(false, "glossary term used by no lesson: " << term);
    // The terms the issue names are explained, and marked somewhere.
    std::set<std::string> used;
    for (const lessons::LessonEntry& entry : library.entries())
        for (const LessonStep& step : entry.lesson->steps) {
            for (const MarkUse& use : markedTerms(step.text)) used.insert(library.glossary().find(use.term)->term);
            for (const MarkUse& use : markedTerms(step.evidence)) used.insert(library.glossary().find(use.term)->term);
            for (const std::string& bullet : step.bullets)
                for (const MarkUse& use : markedTerms(bullet)) used.insert(library.glossary().find(use.term)->term);
        }
    for (const char* term : {"pes anserinus", "condyle", "linea aspera", "motor neuron", "plasma electrolytes",
                             "prospective cohort", "sacroiliac joint", "piriformis"}) {
        CAPTURE(std::string(term));
        CHECK(used.count(term) == 1);
    }
    // Every explanation is short enough to read in a tooltip.
    for (const GlossaryTerm& term : library.glossary().terms()) {
        CAPTURE(term.term);
        CHECK(term.meaning.size() < 300);
    }
}

TEST_CASE("a handout turns marked terms into footnotes with the glossary at the end of the step")
{
    auto glossary = parseGlossary(kGlossary);
    REQUIRE(glossary.ok());
    Lesson lesson;
    lesson.title = "Semitendinosus";
    lesson.summary = "Where it ends.";
    LessonStep step;
    step.title = "Its lower end";
    step.text = "It ends on the [[pes anserinus]], near the [[condyles|condyle]]; the [[Pes anserinus]] again.";
    step.evidence = "Measured in 12 [[condyles|condyle]].";
    step.sources = {"S11"};
    lesson.steps = {step, step};
    const std::string html = app::renderHandoutHtml(lesson, {}, sources(), &*glossary);
    CAPTURE(html);
    // The same term in a step keeps its number; numbers run on through the handout.
    CHECK(html.find("<span class=\"term\">pes anserinus</span><sup class=\"fn\"><a href=\"#term-1\">1</a></sup>") != std::string::npos);
    CHECK(html.find("<span class=\"term\">condyles</span><sup class=\"fn\"><a href=\"#term-2\">2</a></sup>") != std::string::npos);
    CHECK(html.find("<span class=\"term\">Pes anserinus</span><sup class=\"fn\"><a href=\"#term-1\">1</a></sup>") != std::string::npos);
    CHECK(html.find("<a href=\"#term-3\">3</a>") != std::string::npos);   // the second step
    CHECK(html.find("<li id=\"term-1\"><b>pes anserinus</b>: Where three tendons join below the knee, like a goose&#39;s foot.") != std::string::npos);
    CHECK(html.find("<li id=\"term-2\"><b>condyle</b>: A rounded knob at the end of a bone.</li>") != std::string::npos);
    CHECK(html.find("<aside class=\"evidence\"><b>Evidence.</b> Measured in 12 <span class=\"term\">condyles</span>") != std::string::npos);
    CHECK(html.find("[[") == std::string::npos);
    CHECK(html.find("]]") == std::string::npos);
    // Without a glossary the words stay, without brackets or numbers.
    const std::string plain = app::renderHandoutHtml(lesson, {}, sources());
    CHECK(plain.find("It ends on the pes anserinus, near the condyles;") != std::string::npos);
    CHECK(plain.find("<sup") == std::string::npos);
}
