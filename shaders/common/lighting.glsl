// Studio lighting shared by the surface shaders: a key light above and to the left of the
// viewer, a cool fill from the right, a rim light from behind, and a sky/ground ambient.
// Directions are in view space, so the lighting follows the camera like a photo studio.
// Lighting is computed in linear light and encoded to sRGB once, at the end of each shader.

const vec3 kKeyDirection = normalize(vec3(-0.45, 0.65, 0.62));
const vec3 kFillDirection = normalize(vec3(0.70, 0.10, 0.70));
const vec3 kRimDirection = normalize(vec3(0.10, 0.45, -0.90));
const vec3 kKeyColor = vec3(1.00, 0.96, 0.90) * 1.05;
const vec3 kFillColor = vec3(0.80, 0.88, 1.00) * 0.30;
const vec3 kRimColor = vec3(1.00, 1.00, 1.00) * 0.45;
const vec3 kSkyColor = vec3(0.36, 0.38, 0.43);
const vec3 kGroundColor = vec3(0.16, 0.15, 0.14);

// Schlick's approximation with the reflectance of water-like tissue.
float fresnel(float cosine)
{
    return 0.04 + 0.96 * pow(1.0 - max(cosine, 0.0), 5.0);
}

// Diffuse from the three lights and the ambient, with normalised Blinn-Phong highlights from
// the key light (the fill and rim add shape, not sparkle, and skipping their highlights
// saves two powers a pixel). `occlusion` darkens the ambient and, more gently, the direct light.
vec3 studioLight(vec3 albedo, vec3 normal, vec3 toEye, float roughness, float specularStrength, float occlusion)
{
    float shininess = mix(128.0, 6.0, roughness);
    float norm = (shininess + 8.0) / 25.0;
    float cosine = max(dot(normal, toEye), 0.0);
    float f = fresnel(cosine);

    float direct = mix(1.0, occlusion, 0.5);
    vec3 diffuse = mix(kGroundColor, kSkyColor, normal.y * 0.5 + 0.5) * occlusion;
    diffuse += kKeyColor * max(dot(normal, kKeyDirection), 0.0) * direct;
    diffuse += kFillColor * max(dot(normal, kFillDirection), 0.0) * direct;
    diffuse += kRimColor * max(dot(normal, kRimDirection), 0.0) * direct;
    vec3 halfway = normalize(kKeyDirection + toEye);
    float keyLambert = max(dot(normal, kKeyDirection), 0.0);
    float specular = pow(max(dot(normal, halfway), 0.0), shininess) * norm * keyLambert;
    // A soft sheen along the silhouette stands in for the rim light's highlight.
    float sheen = (1.0 - cosine) * (1.0 - cosine) * 0.25;
    return albedo * diffuse + kKeyColor * specularStrength * f * specular + kRimColor * specularStrength * sheen * f;
}

// Filmic tone curve (Narkowicz's fit of the ACES curve).
vec3 toneMap(vec3 linear)
{
    vec3 x = linear;
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

// The sRGB transfer function, for the 8-bit target.
vec3 encodeSrgb(vec3 linear)
{
    return mix(linear * 12.92, 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, linear));
}

// What every surface shader writes: tone-mapped, display-encoded colour.
vec3 toDisplay(vec3 linear)
{
    return encodeSrgb(toneMap(linear));
}
