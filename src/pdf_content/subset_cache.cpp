#include "pdf_content/subset_cache.h"

namespace vitae::pdf {

StreamData CachedSubset::program(Deflater* deflater) const {
  const int level = deflater ? deflater->level() : -1;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = programs_.find(level); it != programs_.end()) return it->second;
  }
  StreamData made = prepare_stream(subset_.program, deflater);
  std::lock_guard<std::mutex> lock(mutex_);
  return programs_.emplace(level, std::move(made)).first->second;
}

std::shared_ptr<const CachedSubset> SubsetCache::get(const std::shared_ptr<const Font>& font,
                                                     const std::set<uint16_t>& glyphs,
                                                     const std::function<std::optional<FontSubset>()>& make) {
  std::string ids;
  ids.reserve(glyphs.size() * 2);
  for (uint16_t g : glyphs) {
    ids += static_cast<char>(g >> 8);
    ids += static_cast<char>(g & 0xff);
  }
  std::pair<const Font*, std::string> key{font.get(), std::move(ids)};
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) return it->second;
  }
  std::optional<FontSubset> subset = make();
  if (!subset) return nullptr;
  auto made = std::make_shared<const CachedSubset>(std::move(*subset));
  std::lock_guard<std::mutex> lock(mutex_);
  fonts_.insert(font);
  return entries_.emplace(std::move(key), std::move(made)).first->second;
}

}  // namespace vitae::pdf
