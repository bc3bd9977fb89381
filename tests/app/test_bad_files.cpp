// Bad lesson and model files, as a user or a damaged download could hand them over: text far
// too long, nesting too deep, NUL bytes, invalid UTF-8, huge and negative numbers, thousands of
// steps. The real trainer runs each through --check-lessons, --lesson and --model; every one
// must end with exit code 1 and a message that names the file, never a crash.
#include "app_run.h"
#include "core/image.h"
#include "process.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kGoodLesson = "relief_seated_floor_stretch";

std::string shippedLesson()
{
    std::ifstream in(fs::path(HT_SOURCE_DIR) / "scenes" / "lessons" / (kGoodLesson + ".toml"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The shipped lesson with the value of the first `key = ...` line after `after` replaced.
std::string withValue(const std::string& key, const std::string& value, const std::string& after = "[[step]]")
{
    std::string text = shippedLesson();
    const std::size_t from = text.find(after);
    const std::size_t line = text.find("\n" + key + " = ", from);
    REQUIRE(line != std::string::npos);
    const std::size_t start = line + 1, end = text.find('\n', start);
    return text.replace(start, end - start, key + " = " + value);
}

std::string quoted(const std::string& text)
{
    return "\"" + text + "\"";
}

std::string longText(std::size_t characters)
{
    std::string text;
    while (text.size() < characters) text += "The hamstrings lengthen as the trunk leans forward. ";
    text.resize(characters);
    return text;
}

// A lesson of `count` steps, each a copy of the shipped lesson's first step.
std::string manySteps(int count)
{
    const std::string text = shippedLesson();
    const std::size_t first = text.find("[[step]]"), second = text.find("[[step]]", first + 1);
    std::string lesson = text.substr(0, second);
    const std::string step = text.substr(first, second - first);
    for (int i = 1; i < count; ++i) lesson += step;
    return lesson;
}

struct BadFile {
    const char* name;         // the lesson's file name, without .toml
    std::string text;
    const char* expected;     // part of the message
};

std::vector<BadFile> badLessons()
{
    std::string nested = "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    std::string nestedTables = "x = ";
    for (int i = 0; i < 3000; ++i) nestedTables += "{ a = ";
    nestedTables += "1" + std::string(3000, '}') + "\n";
    std::string bullets = "[";
    for (int i = 0; i < 200; ++i) bullets += std::string(i ? ", " : "") + "\"point\"";
    bullets += "]";
    return {
        {"long_text", withValue("text", quoted(longText(40000))), "text: 40000 characters"},
        {"long_title", withValue("title", quoted(longText(5000)), "#"), "title: 5000 characters"},
        {"long_cue", withValue("title", quoted("Sit") + "\ncue = " + quoted(longText(2000))), "cue: 2000 characters"},
        {"many_bullets", withValue("bullets", bullets), "bullets: 200 bullets, more than the 12"},
        {"long_bullet", withValue("bullets", "[" + quoted(longText(1000)) + "]"), "bullets[0]: 1000 characters"},
        {"thousands_of_steps", manySteps(3000), "step: 3000 steps, more than the 50"},
        {"nul_escape", withValue("text", quoted("before\\u0000after")), "control character"},
        {"bell_in_title", withValue("title", quoted("ring\\u0007"), "#"), "control character U+0007"},
        {"nul_byte", withValue("text", quoted(std::string("raw\0byte", 8))), "nul_byte.toml:11:"},
        {"invalid_utf8", withValue("text", quoted("bad \xff\xfe bytes")), "invalid utf-8"},
        {"deep_arrays", nested + shippedLesson(), "nest"},
        {"deep_tables", nestedTables + shippedLesson(), "nest"},
        {"huge_integer", withValue("order", "99999999999999999999999", "#"), "order"},
        {"huge_float", withValue("order", "1e308", "#"), "order"},
        {"infinite_hold", withValue("title", quoted("Hold") + "\nhold = inf"), "hold"},
        {"negative_hold", withValue("title", quoted("Hold") + "\nhold = -5"), "hold"},
        {"negative_rest", withValue("title", quoted("Rest") + "\nrest = -1"), "rest"},
        {"negative_key_time", withValue("  time", "-2", "[[step.key]]"), "time"},
        {"huge_repetitions", withValue("title", quoted("Again") + "\nrepetitions = 1000000000"), "repetitions"},
        {"empty", "", "title"},
        {"only_a_step", "[[step]]\n", "title"},
    };
}

// A data folder holding the shipped shaders, assets, default scene, poses and glossary, and the given
// lessons beside the good one.
fs::path dataWith(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& lessons)
{
    const fs::path data = testing_support::copyShippedData(dir / "data");
    testing_support::writeText(data / "scenes" / "lessons" / (kGoodLesson + ".toml"), shippedLesson());
    for (const auto& [name, text] : lessons) testing_support::writeText(data / "scenes" / "lessons" / (name + ".toml"), text);
    return data;
}

std::string readBytes(const fs::path& path)
{
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

ProcessResult runApp(std::vector<std::string> arguments)
{
    arguments.insert(arguments.begin(), HT_APP_PATH);
    static const TempDir config("ht-test-config");
    ProcessResult result = runProcess(arguments, {{"HT_CONFIG_DIR", config.path().string()}});
    INFO("stdout: " << result.out);
    INFO("stderr: " << result.err.substr(0, 2000));
    CHECK_FALSE(result.timedOut);
    return result;
}

} // namespace

TEST_CASE("bad lesson files: --check-lessons and --lesson end with exit 1 and a message naming the file")
{
    TempDir dir;
    std::vector<std::pair<std::string, std::string>> files;
    for (const BadFile& bad : badLessons()) files.emplace_back(bad.name, bad.text);
    const fs::path data = dataWith(dir, files);

    const ProcessResult checked = runApp({"--check-lessons", "--data-dir", data.string()});
    CHECK(checked.exitCode == 1);
    CHECK(checked.out.find("1 lesson(s) loaded") != std::string::npos);
    for (const BadFile& bad : badLessons()) {
        const std::string name = bad.name;
        CAPTURE(name);
        const std::string file = (data / "scenes" / "lessons" / (std::string(bad.name) + ".toml")).string();
        const std::size_t at = checked.err.find(file + ":");
        CHECK(at != std::string::npos);
        const ProcessResult opened = runApp({"--headless", "--lesson", bad.name, "--data-dir", data.string()});
        INFO("stderr: " << opened.err.substr(0, 600));
        CHECK(opened.exitCode == 1);
        CHECK(opened.err.find(file + ":") != std::string::npos);
        CHECK(opened.err.find(bad.expected) != std::string::npos);
    }
}

TEST_CASE("bad model files: --model ends with exit 1 and a message naming the file")
{
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> models = {
        {"empty.glb", ""},
        {"nan.obj", "o a\nv nan nan nan\nv 1e400 0 0\nv 0 1 0\nf 1 2 3\n"},
        {"no_faces.obj", "o a\nv 0 0 0\n"},
        {"cycle.gltf", R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"nodes":[{"name":"x","children":[0]}]})"},
        {"deep.gltf", "{\"asset\":{\"version\":\"2.0\"},\"extras\":" + std::string(100000, '[') + std::string(100000, ']') + "}"},
        {"truncated.glb", std::string("glTF\x02\0\0\0\xff\xff\xff\x7f", 12)},
    };
    for (const auto& model : models) {
        // Named copies: clang 14 cannot capture structured bindings in CAPTURE's lambda.
        const std::string name = model.first, text = model.second;
        CAPTURE(name);
        testing_support::writeText(dir / name, text);
        const ProcessResult result = runApp({"--headless", "--model", (dir / name).string()});
        CHECK(result.exitCode == 1);
        CHECK(result.err.find((dir / name).string() + ": ") != std::string::npos);
    }
}

TEST_CASE("an installed app without its import module, or with one built from other sources, says so and reads nothing")
{
    // A copy of the app in an installed layout (bin/, and lib/hamstring-trainer/ for its
    // modules), outside this build, so it looks for the module only where it is installed.
    TempDir dir;
    const fs::path bin = dir / "bin", modules = dir / "lib" / "hamstring-trainer";
    fs::create_directories(bin);
    fs::create_directories(modules);
    fs::copy_file(HT_APP_PATH, bin / "hamstring-trainer");
    const fs::path model = fs::path(HT_BINARY_DIR) / "assets" / "hamstring_trainer.glb";
    REQUIRE(fs::exists(model));
    const fs::path config = dir / "config";
    auto run = [&] {
        return runProcess({(bin / "hamstring-trainer").string(), "--data-dir", HT_SOURCE_DIR, "--headless", "--frames", "1",
                           "--model", model.string()},
                          {{"HT_CONFIG_DIR", config.string()}});
    };
    const std::string module = (modules / "ht_assets_assimp.so").string();

    const ProcessResult missing = run();
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find(model.string() + ": reading models needs the import module ht_assets_assimp.so; tried " + module +
                           " (not there)") != std::string::npos);

    fs::copy_file(HT_FOREIGN_ASSIMP_MODULE, module);
    const ProcessResult foreign = run();
    CHECK(foreign.exitCode == 1);
    CHECK(foreign.err.find(model.string() + ": the import module ht_assets_assimp.so was built from other sources than this "
                                            "program") != std::string::npos);
    CHECK(foreign.err.find("install the two together") != std::string::npos);
    CHECK(foreign.err.find("crash") == std::string::npos);
}

TEST_CASE("a --screenshot that cannot be written ends the run with exit 1 and a message naming the file")
{
    TempDir dir;
    testing_support::writeText(dir / "file", "a file where a folder should be");
    const fs::path shot = dir / "file" / "shot.png";
    const ProcessResult result = runApp({"--headless", "--no-overlay", "--size", "320x200", "--screenshot", shot.string()});
    CHECK(result.exitCode == 1);
    CHECK(result.err.find(shot.string() + ": cannot write PNG") != std::string::npos);
}

TEST_CASE("a damaged model pack whose header still fits: the app says so, starts over, imports the glTF and shows it")
{
    // The start-up check reads only the pack's header (app/world.h), so this damage is found
    // on the world's thread, after the driver's threads started; the import's fork is not
    // allowed then, and the app runs itself again with packs left alone.
    TempDir dir;
    const fs::path data = testing_support::copyShippedData(dir / "data");
    const fs::path model = dir / "model" / "hamstring_trainer.glb";
    const fs::path pack = dir / "model" / "hamstring_trainer.htmodel";
    fs::create_directories(model.parent_path());
    fs::copy_file(fs::path(HT_BINARY_DIR) / "assets" / "hamstring_trainer.glb", model);
    std::string packBytes = readBytes(fs::path(HT_BINARY_DIR) / "assets" / "hamstring_trainer.htmodel");
    packBytes[packBytes.size() / 2] = char(packBytes[packBytes.size() / 2] ^ 0x10);
    testing_support::writeText(pack, packBytes);
    std::string scene = readBytes(data / "scenes" / "default.toml");
    const std::string line = "model = \"hamstring_trainer.glb\"";
    REQUIRE(scene.find(line) != std::string::npos);
    scene.replace(scene.find(line), line.size(), "model = \"" + model.string() + "\"");
    testing_support::writeText(data / "scenes" / "default.toml", scene);

    const fs::path shot = dir / "shot.png";
    const ProcessResult result = runApp({"--headless", "--data-dir", data.string(), "--no-overlay", "--screenshot", shot.string()});
    CHECK(result.exitCode == 0);
    // Said once, by the process that imported: the second run leaves the pack alone.
    CHECK(result.err.find(pack.string() + ": is damaged") != std::string::npos);
    CHECK(result.err.find("; the app started again and imported the glTF file instead") != std::string::npos);
    CHECK(result.err.find("is damaged") == result.err.rfind("is damaged"));
    auto image = core::readPng(shot);
    REQUIRE_MESSAGE(image, image.error().describe());
    CHECK(testing_support::musclePixels(*image) > 2000);
}

TEST_CASE("odd structure names from a user's model: 10,000 characters, control characters, invalid UTF-8")
{
    // Each is a name a model may really carry; the trainer shows them, labels them, selects
    // them and writes them into its report (invalid bytes as U+FFFD) without falling over.
    TempDir dir;
    const std::vector<std::string> names = {"muscle." + std::string(10000, 'n') + ".r", "bone.ctrl\x01\x07\x1b[31m\x7fname",
                                            "muscle.bad\xff\xfe\xc3(utf8).l", "%s%n%x##hidden"};
    std::string obj;
    for (std::size_t i = 0; i < names.size(); ++i) {
        obj += "o " + names[i] + "\n";
        const float x = float(i) * 0.5f;
        for (int corner = 0; corner < 8; ++corner)
            obj += "v " + std::to_string(x + 0.3f * float(corner & 1)) + " " + std::to_string(0.3f * float((corner >> 1) & 1)) +
                   " " + std::to_string(0.3f * float(corner >> 2)) + "\n";
        const int b = int(i) * 8;
        for (const auto& face : {std::array{1, 3, 4, 2}, std::array{5, 6, 8, 7}, std::array{1, 2, 6, 5},
                                 std::array{3, 7, 8, 4}, std::array{1, 5, 7, 3}, std::array{2, 4, 8, 6}})
            obj += "f " + std::to_string(b + face[0]) + " " + std::to_string(b + face[1]) + " " + std::to_string(b + face[2]) +
                   " " + std::to_string(b + face[3]) + "\n";
    }
    testing_support::writeText(dir / "odd names.obj", obj);
    // Where each structure lands on screen, then a click on every one with labels on.
    const nlohmann::json first = testing_support::runWithReport(dir, {"--model", (dir / "odd names.obj").string(), "--frames", "3"});
    REQUIRE(first["click_points"].size() >= 2);  // those the default view shows
    std::string script = "[[event]]\nframe = 1\ntype = \"key\"\nkey = \"N\"\n";
    int frame = 2;
    for (const auto& point : first["click_points"].items()) {
        script += "[[event]]\nframe = " + std::to_string(frame) + "\ntype = \"click\"\nx = " +
                  std::to_string(point.value()[0].get<double>()) + "\ny = " + std::to_string(point.value()[1].get<double>()) + "\n";
        frame += 4;
    }
    const nlohmann::json clicked = testing_support::runWithReport(
        dir, {"--model", (dir / "odd names.obj").string(), "--frames", std::to_string(frame + 2), "--gl-debug"}, script);
    CHECK(clicked["gl_problems"] == 0);
    CHECK(clicked["selected"].is_string());
    const std::string replaced = "muscle.bad\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd(utf8).l";
    CHECK(first["click_points"].contains(replaced));
}
