// Notice text and the placeholder filler used instead of printf for translated strings.
#include "app_model/notice.h"

namespace indtrack::ui {

namespace {
template <class Args>
std::string fill_impl(std::string_view format, const Args& args) {
  std::string out;
  out.reserve(format.size() + 32);
  auto next = args.begin();
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] == '%' && i + 1 < format.size()) {
      const char kind = format[i + 1];
      if (kind == '%') {
        out += '%';
        ++i;
        continue;
      }
      if (kind == 's' || kind == 'd') {
        if (next != args.end()) out += *next++;
        ++i;
        continue;
      }
    }
    out += format[i];
  }
  return out;
}
}  // namespace

std::string fill(std::string_view format, const std::vector<std::string>& args) {
  return fill_impl(format, args);
}

std::string fill(std::string_view format, std::initializer_list<std::string_view> args) {
  return fill_impl(format, args);
}

std::string Notice::text(Language language) const { return fill(ui::text(format, language), args); }

}  // namespace indtrack::ui
