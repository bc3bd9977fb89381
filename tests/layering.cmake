# Checks that engine modules include only the modules before them in the order README.md
# states, in its line "Module order (...): core, anatomy, ...". The order is read from the
# README so the two cannot drift. Fails on an #include that reaches a later module, on a module
# folder the order does not name, and on a named module that has no folder.
#   cmake -DSOURCE_DIR=<repository root> -P tests/layering.cmake
cmake_minimum_required(VERSION 3.20)

if(NOT SOURCE_DIR)
  message(FATAL_ERROR "layering: pass -DSOURCE_DIR=<repository root>")
endif()

# The order, from README.md.
file(STRINGS "${SOURCE_DIR}/README.md" order_lines REGEX "^Module order")
list(LENGTH order_lines order_line_count)
if(NOT order_line_count EQUAL 1)
  message(FATAL_ERROR "layering: README.md needs exactly one line 'Module order (...): core, anatomy, ...'; "
                      "found ${order_line_count}")
endif()
if(NOT order_lines MATCHES "^Module order[^:]*: *([a-z_]+(, *[a-z_]+)*)\\.?$")
  message(FATAL_ERROR "layering: cannot read the module list in README.md: '${order_lines}'")
endif()
string(REGEX REPLACE ", *" ";" modules "${CMAKE_MATCH_1}")
set(problems "")

# Every module folder is in the order, and every module in the order has a folder.
file(GLOB entries RELATIVE "${SOURCE_DIR}/engine" "${SOURCE_DIR}/engine/*")
foreach(entry IN LISTS entries)
  if(IS_DIRECTORY "${SOURCE_DIR}/engine/${entry}" AND NOT entry IN_LIST modules)
    list(APPEND problems "engine/${entry}: a module folder that README.md's module order does not name")
  endif()
endforeach()
foreach(module IN LISTS modules)
  if(NOT IS_DIRECTORY "${SOURCE_DIR}/engine/${module}")
    list(APPEND problems "README.md: the module order names '${module}', but engine/${module} does not exist")
  endif()
endforeach()

# Every include of a module's header from a module before it.
foreach(module IN LISTS modules)
  list(FIND modules "${module}" module_index)
  file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/engine/${module}/*.h" "${SOURCE_DIR}/engine/${module}/*.cpp")
  list(SORT sources)
  foreach(source IN LISTS sources)
    file(STRINGS "${SOURCE_DIR}/${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<][a-z_]+/")
    if(NOT includes)
      continue()
    endif()
    file(READ "${SOURCE_DIR}/${source}" text)
    set(search_from 0)
    foreach(include IN LISTS includes)
      string(REGEX MATCH "[\"<]([a-z_]+)/([^\">]*)" target "${include}")
      set(included "${CMAKE_MATCH_1}")
      set(header "${CMAKE_MATCH_1}/${CMAKE_MATCH_2}")
      list(FIND modules "${included}" included_index)
      if(included_index GREATER module_index)
        # The line number: where this include line stands, after the previous one found.
        string(SUBSTRING "${text}" ${search_from} -1 rest)
        string(FIND "${rest}" "${include}" offset)
        if(offset LESS 0)
          set(offset 0)
        endif()
        math(EXPR at "${search_from} + ${offset}")
        string(SUBSTRING "${text}" 0 ${at} before)
        string(REGEX MATCHALL "\n" newlines "${before}")
        list(LENGTH newlines line)
        math(EXPR line "${line} + 1")
        math(EXPR search_from "${at} + 1")
        list(APPEND problems "${source}:${line}: ${module} includes ${header}, but ${included} comes after ${module} in the module order")
      endif()
    endforeach()
  endforeach()
endforeach()

string(REPLACE ";" ", " order_text "${modules}")
if(problems)
  # One unwrapped line per problem, so file:line stays clickable.
  foreach(problem IN LISTS problems)
    message(NOTICE "${problem}")
  endforeach()
  list(LENGTH problems count)
  message(FATAL_ERROR "layering: ${count} problem(s) against the module order in README.md: ${order_text}")
endif()
list(LENGTH modules module_count)
message(STATUS "layering: the includes of ${module_count} modules follow README.md's order")
