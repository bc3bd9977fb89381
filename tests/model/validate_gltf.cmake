# Validates a glTF file with the Khronos glTF validator, installing it with npm into a cache
# folder in the build tree the first time. Fails on any error; warnings are listed.
# Usage: cmake -DMODEL=file.glb -DNPM_PREFIX=<build>/npm -DSCRIPT=validate_gltf.js -P validate_gltf.cmake
set(VALIDATOR_VERSION "2.0.0-dev.3.10")
find_program(NODE node REQUIRED)
if(NOT EXISTS "${NPM_PREFIX}/node_modules/gltf-validator/package.json")
  find_program(NPM npm REQUIRED)
  message(STATUS "Installing gltf-validator@${VALIDATOR_VERSION} into ${NPM_PREFIX}")
  execute_process(
    COMMAND "${NPM}" install --prefix "${NPM_PREFIX}" --no-audit --no-fund "gltf-validator@${VALIDATOR_VERSION}"
    RESULT_VARIABLE installed)
  if(NOT installed EQUAL 0)
    message(FATAL_ERROR "npm could not install gltf-validator@${VALIDATOR_VERSION} (is the npm registry reachable?)")
  endif()
endif()
execute_process(COMMAND "${NODE}" "${SCRIPT}" "${NPM_PREFIX}" "${MODEL}" RESULT_VARIABLE valid)
if(NOT valid EQUAL 0)
  message(FATAL_ERROR "the glTF validator reports errors in ${MODEL}")
endif()
