// Image XObjects. See image_embed.h. PoDoFo's PdfImage makes the XObject dictionary and
// links the soft mask; the samples are set as prepared (its own loaders would decode and
// compress the file again, with zlib, on this module's thread).
#include "pdf/image_embed.h"

#include "pdf/podofo_values.h"

namespace vitae::pdf {
namespace {

using namespace PoDoFo;

void set_samples(PdfImage& xobject, int width, int height, EPdfColorSpace space, const StreamData& data, bool dct) {
  xobject.SetImageColorSpace(space);
  PdfDictionary& dict = xobject.GetObject()->GetDictionary();
  dict.AddKey("Width", PdfObject(static_cast<pdf_int64>(width)));
  dict.AddKey("Height", PdfObject(static_cast<pdf_int64>(height)));
  dict.AddKey("BitsPerComponent", PdfObject(static_cast<pdf_int64>(8)));
  set_stream_data(*xobject.GetObject(), data);
  if (dct) dict.AddKey(PdfName::KeyFilter, PdfName("DCTDecode"));
}

}  // namespace

PdfReference embed_image(PdfVecObjects& objects, const ImageStreams& image) {
  PdfImage xobject(&objects, "Im");
  const EPdfColorSpace space = image.components == 1 ? ePdfColorSpace_DeviceGray : ePdfColorSpace_DeviceRGB;
  set_samples(xobject, image.width, image.height, space, image.data, image.dct);
  if (image.soft_mask) {
    PdfImage mask(&objects, "Im");
    set_samples(mask, image.width, image.height, ePdfColorSpace_DeviceGray, *image.soft_mask, false);
    xobject.SetImageSoftmask(&mask);
  }
  return xobject.GetObject()->Reference();
}

}  // namespace vitae::pdf
