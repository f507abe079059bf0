// The line-breaking stage's public surface: items in, breaks out.
//   ParagraphBuilder (or hand-made Items) -> LineBreaker::break_lines -> BreakResult
// then set each line's glue with set_width().
#pragma once

#include "linebreak/badness.h"
#include "linebreak/item.h"
#include "linebreak/knuth_plass.h"
#include "linebreak/paragraph_builder.h"
#include "linebreak/params.h"
#include "linebreak/result.h"
