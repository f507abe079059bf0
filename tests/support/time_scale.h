// How much slower the code under test may run than in a plain build: the time bounds of
// the tests that guard against quadratic work on hostile input are multiplied by it.
// Sanitizer builds (ASan, UBSan, TSan, with libFuzzer's coverage hooks) run several times
// slower and define VITAE_TEST_TIME_SCALE (tests/CMakeLists.txt, docs/reliability.md).
#pragma once

namespace vitae::testing {

#ifdef VITAE_TEST_TIME_SCALE
inline constexpr double kTimeScale = VITAE_TEST_TIME_SCALE;
#else
inline constexpr double kTimeScale = 1;
#endif

}  // namespace vitae::testing
