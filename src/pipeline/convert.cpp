#include "pipeline/convert.h"

#include <filesystem>

#include "load/load.h"
#include "pipeline/input_file.h"
#include "pipeline/new_file.h"

namespace vitae {

int run_convert(const CliArgs& args, const CliIo& io) {
  const std::string& input = args.inputs.at(0);
  LoadOptions options;
  SourceFile source;
  if (input == "-") {
    std::optional<std::string> text = io.read_stdin(options.max_bytes + 1);
    if (!text) return io.err("vitae: error: cannot read standard input\n"), 1;
    source = {"<stdin>", std::move(*text)};
  } else {
    std::string why;
    std::optional<std::string> text = read_input_file(input, options.max_bytes, &why);
    if (!text) return io.err("vitae: error: cannot read '" + input + "': " + why + "\n"), 1;
    source = {input, std::move(*text)};
  }
  Diagnostics diags;
  std::optional<std::string> yaml = convert_json_resume(source, diags, options);
  io.err(format_diagnostics(diags, {&source}));
  if (!yaml) return 1;
  std::string path = args.output.value_or(input == "-" ? "-" : std::filesystem::path(input).replace_extension(".yaml").string());
  if (path == "-") {
    io.out(*yaml);
    return 0;
  }
  if (std::string why = create_new_file(path, *yaml); !why.empty()) {
    io.err("vitae: error: cannot create '" + path + "': " + why + "\n" + new_file_hint(why, "convert"));
    return 1;
  }
  io.out("wrote " + path + "\n");
  return 0;
}

}  // namespace vitae
