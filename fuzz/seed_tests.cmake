# The fuzzers' committed seeds as a normal regression test (included from tests/CMakeLists.txt, any
# compiler): each harness is linked with fuzz/seed_main.cpp instead of libFuzzer and replays
# fuzz/corpus/<harness>/ as the ctest fuzz_seeds_<harness> (label io, so scripts/sanitize.sh runs it
# under ASan + UBSan too). A seed that crashes or trips a harness check fails the suite.
set(SITMAP_SEED_HARNESSES fuzz_document fuzz_dates fuzz_events_csv fuzz_events_geojson fuzz_events_gpkg
                          fuzz_briefing fuzz_journal)
set(SITMAP_SEED_TARGETS "")
set(SITMAP_SEED_ENV "SITMAP_DATA_DIR=${PROJECT_SOURCE_DIR}" ${SITMAP_SANITIZER_ENV})
foreach(name IN LISTS SITMAP_SEED_HARNESSES)
  add_executable(seeds_${name} ${PROJECT_SOURCE_DIR}/fuzz/${name}.cpp ${PROJECT_SOURCE_DIR}/fuzz/seed_main.cpp)
  target_link_libraries(seeds_${name} PRIVATE sitmap_io sitmap_core sitmap_warnings)
  target_compile_definitions(seeds_${name} PRIVATE SITMAP_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME fuzz_seeds_${name} COMMAND seeds_${name} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${name})
  set_tests_properties(fuzz_seeds_${name} PROPERTIES LABELS io ENVIRONMENT "${SITMAP_SEED_ENV}")
  list(APPEND SITMAP_SEED_TARGETS seeds_${name})
endforeach()
add_custom_target(fuzz_seeds DEPENDS ${SITMAP_SEED_TARGETS})
