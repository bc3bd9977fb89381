// The colours of a muscle's state, shared by the per-pixel (mesh.frag) and per-vertex
// (mesh.vert, lowest quality) lighting so every quality level tells the same story:
// relaxed is the natural colour; a contraction turns warm (orange); a cramp glows hotter
// (amber) with a pulse and a fasciculation ripple running along its fibres; a stretch shows
// blue bands along the fibres that widen as the strain grows. Orange against blue stays apart
// for red-green colour vision deficiencies, and both stand out from the dark red of muscle.

uniform float uActivation;  // voluntary, 0..1
uniform float uCramp;       // involuntary (cramp) activation, 0..1
uniform float uStretch;     // passive tension of a stretch, 0..1
uniform float uTimeS;       // scene time: the pulse and the ripple move with the lesson

const vec3 kActiveHue = vec3(0.85, 0.17, 0.015);  // linear: deep orange
const vec3 kCrampHue = vec3(1.0, 0.30, 0.025);    // linear: hot orange, lighter: the pulse's peak
const vec3 kStretchHue = vec3(0.08, 0.30, 1.0);  // linear: blue

// A cramp's glow rises and falls about once a second and a half, like a throb.
float crampPulse()
{
    return 0.5 + 0.5 * sin(uTimeS * 6.2831853 * 0.7);
}

// Fasciculation: bundles of fibres twitching out of step, each a wave running along the
// muscle (path coordinate `muscle.x`, 0..1) with its own phase by bundle (around, `muscle.y`).
// -1..1.
float fasciculation(vec3 muscle)
{
    float bundle = floor((muscle.y + 3.14159265) * 1.3);
    float phase = fract(sin(bundle * 12.9898) * 43758.5453) * 6.2831853;
    float flicker = 0.55 + 0.45 * sin(uTimeS * 5.3 + phase * 2.0);
    return sin(muscle.x * 42.0 - uTimeS * 11.0 + phase) * flicker;
}

// The albedo of a muscle in its state. `fine`: per pixel, with the stretch's bands; per vertex
// the bands would alias, so the stretch hue is laid on evenly there.
vec3 stateAlbedo(vec3 albedo, vec3 muscle, bool fine)
{
    float contraction = smoothstep(0.04, 0.6, uActivation);
    float cramp = smoothstep(0.04, 0.6, uCramp);
    float stretch = smoothstep(0.02, 0.7, uStretch);
    if (stretch > 0.0) {
        // Bands along the fibres (constant along the muscle, changing around it); the blue part
        // of each band widens with the strain until the belly is blue.
        float band = fine ? 0.5 + 0.5 * sin(muscle.y * 22.0) : 0.5;
        float cover = smoothstep(1.05 - stretch, 1.25 - stretch, band);
        albedo = mix(albedo, kStretchHue, stretch * (0.3 + 0.6 * cover));
    }
    albedo = mix(albedo, kActiveHue, 0.65 * contraction);
    if (cramp > 0.0) {
        float pulse = crampPulse();
        albedo = mix(albedo, mix(kActiveHue, kCrampHue, pulse), cramp * (0.7 + 0.25 * pulse));
    }
    return albedo;
}

// Light the state gives off, added after lighting so it reads on the shaded side too (the
// back of a classroom sees hue before shading). The cramp's glow throbs and ripples.
vec3 stateGlow(vec3 muscle)
{
    float contraction = smoothstep(0.04, 0.6, uActivation);
    float cramp = smoothstep(0.04, 0.6, uCramp);
    float stretch = smoothstep(0.02, 0.7, uStretch);
    vec3 glow = kActiveHue * 0.10 * contraction + kStretchHue * 0.06 * stretch;
    if (cramp > 0.0) {
        float ripple = fasciculation(muscle);
        glow += kCrampHue * cramp * (0.04 + 0.10 * crampPulse()) * (1.0 + 0.9 * ripple);
    }
    return glow;
}
