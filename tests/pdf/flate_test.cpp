// Flate compression done before PoDoFo: round trips through an independent inflater,
// levels, determinism, and the stream dictionaries it leaves.
#include <gtest/gtest.h>

#include <memory>
#include <random>

#include "pdf/podofo_values.h"
#include "pdf_content/flate.h"

namespace vitae::pdf {
namespace {

using namespace PoDoFo;

/// Inflates with PoDoFo's FlateDecode filter (zlib's inflate), as a PDF reader would.
std::string inflate(const std::string& compressed) {
  std::unique_ptr<PdfFilter> filter(PdfFilterFactory::Create(ePdfFilter_FlateDecode));
  char* out = nullptr;
  pdf_long size = 0;
  filter->Decode(compressed.data(), static_cast<pdf_long>(compressed.size()), &out, &size);
  std::string result(out, static_cast<std::size_t>(size));
  podofo_free(out);
  return result;
}

/// One stream at `level`, through a compressor of its own.
std::string flate(std::string_view bytes, int level) { return Deflater(level).compress(bytes); }

/// Content-stream-like text: repetitive operators and hex glyph strings.
std::string sample(std::size_t lines) {
  std::mt19937 rng(7);
  std::string s;
  for (std::size_t i = 0; i < lines; ++i) {
    s += "BT\n/F1 10 Tf\n1 0 0 1 72 " + std::to_string(700 - i) + " Tm\n[<";
    for (int g = 0; g < 12; ++g) s += "00" + std::to_string(10 + rng() % 80);
    s += ">] TJ\nET\n";
  }
  return s;
}

TEST(Flate, RoundTripsAtEveryLevel) {
  const std::string text = sample(400);
  const std::string binary(std::string("\0\x01\xFF\x80", 4) + text + std::string(70000, '\x7F'));
  for (int level = 0; level <= 12; ++level) {
    for (const std::string& in : {text, binary, std::string()}) {
      const std::string z = flate(in, level);
      EXPECT_EQ(inflate(z), in) << "level " << level << ", " << in.size() << " bytes";
      EXPECT_EQ(flate(in, level), z) << "deterministic";
    }
  }
}

TEST(Flate, CompressesAndLevelsTradeSizeForWork) {
  const std::string text = sample(400);
  const std::string fast = flate(text, 1), best = flate(text, 12);
  EXPECT_LT(fast.size(), text.size() / 3);
  EXPECT_LE(best.size(), fast.size());
  EXPECT_GT(flate(text, 0).size(), text.size()) << "level 0 stores";
}

TEST(Flate, ADeflaterKeptForManyStreamsGivesTheSameBytesAsFreshOnes) {
  Deflater kept(1);
  for (std::size_t lines : {400u, 3u, 0u, 50u}) {
    const std::string text = sample(lines);
    EXPECT_EQ(kept.compress(text), flate(text, 1)) << lines << " lines";
  }
  EXPECT_EQ(prepare_stream("q Q", nullptr).bytes, "q Q");
  EXPECT_FALSE(prepare_stream("q Q", nullptr).flate);
}

TEST(Flate, StreamDataSetsFilterAndLength) {
  PdfMemDocument doc;
  PdfObject* obj = doc.GetObjects().CreateObject();
  const std::string text = sample(50);
  Deflater level2(2);
  set_stream_data(*obj, prepare_stream(text, &level2));
  const PdfDictionary& dict = obj->GetDictionary();
  ASSERT_TRUE(dict.HasKey("Filter"));
  EXPECT_EQ(dict.GetKey("Filter")->GetName().GetName(), "FlateDecode");
  EXPECT_EQ(dict.GetKey("Length")->GetNumber(),
            static_cast<pdf_int64>(flate(text, 2).size()));
  char* copy = nullptr;
  pdf_long size = 0;
  obj->GetStream()->GetFilteredCopy(&copy, &size);  // decoded through /Filter, as a reader
  EXPECT_EQ(std::string(copy, static_cast<std::size_t>(size)), text);
  podofo_free(copy);

  set_stream_data(*obj, prepare_stream("q Q", nullptr));
  EXPECT_FALSE(obj->GetDictionary().HasKey("Filter")) << "replacing drops the old filter";
  obj->GetStream()->GetFilteredCopy(&copy, &size);
  EXPECT_EQ(std::string(copy, static_cast<std::size_t>(size)), "q Q");
  podofo_free(copy);
}

}  // namespace
}  // namespace vitae::pdf
