#include "ui/marked_text.h"

#include "ui/text_colours.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

namespace ui {
namespace {

const ImVec4 kTermColour{0.55f, 0.80f, 1.0f, 1.0f};
constexpr const char* kPinnedPopup = "##glossary-term";

// Pieces that wrap as units: a word with the spaces after it. Line breaks in the text start a
// new line (`lineBreak`).
struct Piece {
    std::string text;
    bool lineBreak = false;
};

std::vector<Piece> splitWords(const std::string& text)
{
    std::vector<Piece> pieces;
    std::size_t at = 0;
    while (at < text.size()) {
        if (text[at] == '\n') {
            pieces.push_back({{}, true});
            ++at;
            continue;
        }
        std::size_t end = text.find_first_of(" \n", at);
        if (end == std::string::npos) end = text.size();
        while (end < text.size() && text[end] == ' ') ++end;
        pieces.push_back({text.substr(at, end - at), false});
        at = end;
    }
    return pieces;
}

void drawExplanation(const content::GlossaryTerm& term, const MarkedTextOptions& options)
{
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextColored(kTermColour, "%s", term.term.c_str());
    ImGui::TextUnformatted(term.meaning.c_str());
    if (!term.source.empty()) {
        const std::string source =
            "Source: " + (options.sources ? options.sources->citation(term.source) : term.source);
        ImGui::TextColored(kDimText, "%s", source.c_str());
    }
    ImGui::PopTextWrapPos();
}

} // namespace

void drawMarkedText(std::string_view text, const MarkedTextOptions& options, GlossaryState& state)
{
    const float left = ImGui::GetCursorScreenPos().x;
    const float width = options.wrapWidth > 0.0f ? options.wrapWidth : ImGui::GetContentRegionAvail().x;
    const float right = left + std::max(width, ImGui::GetFontSize() * 4.0f);
    const ImVec4 plainColour = options.textColour ? *options.textColour : ImGui::GetStyleColorVec4(ImGuiCol_Text);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    bool lineStarted = false;   // something is on the current line
    float lineEndX = left;      // where the last piece on the line ended
    for (const content::TextSegment& segment : content::splitMarkedText(text)) {
        const content::GlossaryTerm* term =
            segment.isTerm() && options.glossary ? options.glossary->find(segment.term) : nullptr;
        const std::vector<Piece> pieces = splitWords(segment.shown);
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const Piece& piece = pieces[k];
            if (piece.lineBreak) {
                if (!lineStarted) ImGui::NewLine();
                lineStarted = false;
                continue;
            }
            // Trailing spaces may hang past the edge; the word itself must fit.
            const std::size_t wordEnd = piece.text.find_last_not_of(' ');
            const std::string word = wordEnd == std::string::npos ? std::string() : piece.text.substr(0, wordEnd + 1);
            const float wordWidth = ImGui::CalcTextSize(word.c_str()).x;
            if (lineStarted && lineEndX + wordWidth <= right)
                ImGui::SameLine(0.0f, 0.0f);
            else if (word.empty())
                continue;   // spaces at the start of a line are not drawn
            ImGui::PushStyleColor(ImGuiCol_Text, segment.isTerm() ? kTermColour : plainColour);
            ImGui::TextUnformatted(piece.text.c_str());
            ImGui::PopStyleColor();
            const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
            lineStarted = true;
            lineEndX = max.x;
            if (!segment.isTerm()) continue;
            // The underline stops at the word, not at the space after the term.
            const float underlineEnd = k + 1 == pieces.size() ? min.x + wordWidth : max.x;
            drawList->AddLine(ImVec2(min.x, max.y - 1.0f), ImVec2(underlineEnd, max.y - 1.0f),
                              ImGui::GetColorU32(kTermColour), 1.0f);
            if (!options.interactive || !ImGui::IsItemHovered()) continue;
            state.hoveredTerm = segment.term;
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (term) {
                ImGui::BeginTooltip();
                drawExplanation(*term, options);
                ImGui::EndTooltip();
            }
            if (ImGui::IsItemClicked()) {
                state.pinnedTerm = segment.term;
                ImGui::OpenPopup(kPinnedPopup);
            }
        }
    }
}

void drawPinnedTerm(const MarkedTextOptions& options, GlossaryState& state)
{
    if (ImGui::BeginPopup(kPinnedPopup)) {
        if (const content::GlossaryTerm* term = options.glossary ? options.glossary->find(state.pinnedTerm) : nullptr)
            drawExplanation(*term, options);
        else
            ImGui::TextUnformatted(state.pinnedTerm.c_str());
        ImGui::EndPopup();
    } else {
        state.pinnedTerm.clear();
    }
}

} // namespace ui
