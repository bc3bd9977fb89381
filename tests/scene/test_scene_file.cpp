#include "content/scene_file.h"
#include "content/structures.h"

#include <doctest/doctest.h>

TEST_CASE("a good scene file loads with its layers and view")
{
    auto desc = content::parseSceneText(R"(
title = "The hamstring group"
model = "hamstring.glb"
view = "lateral"

[layers.skin]
opacity = 0.4

[layers.nerve]
visible = false
)",
                                      "good.toml");
    REQUIRE(desc.ok());
    CHECK(desc->title == "The hamstring group");
    CHECK(desc->model == "hamstring.glb");
    CHECK(desc->view == content::ViewPreset::Lateral);
    CHECK(desc->layers[std::size_t(content::LayerId::Skin)].opacity == doctest::Approx(0.4f));
    CHECK_FALSE(desc->layers[std::size_t(content::LayerId::Nerve)].visible);
    CHECK(desc->layers[std::size_t(content::LayerId::Bone)].visible);
}

TEST_CASE("scene file errors name the file, line, column and field")
{
    SUBCASE("syntax error")
    {
        auto desc = content::parseSceneText("title = \"x\"\nmodel = \n", "broken.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().file == "broken.toml");
        CHECK(desc.error().line == 2);
        CHECK(desc.error().column > 0);
    }
    SUBCASE("missing field")
    {
        auto desc = content::parseSceneText("title = \"x\"\n", "nomodel.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().field == "model");
        CHECK(desc.error().message.find("missing") != std::string::npos);
    }
    SUBCASE("misspelt field gets a suggestion")
    {
        auto desc = content::parseSceneText("title = \"x\"\nmodel = \"m.glb\"\nveiw = \"lateral\"\n", "typo.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().line == 3);
        CHECK(desc.error().column == 1);
        CHECK(desc.error().describe() == "typo.toml:3:1: veiw: unknown field 'veiw'; did you mean 'view'?");
    }
    SUBCASE("value out of range")
    {
        auto desc = content::parseSceneText("title = \"x\"\nmodel = \"m.glb\"\n[layers.skin]\nopacity = 1.5\n", "range.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().line == 4);
        CHECK(desc.error().field == "layers.skin.opacity");
    }
    SUBCASE("wrong type")
    {
        auto desc = content::parseSceneText("title = 3\nmodel = \"m.glb\"\n", "type.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().field == "title");
        CHECK(desc.error().line == 1);
        CHECK(desc.error().column == 9);
    }
    SUBCASE("unknown view")
    {
        auto desc = content::parseSceneText("title = \"x\"\nmodel = \"m.glb\"\nview = \"back\"\n", "view.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().describe() ==
              "view.toml:3:8: view: unknown view 'back' (anterior, posterior, lateral, medial or superior)");
    }
    SUBCASE("a focus needs three numbers")
    {
        // 1e17 as an integer has no exact double: refused rather than read as an empty value.
        // TOML's nan and inf are numbers to it, not places.
        for (const char* focus : {"[0.1, 0.2]", "[0.1, \"up\", 0.3]", "[0.1, 0.2, 99999999999999999]", "[nan, 0.2, 0.3]",
                                  "[0.1, inf, 0.3]", "[0.1, 0.2, 1e300]"}) {
            CAPTURE(focus);
            auto desc = content::parseSceneText(std::string("title = \"x\"\nmodel = \"m.glb\"\nfocus = ") + focus + "\n",
                                              "focus.toml");
            REQUIRE_FALSE(desc.ok());
            CHECK(desc.error().line == 3);
            CHECK(desc.error().field == "focus");
        }
        auto good = content::parseSceneText("title = \"x\"\nmodel = \"m.glb\"\nfocus = [0.1, 2, -0.3]\n", "focus.toml");
        REQUIRE(good.ok());
        REQUIRE(good->focus.has_value());
        CHECK(good->focus->y == doctest::Approx(2.0f));
    }
    SUBCASE("a layer that is not a table")
    {
        auto desc = content::parseSceneText("title = \"x\"\nmodel = \"m.glb\"\n[layers]\nskin = 0.5\n", "layers.toml");
        REQUIRE_FALSE(desc.ok());
        CHECK(desc.error().describe() == "layers.toml:4:8: layers.skin: expected a table");
    }
}

TEST_CASE("a missing scene file is reported by name")
{
    auto desc = content::loadSceneFile("/nonexistent/scene.toml");
    REQUIRE_FALSE(desc.ok());
    CHECK(desc.error().file == "/nonexistent/scene.toml");
}

TEST_CASE("node names map to layers, structures and sides")
{
    auto muscle = content::parseStructureName("muscle.semitendinosus.r");
    CHECK(muscle.layer == content::LayerId::Muscle);
    CHECK(muscle.structure == "semitendinosus");
    CHECK(muscle.side == content::Side::Right);
    CHECK(muscle.instanceKey() == "semitendinosus.r");
    auto skin = content::parseStructureName("skin.body");
    CHECK(skin.layer == content::LayerId::Skin);
    CHECK(skin.side == content::Side::None);
    auto tendon = content::parseStructureName("tendon.biceps_femoris_common.l");
    CHECK(tendon.layer == content::LayerId::Tendon);
    CHECK(tendon.structure == "biceps_femoris_common");
    CHECK(tendon.side == content::Side::Left);
    auto other = content::parseStructureName("Cube.001");
    CHECK(other.layer == content::LayerId::Other);
    CHECK(other.structure == "Cube.001");
}
