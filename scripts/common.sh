# Shared by scripts/run and scripts/test: install what is missing, then build.
# Everything goes to stderr, so `scripts/run ... | jq` sees only pie's own output.

PIE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages pie needs to build and test; nothing else is fetched. The last line is for the
# shell tests: the man page (man-db, groff-base), the .deb (dpkg-dev for dpkg-shlibdeps, file for
# cpack), and zsh and fish to check their completion scripts. Then the reliability tests: clang
# and its libFuzzer runtime for scripts/fuzz, strace to see that pie opens no socket and writes
# no file outside the database's directory; clang-format for the style test. Last, for the
# pictures (§13): xmllint, rsvg-convert and a headless Chromium check that SVG and HTML parse
# and render.
PIE_PACKAGES=(cmake make g++ pkgconf libcli11-dev libfmt-dev libsqlitecpp-dev libsqlite3-dev
              doctest-dev nlohmann-json3-dev libutf8proc-dev libtinyxml2-dev sqlite3 util-linux python3
              man-db groff-base dpkg-dev file zsh fish
              clang libclang-rt-14-dev strace clang-format
              libxml2-utils librsvg2-bin chromium)

pie_ensure_packages() {
  local missing=() pkg
  for pkg in "${PIE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "pie: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# pie_build DIR BUILD_TYPE [CMAKE_ARGS...]: configure once, then an incremental build. A DIR
# configured with other arguments (an older script's, say gcc's where clang is asked for) is
# configured afresh. The build log is shown only when the build fails.
pie_build() {
  local dir=$1 type=$2
  shift 2
  local log="$dir.log" args="-DCMAKE_BUILD_TYPE=$type $*"
  if [ ! -f "$dir/CMakeCache.txt" ] || [ "$(cat "$dir/pie-configure-args" 2>/dev/null)" != "$args" ]; then
    rm -f "$dir/CMakeCache.txt"
    cmake -S "$PIE_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE="$type" "$@" >"$log" 2>&1 \
      || { cat "$log" >&2; return 1; }
    echo "$args" >"$dir/pie-configure-args"
  fi
  cmake --build "$dir" -j2 >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}
