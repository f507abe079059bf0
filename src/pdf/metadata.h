// Document metadata: the Info dictionary and the XMP packet, kept in agreement.
#pragma once

#include <cstdint>
#include <string>

#include "vitae/pages.h"

namespace PoDoFo {
class PdfMemDocument;
}

namespace vitae::pdf {

/// The strings both Info and XMP carry.
struct MetadataStrings {
  std::string creator;   ///< the tool that made the source (Info /Creator, xmp:CreatorTool)
  std::string producer;  ///< the tool that wrote the PDF (Info /Producer, pdf:Producer)
};

/// A PDF date string in UTC (PDF 1.7, 7.9.4): "D:20260101120000Z".
std::string pdf_date(int64_t epoch_seconds);

/// An XMP (ISO 8601) date in UTC: "2026-01-01T12:00:00Z".
std::string xmp_date(int64_t epoch_seconds);

/// The XMP packet (UTF-8 XML) whose dc:title, dc:creator, dc:description, dc:subject,
/// dc:language, pdf:Keywords, pdf:Producer, xmp:CreatorTool and dates agree with Info.
/// Empty fields are left out; without a date no date is written.
std::string xmp_packet(const DocumentInfo& info, const MetadataStrings& strings);

/// Sets Info (title, author, subject, keywords, creator, producer, dates, nothing from
/// the clock), /Lang, /ViewerPreferences /DisplayDocTitle and the uncompressed XMP
/// /Metadata stream on the catalog.
/// Throws PoDoFo::PdfError.
void apply_metadata(PoDoFo::PdfMemDocument& doc, const DocumentInfo& info,
                    const MetadataStrings& strings);

}  // namespace vitae::pdf
