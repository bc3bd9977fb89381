#include "reference_data.h"

#include "anatomy/simm_spline.h"

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <stdexcept>

namespace testing_support {

const nlohmann::json& referenceData()
{
    static const nlohmann::json data = [] {
        const std::string path = std::string(HT_SOURCE_DIR) + "/assets/reference/hamstring_reference.json";
        std::ifstream in(path);
        if (!in) throw std::runtime_error("cannot open " + path);
        return nlohmann::json::parse(in);
    }();
    return data;
}

namespace {

const nlohmann::json& gait2392()
{
    return referenceData()["opensim_models"]["gait2392_thelen2003muscle"];
}

glm::dvec3 vec3(const nlohmann::json& array)
{
    return {array[0].get<double>(), array[1].get<double>(), array[2].get<double>()};
}

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

// One OpenSim function of one coordinate: linear, constant or SimmSpline.
double evaluateFunction(const nlohmann::json& function, double q)
{
    const std::string type = function["type"];
    if (type == "LinearFunction") return function["coefficients"][0].get<double>() * q + function["coefficients"][1].get<double>();
    if (type == "Constant") return function["value"][0].get<double>();
    if (type != "SimmSpline") throw std::runtime_error("reference: unknown function type " + type);
    const anatomy::SimmSpline spline(function["x"].get<std::vector<double>>(), function["y"].get<std::vector<double>>());
    return spline.value(q);
}

// A gait2392 CustomJoint whose frames carry no rotation: parent offset, translations along
// the parent's axes, then the three rotations about their axes, body-fixed.
glm::dmat4 jointTransform(const nlohmann::json& joint, const std::map<std::string, double>& coordinates)
{
    const auto& frames = joint["frames"];
    const std::string parentName = joint["parent_frame_socket"];
    const std::string childName = joint["child_frame_socket"];
    for (const std::string& name : {parentName, childName})
        if (glm::length(vec3(frames[name]["orientation_rad_xyz_body_fixed"])) != 0.0)
            throw std::runtime_error("reference: a rotated joint frame is not handled");
    auto valueOf = [&](const nlohmann::json& axisTransform) {
        const auto& names = axisTransform["coordinates"];
        const double q = names.empty() ? 0.0 : coordinates.at(names[0].get<std::string>());
        return evaluateFunction(axisTransform["function"], q);
    };
    const auto& spatial = joint["spatial_transform"];
    glm::dvec3 translation(0.0);
    for (const char* key : {"translation1", "translation2", "translation3"})
        translation += valueOf(spatial[key]) * vec3(spatial[key]["axis"]);
    glm::dmat4 result = glm::translate(glm::dmat4(1.0), vec3(frames[parentName]["translation_m"]) + translation);
    for (const char* key : {"rotation1", "rotation2", "rotation3"}) {
        const double angle = valueOf(spatial[key]);
        if (angle != 0.0) result = glm::rotate(result, angle, vec3(spatial[key]["axis"]));
    }
    return glm::translate(result, -vec3(frames[childName]["translation_m"]));
}

} // namespace

double gait2392LengthM(const std::string& opensimName, double hipFlexionDeg, double kneeFlexionDeg)
{
    const double kneeAngleRad = -radians(kneeFlexionDeg); // gait2392: negative in flexion
    const std::map<std::string, double> coordinates{{"hip_flexion_r", radians(hipFlexionDeg)},
                                                    {"hip_adduction_r", 0.0},
                                                    {"hip_rotation_r", 0.0},
                                                    {"knee_angle_r", kneeAngleRad}};
    const glm::dmat4 femur = jointTransform(gait2392()["joints"]["hip_r"], coordinates);
    const glm::dmat4 tibia = femur * jointTransform(gait2392()["joints"]["knee_r"], coordinates);
    const std::map<std::string, glm::dmat4> bodies{{"pelvis", glm::dmat4(1.0)}, {"femur_r", femur}, {"tibia_r", tibia}};
    double length = 0.0;
    glm::dvec3 previous(0.0);
    bool first = true;
    for (const auto& point : gait2392()["muscles"][opensimName]["path_points"]) {
        if (point.contains("active_range_rad")) {
            const auto& range = point["active_range_rad"];
            if (kneeAngleRad < range[0].get<double>() || kneeAngleRad > range[1].get<double>()) continue;
        }
        const glm::dvec3 world = glm::dvec3(bodies.at(point["body"].get<std::string>()) * glm::dvec4(vec3(point["location_m"]), 1.0));
        if (!first) length += glm::length(world - previous);
        previous = world;
        first = false;
    }
    return length;
}

ThelenEquilibrium gait2392StaticEquilibrium(const std::string& opensimName, double mtuLengthM, double activation)
{
    // The equations as OpenSim's Thelen2003Muscle implements them, written out from the
    // reference's "thelen_equations_as_implemented", with the muscle's own entry's values.
    const nlohmann::json& m = gait2392()["muscles"][opensimName];
    const double fmax = m["max_isometric_force"], lopt = m["optimal_fiber_length"], slack = m["tendon_slack_length"];
    const double kActive = m["KshapeActive"], kPassive = m["KshapePassive"], e0Muscle = m["FmaxMuscleStrain"];
    const double e0 = m["FmaxTendonStrain"];
    const double thickness = lopt * std::sin(m["pennation_angle_at_optimal"].get<double>());
    const double kToe = 3.0, fToe = 0.33;
    const double eToe = 99.0 * e0 * std::exp(3.0) / (166.0 * std::exp(3.0) - 67.0);
    const double kLin = 0.67 / (e0 - eToe);
    auto tendonForce = [&](double strain) {
        if (strain <= 0.0) return 0.0;
        if (strain <= eToe) return fToe / (std::exp(kToe) - 1.0) * (std::exp(kToe * strain / eToe) - 1.0);
        return kLin * (strain - eToe) + fToe;
    };
    auto passive = [&](double normLength) {
        return normLength <= 1.0 ? 0.0 : (std::exp(kPassive * (normLength - 1.0) / e0Muscle) - 1.0) / (std::exp(kPassive) - 1.0);
    };
    auto residual = [&](double fiberM) {
        const double along = std::sqrt(fiberM * fiberM - thickness * thickness);
        const double l = fiberM / lopt;
        const double fibre = (activation * std::exp(-(l - 1.0) * (l - 1.0) / kActive) + passive(l)) * along / fiberM;
        return fibre - tendonForce((mtuLengthM - along) / slack - 1.0);
    };
    // The shortest fibre: at the maximum pennation angle, acos(0.1) (the reference's class
    // defaults), or 1 % of optimal. A muscle so short that even there its fibre pulls harder
    // than its slack tendon stays at that length, as OpenSim clamps it.
    const double maximumPennationRad = std::acos(0.1);
    double lo = std::max(0.01 * lopt, thickness / std::sin(maximumPennationRad));
    double hi = std::sqrt(mtuLengthM * mtuLengthM + thickness * thickness);
    if (residual(lo) >= 0.0) return {lo, passive(lo / lopt) * fmax};
    if (residual(hi) < 0.0) throw std::runtime_error("reference: no equilibrium for " + opensimName);
    // Bisection between the two: the fibre force along the tendon rises with fibre length
    // while the tendon's falls.
    for (int i = 0; i < 200 && hi - lo > 1e-12; ++i) {
        const double mid = 0.5 * (lo + hi);
        (residual(mid) < 0.0 ? lo : hi) = mid;
    }
    const double fiber = 0.5 * (lo + hi);
    return {fiber, passive(fiber / lopt) * fmax};
}

} // namespace testing_support
