# Sanitizer and fuzzing builds (docs/reliability.md). Included by the top-level
# CMakeLists.txt before any target is made, so the flags reach every library.
#
#   -DVITAE_SANITIZE=ON                          AddressSanitizer + UBSan (the default list)
#   -DVITAE_SANITIZE=ON -DVITAE_SANITIZERS=thread ThreadSanitizer (the batch tests)
#   -DVITAE_FUZZ=ON (clang only)                 also the libFuzzer harnesses of fuzz/: the
#                                                libraries get -fsanitize=fuzzer-no-link, the
#                                                harnesses -fsanitize=fuzzer
#
# UBSan is fatal (-fno-sanitize-recover=all): a report ends the process, so it fails the test.
option(VITAE_SANITIZE "Build with sanitizers (VITAE_SANITIZERS; AddressSanitizer and UBSan by default)" OFF)
set(VITAE_SANITIZERS "address,undefined" CACHE STRING
    "The -fsanitize= list of a VITAE_SANITIZE build: address,undefined or thread")
option(VITAE_FUZZ "Build the libFuzzer harnesses of fuzz/ (clang; implies VITAE_SANITIZE)" OFF)

if(VITAE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VITAE_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(VITAE_SANITIZE ON CACHE BOOL "" FORCE)
  if(VITAE_SANITIZERS MATCHES "thread")
    message(FATAL_ERROR "VITAE_FUZZ runs its harnesses under address,undefined, not thread")
  endif()
endif()

if(VITAE_SANITIZE)
  set(_vitae_san "-fsanitize=${VITAE_SANITIZERS}")
  add_compile_options(${_vitae_san} -fno-omit-frame-pointer)
  add_link_options(${_vitae_san})
  if(VITAE_SANITIZERS MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=all)
  endif()
  if(VITAE_FUZZ)
    # Coverage for libFuzzer in every library; the fuzzer's main only in fuzz/'s harnesses.
    # Programs without the fuzzer (tests, vitae) get the coverage hooks' weak defaults
    # from the sanitizer runtime.
    add_compile_options(-fsanitize=fuzzer-no-link)
  endif()
  # Where the sanitizers' runtime options come from in tests (tests/CMakeLists.txt): every
  # report goes to a file under sanitizer-reports/ (scripts/test.sh prints and fails on
  # any, including those of a `vitae` run by a script test whose exit status is not
  # looked at) and ends the process with exit status 86.
  set(VITAE_SANITIZER_REPORTS "${PROJECT_BINARY_DIR}/sanitizer-reports")
  set(_vitae_common "halt_on_error=1:exitcode=86:log_path=${VITAE_SANITIZER_REPORTS}/report")
  set(VITAE_SANITIZER_ENV
      # intercept_tls_get_addr=0: see src/cli/sanitizer_defaults.cpp.
      "ASAN_OPTIONS=${_vitae_common}:detect_leaks=1:abort_on_error=0:intercept_tls_get_addr=0"
      "UBSAN_OPTIONS=${_vitae_common}:print_stacktrace=1"
      "LSAN_OPTIONS=exitcode=86:log_path=${VITAE_SANITIZER_REPORTS}/report"
      "TSAN_OPTIONS=${_vitae_common}:second_deadlock_stack=1")
endif()

# Unity builds (-DCMAKE_UNITY_BUILD=ON; scripts/test.sh uses them for the sanitizer
# folders): the libraries only, tests/CMakeLists.txt turns them off for the tests, whose
# files share helper names. Of the libraries' files, these define the same names in
# anonymous namespaces (ms_since, Clock) and are compiled apart.
if(CMAKE_UNITY_BUILD)
  set_source_files_properties(src/pipeline/batch.cpp PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endif()
