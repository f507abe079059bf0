#include "pipeline/input_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace vitae {

std::optional<std::string> read_input_file(const std::string& path, std::size_t limit, std::string* error) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return *error = std::strerror(errno), std::nullopt;
  if (S_ISDIR(st.st_mode)) return *error = "it is a directory", std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return *error = std::strerror(errno), std::nullopt;
  // The size from stat, capped: a file that grows while read, or reports no size (a pipe),
  // is still read only up to the limit.
  std::size_t want = S_ISREG(st.st_mode) ? std::min<std::size_t>(st.st_size, limit) + 1 : limit + 1;
  std::string text(want, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  std::size_t got = static_cast<std::size_t>(in.gcount());
  while (got == text.size() && got <= limit) {  // grew since stat: read on, to the limit
    text.resize(std::min(text.size() * 2, limit + 1));
    in.read(text.data() + got, static_cast<std::streamsize>(text.size() - got));
    got += static_cast<std::size_t>(in.gcount());
    if (in.gcount() == 0) break;
  }
  text.resize(got);
  return text;
}

}  // namespace vitae
