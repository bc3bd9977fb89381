// Studio lighting shared by the mesh shaders: a key light above and to the left of the
// viewer, a cool fill from the right, a rim light from behind, and a sky/ground ambient.
// All directions are in view space, so the lighting follows the camera like a photo studio.

const vec3 kKeyDirection = normalize(vec3(-0.45, 0.65, 0.62));
const vec3 kFillDirection = normalize(vec3(0.70, 0.10, 0.70));
const vec3 kRimDirection = normalize(vec3(0.10, 0.45, -0.90));
const vec3 kKeyColor = vec3(1.00, 0.96, 0.90) * 1.05;
const vec3 kFillColor = vec3(0.80, 0.88, 1.00) * 0.30;
const vec3 kRimColor = vec3(1.00, 1.00, 1.00) * 0.45;
const vec3 kSkyColor = vec3(0.36, 0.38, 0.43);
const vec3 kGroundColor = vec3(0.16, 0.15, 0.14);

// Blinn-Phong specular scaled so rough surfaces keep their energy, with a Schlick Fresnel.
vec3 studioLight(vec3 albedo, vec3 normal, vec3 toEye, float roughness, float specularStrength)
{
    float shininess = mix(96.0, 6.0, roughness);
    float norm = (shininess + 8.0) / 25.0;
    float fresnel = 0.04 + 0.96 * pow(1.0 - max(dot(normal, toEye), 0.0), 5.0);

    vec3 color = albedo * mix(kGroundColor, kSkyColor, normal.y * 0.5 + 0.5);
    vec3 directions[3] = vec3[3](kKeyDirection, kFillDirection, kRimDirection);
    vec3 colors[3] = vec3[3](kKeyColor, kFillColor, kRimColor);
    for (int i = 0; i < 3; ++i) {
        float lambert = max(dot(normal, directions[i]), 0.0);
        vec3 halfway = normalize(directions[i] + toEye);
        float specular = pow(max(dot(normal, halfway), 0.0), shininess) * norm;
        color += colors[i] * lambert * (albedo + specularStrength * fresnel * specular);
    }
    return color;
}

// Filmic tone curve (Narkowicz's ACES fit) then the sRGB transfer function.
vec3 toDisplay(vec3 linear)
{
    vec3 x = linear;
    vec3 mapped = clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
    return mix(mapped * 12.92, 1.055 * pow(mapped, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, mapped));
}
