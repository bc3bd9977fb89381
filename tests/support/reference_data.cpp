#include "reference_data.h"

#include <fstream>
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

} // namespace testing_support
