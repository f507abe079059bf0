// JPEG headers with libjpeg. See jpeg.h. libjpeg's default error handler exits the
// process: ours longjmps back to read_header, whose frame holds no C++ objects, so the
// jump skips no destructor.
#include "image/jpeg.h"

#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE

#include <jpeglib.h>

namespace vitae::image {
namespace {

struct ErrorManager {
  jpeg_error_mgr pub;  // first: libjpeg sees a jpeg_error_mgr*
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void on_error(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void ignore_message(j_common_ptr) {}  // warnings (e.g. extraneous bytes) go nowhere

struct Header {
  int width = 0, height = 0, components = 0, precision = 0;
  J_COLOR_SPACE space = JCS_UNKNOWN;
};

/// True with `out` filled, or false with `err.message` set.
bool read_header(const std::string& bytes, ErrorManager& err, Header& out) {
  jpeg_decompress_struct cinfo;
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = on_error;
  err.pub.output_message = ignore_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  out = {static_cast<int>(cinfo.image_width), static_cast<int>(cinfo.image_height), cinfo.num_components,
         cinfo.data_precision, cinfo.jpeg_color_space};
  jpeg_destroy_decompress(&cinfo);
  return true;
}

}  // namespace

std::optional<ImageFile> jpeg_header(const std::string& bytes, std::string* error) {
  ErrorManager err{};
  Header h;
  if (!read_header(bytes, err, h)) return *error = std::string("is not a readable JPEG image (libjpeg: ") + err.message + ")", std::nullopt;
  if (h.space == JCS_CMYK || h.space == JCS_YCCK || h.components == 4)
    return *error = "is a CMYK JPEG image, which vitae does not embed", std::nullopt;
  if (h.precision != 8 || (h.components != 1 && h.components != 3))
    return *error = "is a JPEG image of a kind vitae does not embed (" + std::to_string(h.components) +
                    " components, " + std::to_string(h.precision) + " bits)", std::nullopt;
  ImageFile img;
  img.format = ImageFormat::Jpeg;
  img.width = h.width;
  img.height = h.height;
  img.components = h.components;
  return img;
}

}  // namespace vitae::image
