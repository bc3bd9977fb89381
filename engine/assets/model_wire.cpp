#include "assets/model_wire.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace assets {

namespace {

// "HTMD" and a version: a message from another build is refused rather than misread.
constexpr std::uint32_t kModelMagic = 0x444D5448u;
constexpr std::uint32_t kErrorMagic = 0x52455448u; // "HTER"
constexpr std::uint32_t kWireVersion = 1;

class Writer {
public:
    template <class T>
    void value(const T& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        out.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void count(std::size_t n) { value(std::uint64_t(n)); }
    void text(const std::string& s)
    {
        count(s.size());
        out.append(s);
    }
    template <class T>
    void array(const std::vector<T>& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        count(v.size());
        out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    }

    std::string out;
};

// Every read checks what is left; after the first failure every read fails.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    template <class T>
    bool value(T& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        if (!take(sizeof v)) return false;
        std::memcpy(&v, bytes_.data() + at_ - sizeof v, sizeof v);
        return true;
    }
    // A count of things at least `elementSize` bytes each, so it can never promise more
    // than the bytes left: a damaged count cannot make a huge allocation.
    bool count(std::size_t& n, std::size_t elementSize)
    {
        std::uint64_t raw = 0;
        if (!value(raw)) return false;
        if (elementSize > 0 && raw > (bytes_.size() - at_) / elementSize) return fail();
        n = std::size_t(raw);
        return true;
    }
    bool text(std::string& s)
    {
        std::size_t n = 0;
        if (!count(n, 1) || !take(n)) return false;
        s.assign(bytes_.data() + at_ - n, n);
        return true;
    }
    template <class T>
    bool array(std::vector<T>& v)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        std::size_t n = 0;
        if (!count(n, sizeof(T)) || !take(n * sizeof(T))) return false;
        v.resize(n);
        if (n > 0) std::memcpy(v.data(), bytes_.data() + at_ - n * sizeof(T), n * sizeof(T));
        return true;
    }
    bool atEnd() const { return ok_ && at_ == bytes_.size(); }
    bool ok() const { return ok_; }
    bool fail() { return ok_ = false; }

private:
    bool take(std::size_t n)
    {
        if (!ok_ || n > bytes_.size() - at_) return fail();
        at_ += n;
        return true;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

void writeHeader(Writer& w, std::uint32_t magic)
{
    w.value(magic);
    w.value(kWireVersion);
}

bool readHeader(Reader& r, std::uint32_t magic)
{
    std::uint32_t seenMagic = 0, seenVersion = 0;
    return r.value(seenMagic) && r.value(seenVersion) && seenMagic == magic && seenVersion == kWireVersion;
}

bool readNode(Reader& r, Node& node)
{
    std::int32_t parent = -1;
    std::vector<std::int32_t> children, meshes;
    if (!r.text(node.name) || !r.value(parent) || !r.array(children) || !r.value(node.translation) ||
        !r.value(node.rotation) || !r.value(node.scale) || !r.array(meshes))
        return false;
    node.parent = parent;
    node.children.assign(children.begin(), children.end());
    node.meshes.assign(meshes.begin(), meshes.end());
    std::size_t entries = 0;
    if (!r.count(entries, 16)) return false;  // two empty texts at the least
    for (std::size_t i = 0; i < entries; ++i) {
        std::string key, value;
        if (!r.text(key) || !r.text(value)) return false;
        node.metadata[std::move(key)] = std::move(value);
    }
    return true;
}

bool readMesh(Reader& r, MeshData& mesh)
{
    std::int32_t material = -1, skin = -1;
    if (!r.text(mesh.name) || !r.array(mesh.positions) || !r.array(mesh.normals) || !r.array(mesh.texcoords) ||
        !r.array(mesh.muscleCoords) || !r.array(mesh.joints) || !r.array(mesh.weights) || !r.array(mesh.occlusion) ||
        !r.array(mesh.indices) || !r.value(material) || !r.value(skin) || !r.value(mesh.bounds.min) ||
        !r.value(mesh.bounds.max))
        return false;
    mesh.material = material;
    mesh.skin = skin;
    return true;
}

bool readMaterial(Reader& r, Material& material)
{
    std::uint8_t blend = 0, doubleSided = 0;
    if (!r.text(material.name) || !r.value(material.baseColor) || !r.value(material.roughness) ||
        !r.value(material.metallic) || !r.value(blend) || !r.value(doubleSided))
        return false;
    material.blend = blend != 0;
    material.doubleSided = doubleSided != 0;
    return true;
}

bool readSkin(Reader& r, Skin& skin)
{
    std::vector<std::int32_t> joints;
    if (!r.array(joints) || !r.array(skin.inverseBindMatrices)) return false;
    skin.joints.assign(joints.begin(), joints.end());
    return true;
}

template <class T, class ReadOne>
bool readList(Reader& r, std::vector<T>& list, std::size_t leastBytes, ReadOne readOne)
{
    std::size_t n = 0;
    if (!r.count(n, leastBytes)) return false;
    list.resize(n);
    for (T& item : list)
        if (!readOne(r, item)) return false;
    return true;
}

std::vector<std::int32_t> narrow(const std::vector<int>& values) { return {values.begin(), values.end()}; }

} // namespace

std::string encodeModel(const ModelData& model)
{
    Writer w;
    writeHeader(w, kModelMagic);
    w.text(model.sourcePath);
    w.count(model.nodes.size());
    for (const Node& node : model.nodes) {
        w.text(node.name);
        w.value(std::int32_t(node.parent));
        w.array(narrow(node.children));
        w.value(node.translation);
        w.value(node.rotation);
        w.value(node.scale);
        w.array(narrow(node.meshes));
        w.count(node.metadata.size());
        for (const auto& [key, value] : node.metadata) {
            w.text(key);
            w.text(value);
        }
    }
    w.count(model.meshes.size());
    for (const MeshData& mesh : model.meshes) {
        w.text(mesh.name);
        w.array(mesh.positions);
        w.array(mesh.normals);
        w.array(mesh.texcoords);
        w.array(mesh.muscleCoords);
        w.array(mesh.joints);
        w.array(mesh.weights);
        w.array(mesh.occlusion);
        w.array(mesh.indices);
        w.value(std::int32_t(mesh.material));
        w.value(std::int32_t(mesh.skin));
        w.value(mesh.bounds.min);
        w.value(mesh.bounds.max);
    }
    w.count(model.materials.size());
    for (const Material& material : model.materials) {
        w.text(material.name);
        w.value(material.baseColor);
        w.value(material.roughness);
        w.value(material.metallic);
        w.value(std::uint8_t(material.blend));
        w.value(std::uint8_t(material.doubleSided));
    }
    w.count(model.skins.size());
    for (const Skin& skin : model.skins) {
        w.array(narrow(skin.joints));
        w.array(skin.inverseBindMatrices);
    }
    return std::move(w.out);
}

core::Status checkModelConsistency(const ModelData& model, const std::string& name)
{
    auto fail = [&](const std::string& what, const std::string& message) {
        return core::Status(core::Error{name, 0, 0, what, message});
    };
    const int nodeCount = int(model.nodes.size());
    for (int i = 0; i < nodeCount; ++i) {
        const Node& node = model.nodes[std::size_t(i)];
        const std::string what = "node '" + node.name + "'";
        if (node.parent < -1 || node.parent >= i) return fail(what, "has a parent that does not come before it");
        for (int child : node.children)
            if (child <= i || child >= nodeCount || model.nodes[std::size_t(child)].parent != i)
                return fail(what, "lists a child that is not its own");
        for (int mesh : node.meshes)
            if (mesh < 0 || mesh >= int(model.meshes.size())) return fail(what, "refers to a mesh that does not exist");
    }
    for (const MeshData& mesh : model.meshes) {
        const std::string what = "mesh '" + mesh.name + "'";
        const std::size_t n = mesh.positions.size();
        if (n == 0) return fail(what, "has no vertex positions");
        for (const glm::vec3& p : mesh.positions)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
                return fail(what, "has a vertex position that is not a number");
        auto sized = [n](std::size_t size) { return size == 0 || size == n; };
        if (!sized(mesh.normals.size()) || !sized(mesh.texcoords.size()) || !sized(mesh.muscleCoords.size()) ||
            !sized(mesh.occlusion.size()) || !sized(mesh.joints.size()) || mesh.weights.size() != mesh.joints.size())
            return fail(what, "has vertex attributes of different lengths");
        if (mesh.indices.empty() || mesh.indices.size() % 3 != 0) return fail(what, "has no whole triangles");
        for (std::uint32_t index : mesh.indices)
            if (index >= n) return fail(what, "has a triangle index out of range");
        if (mesh.material < -1 || mesh.material >= int(model.materials.size()))
            return fail(what, "refers to a material that does not exist");
        if (mesh.skin < -1 || mesh.skin >= int(model.skins.size()))
            return fail(what, "refers to a skin that does not exist");
        if (mesh.skinned()) {
            if (mesh.skin < 0) return fail(what, "has joint weights but no skin");
            const std::size_t joints = model.skins[std::size_t(mesh.skin)].joints.size();
            for (const glm::u16vec4& j : mesh.joints)
                for (int k = 0; k < 4; ++k)
                    if (j[k] >= joints) return fail(what, "refers to a joint its skin does not have");
        }
    }
    for (const Skin& skin : model.skins) {
        if (skin.joints.size() > kMaxSkinJoints)
            return fail("skin", "has " + std::to_string(skin.joints.size()) + " joints; at most " +
                                    std::to_string(kMaxSkinJoints) + " can be drawn");
        if (skin.inverseBindMatrices.size() != skin.joints.size())
            return fail("skin", "has a different number of joints and bind matrices");
        for (int joint : skin.joints)
            if (joint < 0 || joint >= nodeCount) return fail("skin", "refers to a node that does not exist");
    }
    return {};
}

core::Expected<ModelData> decodeModel(std::string_view bytes, const std::string& name)
{
    Reader r(bytes);
    if (!readHeader(r, kModelMagic))
        return core::makeFileError(name, "the import process sent something that is not a model");
    ModelData model;
    // Least sizes: a node, a mesh, a material and a skin each take more bytes than these.
    const bool read = r.text(model.sourcePath) && readList(r, model.nodes, 60, readNode) &&
                      readList(r, model.meshes, 100, readMesh) && readList(r, model.materials, 34, readMaterial) &&
                      readList(r, model.skins, 16, readSkin);
    if (!read || !r.atEnd()) return core::makeFileError(name, "the import process sent a damaged model");
    if (core::Status consistent = checkModelConsistency(model, name); !consistent) return consistent.error();
    return model;
}

std::string encodeError(const core::Error& error)
{
    Writer w;
    writeHeader(w, kErrorMagic);
    w.text(error.file);
    w.value(std::int32_t(error.line));
    w.value(std::int32_t(error.column));
    w.text(error.field);
    w.text(error.message);
    return std::move(w.out);
}

core::Error decodeError(std::string_view bytes, const std::string& name)
{
    Reader r(bytes);
    core::Error error;
    std::int32_t line = 0, column = 0;
    if (!readHeader(r, kErrorMagic) || !r.text(error.file) || !r.value(line) || !r.value(column) || !r.text(error.field) ||
        !r.text(error.message) || !r.atEnd())
        return core::makeFileError(name, "the import process sent a damaged error message");
    error.line = line;
    error.column = column;
    return error;
}

} // namespace assets
