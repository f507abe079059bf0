// Info dictionary and XMP metadata. See metadata.h.
#include "pdf/metadata.h"

#include <podofo/podofo.h>

#include <chrono>

#include "pdf_content/flate.h"
#include "pdf/podofo_values.h"

namespace vitae::pdf {
namespace {

using namespace PoDoFo;

struct Civil {
  int year;
  unsigned month, day, hour, minute, second;
};

/// UTC calendar fields of an epoch time (no time zone, no locale: C++20 calendar types).
Civil civil(int64_t t) {
  using namespace std::chrono;
  const sys_seconds tp{seconds{t}};
  const sys_days day = floor<days>(tp);
  const year_month_day ymd{day};
  const hh_mm_ss hms{tp - day};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()), static_cast<unsigned>(hms.hours().count()),
          static_cast<unsigned>(hms.minutes().count()), static_cast<unsigned>(hms.seconds().count())};
}

std::string pad(long v, int width) {
  std::string s = std::to_string(v < 0 ? -v : v);
  if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
  return v < 0 ? "-" + s : s;
}

/// Escapes XML metacharacters and drops the control characters XML 1.0 forbids.
std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

/// Keywords "a, b,c" -> {"a", "b", "c"} for dc:subject.
std::vector<std::string> split_keywords(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    std::string item = s.substr(start, end - start);
    const auto b = item.find_first_not_of(" \t");
    const auto e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = end + 1;
  }
  return out;
}

std::string xmp_alt(const char* tag, const std::string& v) {
  return std::string("   <") + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(v) +
         "</rdf:li></rdf:Alt></" + tag + ">\n";
}

std::string xmp_list(const char* tag, const char* kind, const std::vector<std::string>& items) {
  std::string s = std::string("   <") + tag + "><rdf:" + kind + ">";
  for (const auto& i : items) s += "<rdf:li>" + xml_escape(i) + "</rdf:li>";
  return s + "</rdf:" + kind + "></" + tag + ">\n";
}

std::string xmp_simple(const char* tag, const std::string& v) {
  return std::string("   <") + tag + ">" + xml_escape(v) + "</" + tag + ">\n";
}


}  // namespace

std::string pdf_date(int64_t t) {
  const Civil c = civil(t);
  return "D:" + pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + pad(c.hour, 2) +
         pad(c.minute, 2) + pad(c.second, 2) + "Z";
}

std::string xmp_date(int64_t t) {
  const Civil c = civil(t);
  return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(c.hour, 2) +
         ":" + pad(c.minute, 2) + ":" + pad(c.second, 2) + "Z";
}

std::string xmp_packet(const DocumentInfo& info, const MetadataStrings& strings) {
  std::string s =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
      "   <dc:format>application/pdf</dc:format>\n";
  if (!info.title.empty()) s += xmp_alt("dc:title", info.title);
  if (!info.author.empty()) s += xmp_list("dc:creator", "Seq", {info.author});
  if (!info.subject.empty()) s += xmp_alt("dc:description", info.subject);
  if (!info.keywords.empty()) {
    s += xmp_list("dc:subject", "Bag", split_keywords(info.keywords));
    s += xmp_simple("pdf:Keywords", info.keywords);
  }
  if (!info.lang.empty()) s += xmp_list("dc:language", "Bag", {info.lang});
  if (!strings.producer.empty()) s += xmp_simple("pdf:Producer", strings.producer);
  if (!strings.creator.empty()) s += xmp_simple("xmp:CreatorTool", strings.creator);
  if (info.date) {
    const std::string d = xmp_date(*info.date);
    s += xmp_simple("xmp:CreateDate", d) + xmp_simple("xmp:ModifyDate", d) +
         xmp_simple("xmp:MetadataDate", d);
  }
  s += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
  // Trailing padding lets tools update the packet in place (XMP spec part 1, 7.3.3).
  for (int i = 0; i < 8; ++i) s += std::string(63, ' ') + "\n";
  return s + "<?xpacket end=\"w\"?>";
}

void apply_metadata(PdfMemDocument& doc, const DocumentInfo& info, const MetadataStrings& strings) {
  PdfInfo* pinfo = doc.GetInfo();
  PdfDictionary& dict = pinfo->GetObject()->GetDictionary();
  // PoDoFo stamps the clock into Info on creation: remove it, set only what we know.
  dict.RemoveKey("CreationDate");
  dict.RemoveKey("ModDate");
  if (!info.title.empty()) pinfo->SetTitle(text_string(info.title));
  if (!info.author.empty()) pinfo->SetAuthor(text_string(info.author));
  if (!info.subject.empty()) pinfo->SetSubject(text_string(info.subject));
  if (!info.keywords.empty()) pinfo->SetKeywords(text_string(info.keywords));
  pinfo->SetCreator(text_string(strings.creator));
  pinfo->SetProducer(text_string(strings.producer));
  if (info.date) {
    const PdfString d(pdf_date(*info.date));
    dict.AddKey("CreationDate", d);
    dict.AddKey("ModDate", d);
  }
  PdfDictionary& catalog = doc.GetCatalog()->GetDictionary();
  if (!info.lang.empty()) catalog.AddKey("Lang", text_string(info.lang));
  if (!info.title.empty()) {
    // Viewers show the title rather than the file name in their window title.
    PdfDictionary prefs;
    prefs.AddKey("DisplayDocTitle", PdfVariant(true));
    catalog.AddKey("ViewerPreferences", prefs);
  }

  // XMP must stay uncompressed so that tools which do not parse PDF can find it
  // (XMP spec part 3, 1.1.4).
  PdfObject* xmp = doc.GetObjects().CreateObject("Metadata");
  xmp->GetDictionary().AddKey("Subtype", PdfName("XML"));
  const std::string packet = xmp_packet(info, strings);
  set_stream_data(*xmp, StreamData{packet, false});
  catalog.AddKey("Metadata", xmp->Reference());
}

}  // namespace vitae::pdf
