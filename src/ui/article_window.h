// The article a citation opens (AppState::article): the source's publisher, date, title and
// address (with a copy button), then its text reflowed to the window, the quoted sentence
// highlighted and scrolled into view once per open. A reference (no text held) shows its address
// and the excerpts quoted from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app_model/wrapped_text.h"
#include "ui/host/panel_context.h"

namespace indtrack::ui {

class ArticleWindow {
 public:
  void draw(PanelContext& c);

  // Where the highlighted sentence was drawn in the last frame (screen pixels), for tests.
  struct Drawn {
    bool highlight_visible = false;  // some of it inside the text pane's visible part
    float top = 0, bottom = 0;
  };
  const Drawn& last_drawn() const { return drawn_; }

 private:
  void draw_text(PanelContext& c, const std::string& text);

  // The laid-out text, redone when the article, the pane's width or the font changes.
  struct Key {
    int source = -1;
    std::size_t text_size = 0;
    float width = 0, font_size = 0;
    std::uint64_t generation = 0;  // bumped when the atlas gained characters of the text
    bool operator==(const Key&) const = default;
  };
  Key key_;
  std::uint64_t generation_ = 0;
  TextLayout layout_;
  std::uint64_t scrolled_serial_ = 0;  // the open whose sentence was scrolled to
  std::string copied_;                 // the address last copied
  Drawn drawn_;
};

}  // namespace indtrack::ui
