#include "layout/paragraph_cache.h"

#include <cstring>

namespace vitae {

namespace {

template <typename T>
void put(std::string& key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

void put_text(std::string& key, const std::string& s) {
  put(key, s.size());
  key += s;
}

void put_style(std::string& key, const TextStyle& st) {
  put(key, st.font.get());
  put(key, st.chain.fonts.size());
  for (const auto& f : st.chain.fonts) put(key, f.get());
  put(key, st.chain.library);
  put(key, st.chain.bundled_fallbacks);
  put(key, st.chain.weight);
  put(key, st.chain.style);
  put(key, st.size.to_pt());
  put(key, st.color);
  put(key, st.features.size());
  for (const std::string& f : st.features) put_text(key, f);
  put(key, st.bold);
  put(key, st.italic);
  put(key, st.underline);
  put(key, st.rise.to_pt());
}

}  // namespace

std::string ParagraphCache::key(const ParagraphSpec& spec, const Hyphenator* hyphenator) {
  std::string key;
  put(key, spec.width.to_pt());
  put(key, spec.align);
  put(key, spec.leading.to_pt());
  put(key, spec.hyphenate);
  put(key, hyphenator);
  for (const StyledText& span : spec.spans) {
    put_text(key, span.text);
    put_text(key, span.link);
    put_style(key, span.style);
  }
  return key;
}

std::shared_ptr<const SetParagraph> ParagraphCache::find(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = paragraphs_.find(key);
  return it == paragraphs_.end() ? nullptr : it->second;
}

std::shared_ptr<const SetParagraph> ParagraphCache::insert(std::string key, SetParagraph p) {
  auto made = std::make_shared<const SetParagraph>(std::move(p));
  std::lock_guard<std::mutex> lock(mutex_);
  return paragraphs_.emplace(std::move(key), std::move(made)).first->second;
}

}  // namespace vitae
