# Determinism: the generator run again, in a process of its own, writes the bytes of the model
# the build made with it in another: two runs, two processes, the same file.
# Usage: cmake -DGENERATOR=ht-modelgen -DWORK=<folder> -DBUILT=<build>/assets/hamstring_trainer.glb -P generate_twice.cmake
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${GENERATOR}" --output "${WORK}/again.glb" RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
  message(FATAL_ERROR "running ${GENERATOR} again failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/again.glb" "${BUILT}" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "${GENERATOR} wrote a file that differs from ${BUILT}, which the build made with it: "
                      "either the generator is not deterministic or the built model is stale (rebuild)")
endif()
file(SIZE "${WORK}/again.glb" bytes)
message(STATUS "identical: ${bytes} bytes")
