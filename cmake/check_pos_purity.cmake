cmake_minimum_required(VERSION 3.25)
# Fails if a file in POS_DIR (or FILES, for the rule's own test) includes anything but the
# standard library and pos/ itself, or uses floating point. Run with cmake -P.
set(std_headers algorithm array atomic cassert cctype charconv chrono cinttypes climits compare
    concepts cstddef cstdint cstdio cstdlib cstring ctime deque exception functional initializer_list
    iomanip ios iosfwd iostream iterator limits list map memory mutex numeric optional ostream
    random ranges set span sstream stdexcept string string_view system_error tuple type_traits
    unordered_map unordered_set utility variant vector)
if(NOT FILES)
  file(GLOB FILES ${POS_DIR}/*.hpp ${POS_DIR}/*.cpp)
endif()
set(problems "")
foreach(f IN LISTS FILES)
  file(STRINGS ${f} lines)
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    if(line MATCHES "^[ \t]*(//|/?\\*)")
      continue()  # comments, including the lines of a block comment
    endif()
    # String and character literals may say "0.450 kg"; code may not.
    string(REGEX REPLACE "\"([^\"\\\\]|\\\\.)*\"" "\"\"" code "${line}")
    string(REGEX REPLACE "'([^'\\\\]|\\\\.)*'" "''" code "${code}")
    string(REGEX REPLACE "//.*$" "" code "${code}")
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*<([^>]+)>")
      if(NOT CMAKE_MATCH_1 IN_LIST std_headers)
        string(APPEND problems "${f}:${n}: includes <${CMAKE_MATCH_1}>, not a standard header\n")
      endif()
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
      if(NOT CMAKE_MATCH_1 MATCHES "^pos/")
        string(APPEND problems "${f}:${n}: includes \"${CMAKE_MATCH_1}\" from outside pos/\n")
      endif()
    endif()
    if(code MATCHES "(^|[^A-Za-z0-9_])(float|double)([^A-Za-z0-9_]|$)")
      string(APPEND problems "${f}:${n}: uses floating point: ${line}\n")
    elseif(code MATCHES "(^|[^A-Za-z0-9_.'])[0-9]+(\\.[0-9]*([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)[fFlL]?([^A-Za-z0-9_.]|$)")
      string(APPEND problems "${f}:${n}: uses a floating-point literal: ${line}\n")
    elseif(code MATCHES "(^|[^A-Za-z0-9_.])\\.[0-9]+([eE][-+]?[0-9]+)?[fFlL]?([^A-Za-z0-9_.]|$)")
      string(APPEND problems "${f}:${n}: uses a floating-point literal: ${line}\n")
    endif()
  endforeach()
endforeach()
if(problems)
  # NOTICE prints the findings unwrapped, one per line, so editors and tests can read them.
  message(NOTICE "${problems}")
  message(FATAL_ERROR "pos/ must use only the standard library and integers (see above)")
endif()
