#version 330 core
// Surface shading for every structure, written as display-encoded sRGB (translucent skin
// therefore blends in sRGB space: a small, deliberate approximation that saves a decode and
// encode per pixel on software rasterisers).
// Every structure: Each material has its own detail: muscle fibres
// running along the belly, glossy tendon, matte grained bone, translucent skin that is most
// visible at its silhouette, and an optional colour map of a muscle quantity. A muscle
// without a map shows its state (common/muscle_state.glsl). A highlight is a rim of light
// along the silhouette (and an outline pass, see Renderer::drawOutline), never a tint.

#include "common/lighting.glsl"
#include "common/noise.glsl"
#include "common/colormap.glsl"
#include "common/muscle_state.glsl"

in vec3 vViewPosition;
in vec3 vViewNormal;
in vec3 vObjectPosition;
in vec3 vMuscle;
in float vOcclusion;

uniform vec4 uBaseColor;       // linear RGB and opacity
uniform float uRoughness;
uniform int uMaterial;         // 0 plain, 1 muscle, 2 tendon, 3 bone, 4 skin, 5 nerve
uniform vec3 uHighlightColor;
uniform float uHighlight;      // 0: none, 1: full highlight
uniform float uMapValue;       // < 0: natural colour; else a 0..1 value shown in cividis
uniform bool uFlat;            // outline pass: the highlight colour, unlit

out vec4 fragColor;

void main()
{
    if (uFlat) {
        fragColor = vec4(encodeSrgb(uHighlightColor), 1.0);
        return;
    }
    vec3 normal = normalize(vViewNormal);
    vec3 toEye = normalize(-vViewPosition);
    if (!gl_FrontFacing) normal = -normal;

    // The state's colour goes under the surface detail, so the fibres still show through it.
    bool showsState = uMaterial == 1 && uMapValue < 0.0;
    vec3 albedo = showsState ? stateAlbedo(uBaseColor.rgb, vMuscle, true) : uBaseColor.rgb;
    float roughness = uRoughness;
    float specular = 1.0 - roughness * 0.7;
    // Baked per vertex; squared so creases read clearly while open surfaces stay untouched.
    float occlusion = vOcclusion * vOcclusion;
    float alpha = uBaseColor.a;

    // Material: how shiny each tissue is.
    if (uMaterial == 2) {
        roughness = min(roughness, 0.3);
        specular = 1.2;
    } else if (uMaterial == 3) {
        specular = 0.25;
    }
    // Detail: fibres, gloss, grain.
    {
        if (uMaterial == 1) {
            // Fibres: fine ridges around the muscle, gathered into bundles that waver along it.
            float bundles = valueNoise2(vec2(vMuscle.x * 8.0, vMuscle.y * 9.0));
            float fibres = sin(vMuscle.y * 140.0 + bundles * 6.0);
            albedo *= 0.9 + 0.07 * fibres + 0.1 * bundles;
            specular *= 0.8 + 0.4 * max(fibres, 0.0);
        } else if (uMaterial == 2) {
            albedo *= 0.96 + 0.04 * sin(vMuscle.y * 220.0);
        } else if (uMaterial == 3) {
            albedo *= 0.93 + 0.1 * valueNoise(vObjectPosition * 140.0);
        } else if (uMaterial == 5) {
            albedo *= 0.93 + 0.07 * sin(vMuscle.y * 60.0);
        }
    }
    if (uMapValue >= 0.0) albedo = cividis(uMapValue) * 0.8;

    vec3 color = studioLight(albedo, normal, toEye, roughness, specular, occlusion);
    if (showsState) color += stateGlow(vMuscle);
    if (uMaterial == 4) {
        // Skin: light passes through; what is seen is mostly the edge, as with a glass model.
        float edge = 1.0 - abs(dot(normal, toEye));
        alpha = clamp(uBaseColor.a * (0.45 + 1.3 * edge * edge), 0.0, 1.0);
        color += vec3(0.9, 0.45, 0.35) * edge * edge * 0.25;
    }
    float rim = pow(1.0 - max(dot(normal, toEye), 0.0), 3.0);
    color += uHighlightColor * (uHighlight * 0.9 * rim);
    fragColor = vec4(toDisplay(color), alpha);
}
