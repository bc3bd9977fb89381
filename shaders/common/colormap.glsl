// Cividis: a perceptually uniform colour map designed to read the same to viewers with
// red-green colour vision deficiency (Nunez, Anderton and Renslow, PLoS ONE 2018). Six
// samples of the published map at t = 0, 0.2, ... 1 (sRGB, 0-255), interpolated in sRGB
// and returned as linear light for the sRGB render target.
vec3 cividis(float t)
{
    const vec3 samples[6] = vec3[6](vec3(0.0, 34.0, 78.0), vec3(53.0, 69.0, 108.0), vec3(102.0, 105.0, 112.0),
                                    vec3(148.0, 142.0, 119.0), vec3(200.0, 184.0, 102.0), vec3(254.0, 232.0, 56.0));
    float x = clamp(t, 0.0, 1.0) * 5.0;
    int i = min(int(floor(x)), 4);
    vec3 srgb = mix(samples[i], samples[i + 1], x - float(i)) / 255.0;
    return mix(srgb / 12.92, pow((srgb + 0.055) / 1.055, vec3(2.4)), step(0.04045, srgb));
}
