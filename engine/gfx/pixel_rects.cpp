#include "gfx/pixel_rects.h"

namespace gfx {

glm::ivec4 rectAnd(const glm::ivec4& a, const glm::ivec4& b)
{
    const glm::ivec2 low = glm::max(glm::ivec2(a.x, a.y), glm::ivec2(b.x, b.y));
    const glm::ivec2 high = glm::min(glm::ivec2(a.x + a.z, a.y + a.w), glm::ivec2(b.x + b.z, b.y + b.w));
    return glm::ivec4(low, glm::max(high - low, glm::ivec2(0)));
}

std::vector<glm::ivec4> rectMinus(const glm::ivec4& a, const glm::ivec4& b)
{
    const glm::ivec4 inside = rectAnd(a, b);
    if (inside.z <= 0 || inside.w <= 0) return {a};
    const int right = a.x + a.z, top = a.y + a.w;
    const int insideRight = inside.x + inside.z, insideTop = inside.y + inside.w;
    std::vector<glm::ivec4> parts;
    const glm::ivec4 bands[] = {{a.x, a.y, a.z, inside.y - a.y},
                                {a.x, insideTop, a.z, top - insideTop},
                                {a.x, inside.y, inside.x - a.x, inside.w},
                                {insideRight, inside.y, right - insideRight, inside.w}};
    for (const glm::ivec4& band : bands)
        if (band.z > 0 && band.w > 0) parts.push_back(band);
    return parts;
}

std::vector<glm::ivec4> rectsMinus(const std::vector<glm::ivec4>& rects, const glm::ivec4& b)
{
    std::vector<glm::ivec4> parts;
    for (const glm::ivec4& rect : rects) {
        const std::vector<glm::ivec4> outside = rectMinus(rect, b);
        parts.insert(parts.end(), outside.begin(), outside.end());
    }
    return parts;
}

} // namespace gfx
