// The sciatic nerve of each leg (nerve layer): from the greater sciatic foramen down the back
// of the thigh deep to the long head of biceps femoris, dividing above the knee into the
// tibial nerve (straight down the popliteal fossa) and the common fibular nerve (along the
// biceps tendon and round the neck of the fibula). Skinned to the leg's joints.
#pragma once

#include "model_builder.h"
#include "sdf.h"

#include <vector>

namespace modelgen {

std::vector<StructureMesh> buildNerves(const std::vector<Field>& avoidRight);

} // namespace modelgen
