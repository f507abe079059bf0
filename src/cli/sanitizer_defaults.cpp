// The sanitizers' default options for the vitae program, compiled in only in sanitizer
// builds (cmake/sanitizers.cmake): a report ends the process with exit status 86, one no
// test expects, so a test that runs `vitae` and checks its status fails on any report.
// ASAN_OPTIONS and the like, when set, are read after these and win key by key.
//
// intercept_tls_get_addr=0: LLVM 14's runtime, tracking the dynamic TLS blocks of libraries
// the program dlopens (the PDF module's), now and then records a garbage block under
// glibc 2.36, and LeakSanitizer's check at exit then crashes scanning it ("Tracer caught
// signal 11", "DTLS 5 at 0x000000000f6e-..."): 3 builds in 100. Without the tracking it
// reaches those blocks from the thread's DTV, as any other heap memory: 0 in 80 builds.

extern "C" {
const char* __asan_default_options() { return "halt_on_error=1:exitcode=86:detect_leaks=1:intercept_tls_get_addr=0"; }
const char* __lsan_default_options() { return "exitcode=86"; }
const char* __ubsan_default_options() { return "halt_on_error=1:exitcode=86:print_stacktrace=1"; }
const char* __tsan_default_options() { return "halt_on_error=1:exitcode=86"; }
}
