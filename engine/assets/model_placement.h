// Puts a model from elsewhere into the trainer's world: metres, +Y up, standing on the floor
// at the origin. Units and the up axis come from the user (--model-unit, --model-up), else
// from what the file states (glTF is metres and +Y up by definition; FBX states a unit scale
// and an up axis), else, where nothing is stated (OBJ), from the model's size and shape.
#pragma once

#include "assets/model_data.h"

#include <optional>
#include <string>
#include <string_view>

namespace assets {

enum class LengthUnit { Metre, Centimetre, Millimetre };
enum class UpAxis { X, Y, Z };

// "m", "cm", "mm" / "x", "y", "z"; nothing for anything else.
std::optional<LengthUnit> lengthUnitFromName(std::string_view name);
std::optional<UpAxis> upAxisFromName(std::string_view name);
double metresPer(LengthUnit unit);
std::string_view lengthUnitName(LengthUnit unit);   // "millimetres"

struct PlacementRequest {
    std::optional<LengthUnit> unit;   // the user's word wins over the file's
    std::optional<UpAxis> up;
};

struct Placement {
    double metresPerUnit = 1.0;
    UpAxis up = UpAxis::Y;
    bool upPointsDown = false;        // the file's up axis is its negative direction
    std::string unitReason;           // "stated by the file (FBX UnitScaleFactor 0.1)", "inferred: ..."
    std::string upReason;
    core::Bounds bounds;              // in the world, after placing
};

// Scales, turns and moves the model's root nodes so the model is in metres, +Y up, centred
// over the origin with its lowest point on the floor (y = 0). `path` gives the format.
Placement placeModel(ModelData& model, const std::string& path, const PlacementRequest& request = {});

} // namespace assets
