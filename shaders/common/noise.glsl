// Small procedural noise for surface detail (bone grain, fibre irregularity): value noise
// from an integer hash, smooth between lattice points. Cheap enough for a software rasteriser.

float hash13(vec3 p)
{
    p = fract(p * 0.1031);
    p += dot(p, p.zyx + 31.32);
    return fract((p.x + p.y) * p.z);
}

// Two-dimensional value noise: four hashes instead of eight, for detail that only needs a
// surface parameterisation (the muscle's along and around coordinates).
float valueNoise2(vec2 p)
{
    vec2 cell = floor(p);
    vec2 f = fract(p);
    vec2 u = f * f * (3.0 - 2.0 * f);
    float a = mix(hash13(vec3(cell, 0.0)), hash13(vec3(cell + vec2(1, 0), 0.0)), u.x);
    float b = mix(hash13(vec3(cell + vec2(0, 1), 0.0)), hash13(vec3(cell + vec2(1, 1), 0.0)), u.x);
    return mix(a, b, u.y);
}

float valueNoise(vec3 p)
{
    vec3 cell = floor(p);
    vec3 f = fract(p);
    vec3 u = f * f * (3.0 - 2.0 * f);
    float a = mix(hash13(cell + vec3(0, 0, 0)), hash13(cell + vec3(1, 0, 0)), u.x);
    float b = mix(hash13(cell + vec3(0, 1, 0)), hash13(cell + vec3(1, 1, 0)), u.x);
    float c = mix(hash13(cell + vec3(0, 0, 1)), hash13(cell + vec3(1, 0, 1)), u.x);
    float d = mix(hash13(cell + vec3(0, 1, 1)), hash13(cell + vec3(1, 1, 1)), u.x);
    return mix(mix(a, b, u.y), mix(c, d, u.y), u.z);
}
