// The article a citation opens: which source, the sentence quoted and where it stands in the text
// (found as the loader checks quotes, whitespace ignored: newspaper text is hard-wrapped), so the
// article window scrolls to it and highlights it. Pure: testable without a GPU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/dataset.h"

namespace indtrack::ui {

struct ByteSpan {
  std::size_t begin = 0, end = 0;  // [begin, end) of the text's bytes
  friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// Where `quote` occurs in `text` when whitespace is ignored in both: from its first character to
// its last, the whitespace between them included. nullopt when it does not occur (or is empty).
std::optional<ByteSpan> find_quote_span(std::string_view text, std::string_view quote);

struct ArticleView {
  int source = -1;               // index into Dataset::sources; -1: no article open
  std::string quote;             // the sentence asked for (empty: the article from its top)
  std::optional<ByteSpan> span;  // where the quote is in the source's text
  std::uint64_t serial = 0;      // bumped by every open: the window scrolls to the span once per open
  bool open() const { return source >= 0; }
};

// `view` showing `quote` of data.sources[source] (a reference holds no text: no span).
void open_article(ArticleView& view, const Dataset& data, int source, std::string quote);

}  // namespace indtrack::ui
