#include "app/terminal_progress.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace app {
namespace {

constexpr int kBarCells = 30;
constexpr double kRedrawS = 0.1;

std::string clockText(double seconds)
{
    const long long whole = std::max(0LL, (long long)(seconds + 0.5));
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", whole / 60, whole % 60);
    return text;
}

} // namespace

TerminalProgress::Style TerminalProgress::styleForStderr()
{
    return isatty(STDERR_FILENO) ? Style::Bar : Style::Lines;
}

TerminalProgress::TerminalProgress(std::string label, long long total, Style style)
    : label_(std::move(label)), total_(std::max(1LL, total)), style_(style)
{
}

void TerminalProgress::update(long long done)
{
    done = std::clamp(done, 0LL, total_);
    switch (style_) {
    case Style::Bar: {
        const double nowS = clock_.elapsedSeconds();
        if (done < total_ && lastDrawS_ >= 0.0 && nowS - lastDrawS_ < kRedrawS) return;
        lastDrawS_ = nowS;
        draw(done);
        return;
    }
    case Style::Lines: {
        const int tenth = int(done * 10 / total_);
        if (tenth == lastTenth_) return;
        lastTenth_ = tenth;
        draw(done);
        return;
    }
    case Style::Machine: {
        // Every whole percent: enough for a smooth bar, few enough lines for a pipe.
        const long long percent = done * 100 / total_;
        if (percent == lastPercentReported_ && done < total_) return;
        lastPercentReported_ = percent;
        std::printf("progress %lld %lld\n", done, total_);
        std::fflush(stdout);
        return;
    }
    }
}

void TerminalProgress::draw(long long done)
{
    const double fraction = double(done) / double(total_);
    const double elapsedS = clock_.elapsedSeconds();
    const std::string left = done > 0 ? clockText(elapsedS / fraction - elapsedS) + " left" : "";
    if (style_ == Style::Bar) {
        std::string bar(std::size_t(kBarCells), ' ');
        std::fill_n(bar.begin(), int(fraction * kBarCells), '#');
        std::fprintf(stderr, "\r%s [%s] %3d%% %lld/%lld %s   ", label_.c_str(), bar.c_str(), int(fraction * 100.0), done, total_,
                     left.c_str());
    } else {
        std::fprintf(stderr, "%s: %3d%% (%lld/%lld) %s\n", label_.c_str(), int(fraction * 100.0), done, total_, left.c_str());
    }
    std::fflush(stderr);
    drawn_ = true;
}

void TerminalProgress::finish()
{
    if (style_ == Style::Bar && drawn_) std::fputc('\n', stderr);
}

} // namespace app
