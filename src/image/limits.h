// What an image may be: the limits keep a hostile or mistaken file (a 60-megapixel camera
// original, a decompression bomb) from costing memory and time. A photo printed 3.5 cm
// wide needs about 400 pixels across at 300 dpi; 10,000 is far beyond any use.
#pragma once

#include <cstddef>

namespace vitae::image {

inline constexpr int kMaxSide = 10000;                         ///< pixels, width and height
inline constexpr std::size_t kMaxBytes = 20 * 1024 * 1024;    ///< the file

}  // namespace vitae::image
