// ParagraphCache: set paragraphs, memoised. The variants of a CV in a batch share most of
// their paragraphs (the same text at the same width in the same styles), and breaking a
// paragraph into lines is most of a layout's work; fitting to N pages re-runs layout with
// other values and meets the same paragraphs again. set_paragraph is a pure function of
// its spec and hyphenator, so a paragraph from the cache is the same as one set afresh.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "layout/inline.h"

namespace vitae {

/// The store, keyed by everything set_paragraph reads. Thread-safe; shares the lifetime
/// rule of ShapeCache: fonts are named by address, so it must not outlive the FontLibrary
/// they come from.
class ParagraphCache {
 public:
  /// The key of `spec` set with `hyphenator` (null: none).
  static std::string key(const ParagraphSpec& spec, const Hyphenator* hyphenator);
  /// The paragraph stored under `key`, or null.
  std::shared_ptr<const SetParagraph> find(const std::string& key) const;
  /// Stores `p` under `key` unless one is there already, and returns the stored one.
  std::shared_ptr<const SetParagraph> insert(std::string key, SetParagraph p);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const SetParagraph>> paragraphs_;
};

}  // namespace vitae
