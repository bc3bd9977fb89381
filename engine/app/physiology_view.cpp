#include "app/physiology_view.h"

#include "anatomy/muscle_table.h"
#include "app/world.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {
namespace {

// The stretch map's grid: hip flexion -20..120 and knee flexion 0..120 degrees in 5-degree steps.
constexpr anatomy::AngleRange kMapHip{-20.0, 120.0, 5.0};
constexpr anatomy::AngleRange kMapKnee{0.0, 120.0, 5.0};
// A state enters the legend once its colour is plain to see (the shaders start blending at
// 0.04 and reach full colour at 0.6), and stays there this long after it fades.
constexpr float kLegendState = 0.15f;
constexpr double kLegendHoldS = 1.5;

} // namespace

void PhysiologyView::computeStretchGrid()
{
    const std::vector<double> hips = anatomy::angleValues(kMapHip);
    const std::vector<double> knees = anatomy::angleValues(kMapKnee);
    const std::size_t heads = anatomy::kHamstrings.size();
    for (auto& grid : stretchGrid_) grid.assign(hips.size() * knees.size(), 0.0f);
    // Lengths are relative to standing (hip and knee straight), the first row of a one-pose table.
    const std::vector<anatomy::MuscleTableRow> standing = anatomy::muscleTable({0.0, 0.0, 1.0}, {0.0, 0.0, 1.0});
    // The table runs hip outermost, then knee, then the heads; the map's cells run knee outermost.
    const std::vector<anatomy::MuscleTableRow> rows = anatomy::muscleTable(kMapHip, kMapKnee);
    for (std::size_t h = 0; h < hips.size(); ++h)
        for (std::size_t k = 0; k < knees.size(); ++k) {
            const std::size_t cell = k * hips.size() + h;
            double biarticular = 0.0;
            for (std::size_t m = 0; m < heads; ++m) {
                const double percent = rows[(h * knees.size() + k) * heads + m].mtuLengthM / standing[m].mtuLengthM * 100.0;
                stretchGrid_[m][cell] = float(percent);
                if (anatomy::kHamstrings[m] != anatomy::Muscle::BicepsFemorisShort) biarticular += percent / 3.0;
            }
            stretchGrid_[heads][cell] = float(biarticular);
        }
}

void PhysiologyView::record(double dtS)
{
    const scene::BodySimulation* body = world_.scene.body();
    if (!body) return;
    // The legend keeps an entry a moment after its colour fades, so it does not blink as a
    // state crosses the threshold.
    std::array<bool, 3> seen{};
    for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left})
        for (anatomy::Muscle muscle : anatomy::kHamstrings) {
            const render::StructureTint tint = stateTint(body->simulation().head(muscle, side));
            seen[0] = seen[0] || tint.cramp > kLegendState;
            seen[1] = seen[1] || tint.activation > kLegendState;
            seen[2] = seen[2] || tint.stretch > kLegendState;
        }
    for (std::size_t i = 0; i < seen.size(); ++i) legendHoldS_[i] = seen[i] ? kLegendHoldS : std::max(legendHoldS_[i] - dtS, 0.0);
    historyTimerS_ += dtS;
    if (historyTimerS_ < ui::History::kSecondsPerSample) return; // the plots' sample rate
    historyTimerS_ = 0.0;
    for (std::size_t h = 0; h < 4; ++h) {
        const anatomy::HeadState& head = body->simulation().head(anatomy::kHamstrings[h], anatomy::Side::Right);
        history_[h][0].push(float(head.lengthPercentOfRest));
        history_[h][1].push(float(head.mtu.activation));
        history_[h][2].push(float(head.mtu.tendonForceN));
    }
}

std::vector<render::StructureTint> PhysiologyView::tints() const
{
    std::vector<render::StructureTint> tints;
    const scene::BodySimulation* body = world_.scene.body();
    if (!body) return tints;
    const auto& structures = world_.scene.structures();
    for (std::size_t i = 0; i < structures.size(); ++i) {
        const scene::Structure& structure = structures[i];
        if (structure.name.layer != content::LayerId::Muscle) continue;
        const auto muscle = anatomy::muscleFromName(structure.name.structure);
        if (!muscle || std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), *muscle) == anatomy::kHamstrings.end())
            continue;
        const anatomy::Side side = structure.name.side == content::Side::Left ? anatomy::Side::Left : anatomy::Side::Right;
        const anatomy::HeadState& head = body->simulation().head(*muscle, side);
        render::StructureTint tint = stateTint(head);
        tint.structure = int(i);
        float value = -1.0f;
        switch (colourMap_) {
        case ui::ColourMap::Activation: value = float(head.mtu.activation); break;
        case ui::ColourMap::Strain: value = float((head.mtu.normFiberLength - 0.8) / 0.6); break;
        case ui::ColourMap::Force:
            value = float(head.mtu.tendonForceN / anatomy::muscleDef(*muscle).parameters.maxIsometricForceN);
            break;
        case ui::ColourMap::Natural: break;
        }
        if (colourMap_ != ui::ColourMap::Natural) tint.value = std::clamp(value, 0.0f, 1.0f);
        tints.push_back(tint);
    }
    return tints;
}

render::StructureTint stateTint(const anatomy::HeadState& head)
{
    render::StructureTint tint;
    // The activation splits by where the excitation comes from: the cramp's share glows as a
    // cramp, the rest as a voluntary contraction.
    const double excitation = head.crampExcitation + head.voluntaryExcitation;
    const double crampShare = excitation > 1e-6 ? head.crampExcitation / excitation : 0.0;
    tint.cramp = float(std::clamp(head.mtu.activation * crampShare, 0.0, 1.0));
    tint.activation = float(std::clamp(head.mtu.activation * (1.0 - crampShare), 0.0, 1.0));
    // A stretch shows from its passive tension: about half strength at the first light pull
    // (5 % of F0, see anatomy::kLightPullPassiveForce) and nearly full well before "too far";
    // the faint tension of standing (under 1 % of F0) stays natural colour.
    tint.stretch = float(1.0 - std::exp(-std::max(head.normPassiveForce - 0.01, 0.0) / (anatomy::kLightPullPassiveForce * 1.45)));
    return tint;
}

void PhysiologyView::draw(std::vector<ui::Command>& commands)
{
    const scene::BodySimulation* body = world_.scene.body();
    if (!body) return;
    const anatomy::Musculoskeletal& simulation = body->simulation();
    if (panel_.open) {
        ui::PhysiologyInput input;
        input.side = "Right leg";
        input.stretch = std::string(anatomy::stretchIntensityName(simulation.stretchIntensity(anatomy::Side::Right)));
        input.colourMap = colourMap_;
        for (std::size_t h = 0; h < 4; ++h) {
            const anatomy::Muscle muscle = anatomy::kHamstrings[h];
            const anatomy::HeadState& head = simulation.head(muscle, anatomy::Side::Right);
            ui::HeadReadout readout;
            readout.name = std::string(anatomy::muscleDef(muscle).displayName);
            readout.lengthPercentOfRest = head.lengthPercentOfRest;
            readout.fiberOverOptimal = head.mtu.normFiberLength;
            readout.activation = head.mtu.activation;
            readout.forceN = head.mtu.tendonForceN;
            readout.passiveForceN = head.mtu.passiveFiberForceN;
            readout.cramping = head.cramp.phase != anatomy::CrampPhase::None;
            if (readout.cramping) {
                char text[64];
                std::snprintf(text, sizeof text, "cramp, %.0f s left", head.cramp.timeLeftS);
                input.cramp = text;
            }
            input.heads.push_back(readout);
            input.history.push_back({&history_[h][0], &history_[h][1], &history_[h][2]});
        }
        ui::drawPhysiologyPanel(input, panel_, commands);
    }
    drawLegend();
    if (stretchMap_.open) {
        ui::StretchMapInput input;
        input.lengthPercent = stretchGrid_[std::size_t(stretchMapHead_)];
        input.hipSteps = int(anatomy::angleValues(kMapHip).size());
        input.kneeSteps = int(anatomy::angleValues(kMapKnee).size());
        input.hipMinDeg = float(kMapHip.firstDeg);
        input.hipMaxDeg = float(kMapHip.lastDeg);
        input.kneeMinDeg = float(kMapKnee.firstDeg);
        input.kneeMaxDeg = float(kMapKnee.lastDeg);
        input.currentHipDeg = float(world_.scene.pose()[anatomy::Coordinate::HipFlexionR]);
        input.currentKneeDeg = float(world_.scene.pose()[anatomy::Coordinate::KneeFlexionR]);
        input.head = stretchMapHead_;
        for (anatomy::Muscle muscle : anatomy::kHamstrings) input.headNames.emplace_back(anatomy::muscleDef(muscle).displayName);
        input.headNames.emplace_back("The three that cross the hip (mean)");
        ui::drawStretchMap(input, stretchMap_, commands);
    }
}

void PhysiologyView::drawLegend() const
{
    ui::LegendInput legend;
    legend.cramp = legendHoldS_[0] > 0.0;
    legend.active = legendHoldS_[1] > 0.0;
    legend.stretched = legendHoldS_[2] > 0.0;
    legend.colourMap = colourMap_;
    legend.highContrast = highContrast_;
    ui::drawLegend(legend);
}

void PhysiologyView::setColourMap(int map)
{
    colourMap_ = ui::ColourMap(std::clamp(map, 0, ui::kColourMapCount - 1));
}

void PhysiologyView::setStretchMapHead(int head)
{
    stretchMapHead_ = std::clamp(head, 0, int(stretchGrid_.size()) - 1);
}

void PhysiologyView::toggleStretchMap()
{
    stretchMap_.open = !stretchMap_.open;
    if (stretchMap_.open && stretchGrid_[0].empty()) computeStretchGrid();
}

} // namespace app
