#include "load/yaml_emit.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>

namespace vitae::load {

namespace {

void emit(YAML::Emitter& out, const YNode& node) {
  switch (node.kind) {
    case YNode::Kind::Null: out << YAML::Null; break;
    case YNode::Kind::Scalar:
      // A literal block ("|") ends its text with a line break; yaml-cpp cannot write "|-",
      // so text of several lines without a final break is double-quoted ("\n" escapes).
      if (node.value.find('\n') != std::string::npos)
        out << (node.value.ends_with('\n') ? YAML::Literal : YAML::DoubleQuoted);
      out << node.value;
      break;
    case YNode::Kind::Sequence:
      out << YAML::BeginSeq;
      for (const YNode& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      break;
    case YNode::Kind::Map:
      out << YAML::BeginMap;
      for (const auto& [key, value] : node.entries) {
        out << YAML::Key;
        emit(out, key);
        out << YAML::Value;
        emit(out, value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string emit_yaml(const YNode& root) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  emit(out, root);
  return std::string(out.c_str()) + "\n";
}

}  // namespace vitae::load
