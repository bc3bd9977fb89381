#include "assets/model_placement.h"

#include "assets/model_import.h"

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace assets {

std::optional<LengthUnit> lengthUnitFromName(std::string_view name)
{
    if (name == "m") return LengthUnit::Metre;
    if (name == "cm") return LengthUnit::Centimetre;
    if (name == "mm") return LengthUnit::Millimetre;
    return std::nullopt;
}

std::optional<UpAxis> upAxisFromName(std::string_view name)
{
    if (name == "x") return UpAxis::X;
    if (name == "y") return UpAxis::Y;
    if (name == "z") return UpAxis::Z;
    return std::nullopt;
}

double metresPer(LengthUnit unit)
{
    switch (unit) {
    case LengthUnit::Centimetre: return 0.01;
    case LengthUnit::Millimetre: return 0.001;
    case LengthUnit::Metre: break;
    }
    return 1.0;
}

std::string_view lengthUnitName(LengthUnit unit)
{
    switch (unit) {
    case LengthUnit::Centimetre: return "centimetres";
    case LengthUnit::Millimetre: return "millimetres";
    case LengthUnit::Metre: break;
    }
    return "metres";
}

namespace {

std::string lowerExtension(const std::string& path)
{
    std::string extension = std::filesystem::path(path).extension().string();
    for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

std::optional<double> statedNumber(const Node& root, const char* key)
{
    const auto found = root.metadata.find(std::string(kStatedPrefix) + key);
    if (found == root.metadata.end()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(found->second.c_str(), &end);
    if (end == found->second.c_str() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::string describeNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// Whoever made an unlabelled anatomy model most likely drew a body or a part of one: from a
// 5 cm bone to a 2.5 m figure. The first unit (metres first) that puts the model's longest
// side in that range wins; else the one that comes nearest a 1 m object.
LengthUnit inferUnit(float longestSide, std::string& reason)
{
    constexpr double kSmallestM = 0.05, kLargestM = 2.5;
    const LengthUnit units[] = {LengthUnit::Metre, LengthUnit::Centimetre, LengthUnit::Millimetre};
    for (LengthUnit unit : units) {
        const double sizeM = longestSide * metresPer(unit);
        if (sizeM >= kSmallestM && sizeM <= kLargestM) {
            reason = "inferred from its size: " + describeNumber(longestSide) + " units across is " + describeNumber(sizeM) +
                     " m in " + std::string(lengthUnitName(unit)) + ", the size of a body or a part of one";
            return unit;
        }
    }
    LengthUnit best = LengthUnit::Metre;
    for (LengthUnit unit : units)
        if (std::abs(std::log10(longestSide * metresPer(unit))) < std::abs(std::log10(longestSide * metresPer(best)))) best = unit;
    reason = "inferred from its size: " + describeNumber(longestSide) + " units across fits no body size; taken as " +
             std::string(lengthUnitName(best)) + " (nearest to a 1 m object)";
    return best;
}

// The turn that brings the file's up axis onto +Y.
glm::quat upToY(UpAxis up, bool pointsDown)
{
    const float quarter = glm::radians(90.0f) * (pointsDown ? -1.0f : 1.0f);
    switch (up) {
    case UpAxis::Z: return glm::angleAxis(-quarter, glm::vec3(1, 0, 0));   // +Z to +Y
    case UpAxis::X: return glm::angleAxis(quarter, glm::vec3(0, 0, 1));    // +X to +Y
    case UpAxis::Y: break;
    }
    return pointsDown ? glm::angleAxis(glm::radians(180.0f), glm::vec3(1, 0, 0)) : glm::quat(1, 0, 0, 0);
}

// Applies `scale`, then `turn`, then `shift` in front of every root node's own transform. A
// uniform scale commutes with rotations, so the result is again translation-rotation-scale.
void transformRoots(ModelData& model, float scale, const glm::quat& turn, const glm::vec3& shift)
{
    for (Node& node : model.nodes) {
        if (node.parent >= 0) continue;
        node.translation = shift + turn * (node.translation * scale);
        node.rotation = turn * node.rotation;
        node.scale *= scale;
    }
}

// The model's bounds as drawn once `placement` goes in front of its roots: rigid meshes move
// with their nodes, skinned ones with their joints, whose roots carry the placement alone.
core::Bounds placedBounds(const ModelData& model, const glm::mat4& placement)
{
    const std::vector<glm::mat4> world = model.restWorldMatrices();
    core::Bounds bounds;
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        for (int mesh : model.nodes[i].meshes) {
            const MeshData& data = model.meshes[std::size_t(mesh)];
            bounds.add(data.bounds.transformed(data.skinned() ? placement : placement * world[i]));
        }
    return bounds;
}

} // namespace

Placement placeModel(ModelData& model, const std::string& path, const PlacementRequest& request)
{
    Placement placement;
    if (model.nodes.empty()) return placement;
    const std::string extension = lowerExtension(path);
    const bool gltf = extension == ".gltf" || extension == ".glb";
    const bool fbx = extension == ".fbx";
    const Node& root = model.nodes.front();

    // The up axis first: the size that decides an inferred unit is measured upright.
    if (request.up) {
        placement.up = *request.up;
        placement.upReason = "given with --model-up";
    } else if (gltf) {
        placement.upReason = "stated by the format (glTF is +Y up)";
    } else if (const auto axis = statedNumber(root, "UpAxis"); fbx && axis && *axis >= 0 && *axis <= 2) {
        placement.up = *axis == 0 ? UpAxis::X : (*axis == 1 ? UpAxis::Y : UpAxis::Z);
        placement.upPointsDown = statedNumber(root, "UpAxisSign").value_or(1.0) < 0.0;
        placement.upReason = "stated by the file (FBX UpAxis " + describeNumber(*axis) +
                             (placement.upPointsDown ? ", negative" : "") + ")";
    } else {
        placement.upReason = "not stated; +Y taken as up (the usual OBJ convention; --model-up z turns a Z-up model)";
    }
    const glm::quat turn = upToY(placement.up, placement.upPointsDown);
    // Measured upright in file units; scaling by a positive number about the origin then scales
    // these bounds exactly, so the model is measured once and transformed once.
    const core::Bounds fileBounds = placedBounds(model, glm::mat4_cast(turn));
    const glm::vec3 extent = fileBounds.empty() ? glm::vec3(1.0f) : fileBounds.max - fileBounds.min;
    const float longestSide = std::max({extent.x, extent.y, extent.z, 1e-6f});
    if (request.unit) {
        placement.metresPerUnit = metresPer(*request.unit);
        placement.unitReason = "given with --model-unit (" + std::string(lengthUnitName(*request.unit)) + ")";
    } else if (gltf) {
        placement.unitReason = "stated by the format (glTF is in metres)";
    } else if (const auto centimetres = statedNumber(root, "UnitScaleFactor"); fbx && centimetres && *centimetres > 0.0) {
        // FBX's UnitScaleFactor is centimetres per file unit (1: centimetres, 100: metres).
        placement.metresPerUnit = *centimetres / 100.0;
        placement.unitReason = "stated by the file (FBX UnitScaleFactor " + describeNumber(*centimetres) + ": " +
                               describeNumber(placement.metresPerUnit) + " m per unit)";
    } else {
        placement.metresPerUnit = metresPer(inferUnit(longestSide, placement.unitReason));
    }

    // Scale, then stand it on the floor, centred over the origin.
    const float scale = float(placement.metresPerUnit);
    glm::vec3 shift(0.0f);
    if (!fileBounds.empty()) {
        const glm::vec3 low = fileBounds.min * scale, middle = fileBounds.center() * scale;
        shift = {-middle.x, -low.y, -middle.z};
        placement.bounds.add(low + shift);
        placement.bounds.add(fileBounds.max * scale + shift);
    }
    transformRoots(model, scale, turn, shift);
    return placement;
}

} // namespace assets
