#include "pipeline/output.h"

#include <chrono>

namespace vitae {

int64_t current_time_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace vitae
