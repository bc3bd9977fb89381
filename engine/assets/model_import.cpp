#include "assets/model_import.h"

#include "assets/assimp_reader.h"
#include "assets/model_wire.h"
#include "core/file.h"
#include "core/isolate.h"
#include "core/log.h"
#include "core/module.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace assets {
namespace fs = std::filesystem;

namespace {

std::uint32_t littleEndian32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

bool isGlb(const void* data, std::size_t size)
{
    return size >= 4 && std::string_view(static_cast<const char*>(data), 4) == "glTF";
}

// The binary glTF container checked before assimp sees it: assimp accepts some files whose
// sizes disagree (a header longer than the file, a buffer longer than its chunk) and then
// reads whatever lies past the data.
core::Status checkGlbContainer(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    auto fail = [&](const std::string& message) { return core::Status(core::makeFileError(name, "broken glb: " + message)); };
    if (size < 20) return fail("the file ends inside its header (" + std::to_string(size) + " bytes)");
    if (const std::uint32_t version = littleEndian32(data + 4); version != 2)
        return fail("container version " + std::to_string(version) + "; only glTF 2.0 is read");
    if (const std::uint32_t declared = littleEndian32(data + 8); declared != size)
        return fail("the header says " + std::to_string(declared) + " bytes but the file has " + std::to_string(size));
    const std::uint32_t jsonLength = littleEndian32(data + 12);
    if (littleEndian32(data + 16) != 0x4E4F534Au) return fail("the first chunk is not JSON");
    if (std::uint64_t(jsonLength) > size - 20) return fail("the JSON chunk runs past the end of the file");
    std::uint64_t binLength = 0;
    const std::size_t binHeader = 20 + std::size_t(jsonLength);
    if (binHeader < size) {
        if (size - binHeader < 8) return fail("the file ends inside a chunk header");
        binLength = littleEndian32(data + binHeader);
        if (binLength > size - binHeader - 8) return fail("the binary chunk runs past the end of the file");
    }
    const auto json = nlohmann::json::parse(data + 20, data + 20 + jsonLength, nullptr, false);
    if (json.is_discarded() || !json.is_object()) return fail("its JSON chunk does not parse");
    if (const auto buffers = json.find("buffers"); buffers != json.end() && buffers->is_array()) {
        for (std::size_t i = 0; i < buffers->size(); ++i) {
            const nlohmann::json& buffer = (*buffers)[i];
            if (!buffer.is_object() || buffer.contains("uri")) continue;  // only the embedded one lives in the chunk
            const auto length = buffer.find("byteLength");
            if (length == buffer.end() || !length->is_number_unsigned())
                return fail("buffers[" + std::to_string(i) + "].byteLength is missing or not a count");
            if (length->get<std::uint64_t>() > binLength)
                return fail("buffers[" + std::to_string(i) + "].byteLength is " + std::to_string(length->get<std::uint64_t>()) +
                            " bytes but the binary chunk holds " + std::to_string(binLength));
        }
    }
    return {};
}

} // namespace

// The import itself: assimp and the conversion, here in whichever process calls it. With a
// channel (in the import process) it marks the stages and lets assimp crash plainly.
namespace {

enum Stage : int { kReading = 1, kConverting = 2 };

std::mutex readerMutex;
AssimpEntry linkedReader = nullptr;  // set by useLinkedAssimpReader

// The reader: the one linked in, or the module's, loaded on first use and kept (in the import
// process, which ends after one model; or here, when no process could be made).
core::Expected<AssimpEntry> assimpReader()
{
    const std::lock_guard<std::mutex> lock(readerMutex);
    if (linkedReader) return linkedReader;
    static AssimpEntry loaded = nullptr;
    if (loaded) return loaded;
#ifdef HT_ASSIMP_MODULE_BUILD_PATH
    const std::string built = HT_ASSIMP_MODULE_BUILD_PATH, tree = HT_MODULE_BUILD_TREE;
#else
    const std::string built, tree;
#endif
    const std::vector<std::filesystem::path> places = core::moduleCandidates(kAssimpModuleName, built, tree);
    auto layout = core::loadModuleSymbol(places, kAssimpLayoutSymbol);
    auto symbol = layout ? core::loadModuleSymbol(places, kAssimpEntrySymbol) : layout;
    if (!symbol) return core::makeError(std::string("reading models needs the import module ") + kAssimpModuleName + "; tried " +
                                        symbol.error().message);
    if (reinterpret_cast<std::uint64_t (*)()>(*layout)() != assimpEntryLayout())
        return core::makeError(std::string("the import module ") + kAssimpModuleName +
                               " was built from other sources than this program (what its entry passes is laid out otherwise); "
                               "install the two together");
    loaded = reinterpret_cast<AssimpEntry>(*symbol);
    return loaded;
}

// In the import process: the stages the parent hears of, and assimp's own code left to crash
// plainly (core::PlainCrashes) while it reads.
struct ChildStages {
    core::IsolatedChannel* channel = nullptr;
    std::optional<core::PlainCrashes> plain;

    static void tell(void* context, AssimpStage stage)
    {
        ChildStages& self = *static_cast<ChildStages*>(context);
        if (stage == AssimpStage::Reading) {
            self.channel->stage(kReading);
            self.plain.emplace();
        } else if (stage == AssimpStage::Converting) {
            self.plain.reset();
            self.channel->stage(kConverting);
        } else {
            self.channel->stage(kReading);
        }
    }
};

core::Expected<ModelData> readHere(const AssimpSource& source, core::IsolatedChannel* channel)
{
    auto reader = assimpReader();
    if (!reader) return core::makeFileError(source.name, reader.error().message);
    core::Expected<ModelData> model = core::makeFileError(source.name, "the import module gave no answer");
    ChildStages stages{channel, {}};
    (*reader)(&source, channel ? &ChildStages::tell : nullptr, channel ? &stages : nullptr, &model);
    return model;
}

void logImported(const ModelData& model, const std::string& name)
{
    core::logDebug("assets", "imported ", name, ": ", model.meshes.size(), " meshes, ", model.nodes.size(), " nodes, ",
                   model.triangleCount(), " triangles");
}

// "60 s", "1.5 s", "200 ms".
std::string describeSeconds(double seconds)
{
    char text[32];
    if (seconds >= 1.0)
        std::snprintf(text, sizeof text, "%g s", seconds);
    else
        std::snprintf(text, sizeof text, "%g ms", seconds * 1000.0);
    return text;
}

ImportOutcome importIsolated(const AssimpSource& source, const ImportOptions& options)
{
    core::IsolationLimits limits;
    limits.seconds = options.seconds;
    limits.residentMiB = options.memoryMiB;
    const core::IsolatedResult child = core::runIsolated(
        [&](core::IsolatedChannel& channel) {
            auto model = readHere(source, &channel);
            // A tag, then the model or the error (built apart: GCC 12 warns falsely about
            // overlapping copies in `"M" + string` here once it is inlined).
            std::string answer(1, model ? 'M' : 'E');
            answer += model ? encodeModel(*model) : encodeError(model.error());
            channel.send(answer);
        },
        limits);
    const std::string& name = source.name;
    if (child.ending == core::IsolatedResult::Ending::NotStarted && options.inProcessFallback) {
        // Without a process to contain it, the import runs here: better than no model at all.
        core::logWarning("assets", "the import process ", child.describeEnding(), "; reading ", name, " in this one");
        ImportOutcome outcome{readHere(source, nullptr)};
        if (outcome.model) logImported(*outcome.model, name);
        return outcome;
    }
    if (child.finished()) {
        const std::string_view payload(child.payload);
        if (!payload.empty() && payload[0] == 'M') {
            // The child made this model itself: one that does not decode is a bug here.
            ImportOutcome outcome{decodeModel(payload.substr(1), name)};
            outcome.failedInOwnCode = !outcome.model.ok();
            if (outcome.model) logImported(*outcome.model, name);
            return outcome;
        }
        if (!payload.empty() && payload[0] == 'E') return {decodeError(payload.substr(1), name)};
        return {core::makeFileError(name, "the import process sent an answer that is neither a model nor an error")};
    }
    if (child.stage == kReading && child.ending == core::IsolatedResult::Ending::TimedOut)
        return {core::makeFileError(name, "assimp took more than " + describeSeconds(options.seconds) +
                                              " to read the model and was stopped; the file is probably damaged")};
    if (child.stage == kReading && child.ending == core::IsolatedResult::Ending::OutOfMemory)
        return {core::makeFileError(name, "assimp needed more than " + std::to_string(options.memoryMiB) +
                                              " MB to read the model and was stopped; the file is probably damaged")};
    if (child.stage == kReading)
        return {core::makeFileError(name, "assimp could not read the model: its reader " + child.describeEnding() +
                                              "; the file is probably damaged")};
    ImportOutcome outcome{core::makeFileError(
        name, "the import process " + child.describeEnding() +
                  (child.stage == kConverting ? " while converting the model (a bug in Hamstring Trainer; please report it)"
                                              : " before it read the model"))};
    outcome.failedInOwnCode = child.stage != kReading;
    return outcome;
}

} // namespace

void useLinkedAssimpReader(AssimpEntry reader)
{
    const std::lock_guard<std::mutex> lock(readerMutex);
    linkedReader = reader;
}

core::Expected<ModelData> importModel(const fs::path& path, const ImportOptions& options)
{
    std::error_code ec;
    if (!fs::exists(path, ec)) return core::makeFileError(path.string(), "model file not found");
    if (fs::is_directory(path, ec)) return core::makeFileError(path.string(), "is a folder, expected a model file");
    if (fs::file_size(path, ec) == 0) return core::makeFileError(path.string(), "model file is empty");
    // Binary glTF is read whole and checked first; other formats go to assimp by name
    // (a .gltf or .obj may refer to files beside it).
    auto bytes = core::readBinaryFile(path);
    if (!bytes) return bytes.error();
    if (isGlb(bytes->data(), bytes->size()))
        return importModelFromMemory(bytes->data(), bytes->size(), "glb", path.string(), options);
    return importIsolated(AssimpSource{nullptr, 0, {}, path.string()}, options).model;
}

ImportOutcome importModelFromMemoryOutcome(const void* data, std::size_t size, const std::string& formatHint,
                                           const std::string& name, const ImportOptions& options)
{
    if (size == 0) return {core::makeFileError(name, "model file is empty")};
    if (isGlb(data, size))
        if (core::Status checked = checkGlbContainer(static_cast<const std::uint8_t*>(data), size, name); !checked)
            return {checked.error()};
    return importIsolated(AssimpSource{data, size, formatHint, name}, options);
}

core::Expected<ModelData> importModelFromMemory(const void* data, std::size_t size, const std::string& formatHint,
                                                const std::string& name, const ImportOptions& options)
{
    return importModelFromMemoryOutcome(data, size, formatHint, name, options).model;
}

} // namespace assets
