// --bench: CPU and GPU frame times at the level the run settled on (its first frames, which
// build the rasteriser's shader variants, apart), start-up time, memory, and how the overlay
// reached the window, printed once the frames are done (tools/bench.sh reads these lines).
// HT_BENCH_FRAME_LOG=FILE also writes each frame's CPU time at the settled level to FILE (its
// first frames marked "warm-up").
#include "app/modes/mode.h"

#include "app/frame_stats.h"
#include "app/graphics_context.h"
#include "app/quality_governor.h"
#include "core/clock.h"
#include "core/process_memory.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace app {
namespace {

class BenchMode final : public Mode {
public:
    BenchMode(GraphicsContext& graphics, bool overlay) : graphics_(graphics), overlay_(overlay) {}

    // The frame's time includes the GPU finishing it.
    void afterPresent() override { gfx::finish(); }

    bool afterFrame(const FrameResult& frame) override
    {
        if (frame.index == 0) firstFrameSeconds_ = core::secondsSinceProgramStart();
        // A level's first frames (the first of the run included) build the rasteriser's shader
        // variants: reported apart, as --quality auto leaves them out of its decisions.
        if (framesAtLevel_ < QualityGovernor::kWarmUpFrames) {
            warmUpMs_.push_back(frame.cpuMs);
        } else {
            cpuFrameMs_.push_back(frame.cpuMs);
            keptFrames_ += frame.sceneKept ? 1 : 0;
            // Apart: what drawing the scene costs, as while it moves (the governor's measure).
            if (frame.drawnInARow) drawnFrameMs_.push_back(frame.cpuMs);
            logMarks_.push_back(frame.sceneKept ? " kept" : "");
        }
        ++framesAtLevel_;
        if (frame.qualityChanged) {
            // A benchmark reports the level it settled on: restart the measurements (this
            // frame was the last at the level left).
            cpuFrameMs_.clear();
            drawnFrameMs_.clear();
            logMarks_.clear();
            keptFrames_ = 0;
            gpuFrameMs_.clear();
            warmUpMs_.clear();
            framesAtLevel_ = 0;
            for (double ms : graphics_.gpuTimer().drain()) (void)ms;
        }
        for (double ms : graphics_.gpuTimer().collect()) gpuFrameMs_.push_back(ms);
        return true;
    }

    std::optional<int> verdict() override
    {
        for (double ms : graphics_.gpuTimer().drain()) gpuFrameMs_.push_back(ms);
        print();
        // Every frame's time at the level, one per line, for finding where the slow ones are;
        // the first frames, left out of the statistics, marked so.
        if (const char* log = std::getenv("HT_BENCH_FRAME_LOG"); log && *log)
            if (std::FILE* file = std::fopen(log, "w")) {
                for (double ms : warmUpMs_) std::fprintf(file, "%.3f warm-up\n", ms);
                for (std::size_t i = 0; i < cpuFrameMs_.size(); ++i) std::fprintf(file, "%.3f%s\n", cpuFrameMs_[i], logMarks_[i]);
                std::fclose(file);
            }
        return std::nullopt;
    }

private:
    void print() const;

    GraphicsContext& graphics_;
    bool overlay_;
    std::vector<double> cpuFrameMs_;
    std::vector<double> drawnFrameMs_;   // those of cpuFrameMs_ that drew the scene, as the frame before did
    std::vector<const char*> logMarks_;  // per frame of cpuFrameMs_: " kept" where it showed the last picture again
    std::size_t keptFrames_ = 0;
    std::vector<double> gpuFrameMs_;
    std::vector<double> warmUpMs_;  // the settled level's first frames
    int framesAtLevel_ = 0;
    double firstFrameSeconds_ = 0.0;
};

void BenchMode::print() const
{
    // The GPU's times are of the level's frames from its first: the first five are left out
    // as the CPU's are. A run too short to have frames after them reports those frames, less
    // the GPU's first (the timer's first query spans the start-up).
    const bool settled = !cpuFrameMs_.empty();
    const std::vector<double>& cpu = settled ? cpuFrameMs_ : warmUpMs_;
    const std::size_t skipped = std::min(settled ? std::size_t(QualityGovernor::kWarmUpFrames) : std::size_t(1), gpuFrameMs_.size());
    std::vector<double> gpu(gpuFrameMs_.begin() + std::ptrdiff_t(skipped), gpuFrameMs_.end());
    const Percentiles cpuStats = percentiles(cpu);
    const Percentiles gpuStats = percentiles(gpu);
    const core::ProcessMemory memory = core::processMemory();
    const render::Renderer& renderer = graphics_.renderer();
    const glm::ivec2 size = graphics_.window().drawableSize();
    std::printf("renderer: %s\n", graphics_.gl().renderer.c_str());
    std::printf("gl_version: %s\n", graphics_.gl().version.c_str());
    std::printf("size: %dx%d\n", size.x, size.y);
    std::printf("quality: %s\n", std::string(render::qualityName(renderer.quality())).c_str());
    std::printf("overlay: %s\n", overlay_ ? "on" : "off");
    if (overlay_) {
        const gfx::CachedOverlay& cache = graphics_.overlayCache();
        using Path = gfx::CachedOverlay::Path;
        const std::array<long long, 4>& paths = graphics_.overlayPaths();
        auto count = [&](Path path) { return paths[std::size_t(path)]; };
        double covered = 0.0;
        for (const glm::ivec4& box : cache.boxes()) covered += double(box.z) * double(box.w);
        std::printf("overlay_frames: kept %lld, patched %lld, redrawn %lld, direct %lld; the kept picture covers %.0f%% of the "
                    "window in %zu boxes\n",
                    count(Path::Kept), count(Path::Patched), count(Path::Redrawn), count(Path::Direct),
                    100.0 * covered / (double(size.x) * double(size.y)), cache.boxes().size());
    }
    std::printf("triangles: %zu (%zu at this level)\n", renderer.uploadedTriangles(), renderer.triangleCountInUse());
    std::printf("frames: %zu%s\n", cpu.size(), settled ? "" : " (all of them the level's first, shader variants being built)");
    std::printf("start_to_first_frame_ms: %.1f\n", firstFrameSeconds_ * 1000.0);
    std::printf("cpu_frame_ms: median %.2f p95 %.2f p99 %.2f max %.2f mean %.2f\n", cpuStats.median, cpuStats.p95,
                cpuStats.p99, cpuStats.max, cpuStats.mean);
    if (settled) {
        // A still scene shows its last picture again; the frames that drew it after a frame that
        // drew it too are what a moving one costs at this level.
        std::printf("scene_frames: drawn %zu, last picture shown again %zu\n", cpuFrameMs_.size() - keptFrames_, keptFrames_);
        const Percentiles drawn = percentiles(drawnFrameMs_);
        if (drawnFrameMs_.empty())
            std::printf("drawn_frame_ms: none (no two frames in a row drew the scene)\n");
        else
            std::printf("drawn_frame_ms: median %.2f p95 %.2f p99 %.2f max %.2f mean %.2f (%zu frames drawn after a drawn one)\n",
                        drawn.median, drawn.p95, drawn.p99, drawn.max, drawn.mean, drawnFrameMs_.size());
    }
    std::printf("gpu_frame_ms: median %.2f p95 %.2f p99 %.2f max %.2f (%zu queries)\n", gpuStats.median, gpuStats.p95,
                gpuStats.p99, gpuStats.max, gpuStats.count);
    if (settled)
        std::printf("warm_up_frame_ms: max %.2f over the level's first %zu frames (left out above)\n",
                    warmUpMs_.empty() ? 0.0 : *std::max_element(warmUpMs_.begin(), warmUpMs_.end()), warmUpMs_.size());
    std::printf("resident_memory_mb: %.1f (peak %.1f)\n", double(memory.residentKb) / 1024.0, double(memory.peakResidentKb) / 1024.0);
    for (const auto& [pass, times] : renderer.passTimes())
        std::printf("pass_ms %-12s median %.2f mean %.2f\n", pass.c_str(), percentiles(times).median, percentiles(times).mean);
    if (!graphics_.overlayPassMs().empty())
        std::printf("pass_ms %-12s median %.2f\n", "overlay", percentiles(graphics_.overlayPassMs()).median);
    std::fflush(stdout);
}

} // namespace

std::unique_ptr<Mode> makeBenchMode(GraphicsContext& graphics, bool overlay)
{
    return std::make_unique<BenchMode>(graphics, overlay);
}

} // namespace app
