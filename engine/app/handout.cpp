#include "app/handout.h"

#include <set>
#include <sstream>

namespace app {

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
                              const content::SourceList& sources)
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
         << "@page { size: A4; margin: 14mm; }\n"
         << "@media print { body { margin: 0; max-width: none; } a { color: inherit; } section img { break-inside: avoid; } }\n"
         << "</style>\n</head>\n<body>\n";
    html << "<h1>" << escapeHtml(lesson.title) << "</h1>\n<p class=\"summary\">" << escapeHtml(lesson.summary) << "</p>\n";
    html << "<p class=\"note\">For learning, not diagnosis. Cramps that are frequent or severe, or that come with "
            "numbness, weakness, swelling, redness or skin changes, need a doctor.</p>\n";
    std::set<std::string> cited(lesson.sources.begin(), lesson.sources.end());
    for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
        const content::LessonStep& step = lesson.steps[i];
        html << "<section>\n<h2>" << (i + 1) << ". " << escapeHtml(step.title) << "</h2>\n";
        if (i < images.size())
            html << "<img src=\"" << escapeHtml(images[i]) << "\" alt=\"" << escapeHtml(step.title) << "\">\n";
        html << "<p>" << escapeHtml(step.text) << "</p>\n";
        if (!step.bullets.empty()) {
            html << "<ul>\n";
            for (const std::string& bullet : step.bullets) html << "<li>" << escapeHtml(bullet) << "</li>\n";
            html << "</ul>\n";
        }
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
        html << "</p>\n</section>\n";
    }
    html << "<h2>Sources</h2>\n<ul class=\"sources\">\n";
    for (const std::string& id : cited)
        html << "<li><b>" << escapeHtml(id) << "</b> " << escapeHtml(sources.citation(id)) << "</li>\n";
    html << "</ul>\n<p class=\"sources\">Made with Hamstring Trainer.</p>\n</body>\n</html>\n";
    return html.str();
}

} // namespace app
