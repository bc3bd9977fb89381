// Shader source handling that needs no GL: include expansion and driver log parsing.
#include "gfx/shader.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

using testing_support::TempDir;

TEST_CASE("includes expand with #line markers that point back at each file")
{
    TempDir dir;
    testing_support::writeText(dir / "common" / "light.glsl", "float light() { return 1.0; }\n");
    testing_support::writeText(dir / "main.frag",
                               "#version 330 core\n#include \"common/light.glsl\"\nout vec4 c;\nvoid main() { c = vec4(light()); }\n");
    auto source = gfx::loadShaderSource(dir / "main.frag");
    REQUIRE(source.ok());
    REQUIRE(source->files.size() == 2);
    CHECK(source->files[1] == dir / "common" / "light.glsl");
    CHECK(source->text.rfind("#version 330 core\n#line 2\n", 0) == 0);
    CHECK(source->text.find("#line 100001\nfloat light()") != std::string::npos);
    CHECK(source->text.find("#line 3\nout vec4 c;") != std::string::npos);
}

TEST_CASE("defines pick a variant: each is defined after #version, and the lines still point at the file")
{
    TempDir dir;
    testing_support::writeText(dir / "common" / "light.glsl", "float light() { return 1.0; }\n");
    testing_support::writeText(dir / "main.frag", "#version 330 core\n#include \"common/light.glsl\"\n#ifdef SMOOTH\nout vec4 c;\n#endif\n");
    const std::string defines[] = {"SMOOTH", "OVERLAY"};
    auto source = gfx::loadShaderSource(dir / "main.frag", defines);
    REQUIRE(source.ok());
    CHECK(source->text.rfind("#version 330 core\n#define SMOOTH\n#define OVERLAY\n#line 2\n", 0) == 0);
    CHECK(source->text.find("#line 3\n#ifdef SMOOTH") != std::string::npos);
    // Once each, and never inside an include.
    CHECK(source->text.find("#define SMOOTH") == source->text.rfind("#define SMOOTH"));
    // Without defines, the text is the file's alone.
    auto plain = gfx::loadShaderSource(dir / "main.frag");
    REQUIRE(plain.ok());
    CHECK(plain->text.find("#define") == std::string::npos);
}

TEST_CASE("a missing include names the including file and line")
{
    TempDir dir;
    testing_support::writeText(dir / "main.frag", "#version 330 core\n\n#include \"nowhere.glsl\"\n");
    auto source = gfx::loadShaderSource(dir / "main.frag");
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().file == (dir / "main.frag").string());
    CHECK(source.error().line == 3);
    CHECK(source.error().message.find("nowhere.glsl") != std::string::npos);
}

TEST_CASE("a missing shader file is reported by name")
{
    auto source = gfx::loadShaderSource("/nonexistent/mesh.vert");
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().file == "/nonexistent/mesh.vert");
}

TEST_CASE("include cycles stop with a message")
{
    TempDir dir;
    testing_support::writeText(dir / "a.glsl", "#include \"b.glsl\"\n");
    testing_support::writeText(dir / "b.glsl", "#include \"a.glsl\"\n");
    testing_support::writeText(dir / "main.frag", "#version 330 core\n#include \"a.glsl\"\n");
    auto source = gfx::loadShaderSource(dir / "main.frag");
    REQUIRE_FALSE(source.ok());
    CHECK(source.error().message.find("nest") != std::string::npos);
}

TEST_CASE("driver logs from Mesa, NVIDIA and AMD map to file and line, decoding included files")
{
    const std::vector<std::filesystem::path> files{"shaders/mesh.frag", "shaders/common/lighting.glsl"};
    SUBCASE("Mesa")
    {
        auto errors = gfx::parseShaderLog("0:12(5): error: syntax error, unexpected IDENTIFIER\n"
                                          "1:3(1): warning: unused\n",
                                          files);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].describe() == "shaders/mesh.frag:12:5: syntax error, unexpected IDENTIFIER");
    }
    SUBCASE("NVIDIA")
    {
        auto errors = gfx::parseShaderLog("0(100040) : error C1008: undefined variable \"x\"\n", files);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].file == "shaders/common/lighting.glsl");
        CHECK(errors[0].line == 40);
    }
    SUBCASE("AMD and Intel")
    {
        auto errors = gfx::parseShaderLog("ERROR: 0:7: 'foo' : undeclared identifier\n", files);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].line == 7);
        CHECK(errors[0].file == "shaders/mesh.frag");
    }
    SUBCASE("unknown source string")
    {
        auto errors = gfx::parseShaderLog("5:1(1): error: x\n", files);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].file == "shader string 5");
    }
}
