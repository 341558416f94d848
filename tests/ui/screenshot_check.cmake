cmake_minimum_required(VERSION 3.25)
# Renders the sale screen after the demo script under Xvfb and checks the PNG a person would open:
# a real PNG, the window's size, and not blank (a blank 1024x768 PNG compresses to ~5 KB).
# Variables: XVFB_RUN, POS_TERMINAL, SCRIPT, WORK_DIR.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(png ${WORK_DIR}/sale.png)
execute_process(
  COMMAND ${XVFB_RUN} -a -s "-screen 0 1024x768x24"
          ${POS_TERMINAL} --data ${WORK_DIR}/data --script ${SCRIPT} --screenshot ${png}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pos-terminal --screenshot exited with ${rc}:\n${out}\n${err}")
endif()
file(READ ${png} header LIMIT 24 HEX)
string(SUBSTRING "${header}" 0 16 signature)
string(SUBSTRING "${header}" 32 16 size)
if(NOT signature STREQUAL "89504e470d0a1a0a")
  message(FATAL_ERROR "${png} is not a PNG (starts with ${signature})")
endif()
if(NOT size STREQUAL "0000040000000300")
  message(FATAL_ERROR "${png} is not 1024x768 (IHDR size bytes ${size})")
endif()
file(SIZE ${png} bytes)
if(bytes LESS 30000)
  message(FATAL_ERROR "${png} is only ${bytes} bytes: the screen looks blank")
endif()
message(STATUS "screenshot ok: ${png} (${bytes} bytes)")
file(REMOVE_RECURSE ${WORK_DIR})
