# Writes hamstring-trainer.1 with help2man from the app's own --help and --version, adding a
# CONTROLS section made from --controls-markdown (the table F1 and the README show).
# cmake -DAPP=... -DHELP2MAN=... -DOUT=... -DWORK=... -P man_page.cmake
execute_process(COMMAND "${APP}" --controls-markdown OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${APP} --controls-markdown failed (${rc})")
endif()
# Markdown rows "| Input | Action |" become man paragraphs: the input in bold, its action indented.
string(REPLACE "\n" ";" rows "${table}")
set(section "[CONTROLS]\n")
foreach(row IN LISTS rows)
  if(row MATCHES "^\\|[-|]+\\|$" OR row MATCHES "^\\| *Input *\\|")
    continue()   # the header and its rule
  endif()
  if(NOT row MATCHES "^\\|(.*)\\|(.*)\\|$")   # last, so CMAKE_MATCH_n are this row's
    continue()
  endif()
  string(STRIP "${CMAKE_MATCH_1}" input)
  string(STRIP "${CMAKE_MATCH_2}" action)
  foreach(text input action)
    string(REPLACE "\\" "\\\\" ${text} "${${text}}")
    string(REPLACE "`" "" ${text} "${${text}}")
    if("${${text}}" MATCHES "^[.']")
      set(${text} "\\&${${text}}")   # a leading dot or quote would read as a request
    endif()
  endforeach()
  string(APPEND section ".TP\n.B ${input}\n${action}\n")
endforeach()
string(APPEND section "[FILES]\n.TP\n.I $XDG_CONFIG_HOME/hamstring-trainer/settings.toml\n"
  "Settings and lesson progress (~/.config when XDG_CONFIG_HOME is unset).\n"
  ".TP\n.I /usr/share/hamstring-trainer\nShaders, scenes, lessons and the model (found beside the executable).\n"
  "[SEE ALSO]\nThe lessons cite their sources in the app and in printed handouts. For learning, not diagnosis.\n")
file(WRITE "${WORK}/controls.h2m" "${section}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section 1
          --name "real-time 3D trainer for the hamstring muscles"
          --include "${WORK}/controls.h2m" --output "${OUT}" "${APP}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc}) on ${APP}")
endif()
# Debian installs man pages compressed; -n keeps the archive free of a time stamp.
execute_process(COMMAND gzip -9 -n -f -k "${OUT}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gzip failed (${rc}) on ${OUT}")
endif()
