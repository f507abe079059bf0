#include "vitae/model.h"

namespace vitae {

const char* entry_kind_name(EntryKind kind) {
  switch (kind) {
    case EntryKind::Education: return "EducationEntry";
    case EntryKind::Experience: return "ExperienceEntry";
    case EntryKind::Normal: return "NormalEntry";
    case EntryKind::Publication: return "PublicationEntry";
    case EntryKind::OneLine: return "OneLineEntry";
    case EntryKind::Bullet: return "BulletEntry";
    case EntryKind::Numbered: return "NumberedEntry";
    case EntryKind::ReversedNumbered: return "ReversedNumberedEntry";
    case EntryKind::Text: return "TextEntry";
  }
  return "TextEntry";
}

}  // namespace vitae
