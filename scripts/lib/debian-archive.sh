# Sourced by scripts/setup and scripts/check-fresh: the Debian archive address this machine's apt
# is already configured with. No host name is ever written into the repository; every machine
# keeps using its own mirror.

# Prints the URI of the bookworm archive: the first `URIs:` of a deb822 file that serves bookworm
# (debian.sources first), else the URI of a one-line `deb ... bookworm ...` entry.
debian_archive_uri() {
  local f uri=""
  for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # One deb822 stanza per blank-line-separated paragraph; take the URI of one whose Suites has bookworm.
    uri=$(awk 'BEGIN {RS=""} /(^|\n)Suites:[^\n]*[[:space:]]bookworm([[:space:]]|$)/ {
                 if (match($0, /(^|\n)URIs:[[:space:]]*[^[:space:]\n]+/)) {
                   s = substr($0, RSTART, RLENGTH); sub(/^\n?URIs:[[:space:]]*/, "", s); print s; exit } }' "$f")
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      uri=$(awk '$1=="deb" && $0 ~ /[[:space:]]bookworm[[:space:]]/ {
                   for (i = 2; i <= NF; i++) if ($i ~ /^[a-z+]+:\/\//) {print $i; exit} }' "$f")
      [ -n "$uri" ] && break
    done
  fi
  printf '%s' "$uri"
}
