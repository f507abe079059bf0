# Writes `PROGRAM completions SHELL_NAME` to OUT (cmake/install.cmake), through a temporary
# file so that a failed run leaves no half-written script.
get_filename_component(dir "${OUT}" DIRECTORY)
file(MAKE_DIRECTORY "${dir}")
execute_process(COMMAND "${PROGRAM}" completions "${SHELL_NAME}" OUTPUT_FILE "${OUT}.tmp" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(REMOVE "${OUT}.tmp")
  message(FATAL_ERROR "${PROGRAM} completions ${SHELL_NAME} failed: ${rc}")
endif()
file(RENAME "${OUT}.tmp" "${OUT}")
