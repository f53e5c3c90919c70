# Installing sitmap like a Debian package: `cmake --install build --prefix P` puts the binary in
# P/bin, the shipped data in P/share/sitmap (geodata/ and assets/, which app/data_paths.cpp finds
# from the executable's prefix), a .desktop entry, an icon and a man page made from --help
# (help2man). `cpack -G DEB` in the build tree then builds sitmap_<version>_<arch>.deb whose
# library dependencies come from dpkg-shlibdeps (Debian's package names).
include(GNUInstallDirs)

install(TARGETS sitmap RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/geodata DESTINATION ${CMAKE_INSTALL_DATADIR}/sitmap)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/fonts ${PROJECT_SOURCE_DIR}/assets/documents
                  ${PROJECT_SOURCE_DIR}/assets/briefings DESTINATION ${CMAKE_INSTALL_DATADIR}/sitmap/assets)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/sitmap.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/sitmap.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)

find_program(SITMAP_HELP2MAN help2man)
if(SITMAP_HELP2MAN)
  set(manpage ${CMAKE_BINARY_DIR}/sitmap.1.gz)
  add_custom_command(OUTPUT ${manpage}
    COMMAND ${PROJECT_SOURCE_DIR}/packaging/make-manpage.sh $<TARGET_FILE:sitmap> ${PROJECT_VERSION} ${manpage}
    DEPENDS sitmap ${PROJECT_SOURCE_DIR}/packaging/make-manpage.sh
    COMMENT "Writing the man page from sitmap --help (help2man)")
  add_custom_target(sitmap_manpage ALL DEPENDS ${manpage})
  install(FILES ${manpage} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page (Debian: apt-get install help2man)")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sitmap)
set(CPACK_PACKAGE_VENDOR "sitmap")
set(CPACK_PACKAGE_CONTACT "sitmap maintainers <sitmap@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "situation map of the South Caucasus from news documents")
set(CPACK_PACKAGE_DESCRIPTION
    "sitmap extracts dated, geocoded events from news documents and draws them over South Caucasus geodata with a date slider; `sitmap render` writes maps and briefings as images without a display.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY sitmap)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # sitmap_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the shared libraries dpkg-shlibdeps finds: Mesa's EGL and software rasteriser, which GLVND
# loads at run time (render on a machine without a GPU), and PROJ's database, which GDAL opens.
# FFmpeg's runtime libraries (video export) are named too, though dpkg-shlibdeps finds them as well.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libegl-mesa0, libgl1-mesa-dri, proj-data, libavcodec59, libavformat59, libswscale6, libavutil57")
include(CPack)
