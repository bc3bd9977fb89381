#include "app/handout.h"

#include <set>
#include <sstream>

namespace app {
namespace {

// Footnote numbers for the glossary terms of one step: a term used twice keeps its number.
struct Footnotes {
    const content::Glossary* glossary = nullptr;
    int next = 1;                                            // numbering runs through the handout
    std::vector<std::pair<int, const content::GlossaryTerm*>> notes;   // this step's, in order

    int numberFor(const content::GlossaryTerm& term)
    {
        for (const auto& [number, noted] : notes)
            if (noted == &term) return number;
        notes.emplace_back(next, &term);
        return next++;
    }
};

// Marked text as HTML: a term is shown as written, followed by its footnote number.
std::string markedHtml(const std::string& text, Footnotes& footnotes)
{
    std::string html;
    for (const content::TextSegment& segment : content::splitMarkedText(text)) {
        const content::GlossaryTerm* term =
            segment.isTerm() && footnotes.glossary ? footnotes.glossary->find(segment.term) : nullptr;
        if (!term) {
            html += escapeHtml(segment.shown);
            continue;
        }
        const std::string number = std::to_string(footnotes.numberFor(*term));
        html += "<span class=\"term\">" + escapeHtml(segment.shown) + "</span><sup class=\"fn\"><a href=\"#term-" + number +
                "\">" + number + "</a></sup>";
    }
    return html;
}

} // namespace


std::string escapeHtml(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string renderHandoutHtml(const content::Lesson& lesson, const std::vector<std::string>& images,
                              const content::SourceList& sources,
                              const content::Glossary* glossary)
{
    std::ostringstream html;
    html << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
         << escapeHtml(lesson.title) << " - Hamstring Trainer</title>\n<style>\n"
         << "body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 46em; margin: 2em auto; color: #1b1b1b; line-height: 1.45; }\n"
         << "h1 { margin-bottom: 0.2em; } .summary { color: #555; margin-top: 0; }\n"
         << ".note { border-left: 4px solid #b3261e; background: #fbeeee; padding: 0.6em 1em; }\n"
         << "section { page-break-inside: avoid; margin: 2em 0; }\n"
         << "section img { width: 100%; border-radius: 6px; }\n"
         << ".hold { font-weight: bold; color: #8a4b00; } .sources { color: #666; font-size: 0.9em; }\n"
         << ".term { text-decoration: underline dotted; } sup.fn a { text-decoration: none; color: #1a5fa8; }\n"
         << ".evidence { display: block; font-size: 0.85em; border: 1px solid #c9c4b8; background: #f7f5ef; padding: 0.5em 0.9em; border-radius: 4px; }\n"
         << "ol.glossary { font-size: 0.85em; color: #333; border-top: 1px solid #ddd; padding-top: 0.4em; }\n"
         << "@page { size: A4; margin: 14mm; }\n"
         << "@media print { body { margin: 0; max-width: none; } a { color: inherit; } section img { break-inside: avoid; } }\n"
         << "</style>\n</head>\n<body>\n";
    html << "<h1>" << escapeHtml(lesson.title) << "</h1>\n<p class=\"summary\">" << escapeHtml(lesson.summary) << "</p>\n";
    html << "<p class=\"note\">For learning, not diagnosis. Cramps that are frequent or severe, or that come with "
            "numbness, weakness, swelling, redness or skin changes, need a doctor.</p>\n";
    std::set<std::string> cited(lesson.sources.begin(), lesson.sources.end());
    Footnotes footnotes;
    footnotes.glossary = glossary;
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const content::LessonStep& step = lesson.steps[i];
        html << "<section>\n<h2>" << (i + 1) << ". " << escapeHtml(step.title) << "</h2>\n";
        if (i < images.size())
            html << "<img src=\"" << escapeHtml(images[i]) << "\" alt=\"" << escapeHtml(step.title) << "\">\n";
        footnotes.notes.clear();
        html << "<p>" << markedHtml(step.text, footnotes) << "</p>\n";
        if (!step.bullets.empty()) {
            html << "<ul>\n";
            for (const std::string& bullet : step.bullets) html << "<li>" << markedHtml(bullet, footnotes) << "</li>\n";
            html << "</ul>\n";
        }
        if (!step.evidence.empty())
            html << "<aside class=\"evidence\"><b>Evidence.</b> " << markedHtml(step.evidence, footnotes) << "</aside>\n";
        if (step.holdS > 0.0 || step.repetitions > 1) {
            html << "<p class=\"hold\">";
            if (step.holdS > 0.0) html << "Hold " << int(step.holdS + 0.5) << " seconds";
            if (step.repetitions > 1) html << (step.holdS > 0.0 ? ", " : "") << step.repetitions << " times";
            if (!step.cue.empty()) html << ". " << escapeHtml(step.cue);
            html << "</p>\n";
        }
        html << "<p class=\"sources\">Sources:";
        for (const std::string& id : step.sources) {
            html << " " << escapeHtml(id);
            cited.insert(id);
        }
        html << "</p>\n";
        if (!footnotes.notes.empty()) {
            html << "<ol class=\"glossary\" start=\"" << footnotes.notes.front().first << "\">\n";
            for (const auto& [number, term] : footnotes.notes)
                html << "<li id=\"term-" << number << "\"><b>" << escapeHtml(term->term) << "</b>: " << escapeHtml(term->meaning) << "</li>\n";
            html << "</ol>\n";
        }
        html << "</section>\n";
    }
    html << "<h2>Sources</h2>\n<ul class=\"sources\">\n";
    for (const std::string& id : cited)
        html << "<li><b>" << escapeHtml(id) << "</b> " << escapeHtml(sources.citation(id)) << "</li>\n";
    html << "</ul>\n<p class=\"sources\">Made with Hamstring Trainer.</p>\n</body>\n</html>\n";
    return html.str();
}

} // namespace app
