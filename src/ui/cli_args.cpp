// Option parsing helper (cli_args.h).
#include "ui/cli_args.h"

namespace indtrack::ui {

bool option_value(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                  std::string& value, std::string& error) {
  const std::string& arg = args[i];
  if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
    return true;
  }
  if (arg != name) return false;
  if (i + 1 >= args.size()) {
    error = std::string(name) + " needs a value";
    return true;
  }
  value = args[++i];
  return true;
}

}  // namespace indtrack::ui
