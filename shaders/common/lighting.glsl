// Studio lighting shared by the surface shaders: a key light above and to the left of the
// viewer, a cool fill from the right, a rim light from behind, and a sky/ground ambient.
// Directions are in view space, so the lighting follows the camera like a photo studio.
// Everything here is linear light; the sRGB render target encodes it.

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

// Diffuse plus normalised Blinn-Phong specular from the three lights and the ambient.
// `occlusion` darkens the ambient and, more gently, the direct light.
vec3 studioLight(vec3 albedo, vec3 normal, vec3 toEye, float roughness, float specularStrength, float occlusion)
{
    float shininess = mix(128.0, 6.0, roughness);
    float norm = (shininess + 8.0) / 25.0;
    float f = fresnel(dot(normal, toEye));

    vec3 color = albedo * mix(kGroundColor, kSkyColor, normal.y * 0.5 + 0.5) * occlusion;
    vec3 directions[3] = vec3[3](kKeyDirection, kFillDirection, kRimDirection);
    vec3 colors[3] = vec3[3](kKeyColor, kFillColor, kRimColor);
    float direct = mix(1.0, occlusion, 0.5);
    for (int i = 0; i < 3; ++i) {
        float lambert = max(dot(normal, directions[i]), 0.0);
        vec3 halfway = normalize(directions[i] + toEye);
        float specular = pow(max(dot(normal, halfway), 0.0), shininess) * norm;
        color += colors[i] * lambert * direct * (albedo + specularStrength * f * specular);
    }
    return color;
}

// Filmic tone curve (Narkowicz's fit of the ACES curve), still linear: the sRGB target encodes.
vec3 toneMap(vec3 linear)
{
    vec3 x = linear;
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}
