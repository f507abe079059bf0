// Every design key writes its own field and nothing else. The table stores fields by
// address (src/load/design_keys.cpp), so a key whose value type does not match its field
// would write over the next field, as the page margins once did (design_margins_test):
// for each key, set alone, every other key must keep its value.
#include <gtest/gtest.h>

#include "load/design_keys.h"
#include "load/load.h"

namespace vitae {
namespace {

using load::DesignKey;
using load::DesignValue;

/// A value unlike the one `plain` holds, as YAML.
std::string value_for(const DesignKey& k, Design& plain) {
  switch (k.type) {
    case DesignValue::Length:
    case DesignValue::AbsLength: return "3.7cm";
    case DesignValue::Color: return "'rgb(1, 2, 3)'";
    case DesignValue::Bool: return *static_cast<bool*>(k.field(plain)) ? "false" : "true";
    case DesignValue::String:
    case DesignValue::Template: return "'Q'";
    case DesignValue::Choice:
    case DesignValue::PageSize:
      for (const std::string& c : k.choices)
        if (c != *static_cast<std::string*>(k.field(plain))) return c;
      return k.choices.front();
    case DesignValue::StringList: return "[q]";
    case DesignValue::Features: return "[onum]";
    case DesignValue::Font: return "Linux Libertine O";
    case DesignValue::Fraction: return "37%";
  }
  return "";
}

/// Whether key `k` holds the same value in `a` and `b`, read as the type its DesignValue says.
bool same(const DesignKey& k, Design& a, Design& b) {
  void* x = k.field(a);
  void* y = k.field(b);
  switch (k.type) {
    case DesignValue::Length: return *static_cast<Length*>(x) == *static_cast<Length*>(y);
    case DesignValue::AbsLength: return static_cast<Abs*>(x)->to_pt() == static_cast<Abs*>(y)->to_pt();
    case DesignValue::Color: return *static_cast<Color*>(x) == *static_cast<Color*>(y);
    case DesignValue::Bool: return *static_cast<bool*>(x) == *static_cast<bool*>(y);
    case DesignValue::String:
    case DesignValue::Template:
    case DesignValue::Choice:
    case DesignValue::PageSize: return *static_cast<std::string*>(x) == *static_cast<std::string*>(y);
    case DesignValue::StringList:
    case DesignValue::Features:
      return *static_cast<std::vector<std::string>*>(x) == *static_cast<std::vector<std::string>*>(y);
    case DesignValue::Font: return static_cast<FontChoice*>(x)->family == static_cast<FontChoice*>(y)->family;
    case DesignValue::Fraction: return *static_cast<double*>(x) == *static_cast<double*>(y);
  }
  return false;
}

Design design_with(const std::string& set) {
  Diagnostics diags;
  std::optional<Document> doc = load_document({"cv.yaml", "cv:\n  name: Ada\n" + set}, diags);
  EXPECT_TRUE(doc) << set << (diags.all().empty() ? "" : diags.all()[0].message);
  return doc ? doc->design : Design{};
}

TEST(DesignFields, EachKeyWritesOnlyItsOwnField) {
  Design plain = design_with("");
  for (const DesignKey& k : load::design_keys()) {
    const std::string v = value_for(k, plain);
    Design d = design_with("set:\n  design." + k.path + ": " + v + "\n");
    EXPECT_FALSE(same(k, d, plain)) << "design." << k.path << " = " << v << " was not stored";
    for (const DesignKey& other : load::design_keys()) {
      if (&other == &k) continue;
      // A page size sets the page's width and height too, which are not keys.
      EXPECT_TRUE(same(other, d, plain)) << "setting design." << k.path << " changed design." << other.path;
    }
  }
}

}  // namespace
}  // namespace vitae
