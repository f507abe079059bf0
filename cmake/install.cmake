# `cmake --install build --prefix DIR`: a vitae that runs from DIR, or from wherever DIR is
# moved: the program finds its PDF module and the fonts relative to itself
# (VITAE_MODULE_RELDIR, VITAE_FONT_RELDIR in CMakeLists.txt).
install(TARGETS vitae RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS vitae-pdf LIBRARY DESTINATION "${VITAE_MODULE_INSTALL_DIR}")
# The fonts with their licences and manifest (fonts/README.md says where each came from).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/fonts/" DESTINATION "${VITAE_DATA_INSTALL_DIR}/fonts")
# The layouts are compiled into the program; their files are installed to read and copy.
install(FILES ${VITAE_LAYOUT_FILES} DESTINATION "${VITAE_DATA_INSTALL_DIR}/layouts")
# Generated from the program's help (scripts/gen_manpage.py; tests/scripts/test_manpage.py
# fails when it is out of step).
install(FILES "${PROJECT_SOURCE_DIR}/docs/vitae.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
add_custom_target(manpage
  COMMAND python3 "${PROJECT_SOURCE_DIR}/scripts/gen_manpage.py" "$<TARGET_FILE:vitae>" -o "${PROJECT_SOURCE_DIR}/docs/vitae.1"
  DEPENDS vitae
  COMMENT "Regenerating docs/vitae.1 from the program's help"
  VERBATIM)

# Shell completions, written by the program itself (vitae completions SHELL), so the
# installed scripts are the ones it prints.
set(completion_files)
set(shells bash zsh fish)
set(files vitae _vitae vitae.fish)
set(dirs bash-completion/completions zsh/vendor-completions fish/vendor_completions.d)
foreach(shell file dest IN ZIP_LISTS shells files dirs)
  set(out "${PROJECT_BINARY_DIR}/completions/${shell}/${file}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} "-DPROGRAM=$<TARGET_FILE:vitae>" -DSHELL_NAME=${shell} "-DOUT=${out}"
            -P "${PROJECT_SOURCE_DIR}/cmake/write_completion.cmake"
    DEPENDS vitae "${PROJECT_SOURCE_DIR}/cmake/write_completion.cmake"
    COMMENT "Writing the ${shell} completion"
    VERBATIM)
  list(APPEND completion_files "${out}")
  install(FILES "${out}" DESTINATION "${CMAKE_INSTALL_DATADIR}/${dest}")
endforeach()
add_custom_target(vitae-completions ALL DEPENDS ${completion_files})
