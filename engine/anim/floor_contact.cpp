#include "anim/floor_contact.h"

#include "anim/reach.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace anim {

std::vector<double> contactGaps(const anatomy::SkeletonPose& skeleton, std::span<const Contact> contacts)
{
    std::vector<double> gaps;
    gaps.reserve(contacts.size());
    for (const Contact& contact : contacts) gaps.push_back(anatomy::landmarkPosition(skeleton, contact.landmark).y - contact.heightM);
    return gaps;
}

anatomy::Pose placeOnFloor(anatomy::Pose pose, std::span<const Contact> contacts)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    double lowest = std::numeric_limits<double>::max();
    if (contacts.empty()) {
        for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos())
            lowest = std::min(lowest, anatomy::landmarkPosition(skeleton, info.landmark).y);
    } else {
        for (double gap : contactGaps(skeleton, contacts)) lowest = std::min(lowest, gap);
    }
    pose[anatomy::Coordinate::PelvisTy] -= lowest;
    return pose;
}

namespace {

bool isPelvisCoordinate(std::size_t index)
{
    using anatomy::Coordinate;
    return index >= std::size_t(Coordinate::PelvisTx) && index <= std::size_t(Coordinate::PelvisRotation);
}

// The contacts' heights for the many poses a settling tries. Every segment hangs from the
// pelvis, so changing only the pelvis's six coordinates moves the whole body rigidly: the
// contacts are then carried by the new pelvis transform from where they sit in the pelvis's
// frame, without posing the skeleton again. Most poses tried differ from the last one posed
// only there (the pelvis's height, tilt and list are what settling moves).
class ContactHeights {
public:
    explicit ContactHeights(std::span<const Contact> contacts) : contacts_(contacts) {}

    std::vector<double> operator()(const anatomy::Pose& pose)
    {
        if (!posed_ || !sameBelowPelvis(pose)) poseBelowPelvis(pose);
        const glm::dmat4 pelvis = anatomy::pelvisTransform(pose);
        std::vector<double> heights;
        heights.reserve(contacts_.size());
        for (std::size_t i = 0; i < contacts_.size(); ++i)
            heights.push_back((pelvis * glm::dvec4(inPelvis_[i], 1.0)).y - contacts_[i].heightM);
        return heights;
    }

private:
    bool sameBelowPelvis(const anatomy::Pose& pose) const
    {
        for (std::size_t i = 0; i < pose.values.size(); ++i)
            if (!isPelvisCoordinate(i) && pose.values[i] != belowPelvis_.values[i]) return false;
        return true;
    }

    void poseBelowPelvis(const anatomy::Pose& pose)
    {
        // With the pelvis's coordinates at zero its transform is the identity, so the skeleton
        // comes out in the pelvis's own frame.
        belowPelvis_ = pose;
        for (std::size_t i = 0; i < pose.values.size(); ++i)
            if (isPelvisCoordinate(i)) belowPelvis_.values[i] = 0.0;
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(belowPelvis_);
        inPelvis_.clear();
        for (const Contact& contact : contacts_) inPelvis_.push_back(anatomy::landmarkPosition(skeleton, contact.landmark));
        posed_ = true;
    }

    std::span<const Contact> contacts_;
    anatomy::Pose belowPelvis_;
    std::vector<glm::dvec3> inPelvis_;
    bool posed_ = false;
};

void applyGroup(anatomy::Pose& pose, const CoordinateGroup& group, double delta)
{
    for (anatomy::Coordinate coordinate : group) {
        const anatomy::CoordinateInfo& info = anatomy::coordinateInfo(coordinate);
        pose[coordinate] = std::clamp(pose[coordinate] + delta, info.minimum, info.maximum);
    }
}

} // namespace

anatomy::Pose settleOnFloor(anatomy::Pose pose, std::span<const Contact> contacts,
                            const std::vector<CoordinateGroup>& adjustable, double* worstContactM)
{
    using anatomy::Coordinate;
    if (contacts.empty()) {
        pose = placeOnFloor(pose, contacts);
        if (worstContactM) *worstContactM = 0.0;
        return pose;
    }
    std::vector<CoordinateGroup> groups{{Coordinate::PelvisTy}, {Coordinate::PelvisAnteriorTilt}, {Coordinate::PelvisList}};
    groups.insert(groups.end(), adjustable.begin(), adjustable.end());
    const anatomy::Pose written = pose;
    // Angles (degrees) are pulled back toward what the author wrote, weighted so one degree
    // of change costs as much as half a millimetre of contact error; height is free.
    auto prior = [&](std::size_t group) { return group == 0 ? 0.0 : 0.0005; };
    const std::size_t n = groups.size();
    double damping = 1e-6;
    ContactHeights contactHeights(contacts);
    auto cost = [&](const anatomy::Pose& candidate) {
        double sum = 0.0;
        for (double height : contactHeights(candidate)) sum += height * height;
        for (std::size_t g = 1; g < n; ++g) {
            const double change = candidate[groups[g].front()] - written[groups[g].front()];
            sum += prior(g) * prior(g) * change * change;
        }
        return sum;
    };
    double current = cost(pose);
    for (int iteration = 0; iteration < 40; ++iteration) {
        const std::vector<double> heights = contactHeights(pose);
        // Numerical Jacobian of the contact heights.
        std::vector<std::vector<double>> jacobian(heights.size(), std::vector<double>(n, 0.0));
        for (std::size_t g = 0; g < n; ++g) {
            const double step = g == 0 ? 1e-4 : 1e-3;
            anatomy::Pose plus = pose, minus = pose;
            applyGroup(plus, groups[g], step);
            applyGroup(minus, groups[g], -step);
            const std::vector<double> up = contactHeights(plus);
            const std::vector<double> down = contactHeights(minus);
            for (std::size_t i = 0; i < heights.size(); ++i) jacobian[i][g] = (up[i] - down[i]) / (2.0 * step);
        }
        std::vector<std::vector<double>> normal(n, std::vector<double>(n, 0.0));
        std::vector<double> gradient(n, 0.0);
        for (std::size_t i = 0; i < heights.size(); ++i)
            for (std::size_t a = 0; a < n; ++a) {
                gradient[a] -= jacobian[i][a] * heights[i];
                for (std::size_t b = 0; b < n; ++b) normal[a][b] += jacobian[i][a] * jacobian[i][b];
            }
        for (std::size_t g = 1; g < n; ++g) {
            const double w = prior(g) * prior(g);
            normal[g][g] += w;
            gradient[g] -= w * (pose[groups[g].front()] - written[groups[g].front()]);
        }
        bool improved = false;
        for (int attempt = 0; attempt < 8 && !improved; ++attempt) {
            std::vector<std::vector<double>> damped = normal;
            for (std::size_t g = 0; g < n; ++g) damped[g][g] += damping * (1.0 + normal[g][g]);
            const std::vector<double> delta = solveNormalEquations(damped, gradient);
            anatomy::Pose candidate = pose;
            for (std::size_t g = 0; g < n; ++g) applyGroup(candidate, groups[g], delta[g]);
            const double next = cost(candidate);
            if (next < current) {
                pose = candidate;
                improved = current - next > 1e-14;
                current = next;
                damping = std::max(damping * 0.3, 1e-9);
                if (!improved) break;
            } else {
                damping *= 10.0;
            }
        }
        if (!improved) break;
    }
    pose = placeOnFloor(pose, contacts);
    if (worstContactM) {
        double worst = 0.0;
        for (double height : contactGaps(anatomy::computeSkeleton(pose), contacts)) worst = std::max(worst, height);
        *worstContactM = worst;
    }
    return pose;
}

glm::dvec2 contactCentre(const anatomy::SkeletonPose& skeleton, std::span<const Contact> contacts)
{
    glm::dvec2 sum(0.0);
    for (const Contact& contact : contacts) {
        const glm::dvec3 p = anatomy::landmarkPosition(skeleton, contact.landmark);
        sum += glm::dvec2(p.x, p.z);
    }
    return contacts.empty() ? sum : sum / double(contacts.size());
}

anatomy::Pose anchorContacts(anatomy::Pose pose, std::span<const Contact> contacts, glm::dvec2 target)
{
    if (contacts.empty()) return pose;
    const glm::dvec2 now = contactCentre(anatomy::computeSkeleton(pose), contacts);
    pose[anatomy::Coordinate::PelvisTx] += target.x - now.x;
    pose[anatomy::Coordinate::PelvisTz] += target.y - now.y;
    return pose;
}

anatomy::Pose liftAboveFloor(anatomy::Pose pose)
{
    const double lowest = lowestPointY(anatomy::computeSkeleton(pose));
    if (lowest < 0.0) pose[anatomy::Coordinate::PelvisTy] -= lowest;
    return pose;
}

double lowestPointY(const anatomy::SkeletonPose& skeleton)
{
    double lowest = std::numeric_limits<double>::max();
    // A point with more soft tissue under it than the usual centimetre counts that much higher.
    constexpr double kUsualSinkM = 0.01;
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos())
        lowest = std::min(lowest, anatomy::landmarkPosition(skeleton, info.landmark).y + info.sinkM - kUsualSinkM);
    for (const glm::dmat4& world : skeleton.world) lowest = std::min(lowest, world[3].y);
    return lowest;
}

ContactList sharedContacts(const ContactList& a, const ContactList& b)
{
    ContactList shared;
    for (const Contact& contact : a)
        if (std::find(b.begin(), b.end(), contact) != b.end()) shared.push_back(contact);
    return shared;
}

} // namespace anim
