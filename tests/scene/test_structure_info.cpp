// Structure information (assets/structures.toml) and node name mappings: the shipped file
// parses, a malformed file gets file:line:column: field messages with suggestions, and a
// scene picks both up from beside its model.
#include "assets/model_import.h"
#include "authoring/gltf_writer.h"
#include "content/name_mapping.h"
#include "scene/scene.h"
#include "content/structure_info.h"
#include "temp_dir.h"
#include "test_models.h"

#include <doctest/doctest.h>

namespace {

const char* kGood = R"(
[sources]
S11 = "Anatomy pages"

[muscle.semitendinosus]
name = "Semitendinosus"
latin = "Musculus semitendinosus"
summary = "The superficial inner hamstring."
origin = "Ischial tuberosity."
insertion = "Pes anserinus."
nerve = "Tibial part of the sciatic nerve."
action = "Extends the hip, bends the knee."
blood_supply = "Perforating branches of the deep femoral artery."
sources = ["S11"]
general_knowledge = ["summary"]

[bone.femur]
name = "Femur"
summary = "The thigh bone."
sources = []
general_knowledge = ["summary"]
)";

// The good file with one line replaced, to break it in one place.
std::string withLine(const std::string& from, const std::string& to)
{
    std::string text = kGood;
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    return text;
}

core::Error parseError(const std::string& text)
{
    auto parsed = content::parseStructureInfoText(text, "info.toml");
    REQUIRE_FALSE(parsed.ok());
    return parsed.error();
}

} // namespace

TEST_CASE("the shipped structure information parses")
{
    auto catalogue = content::loadStructureInfo(std::string(HT_SOURCE_DIR) + "/assets/structures.toml");
    REQUIRE_MESSAGE(catalogue.ok(), (catalogue.ok() ? "" : catalogue.error().describe()));
    CHECK(catalogue->entries.size() >= 30);
    const content::StructureInfo* st = catalogue->find(content::parseStructureName("muscle.semitendinosus.l"));
    REQUIRE(st != nullptr);
    CHECK(st->name == "Semitendinosus");
    CHECK_FALSE(st->bloodSupply.empty());
    CHECK_FALSE(st->isGeneralKnowledge("origin"));
    // The short head is the one hamstring of the common fibular division.
    const content::StructureInfo* bfsh = catalogue->find(content::parseStructureName("muscle.biceps_femoris_short.r"));
    REQUIRE(bfsh != nullptr);
    CHECK(bfsh->nerve.find("ommon fibular") != std::string::npos);
}

TEST_CASE("a good file gives every field, and marks general knowledge")
{
    auto catalogue = content::parseStructureInfoText(kGood, "info.toml");
    REQUIRE(catalogue.ok());
    const content::StructureInfo* info = catalogue->find(content::parseStructureName("muscle.semitendinosus.r"));
    REQUIRE(info != nullptr);
    CHECK(info->latin == "Musculus semitendinosus");
    CHECK(info->insertion == "Pes anserinus.");
    CHECK(info->sources == std::vector<std::string>{"S11"});
    CHECK(info->isGeneralKnowledge("summary"));
    CHECK_FALSE(info->isGeneralKnowledge("nerve"));
    CHECK(info->line == 5);
    CHECK(catalogue->sources.at("S11") == "Anatomy pages");
    CHECK(catalogue->find(content::parseStructureName("muscle.gracilis.r")) == nullptr);
}

TEST_CASE("a malformed structure file names the file, line, column and field")
{
    SUBCASE("syntax error")
    {
        const core::Error error = parseError(withLine("name = \"Femur\"", "name = \"Femur"));
        CHECK(error.file == "info.toml");
        CHECK(error.line == 18);
        CHECK(error.column > 0);
    }
    SUBCASE("misspelt field gets a suggestion")
    {
        const core::Error error = parseError(withLine("origin = \"Ischial", "orgin = \"Ischial"));
        CHECK(error.line == 9);
        CHECK(error.column == 1);
        CHECK(error.field == "muscle.semitendinosus.orgin");
        CHECK(error.message.find("did you mean 'origin'") != std::string::npos);
    }
    SUBCASE("misspelt layer gets a suggestion")
    {
        const core::Error error = parseError(withLine("[bone.femur]", "[bones.femur]"));
        CHECK(error.line == 17);
        CHECK(error.message.find("did you mean 'bone'") != std::string::npos);
    }
    SUBCASE("a hamstring without its nerve")
    {
        const core::Error error = parseError(withLine("nerve = \"Tibial part of the sciatic nerve.\"\n", ""));
        CHECK(error.line == 5);
        CHECK(error.field == "muscle.semitendinosus.nerve");
        CHECK(error.message.find("missing") != std::string::npos);
    }
    SUBCASE("a source the file does not list")
    {
        const core::Error error = parseError(withLine("sources = [\"S11\"]", "sources = [\"S12\"]"));
        CHECK(error.line == 14);
        CHECK(error.field == "muscle.semitendinosus.sources[0]");
        CHECK(error.message.find("unknown source 'S12'") != std::string::npos);
        CHECK(error.message.find("did you mean 'S11'") != std::string::npos);
    }
    SUBCASE("general knowledge naming a field the entry lacks")
    {
        const core::Error error = parseError(withLine("general_knowledge = [\"summary\"]\n\n[bone",
                                                       "general_knowledge = [\"summery\"]\n\n[bone"));
        CHECK(error.line == 15);
        CHECK(error.message.find("did you mean 'summary'") != std::string::npos);
    }
    SUBCASE("a fact with no source and no general-knowledge mark")
    {
        const core::Error error = parseError(withLine("sources = []\ngeneral_knowledge = [\"summary\"]", "sources = []"));
        CHECK(error.line == 19);
        CHECK(error.field == "bone.femur.summary");
        CHECK(error.message.find("no source") != std::string::npos);
    }
    SUBCASE("a number where text belongs")
    {
        const core::Error error = parseError(withLine("latin = \"Musculus semitendinosus\"", "latin = 7"));
        CHECK(error.line == 7);
        CHECK(error.field == "muscle.semitendinosus.latin");
        CHECK(error.message.find("expected text") != std::string::npos);
    }
}

TEST_CASE("a name mapping renames a model's nodes to the convention")
{
    auto mapping = content::parseNameMappingText(R"([nodes]
"Ball_R" = "muscle.semitendinosus.r"
"Block" = "bone.femur.r"
)",
                                               "map.toml");
    REQUIRE(mapping.ok());
    assets::ModelData model = testing_support::makeTestScene();
    model.nodes[std::size_t(model.findNode("muscle.test_ball.r"))].name = "Ball_R";
    model.nodes[std::size_t(model.findNode("bone.test_block"))].name = "Block";
    REQUIRE(content::applyNameMapping(*mapping, model).ok());
    CHECK(model.findNode("muscle.semitendinosus.r") >= 0);
    CHECK(model.findNode("bone.femur.r") >= 0);
    CHECK(model.findNode("Ball_R") < 0);
}

TEST_CASE("the worked example mapping for FMA-named models (docs/examples) maps all four hamstrings")
{
    const std::string path = std::string(HT_SOURCE_DIR) + "/docs/examples/bodyparts3d.names.toml";
    auto mapping = content::loadNameMapping(path);
    REQUIRE_MESSAGE(mapping.ok(), (mapping.ok() ? "" : mapping.error().describe()));
    // A model named as BodyParts3D names its parts: one node per FMA identifier.
    assets::ModelData model;
    for (const auto& entry : mapping->renames) {
        assets::Node node;
        node.name = entry.first;
        model.nodes.push_back(node);
    }
    REQUIRE(content::applyNameMapping(*mapping, model).ok());
    for (const char* name : {"muscle.semitendinosus.r", "muscle.semimembranosus.r", "muscle.biceps_femoris_long.r",
                             "muscle.biceps_femoris_short.r", "bone.femur.r", "bone.tibia.r"}) {
        CAPTURE(std::string(name));
        CHECK(model.findNode(name) >= 0);
    }
    // Identifiers checked against the FMA by hand: semitendinosus 22357, long head of biceps 45887.
    CHECK(mapping->renames.at("FMA22357") == "muscle.semitendinosus.r");
    CHECK(mapping->renames.at("FMA45887") == "muscle.biceps_femoris_long.r");
}

TEST_CASE("name mapping errors name the file, line and field")
{
    SUBCASE("a new name outside the convention")
    {
        auto mapping = content::parseNameMappingText("[nodes]\n\"Ball\" = \"muscel.semitendinosus.r\"\n", "map.toml");
        REQUIRE_FALSE(mapping.ok());
        CHECK(mapping.error().line == 2);
        CHECK(mapping.error().field == "nodes.Ball");
        CHECK(mapping.error().message.find("did you mean 'muscle'") != std::string::npos);
    }
    SUBCASE("a joint that names no segment")
    {
        auto mapping = content::parseNameMappingText("[nodes]\n\"Thigh\" = \"joint.femr_r\"\n", "map.toml");
        REQUIRE_FALSE(mapping.ok());
        CHECK(mapping.error().line == 2);
        CHECK(mapping.error().message.find("did you mean 'femur_r'") != std::string::npos);
    }
    SUBCASE("a node the model does not have")
    {
        auto mapping = content::parseNameMappingText("[nodes]\n\"Bal_R\" = \"muscle.semitendinosus.r\"\n", "map.toml");
        REQUIRE(mapping.ok());
        assets::ModelData model = testing_support::makeTestScene();
        model.nodes[std::size_t(model.findNode("muscle.test_ball.r"))].name = "Ball_R";
        const core::Status applied = content::applyNameMapping(*mapping, model);
        REQUIRE_FALSE(applied.ok());
        CHECK(applied.error().file == "map.toml");
        CHECK(applied.error().line == 2);
        CHECK(applied.error().message.find("did you mean 'Ball_R'") != std::string::npos);
        CHECK(model.findNode("Ball_R") >= 0); // nothing renamed
    }
}

TEST_CASE("a scene applies the name mapping and structure information found beside its model")
{
    testing_support::TempDir dir;
    assets::ModelData source = testing_support::makeTestScene();
    source.nodes[std::size_t(source.findNode("muscle.test_ball.r"))].name = "Ball_R";
    REQUIRE(assets::writeGlb(source, dir / "school.glb").ok());
    testing_support::writeText(dir / "school.names.toml", "[nodes]\n\"Ball_R\" = \"muscle.semitendinosus.r\"\n");
    testing_support::writeText(dir / "structures.toml", kGood);
    auto imported = assets::importModel(dir / "school.glb");
    REQUIRE(imported.ok());
    const scene::Scene scene(std::move(*imported));
    const int structure = scene.findStructure("muscle.semitendinosus.r");
    REQUIRE(structure >= 0);
    const content::StructureInfo* info = scene.structureInfo(structure);
    REQUIRE(info != nullptr);
    CHECK(info->name == "Semitendinosus");
    CHECK(scene.structureInfo(scene.findStructure("bone.test_block")) == nullptr);
}
