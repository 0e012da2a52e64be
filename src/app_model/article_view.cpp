// The article a citation opens (article_view.h).
#include "app_model/article_view.h"

#include <vector>

#include "core/text.h"

namespace indtrack::ui {

std::optional<ByteSpan> find_quote_span(std::string_view text, std::string_view quote) {
  const std::string needle = remove_whitespace(quote);
  if (needle.empty()) return std::nullopt;
  // The text without whitespace, and for each of its bytes the offset it came from.
  std::string stripped;
  std::vector<std::size_t> origin;
  stripped.reserve(text.size());
  origin.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_space_code_point(cp)) continue;
    for (std::size_t b = start; b < pos; ++b) {
      stripped += text[b];
      origin.push_back(b);
    }
  }
  const std::size_t at = stripped.find(needle);
  if (at == std::string::npos) return std::nullopt;
  return ByteSpan{origin[at], origin[at + needle.size() - 1] + 1};
}

void open_article(ArticleView& view, const Dataset& data, int source, std::string quote) {
  if (source < 0 || source >= static_cast<int>(data.sources.size())) return;
  view.source = source;
  view.span = find_quote_span(data.sources[static_cast<std::size_t>(source)].text, quote);
  view.quote = std::move(quote);
  ++view.serial;
}

}  // namespace indtrack::ui
