// The sanitizers' default options for the vitae program, compiled in only in sanitizer
// builds (cmake/sanitizers.cmake): a report ends the process with exit status 86, one no
// test expects, so a test that runs `vitae` and checks its status fails on any report.
// ASAN_OPTIONS and the like, when set, are read after these and win key by key.

extern "C" {
const char* __asan_default_options() { return "halt_on_error=1:exitcode=86:detect_leaks=1"; }
const char* __lsan_default_options() { return "exitcode=86"; }
const char* __ubsan_default_options() { return "halt_on_error=1:exitcode=86:print_stacktrace=1"; }
const char* __tsan_default_options() { return "halt_on_error=1:exitcode=86"; }
}
