# One INTERFACE target carrying warnings (and optional sanitizers) that every target links.
add_library(sitmap_warnings INTERFACE)
target_compile_options(sitmap_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  # Designated initialisers that leave fields at their defaults are the intended idiom (STYLE.md 2).
  -Wno-missing-field-initializers)
if(SITMAP_WERROR)
  target_compile_options(sitmap_warnings INTERFACE -Werror)
endif()
if(SITMAP_SANITIZE)
  target_compile_options(sitmap_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(sitmap_warnings INTERFACE -fsanitize=address,undefined)
endif()
