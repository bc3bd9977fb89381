// The atlas holds coverage only (one channel): text and shapes take their colour from the
// vertex, and solid shapes sample the atlas's white texel.
#version 330 core

in vec2 vUv;
in vec4 vColor;

uniform sampler2D uAtlas;

out vec4 fragColor;

void main()
{
    fragColor = vec4(vColor.rgb, vColor.a * texture(uAtlas, vUv).r);
}
