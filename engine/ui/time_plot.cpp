#include "ui/time_plot.h"

#include "ui/style.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {

PlotAxis niceAxis(double minValue, double maxValue, int maxIntervals)
{
    PlotAxis axis;
    if (!std::isfinite(minValue) || !std::isfinite(maxValue)) minValue = maxValue = 0.0;
    if (minValue > maxValue) std::swap(minValue, maxValue);
    if (maxValue - minValue < 1e-9) {
        // A flat line still gets a range around it: one unit of its own size either side.
        const double pad = std::max(std::abs(minValue) * 0.1, 1.0);
        minValue -= pad;
        maxValue += pad;
    }
    maxIntervals = std::max(maxIntervals, 1);
    // The smallest round step that covers the range in maxIntervals; a step that lands the
    // range on ticks can need one more interval than the raw quotient, so try upward.
    const double raw = (maxValue - minValue) / double(maxIntervals);
    double power = std::pow(10.0, std::floor(std::log10(raw)));
    static const double mantissas[] = {1.0, 2.0, 5.0, 10.0};
    for (int attempt = 0; attempt < 8; ++attempt) {
        for (double mantissa : mantissas) {
            const double step = mantissa * power;
            if (step < raw * (1.0 - 1e-9)) continue;
            const double low = std::floor(minValue / step + 1e-9) * step;
            const double high = std::ceil(maxValue / step - 1e-9) * step;
            if (std::lround((high - low) / step) > maxIntervals) continue;
            axis.low = low;
            axis.high = high;
            axis.step = step;
            axis.decimals = std::max(0, -int(std::floor(std::log10(step) + 1e-9)));
            const long count = std::lround((high - low) / step);
            for (long i = 0; i <= count; ++i) {
                const double tick = low + double(i) * step;
                axis.ticks.push_back(std::abs(tick) < step * 1e-6 ? 0.0 : tick);
            }
            return axis;
        }
        power *= 10.0;
    }
    return axis; // unreachable for finite input: a step of the whole range always fits
}

PlotAxis quantityAxis(double usualLow, double usualHigh, const std::vector<const std::deque<float>*>& series, double scale,
                      int maxIntervals)
{
    double low = usualLow, high = usualHigh;
    for (const std::deque<float>* values : series) {
        if (!values) continue;
        for (float value : *values) {
            if (!std::isfinite(value)) continue;
            low = std::min(low, double(value) * scale);
            high = std::max(high, double(value) * scale);
        }
    }
    return niceAxis(low, high, maxIntervals);
}

std::string tickLabel(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    // "-0" reads as a mistake.
    if (std::string(text).find_first_not_of("-0.") == std::string::npos) std::snprintf(text, sizeof text, "%.*f", decimals, 0.0);
    return text;
}

void drawTimePlot(const TimePlotDesc& desc, float width, float height)
{
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dimColour = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 gridColour = ImGui::GetColorU32(ImGuiCol_Separator, 0.45f);

    if (!desc.title.empty()) draw->AddText(origin, textColour, desc.title.c_str());

    // The current values, large, in a column on the right: "ST 93 %".
    ImFont* valueFont = fonts().heading ? fonts().heading : ImGui::GetFont();
    const float valueSize = std::min(valueFont->FontSize, ImGui::GetFontSize() * 1.25f);
    std::vector<std::string> valueTexts;
    float valueW = 0.0f;
    for (const PlotSeries& series : desc.series) {
        std::string text = series.shortName + " ";
        if (series.values && !series.values->empty()) {
            char number[32];
            std::snprintf(number, sizeof number, desc.valueFormat, double(series.values->back()) * desc.scale);
            text += number;
            text += desc.unit;
        } else {
            text += "-";
        }
        valueW = std::max(valueW, valueFont->CalcTextSizeA(valueSize, FLT_MAX, 0.0f, text.c_str()).x);
        valueTexts.push_back(std::move(text));
    }

    // Below the title, or half a line down so the top tick's value fits.
    const float bodyTop = origin.y + line * (desc.title.empty() ? 0.6f : 1.6f);
    const float bodyBottom = origin.y + height - line * 1.2f;
    const float bodyH = std::max(bodyBottom - bodyTop, 1.0f);
    const int yIntervals = std::clamp(int(bodyH / (line * 1.3f)), 1, 5);
    std::vector<const std::deque<float>*> values;
    for (const PlotSeries& series : desc.series) values.push_back(series.values);
    const PlotAxis yAxis = quantityAxis(desc.usualLow, desc.usualHigh, values, desc.scale, yIntervals);
    float yLabelW = 0.0f;
    for (double tick : yAxis.ticks) yLabelW = std::max(yLabelW, ImGui::CalcTextSize(tickLabel(tick, yAxis.decimals).c_str()).x);

    const float bodyLeft = origin.x + yLabelW + line * 0.4f;
    const float bodyRight = origin.x + width - valueW - line * 0.6f;
    const float bodyW = std::max(bodyRight - bodyLeft, 1.0f);
    auto yFor = [&](double value) {
        const double t = (value - yAxis.low) / (yAxis.high - yAxis.low);
        return bodyBottom - float(std::clamp(t, 0.0, 1.0)) * bodyH;
    };
    auto xFor = [&](double secondsAgo) { return bodyRight - float(secondsAgo / desc.windowS) * bodyW; };

    draw->AddRectFilled(ImVec2(bodyLeft, bodyTop), ImVec2(bodyRight, bodyBottom), ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
    for (double tick : yAxis.ticks) {
        const float y = yFor(tick);
        draw->AddLine(ImVec2(bodyLeft, y), ImVec2(bodyRight, y), gridColour);
        const std::string label = tickLabel(tick, yAxis.decimals);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        draw->AddText(ImVec2(bodyLeft - line * 0.25f - size.x, y - size.y * 0.5f), dimColour, label.c_str());
    }
    const int tIntervals = std::clamp(int(bodyW / (line * 3.0f)), 1, 5);
    const PlotAxis timeAxis = niceAxis(-desc.windowS, 0.0, tIntervals);
    for (double tick : timeAxis.ticks) {
        if (tick < -desc.windowS - 1e-9) continue;
        const float x = xFor(-tick);
        draw->AddLine(ImVec2(x, bodyTop), ImVec2(x, bodyBottom), gridColour);
        const std::string label = tick == 0.0 ? "0 s" : tickLabel(tick, timeAxis.decimals);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        const float labelX = std::min(x - size.x * 0.5f, origin.x + width - size.x);
        draw->AddText(ImVec2(labelX, bodyBottom + line * 0.1f), dimColour, label.c_str());
    }

    draw->PushClipRect(ImVec2(bodyLeft, bodyTop - 2.0f), ImVec2(bodyRight + 1.0f, bodyBottom + 2.0f), true);
    std::vector<ImVec2> points;
    for (const PlotSeries& series : desc.series) {
        if (!series.values || series.values->size() < 2) continue;
        const std::deque<float>& samples = *series.values;
        points.clear();
        const std::size_t count = samples.size();
        for (std::size_t i = 0; i < count; ++i) {
            const double secondsAgo = double(count - 1 - i) * desc.secondsPerSample;
            if (secondsAgo > desc.windowS) continue;
            points.emplace_back(xFor(secondsAgo), yFor(double(samples[i]) * desc.scale));
        }
        if (points.size() >= 2) draw->AddPolyline(points.data(), int(points.size()), series.colour, ImDrawFlags_None, 2.0f);
    }
    draw->PopClipRect();

    // Values: down the column beside the plot, each in its line's colour; a short plot takes
    // them a little smaller rather than overlapping.
    const float rowH = std::min(valueSize * 1.1f, (bodyBottom - bodyTop + line) / float(std::max<std::size_t>(valueTexts.size(), 1)));
    const float shownSize = std::min(valueSize, rowH);
    for (std::size_t i = 0; i < valueTexts.size(); ++i) {
        const ImVec2 at(bodyRight + line * 0.6f, bodyTop - line * 0.3f + rowH * float(i));
        draw->AddText(valueFont, shownSize, at, desc.series[i].colour, valueTexts[i].c_str());
    }
    ImGui::Dummy(ImVec2(width, height));
}

} // namespace ui
