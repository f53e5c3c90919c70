# One INTERFACE target carrying warnings (and optional sanitizers) that every target links.
add_library(sitmap_warnings INTERFACE)
target_compile_options(sitmap_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  # Designated initialisers that leave fields at their defaults are the intended idiom (STYLE.md 2).
  -Wno-missing-field-initializers)
if(SITMAP_WERROR)
  target_compile_options(sitmap_warnings INTERFACE -Werror)
endif()
# ASan + UBSan. UBSan does not recover: the first report aborts the process (with gcc and clang
# alike), so a report can never scroll past unnoticed in a test's or a child process's output.
if(SITMAP_SANITIZE OR SITMAP_FUZZ)
  target_compile_options(sitmap_warnings INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=undefined
                                                   -fno-omit-frame-pointer)
  target_link_options(sitmap_warnings INTERFACE -fsanitize=address,undefined)
endif()
# libFuzzer: coverage instrumentation in every sitmap target (the harnesses in fuzz/ add the
# fuzzer's main). Those libraries still link into ordinary programs, e.g. the tests.
if(SITMAP_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SITMAP_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(sitmap_warnings INTERFACE -fsanitize=fuzzer-no-link)
endif()
