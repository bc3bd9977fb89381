#include "assets/model_pack.h"

#include "assets/model_wire.h"
#include "core/hash.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace assets {
namespace {

constexpr char kMagic[8] = {'H', 'T', 'M', 'O', 'D', 'E', 'L', '\0'};
// 2: a fourth level of detail (assets/detail_levels.h).
constexpr std::uint32_t kPackVersion = 2;
// magic, version, source size and hash, payload hash
constexpr std::size_t kHeaderBytes = sizeof kMagic + 4 + 8 + 8 + 8;

template <class T>
void put(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <class T>
bool take(std::string_view& in, T& value)
{
    if (in.size() < sizeof value) return false;
    std::memcpy(&value, in.data(), sizeof value);
    in.remove_prefix(sizeof value);
    return true;
}

// A file mapped into memory, read-only: the pack and its glTF are megabytes read on the way
// to the first frame, and mapping them skips zero-filling and copying a buffer of that size.
class MappedFile {
public:
    static core::Expected<MappedFile> open(const std::filesystem::path& path)
    {
        MappedFile mapped;
        // Without blocking: a pipe where a pack should be must not hold up the start.
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) return core::makeFileError(path.string(), std::string("cannot be opened: ") + std::strerror(errno));
        struct stat info {};
        if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
            ::close(fd);
            return core::makeFileError(path.string(), "is not a regular file");
        }
        mapped.size_ = std::size_t(info.st_size);
        if (mapped.size_ > 0) {
            void* data = ::mmap(nullptr, mapped.size_, PROT_READ, MAP_PRIVATE, fd, 0);
            if (data == MAP_FAILED) {
                ::close(fd);
                return core::makeFileError(path.string(), std::string("cannot be read: ") + std::strerror(errno));
            }
            mapped.data_ = data;
        }
        ::close(fd);
        return mapped;
    }
    MappedFile() = default;
    MappedFile(MappedFile&& other) noexcept : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    MappedFile& operator=(MappedFile&&) = delete;
    ~MappedFile()
    {
        if (data_) ::munmap(data_, size_);
    }
    std::string_view bytes() const { return data_ ? std::string_view(static_cast<const char*>(data_), size_) : std::string_view(); }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace

std::filesystem::path modelPackPathFor(const std::filesystem::path& gltfPath)
{
    std::filesystem::path pack = gltfPath;
    pack.replace_extension(".htmodel");
    return pack;
}

PackSource packSourceOf(std::string_view bytes)
{
    return {bytes.size(), core::hashBytes(bytes)};
}

core::Expected<PackSource> packSourceOfFile(const std::filesystem::path& path)
{
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    return packSourceOf(mapped->bytes());
}

std::string encodeModelPack(const ModelData& model, const DetailLevels& levels, const PackSource& source)
{
    std::string payload;
    const std::string wire = encodeModel(model);
    put(payload, std::uint64_t(wire.size()));
    payload += wire;
    put(payload, std::uint64_t(levels.size()));
    for (const auto& meshLevels : levels)
        for (const std::vector<std::uint32_t>& indices : meshLevels) {
            put(payload, std::uint64_t(indices.size()));
            payload.append(reinterpret_cast<const char*>(indices.data()), indices.size() * sizeof(std::uint32_t));
        }
    std::string out(kMagic, sizeof kMagic);
    put(out, kPackVersion);
    put(out, source.sizeBytes);
    put(out, source.hash);
    put(out, core::hashBytes(payload));
    out += payload;
    return out;
}

namespace {

struct Header {
    PackSource source;
    std::uint64_t payloadHash = 0;
};

// The header's magic and version, and what it says; leaves `bytes` at the payload.
core::Expected<Header> readHeader(std::string_view& bytes, const std::string& name)
{
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return core::makeFileError(name, "is not a packed model (its first bytes are not \"HTMODEL\")");
    bytes.remove_prefix(sizeof kMagic);
    std::uint32_t version = 0;
    Header header;
    take(bytes, version);
    take(bytes, header.source.sizeBytes);
    take(bytes, header.source.hash);
    take(bytes, header.payloadHash);
    if (version != kPackVersion)
        return core::makeFileError(name, "is a packed model of version " + std::to_string(version) + "; this build reads version " +
                                             std::to_string(kPackVersion));
    return header;
}

// The header's checks and the payload's hash; leaves `bytes` at the payload.
core::Status checkHeader(std::string_view& bytes, const std::string& name, const PackSource* expected)
{
    auto header = readHeader(bytes, name);
    if (!header) return header.error();
    if (expected && !(header->source == *expected))
        return core::makeFileError(name, "was packed from another version of its glTF file (size or contents differ); it is stale");
    if (core::hashBytes(bytes) != header->payloadHash) return core::makeFileError(name, "is damaged: its contents do not match their checksum");
    return {};
}

} // namespace

core::Status checkModelPackHeader(const std::filesystem::path& path, std::uint64_t sourceSizeBytes)
{
    // Mapped, and only the header's page is read.
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    std::string_view bytes = mapped->bytes();
    auto header = readHeader(bytes, path.string());
    if (!header) return header.error();
    if (header->source.sizeBytes != sourceSizeBytes)
        return core::makeFileError(path.string(), "was packed from another version of its glTF file (its size differs); it is stale");
    return {};
}

core::Expected<ModelPack> decodeModelPack(std::string_view bytes, const std::string& name, const PackSource* expected)
{
    if (core::Status header = checkHeader(bytes, name, expected); !header) return header.error();
    std::uint64_t wireBytes = 0;
    if (!take(bytes, wireBytes) || wireBytes > bytes.size()) return core::makeFileError(name, "is damaged: the model is cut short");
    auto model = decodeModel(bytes.substr(0, std::size_t(wireBytes)), name);
    if (!model) return core::makeFileError(name, "holds a damaged model: " + model.error().message);
    bytes.remove_prefix(std::size_t(wireBytes));

    ModelPack pack{std::move(*model), {}};
    std::uint64_t meshCount = 0;
    if (!take(bytes, meshCount) || meshCount != pack.model.meshes.size())
        return core::makeFileError(name, "is damaged: its levels of detail do not match the model's meshes");
    pack.levels.resize(std::size_t(meshCount));
    for (std::size_t mesh = 0; mesh < pack.levels.size(); ++mesh) {
        const std::size_t vertexCount = pack.model.meshes[mesh].positions.size();
        for (std::size_t level = 0; level < pack.levels[mesh].size(); ++level) {
            std::uint64_t count = 0;
            if (!take(bytes, count) || count % 3 != 0 || count > bytes.size() / sizeof(std::uint32_t))
                return core::makeFileError(name, "is damaged: level " + std::to_string(level + 1) + " of mesh " + std::to_string(mesh) +
                                                     " is cut short or not whole triangles");
            std::vector<std::uint32_t>& indices = pack.levels[mesh][level];
            indices.resize(std::size_t(count));
            std::memcpy(indices.data(), bytes.data(), indices.size() * sizeof(std::uint32_t));
            bytes.remove_prefix(indices.size() * sizeof(std::uint32_t));
            for (std::uint32_t index : indices)
                if (index >= vertexCount)
                    return core::makeFileError(name, "is damaged: level " + std::to_string(level + 1) + " of mesh " + std::to_string(mesh) +
                                                         " uses vertex " + std::to_string(index) + " of " + std::to_string(vertexCount));
        }
    }
    if (!bytes.empty()) return core::makeFileError(name, "is damaged: " + std::to_string(bytes.size()) + " bytes follow its end");
    return pack;
}

core::Expected<ModelPack> readModelPack(const std::filesystem::path& path, const PackSource* expected)
{
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    return decodeModelPack(mapped->bytes(), path.string(), expected);
}

} // namespace assets
