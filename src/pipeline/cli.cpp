#include "pipeline/cli.h"

#include <algorithm>

#include "load/load.h"
#include "pipeline/batch.h"
#include "pipeline/watch.h"
#include "pipeline/completions.h"
#include "pipeline/convert.h"
#include "text/font_library.h"
#include "pipeline/new_cv.h"
#include "pipeline/schema.h"

namespace vitae {

namespace {

constexpr const char* kUsage =
    "usage: vitae build INPUT... [-o OUTPUT] [--format pdf,txt,md] [--variant NAME | --all-variants]\n"
    "                   [--set KEY=VALUE]... [--max-pages N [--max-pages-strict]] [-j N] [-v]\n"
    "                   [-MD | --depfile FILE] [--stats] [--dump] [--root DIR] [--timeout SECONDS]\n"
    "       vitae check INPUT... [--variant NAME | --all-variants] [--set KEY=VALUE]...\n"
    "                   [--max-pages N [--max-pages-strict]] [--root DIR] [--timeout SECONDS]\n"
    "       vitae watch INPUT... [build options but --dump]\n"
    "       vitae new \"FULL NAME\" [--layout NAME] [-o FILE]\n"
    "       vitae convert RESUME.json [-o FILE]\n"
    "       vitae fonts [INPUT [--variant NAME] [--set KEY=VALUE]...]\n"
    "       vitae layouts | vitae schema | vitae completions SHELL\n"
    "       vitae help [COMMAND] | --help | --version\n";

int usage_error(const CliIo& io, const std::string& message) {
  io.err("vitae: error: " + message + "\n" + kUsage);
  return 2;
}

constexpr const char* kSelectionHelp =
    "  --variant NAME   build the variant NAME of the CV's 'variants:' (docs/variants.md);\n"
    "                   its PDF is INPUT's name with -NAME before .pdf (cv-ml.pdf)\n"
    "  --all-variants   build every variant of each INPUT, each to its own PDF\n"
    "  --set KEY=VALUE  replace a value by key path, after the file's own values:\n"
    "                   --set design.page.size=us-letter, --set cv.sections.education.0.degree=PhD\n"
    "  --max-pages N    fit each CV onto at most N pages (wins over settings.max_pages):\n"
    "                   spacing, leading, margins, then font sizes shrink within the\n"
    "                   layout's design.fit bounds; each change is printed as\n"
    "                   'fit: design.KEY OLD -> NEW'. A CV the bounds cannot fit is built\n"
    "                   as well as they allow, with a warning saying by how much it runs over\n"
    "  --max-pages-strict  make that an error instead: exit 1, no PDF written\n"
    "  -j N             build on at most N threads (default: two per core)\n"
    "  -v, --verbose    print each build's time per stage\n"
    "  --root DIR       the folder every file a CV names (extends, design.layout, cv.photo,\n"
    "                   a font file) must lie in. Default: the top of the git work tree\n"
    "                   holding the CV (the nearest folder above with a .git), else the\n"
    "                   CV's own folder\n"
    "  --timeout SECONDS  stop a build that takes longer, with an error (default: 60)\n";

}  // namespace

std::string help_text(std::string_view topic) {
  if (topic == "build")
    return std::string(
               "usage: vitae build INPUT... [options]\n\n"
               "Typesets each CV (YAML or JSON) into a PDF. Several inputs, or every variant, are\n"
               "built in one process, in parallel; one line is printed per file written.\n\n"
               "  INPUT            a CV file; '-' reads standard input\n"
               "  -o, --output     where to write the PDF (one build only); '-' writes it to\n"
               "                   standard output (one format only). Default: INPUT with its\n"
               "                   extension replaced by .pdf (standard output when INPUT is '-')\n"
               "  --format LIST    what to write, comma-separated: pdf (the default), txt (the CV\n"
               "                   as plain text, links as 'text (url)'), md (as Markdown), as\n"
               "                   cv.pdf, cv.txt, cv.md beside INPUT; --format pdf,txt,md writes\n"
               "                   all three from one reading of the CV. txt and md hold what\n"
               "                   the PDF holds, in its order, for application portals. With\n"
               "                   several, -o names one (-o out/ada.pdf) and the others go\n"
               "                   beside it (out/ada.txt, out/ada.md)\n") +
           kSelectionHelp +
           "  -MD              also write a make rule naming every file the build read\n"
           "                   (the CV, what it extends, fonts) to OUTPUT.d beside each\n"
           "                   build's first output; every file written is a target\n"
           "  --depfile FILE   the same rule, to FILE (one build only)\n"
           "  --stats          print typesetting statistics (lines, adjustment ratios, ...)\n"
           "  --dump           print the laid-out pages as text (glyph runs, positions,\n"
           "                   rules, links) instead of writing a PDF (one build only)\n\n"
           "Each file is written to a temporary file and renamed into place: a failed build\n"
           "leaves an existing file untouched, and one failing input never stops the others\n"
           "(the exit status is then 1). SOURCE_DATE_EPOCH, when set, fixes every date.\n";
  if (topic == "check")
    return std::string(
               "usage: vitae check INPUT... [options]\n\n"
               "Validates and lays out each CV and prints every problem a build would report\n"
               "(errors and warnings); writes nothing.\n\n") +
           kSelectionHelp + "  --stats          print typesetting statistics\n";
  if (topic == "watch")
    return std::string(
               "usage: vitae watch INPUT... [options]\n\n"
               "Builds like 'vitae build', then builds again whenever a file the build read\n"
               "changes (the CV, what it extends, layout files, the photo, font files named by\n"
               "path), printing one line per PDF ('rebuilt cv.pdf in 31 ms (2 pages)') or the\n"
               "errors. A build that fails keeps the last good PDF. Ctrl-C (SIGINT) or SIGTERM\n"
               "ends the watch after the build in progress: exit status 0, no file left behind.\n\n"
               "  -o, --output     where to write the PDF (one build only; not '-')\n") +
           kSelectionHelp +
           "  -MD, --depfile FILE, --stats  as for 'vitae build'\n";
  if (topic == "new")
    return "usage: vitae new \"FULL NAME\" [--layout NAME] [-o FILE]\n\n"
           "Writes FULL_NAME_CV.yaml (or FILE): a complete CV to fill in, with every entry type,\n"
           "tags and a tailored variant, in the layout NAME (default: classic; vitae layouts\n"
           "lists them). An existing file is never overwritten (exit 1).\n";
  if (topic == "convert")
    return "usage: vitae convert RESUME.json [-o FILE]\n\n"
           "Writes a JSON Resume file (jsonresume.org) as vitae's YAML (RenderCV's format), to\n"
           "RESUME.yaml or FILE ('-': standard output). Building it gives the same PDF as\n"
           "building the JSON, which vitae also reads as it is. A field with no place in the CV\n"
           "is named in a warning (docs/input.md has the mapping). An existing file is never\n"
           "overwritten (exit 1).\n";
  if (topic == "completions")
    return "usage: vitae completions bash|zsh|fish\n\nPrints the shell's completion script for vitae: commands, options, layout names\n"
           "and CV files. bash: vitae completions bash > ~/.local/share/bash-completion/completions/vitae\n";
  if (topic == "fonts")
    return "usage: vitae fonts [INPUT [--variant NAME] [--set KEY=VALUE]...]\n\n"
           "Lists the font families a CV can name in design.typography.font_family: those\n"
           "vitae ships (fonts/, the same on every machine), then those fontconfig finds here.\n"
           "With INPUT, prints the font file each text role of that CV resolves to, one line\n"
           "per role and face (body, name, headline, connections, section_titles; icons;\n"
           "the fallbacks for characters the body font lacks): role, family, file.\n";
  if (topic == "layouts")
    return "usage: vitae layouts\n\nLists the built-in layouts, one a line with what it looks like; a CV picks one\n"
           "with design.theme (docs/layouts.md shows each).\n";
  if (topic == "schema")
    return "usage: vitae schema\n\nPrints the JSON Schema of vitae's input (data/vitae.schema.json), for editor\n"
           "completion: vitae schema > vitae.schema.json, then name it in the CV's first line\n"
           "(docs/input.md, Editor completion).\n";
  if (topic == "help") return "usage: vitae help [COMMAND]\n\nShows help for a command.\n";
  if (topic == "version") return "usage: vitae --version\n\nPrints the version.\n";
  return std::string("vitae: typeset PDF resumes from YAML.\n\n") + kUsage +
         "\ncommands:\n"
         "  build    typeset CVs into PDFs (or plain text and Markdown: --format)\n"
         "  check    validate CVs without writing anything\n"
         "  watch    build, then rebuild whenever a file the build read changes\n"
         "  new      write a CV to start from\n"
         "  convert  write a JSON Resume file as vitae's YAML\n"
         "  layouts  list the built-in layouts\n"
         "  fonts    list the font families a CV can name, or a CV's font files\n"
         "  schema   print the JSON Schema of the input\n"
         "  completions  print a shell completion script (bash, zsh, fish)\n"
         "  help     show help for a command\n\n"
         "exit status: 0 success (warnings allowed), 1 errors in the input, 2 bad usage\n";
}

/// `vitae layouts`: the names padded to one column, then each description.
int list_layouts(const CliIo& io) {
  std::vector<LayoutSummary> layouts = builtin_layout_list();
  std::size_t width = 0;
  for (const LayoutSummary& l : layouts) width = std::max(width, l.name.size());
  std::string out;
  for (const LayoutSummary& l : layouts) out += l.name + std::string(width + 2 - l.name.size(), ' ') + l.description + "\n";
  io.out(out);
  return 0;
}

/// `vitae fonts`: the bundled families, then fontconfig's.
int list_fonts(const CliIo& io) {
  FontLibrary fonts;
  std::string out = "bundled (" + fonts.font_dir() + "):\n";
  for (const std::string& f : fonts.bundled_families()) out += "  " + f + "\n";
  out += "installed (fontconfig):\n";
  for (const std::string& f : fonts.system_families()) out += "  " + f + "\n";
  io.out(out);
  return 0;
}

int run_cli(const std::vector<std::string>& argv, const CliIo& io) {
  std::string error;
  std::optional<CliArgs> args = parse_cli_args(argv, &error);
  if (!args) return usage_error(io, error);
  if (args->usage_error_on_empty) {
    io.err(std::string(kUsage) + "run 'vitae help' for more\n");
    return 2;
  }
  switch (args->command) {
    case Command::Help: io.out(help_text(args->help_topic)); return 0;
    case Command::Version: io.out("vitae " VITAE_VERSION "\n"); return 0;
    case Command::New: return run_new(*args, io);
    case Command::Convert: return run_convert(*args, io);
    case Command::Layouts: return list_layouts(io);
    case Command::Fonts: return args->inputs.empty() ? list_fonts(io) : run_builds(*args, io);
    case Command::Completions:
      if (std::optional<std::string> s = completion_script(args->inputs.at(0))) {
        io.out(*s);
        return 0;
      }
      return usage_error(io, "no completions for the shell '" + args->inputs.at(0) + "' (bash, zsh, fish)");
    case Command::Schema: io.out(std::string(json_schema())); return 0;
    case Command::Build:
    case Command::Check: return run_builds(*args, io);
    case Command::Watch: return run_watch(*args, io);
  }
  return 2;
}

}  // namespace vitae
