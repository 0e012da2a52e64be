# Sourced by scripts/check and scripts/fuzz (bash): every build they make goes through ccache
# (scripts/setup installs it), so a build of the same sources is not compiled twice — a second run
# of scripts/check, and scripts/check-fresh, which builds the same commit again in a brand-new
# Debian root with the machine's cache bind-mounted (docs/packaging.md, "Time").
#
# ccache's key is the compiler, its arguments and the preprocessed source. To make the same commit
# in another directory (a CI clone, /root/indtrack in a root) give the same keys:
#   CCACHE_BASEDIR    absolute paths under the checkout are hashed relative to the build directory
#   CCACHE_NOHASHDIR  the working directory is not hashed (builds with -g would key on it)
#   LANG=C.UTF-8      ccache hashes the locale (compiler messages are translated); one locale also
#                     makes every machine's compiler messages and test output alike
# A header or library missing on a machine still fails there: ccache preprocesses every source on
# that machine (a header that is absent is an error) and linking is never cached.
#
# Sets compiler_cache_args: the cmake -D arguments that route compiles through ccache (empty when
# ccache is missing or INDTRACK_CCACHE=0).
compiler_cache_args=()
if [ "${INDTRACK_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(pwd -P)}"
  export CCACHE_NOHASHDIR=1
  export LANG=C.UTF-8
  unset LC_ALL LC_CTYPE LC_MESSAGES
  compiler_cache_args=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
