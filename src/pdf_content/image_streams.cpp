// Image streams. See image_streams.h.
#include "pdf_content/image_streams.h"

#include <stdexcept>

#include "image/png.h"

namespace vitae::pdf {

ImagePlan plan_images(const LaidOutDocument& doc) {
  ImagePlan plan;
  for (const Page& page : doc.pages)
    for (const PlacedImage& placed : page.images)
      if (placed.image && !plan.index_of(placed.image.get())) plan.images.push_back(placed.image);
  return plan;
}

ImageStreams image_streams(const ImageFile& image, Deflater* deflater) {
  ImageStreams out;
  out.width = image.width;
  out.height = image.height;
  out.components = image.components;
  if (image.format == ImageFormat::Jpeg) {
    out.data = StreamData{image.bytes, false};  // already compressed: Flate would gain nothing
    out.dct = true;
    return out;
  }
  std::string why;
  std::optional<image::Pixels> px = image::decode_png(image.bytes, &why);
  if (!px) throw std::runtime_error("the photo '" + image.path + "' " + why);
  out.width = px->width;
  out.height = px->height;
  out.components = px->components;
  out.data = prepare_stream(px->color, deflater);
  if (!px->alpha.empty()) out.soft_mask = prepare_stream(px->alpha, deflater);
  return out;
}

}  // namespace vitae::pdf
