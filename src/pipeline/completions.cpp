#include "pipeline/completions.h"

#include "load/load.h"

namespace vitae {

namespace {

constexpr const char* kCommands = "build check watch new convert layouts fonts schema completions help";
constexpr const char* kBuildOptions =
    "-o --output --format --variant --all-variants --set --max-pages --max-pages-strict -j -v --verbose -MD "
    "--depfile --stats --dump --root --timeout --help";
constexpr const char* kCheckOptions = "--variant --all-variants --set --max-pages --max-pages-strict --stats --root --timeout --help";
constexpr const char* kFontsOptions = "--variant --set --help";
// --format takes a comma-separated list; the usual ones are offered whole.
constexpr const char* kFormats = "pdf txt md pdf,txt pdf,md pdf,txt,md";

std::string layout_names() {
  std::string out;
  for (const LayoutSummary& l : builtin_layout_list()) out += (out.empty() ? "" : " ") + l.name;
  return out;
}

std::string bash() {
  return std::string("# bash completion for vitae (vitae completions bash)\n"
                     "_vitae() {\n"
                     "  local cur prev cmd\n"
                     "  cur=${COMP_WORDS[COMP_CWORD]}\n"
                     "  prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                     "  cmd=${COMP_WORDS[1]}\n"
                     "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
                     "    COMPREPLY=($(compgen -W \"") + kCommands + " --help --version\" -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  case \"$prev\" in\n"
         "    --layout) COMPREPLY=($(compgen -W \"" + layout_names() + "\" -- \"$cur\")); return ;;\n"
         "    -o|--output|--depfile) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
         "    --format) COMPREPLY=($(compgen -W \"" + kFormats + "\" -- \"$cur\")); return ;;\n"
         "  esac\n"
         "  case \"$cmd\" in\n"
         "    build|watch) COMPREPLY=($(compgen -W \"" + kBuildOptions + "\" -- \"$cur\") $(compgen -f -X '!*.@(yaml|yml|json)' -- \"$cur\")) ;;\n"
         "    check) COMPREPLY=($(compgen -W \"" + kCheckOptions + "\" -- \"$cur\") $(compgen -f -X '!*.@(yaml|yml|json)' -- \"$cur\")) ;;\n"
         "    fonts) COMPREPLY=($(compgen -W \"" + kFontsOptions + "\" -- \"$cur\") $(compgen -f -X '!*.@(yaml|yml|json)' -- \"$cur\")) ;;\n"
         "    new) COMPREPLY=($(compgen -W \"--layout -o --help\" -- \"$cur\")) ;;\n"
         "    completions) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")) ;;\n"
         "    help) COMPREPLY=($(compgen -W \"" + kCommands + "\" -- \"$cur\")) ;;\n"
         "  esac\n"
         "}\n"
         "shopt -s extglob\n"
         "complete -o filenames -F _vitae vitae\n";
}

std::string zsh() {
  return std::string("#compdef vitae\n# zsh completion for vitae (vitae completions zsh)\n"
                     "_vitae() {\n"
                     "  if (( CURRENT == 2 )); then\n"
                     "    compadd -- ") + kCommands + " --help --version\n"
         "    return\n"
         "  fi\n"
         "  case $words[CURRENT-1] in\n"
         "    --layout) compadd -- " + layout_names() + "; return ;;\n"
         "    -o|--output|--depfile) _files; return ;;\n"
         "    --format) compadd -- " + kFormats + "; return ;;\n"
         "  esac\n"
         "  case $words[2] in\n"
         "    build|watch) compadd -- " + kBuildOptions + "; _files -g '*.(yaml|yml|json)' ;;\n"
         "    check) compadd -- " + kCheckOptions + "; _files -g '*.(yaml|yml|json)' ;;\n"
         "    fonts) compadd -- " + kFontsOptions + "; _files -g '*.(yaml|yml|json)' ;;\n"
         "    new) compadd -- --layout -o --help ;;\n"
         "    completions) compadd -- bash zsh fish ;;\n"
         "    help) compadd -- " + kCommands + " ;;\n"
         "  esac\n"
         "}\n"
         "compdef _vitae vitae\n";
}

std::string fish() {
  std::string out = "# fish completion for vitae (vitae completions fish)\n"
                    "complete -c vitae -f\n";
  out += std::string("complete -c vitae -n __fish_use_subcommand -a '") + kCommands + "'\n";
  out += "complete -c vitae -n '__fish_seen_subcommand_from build check watch fonts' -F -a '(__fish_complete_suffix .yaml .yml .json)'\n";
  for (const char* opt : {"output", "variant", "all-variants", "set", "max-pages", "max-pages-strict", "depfile", "stats", "dump", "root", "timeout"})
    out += std::string("complete -c vitae -n '__fish_seen_subcommand_from build watch' -l ") + opt + "\n";
  out += std::string("complete -c vitae -n '__fish_seen_subcommand_from build watch' -l format -x -a '") + kFormats + "'\n";
  out += "complete -c vitae -n '__fish_seen_subcommand_from fonts' -l variant\n";
  out += "complete -c vitae -n '__fish_seen_subcommand_from fonts' -l set\n";
  out += "complete -c vitae -n '__fish_seen_subcommand_from new' -l layout -x -a '" + layout_names() + "'\n";
  out += "complete -c vitae -n '__fish_seen_subcommand_from completions' -a 'bash zsh fish'\n";
  out += std::string("complete -c vitae -n '__fish_seen_subcommand_from help' -a '") + kCommands + "'\n";
  return out;
}

}  // namespace

std::optional<std::string> completion_script(const std::string& shell) {
  if (shell == "bash") return bash();
  if (shell == "zsh") return zsh();
  if (shell == "fish") return fish();
  return std::nullopt;
}

}  // namespace vitae
