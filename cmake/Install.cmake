# `cmake --install build --prefix P` gives a working installation that finds everything from
# the location of P/bin/vardval (options.cpp, plugin_host.cpp), never from this source tree:
#   P/bin/vardval                           the CLI
#   P/lib/libvardval_core.so                the core library (RUNPATH $ORIGIN/../lib)
#   P/lib/vardval/plugins/*.so              the component plugins (RUNPATH $ORIGIN/../..)
#   P/share/vardval/config/vardval.yaml     the installation config; `regions: ../regions`
#   P/share/vardval/regions/                the shipped regions, models and samples
#   P/share/man/man1/vardval.1              the man page, and the bash completion, both
#   P/share/bash-completion/completions/vardval  written from the CLI's own option definitions
# `lib` is fixed (not GNUInstallDirs' lib/<multiarch>): the binary looks for ../lib/vardval.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

install(TARGETS vardval RUNTIME DESTINATION bin)
install(TARGETS vardval_core LIBRARY DESTINATION lib)
get_property(_vardval_plugins GLOBAL PROPERTY VARDVAL_PLUGINS)
# The plugin folder and its libraries must be writable by their owner only (plugin_host.cpp).
set_target_properties(${_vardval_plugins} PROPERTIES INSTALL_RPATH "$ORIGIN/../..")
install(TARGETS ${_vardval_plugins} LIBRARY DESTINATION lib/vardval/plugins)
install(FILES ${PROJECT_SOURCE_DIR}/config/vardval.yaml DESTINATION share/vardval/config)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/regions DESTINATION share/vardval)
# Written at build time by tools/vardval/CMakeLists.txt.
install(FILES ${CMAKE_BINARY_DIR}/share/man/man1/vardval.1 DESTINATION share/man/man1)
install(FILES ${CMAKE_BINARY_DIR}/share/bash-completion/completions/vardval
        DESTINATION share/bash-completion/completions)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/vardval)

# `cpack -G DEB --config build/CPackConfig.cmake`: a .deb installing under /usr. Its
# dependencies are the Debian packages of the libraries the binary, the core and the plugins
# link (readelf -d NEEDED, each file found with dpkg -S on bookworm); the SOCI backends bring
# libsqlite3-0 and libpq5.
set(CPACK_PACKAGE_NAME vardval)
set(CPACK_PACKAGE_VENDOR "vardval")
set(CPACK_PACKAGE_CONTACT "vardval maintainers <vardval@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "primary-care remuneration (vårdval) for Swedish regions: models, runs, explanations")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)  # the .deb without debug info: a tenth of the size
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libgcc-s1, libstdc++6, libfmt9, libspdlog1.10, libyaml-cpp0.7, libssl3, libsoci-core4.0, libsoci-sqlite3-4.0, libsoci-postgresql4.0")
include(CPack)
