#include "content/pose_library.h"

#include "core/text.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace content {
namespace {

// Every name a pose table accepts: each coordinate, and the side-less form of paired ones.
std::vector<std::string> angleNames()
{
    std::vector<std::string> names;
    for (const anatomy::CoordinateInfo& info : anatomy::coordinateInfos()) {
        const std::string name(info.name);
        names.push_back(name);
        if (name.size() > 2 && name.compare(name.size() - 2, 2, "_r") == 0) names.push_back(name.substr(0, name.size() - 2));
    }
    return names;
}

} // namespace

std::vector<std::string> landmarkNames()
{
    std::vector<std::string> names;
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) names.emplace_back(info.name);
    return names;
}

void readAngles(TableReader& reader, const toml::table& angles, const std::string& field, anatomy::Pose& pose)
{
    static const std::vector<std::string> known = angleNames();
    for (const auto& [key, value] : angles) {
        const std::string name(key.str());
        const std::string where = field + "." + name;
        std::vector<anatomy::Coordinate> targets;
        if (auto coordinate = anatomy::coordinateFromName(name)) {
            targets.push_back(*coordinate);
        } else if (auto right = anatomy::coordinateFromName(name + "_r")) {
            targets.push_back(*right);
            targets.push_back(*anatomy::coordinateFromName(name + "_l"));
        } else {
            reader.errors().add(key.source(), where,
                                core::withSuggestion("unknown joint angle '" + name + "'", name, known));
            continue;
        }
        // Empty for text, and for integers too large to be exact doubles; TOML's nan and inf
        // would pass the limits below, which only a number can fail.
        const auto degrees = value.value<double>();
        if (!degrees || !std::isfinite(*degrees)) {
            reader.errors().add(&value, where, "expected a number of degrees");
            continue;
        }
        const double number = *degrees;
        const anatomy::CoordinateInfo& info = anatomy::coordinateInfo(targets.front());
        if (number < info.minimum || number > info.maximum) {
            std::ostringstream message;
            message << number << (info.unit == anatomy::Unit::Degrees ? " degrees" : " m")
                    << " is outside the joint's limits (" << info.minimum << " to " << info.maximum << ")";
            reader.errors().add(&value, where, message.str());
            continue;
        }
        for (anatomy::Coordinate target : targets) pose[target] = number;
    }
}

anim::ContactList readContacts(TableReader& reader, std::string_view key)
{
    static const std::vector<std::string> known = landmarkNames();
    anim::ContactList contacts;
    const toml::array* list = reader.array(key, false);
    if (!list) return contacts;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& item = *list->get(i);
        const std::string where = reader.itemField(key, i);
        auto text = item.value<std::string>();
        if (!text) {
            reader.errors().add(&item, where, "expected a body point name in quotes");
            continue;
        }
        // "heel_r" rests on the floor; "heel_r@0.15" on a support 0.15 m high.
        std::string name = *text;
        double height = 0.0;
        if (const auto at = name.find('@'); at != std::string::npos) {
            try {
                std::size_t used = 0;
                height = std::stod(name.substr(at + 1), &used);
                if (used != name.size() - at - 1 || !withinRange(height, 0.0, 1.5)) throw std::invalid_argument("range");
            } catch (const std::exception&) {
                reader.errors().add(&item, where, "'" + name + "': after @ comes the support's height in metres (0 to 1.5)");
                continue;
            }
            name.resize(at);
        }
        auto landmark = anatomy::landmarkFromName(name);
        if (!landmark) {
            reader.errors().add(&item, where, core::withSuggestion("unknown body point '" + name + "'", name, known));
            continue;
        }
        contacts.push_back({*landmark, height});
    }
    return contacts;
}

std::vector<anim::CoordinateGroup> readAdjustable(TableReader& reader, std::string_view key)
{
    static const std::vector<std::string> known = angleNames();
    std::vector<anim::CoordinateGroup> groups;
    const std::vector<std::string> names = reader.stringList(key, false);
    for (const std::string& name : names) {
        if (auto coordinate = anatomy::coordinateFromName(name)) {
            groups.push_back({*coordinate});
        } else if (auto right = anatomy::coordinateFromName(name + "_r")) {
            groups.push_back({*right, *anatomy::coordinateFromName(name + "_l")});
        } else {
            reader.error(key, core::withSuggestion("unknown joint angle '" + name + "'", name, known));
        }
    }
    return groups;
}

SettledPoses::Settled SettledPoses::settle(const anatomy::Pose& pose, const anim::ContactList& contacts,
                                           const std::vector<anim::CoordinateGroup>& adjustable)
{
    // Every input as numbers; a count before each list keeps two different inputs apart.
    std::vector<double> input(pose.values.begin(), pose.values.end());
    input.push_back(double(contacts.size()));
    for (const anim::Contact& contact : contacts) {
        input.push_back(double(contact.landmark));
        input.push_back(contact.heightM);
    }
    for (const anim::CoordinateGroup& group : adjustable) {
        input.push_back(double(group.size()));
        for (anatomy::Coordinate coordinate : group) input.push_back(double(coordinate));
    }
    Settled made;
    // Not-a-number has no place in an ordered key (the readers refuse it anyway): settled, not kept.
    if (!std::all_of(input.begin(), input.end(), [](double value) { return std::isfinite(value); })) {
        made.pose = anim::settleOnFloor(pose, contacts, adjustable, &made.worstContactM);
        return made;
    }
    {
        std::lock_guard lock(mutex_);
        if (auto found = settled_.find(input); found != settled_.end()) return found->second;
    }
    // Settled outside the lock: other threads settle other poses meanwhile. Two threads that
    // settle the same pose at once get the same answer, and the first one kept stays.
    made.pose = anim::settleOnFloor(pose, contacts, adjustable, &made.worstContactM);
    std::lock_guard lock(mutex_);
    settled_.try_emplace(std::move(input), made);
    return made;
}

std::size_t SettledPoses::size() const
{
    std::lock_guard lock(mutex_);
    return settled_.size();
}

anatomy::Pose settleAndCheck(TableReader& reader, std::string_view key, const anatomy::Pose& pose,
                             const anim::ContactList& contacts, const std::vector<anim::CoordinateGroup>& adjustable,
                             SettledPoses* known)
{
    double worst = 0.0;
    anatomy::Pose settled;
    if (known) {
        const SettledPoses::Settled found = known->settle(pose, contacts, adjustable);
        settled = found.pose;
        worst = found.worstContactM;
    } else {
        settled = anim::settleOnFloor(pose, contacts, adjustable, &worst);
    }
    if (worst > kMaxContactGapM) {
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(settled);
        std::ostringstream message;
        message << "the body cannot rest on all its contacts:";
        const std::vector<double> gaps = anim::contactGaps(skeleton, contacts);
        for (std::size_t i = 0; i < contacts.size(); ++i)
            if (gaps[i] > kMaxContactGapM)
                message << " " << anatomy::landmarkInfo(contacts[i].landmark).name << " is " << int(gaps[i] * 100.0 + 0.5)
                        << " cm above " << (contacts[i].heightM > 0.0 ? "its support" : "the floor") << ";";
        message << " change the angles or let the solver tune some with adjust = [...]";
        reader.error(key, message.str());
    }
    return settled;
}

// Each pose is a table `[standing]` with its description, angles, floor contacts and the
// angles the floor solver may tune; one table, `[routes]`, names the poses on the ways down to
// lying and over from the back to the front.
PoseLibrary PoseLibrary::read(TableReader& root)
{
    static constexpr std::string_view kRoutes = "routes";
    PoseLibrary library;
    const auto notATable = [](const std::string& field) -> std::string {
        return field == kRoutes ? "expected a [routes] table of pose lists" : "expected a pose table";
    };
    root.eachTable(notATable, [&](const std::string& name, TableReader& reader) {
        if (name == kRoutes) return;
        reader.rejectUnknownKeys({"description", "angles", "contacts", "adjust"});
        NamedPose pose;
        pose.name = name;
        pose.pose = anatomy::Pose::neutral();
        pose.description = reader.string("description", true).value_or("");
        if (const toml::table* angles = reader.subtable("angles", false)) readAngles(reader, *angles, reader.field("angles"), pose.pose);
        pose.contacts = readContacts(reader, "contacts");
        pose.adjustable = readAdjustable(reader, "adjust");
        if (pose.contacts.empty())
            reader.error("contacts", "a pose needs at least one floor contact");
        else if (reader.errors().empty())
            pose.pose = settleAndCheck(reader, "contacts", pose.pose, pose.contacts, pose.adjustable);
        library.poses_[name] = std::move(pose);
    });
    // The routes name poses from anywhere in the file: read once every pose is.
    if (const toml::table* routes = root.table()[kRoutes].as_table()) {
        TableReader reader(*routes, root.field(kRoutes), root.errors());
        reader.rejectUnknownKeys({"lying_on_back", "lying_face_down", "back_to_face_down"});
        const auto readRoute = [&](std::string_view key, std::vector<std::string>& route) {
            route = reader.stringList(key, false);   // a way left out is a straight blend
            for (std::size_t i = 0; i < route.size(); ++i)
                if (!library.find(route[i]))
                    reader.itemError(key, i, core::withSuggestion("unknown pose '" + route[i] + "'", route[i], library.names()));
        };
        readRoute("lying_on_back", library.routes_.toLyingOnBack);
        readRoute("lying_face_down", library.routes_.toLyingFaceDown);
        readRoute("back_to_face_down", library.routes_.backToFaceDown);
    }
    return library;
}

core::Expected<PoseLibrary> PoseLibrary::parse(std::string_view text, const std::string& path)
{
    return readTomlText<PoseLibrary>(text, path, read);
}

const NamedPose* PoseLibrary::find(const std::string& name) const
{
    auto found = poses_.find(name);
    return found != poses_.end() ? &found->second : nullptr;
}

std::vector<std::string> PoseLibrary::names() const
{
    std::vector<std::string> result;
    for (const auto& [name, pose] : poses_) result.push_back(name);
    return result;
}

} // namespace content
