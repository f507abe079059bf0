// Collecting and subsetting a document's fonts. See font_plan.h.
#include "pdf_content/font_plan.h"

#include "model/utf8.h"

#include <set>

#include "pdf_content/cff_charset.h"
#include "pdf_content/pdf_number.h"
#include "pdf_content/subset_cache.h"
#include "model/workers.h"
#include "pdf_content/unicode.h"

namespace vitae::pdf {
namespace {

/// Glyph ids and glyph texts of one font, gathered over the document.
struct Usage {
  std::shared_ptr<const Font> font;
  std::vector<bool> used;  ///< by glyph id: a flag per glyph drawn is cheaper than a set
  ToUnicodeTally tally;

  void add_run(const GlyphRun& run) {
    for (const Glyph& g : run.glyphs) {
      if (g.id >= used.size()) used.resize(g.id + 1u, false);
      used[g.id] = true;
    }
    tally.add_run(run);
  }

  std::set<uint16_t> glyphs() const {
    std::set<uint16_t> out;
    for (std::size_t g = 0; g < used.size(); ++g)
      if (used[g]) out.insert(out.end(), static_cast<uint16_t>(g));
    return out;
  }
};

/// The tally's choice, plus the cmap's code point for glyphs that never carry text of
/// their own (marks of decomposed clusters): pdfminer and MuPDF, which ignore /ActualText,
/// then print the mark instead of "(cid:N)".
GlyphTextMap with_fallback_text(const Usage& u, const std::set<uint16_t>& glyphs) {
  GlyphTextMap map = u.tally.choose();
  std::set<uint16_t> missing;
  for (uint16_t g : glyphs)
    if (g != 0 && !map.count(g)) missing.insert(g);
  for (const auto& [glyph, c] : nominal_codepoints(*u.font, missing)) {
    std::string text;
    vitae::append_utf8(text, c);
    map.emplace(glyph, text);
  }
  return map;
}

/// In a CID-keyed CFF font the PDF selects glyphs by CID, and hb-subset keeps the
/// original CIDs in the subset's charset: rewrite the mapping to old glyph -> CID, which is
/// then the code used in content, /W and ToUnicode. Name-keyed CFF and TrueType keep
/// glyph index = code. False when a CID-keyed charset cannot be read.
bool use_cids_as_codes(const Font& font, FontSubset& subset) {
  if (!font.is_cff()) return true;
  const auto cids = cff_glyph_cids(subset.program);
  if (!cids) return true;  // name-keyed (or not parseable as CID-keyed): codes are indices
  for (auto& [old_id, code] : subset.old_to_new) {
    if (code >= cids->size()) return false;
    code = (*cids)[code];
  }
  return true;
}

/// The table behind EmbeddedFont::code, from the subset and the ToUnicode texts.
std::vector<GlyphCode> code_table(const EmbeddedFont& f) {
  std::vector<GlyphCode> codes;
  if (f.subset.old_to_new.empty()) return codes;
  codes.resize(f.subset.old_to_new.back().first + 1u);  // old_to_new is sorted by old id
  for (const auto& [old_id, code] : f.subset.old_to_new)
    codes[old_id] = GlyphCode{true, code, f.width_1000(old_id), {}};
  for (const auto& [old_id, text] : f.to_unicode)
    if (old_id < codes.size()) codes[old_id].text = text;
  return codes;
}

/// Subsets one font and prepares its tables; nullopt and `error` on failure. Touches
/// nothing but `u` (read) and its result, so fonts can be done on several threads.
std::optional<FontSubset> make_subset(const Font& font, const std::set<uint16_t>& glyphs, std::string& error) {
  auto subset = subset_font(font, glyphs, &error);
  if (!subset) return std::nullopt;
  if (!use_cids_as_codes(font, *subset)) {
    error = "cannot embed font: its CFF charset is damaged";
    return std::nullopt;
  }
  return subset;
}

std::optional<EmbeddedFont> embed_usage(const Usage& u, std::size_t index, SubsetCache* cache, std::string& error) {
  const std::set<uint16_t> glyphs = u.glyphs();
  std::optional<FontSubset> subset;
  std::shared_ptr<const CachedSubset> cached;
  if (cache) {
    cached = cache->get(u.font, glyphs, [&] { return make_subset(*u.font, glyphs, error); });
    if (cached) subset = cached->subset();
  } else {
    subset = make_subset(*u.font, glyphs, error);
  }
  if (!subset) return std::nullopt;
  EmbeddedFont f{u.font, "F" + std::to_string(index + 1), std::move(*subset), with_fallback_text(u, glyphs), {},
                 std::move(cached)};
  f.codes = code_table(f);
  return f;
}

/// Every font of the document with its glyphs and texts, in order of first use.
std::optional<std::vector<Usage>> collect_usage(const LaidOutDocument& doc,
                                                std::map<const Font*, std::size_t>& index,
                                                Diagnostics& diags) {
  std::vector<Usage> usages;
  for (const Page& page : doc.pages) {
    for (const GlyphRun& run : page.runs) {
      if (!run.font && !run.glyphs.empty()) {
        diags.error("", {}, "internal error: a glyph run has no font");
        return std::nullopt;
      }
      if (!drawable(run)) continue;
      auto [it, fresh] = index.emplace(run.font.get(), usages.size());
      if (fresh) usages.push_back(Usage{run.font, {}, {}});
      usages[it->second].add_run(run);
    }
  }
  return usages;
}

}  // namespace

std::optional<FontPlan> plan_fonts(const LaidOutDocument& doc, Diagnostics& diags,
                                   Workers* workers, SubsetCache* cache) {
  FontPlan plan;
  const auto usages = collect_usage(doc, plan.index, diags);
  if (!usages) return std::nullopt;
  const std::size_t n = usages->size();
  std::vector<std::optional<EmbeddedFont>> fonts(n);
  std::vector<std::string> errors(n);
  run_tasks(workers, n, [&](std::size_t i) { fonts[i] = embed_usage((*usages)[i], i, cache, errors[i]); });
  for (std::size_t i = 0; i < n; ++i) {
    if (!fonts[i]) {
      diags.error((*usages)[i].font->path(), {}, errors[i]);
      return std::nullopt;
    }
    plan.fonts.push_back(std::move(*fonts[i]));
  }
  return plan;
}

}  // namespace vitae::pdf
