#include <cstdio>

int main() {
  std::puts("indtrack " INDTRACK_VERSION);
  return 0;
}
