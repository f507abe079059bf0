#include "layout/layout.h"

#include <algorithm>
#include <set>

#include "layout/columns.h"
#include "model/fields.h"
#include "layout/paginate.h"
#include "layout/realize.h"
#include "layout/shape_cache.h"
#include "linebreak/knuth_plass.h"
#include "text/font_library.h"

namespace vitae {

namespace {

// RenderCV's footer and top-note templates: NAME, PAGE_NUMBER, TOTAL_PAGES, LAST_UPDATED,
// CURRENT_DATE; "--" is an en dash as in Typst markup.
std::string fill_page_template(std::string t, const Document& doc, int page, int pages, const std::string& today) {
  replace_all(t, "PAGE_NUMBER", std::to_string(page));
  replace_all(t, "TOTAL_PAGES", std::to_string(pages));
  replace_all(t, "LAST_UPDATED", doc.locale.last_updated);
  replace_all(t, "CURRENT_DATE", today);
  replace_all(t, "NAME", doc.cv.name.markup);
  replace_all(t, "--", "\u2013");
  return t;
}

std::vector<std::string> font_files(const Styles& styles, const LaidOutDocument& doc) {
  std::set<std::string> files;
  for (int r = 0; r < 6; ++r)
    for (bool bold : {false, true})
      for (bool italic : {false, true})
        if (const auto& f = styles.get(static_cast<Role>(r), bold, italic).font) files.insert(f->path());
  for (const Page& page : doc.pages)
    for (const GlyphRun& run : page.runs)
      if (run.font) files.insert(run.font->path());
  return {files.begin(), files.end()};
}

// More pages than the limit: an error where the first page past it ends, and only the
// pages within it are made (the build fails; no PDF is written).
int within_page_limit(PageColumns& columns, const Document& doc, int limit, Diagnostics& diags) {
  const int total = static_cast<int>(columns.pages());
  if (total <= limit) return total;
  SourceLoc at;
  for (const ColumnPages& c : columns.columns)
    if (c.slices.size() > static_cast<std::size_t>(limit)) {
      at = c.slices[limit].overfull_loc;
      break;
    }
  diags.error(doc.path_of(at), at,
              "the CV runs to " + std::to_string(total) + " pages; the limit is " + std::to_string(limit) +
                  " (page " + std::to_string(limit + 1) + " ends here)",
              "a CV is a few pages: is this the right file, or is a section repeated?");
  return limit;
}

Page make_page(const Design& d) {
  Page p;
  p.width = d.page.width;
  p.height = d.page.height;
  return p;
}

}  // namespace

LayoutResult layout_document(const Document& doc, const FontLibrary& fonts, const LayoutOptions& options,
                             Diagnostics& diags) {
  LayoutResult result;
  const Design& d = doc.design;
  Styles styles = resolve_styles(doc, fonts, diags);
  ShapeCache local_cache;
  ShapeCache& cache = options.shape_cache ? *options.shape_cache : local_cache;
  Shaper shaper(cache);
  linebreak::LineBreaker breaker;
  Abs text_width = d.page.width - d.page.left_margin - d.page.right_margin;
  Abs goal = d.page.height - d.page.top_margin - d.page.bottom_margin;
  RealizeContext ctx{doc, styles, InlineContext{&shaper, options.hyphenator, &breaker, options.paragraph_cache, options.deadline}, diags, result.stats, text_width, goal,
                     options.today, false};

  PageColumns columns = lay_out_columns(ctx, options.workers);
  int total = within_page_limit(columns, doc, options.page_limit, diags);
  std::string today = options.today ? format_date(*options.today, doc.locale, "MONTH_NAME YEAR") : "";
  const Point origin{d.page.left_margin, d.page.top_margin};
  for (int i = 0; i < total; ++i) {
    Page page = make_page(d);
    if (i == 0) std::move(columns.header).place_on(page, origin);
    Abs used = i == 0 ? columns.header.height : Abs::zero();
    for (ColumnPages& c : columns.columns) {
      if (static_cast<std::size_t>(i) >= c.slices.size()) continue;
      PageSlice& s = c.slices[i];
      if (s.overfull) diags.warning(doc.path_of(s.overfull_loc), s.overfull_loc, "content does not fit on a page; it runs into the bottom margin");
      const Abs top = i == 0 ? columns.header_room : Abs::zero();
      used = std::max(used, top + s.used);
      std::move(s.frame).place_on(page, {origin.x + c.x, origin.y + top});
    }
    if (i == 0 && d.page.show_top_note && options.today) {
      std::string note = fill_page_template(d.templates.top_note, doc, 1, total, today);
      Frame f = realize_line(ctx, note, Role::Footer, text_width, Align::Right);
      for (GlyphRun& r : f.runs) r.color = d.colors.top_note;
      const Abs top = d.page.top_margin / 2 - f.height / 2;
      std::move(f).place_on(page, {d.page.left_margin, top});
    }
    if (total > 1 && d.page.show_footer) {
      std::string foot = fill_page_template(d.templates.footer, doc, i + 1, total, today);
      Frame f = realize_line(ctx, foot, Role::Footer, text_width, Align::Center);
      const Abs top = d.page.height - d.page.bottom_margin / 2 - f.height / 2;
      std::move(f).place_on(page, {d.page.left_margin, top});
    }
    result.doc.pages.push_back(std::move(page));
    result.page_used.push_back(used);
  }
  result.stats.pages = total;
  result.font_files = font_files(styles, result.doc);

  DocumentInfo& info = result.doc.info;
  std::string title = doc.settings.pdf_title;
  replace_all(title, "NAME", doc.cv.name.markup);
  info.title = title;
  info.author = doc.cv.name.markup;
  info.subject = "Curriculum vitae";
  info.lang = doc.locale.bcp47;
  return result;
}

}  // namespace vitae
