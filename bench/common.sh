# Shared by bench/run and bench/sync: install hyperfine and time, build a release pie in build/,
# and the helpers below. Sets pie (the binary), data (PIE_BENCH_DATA, default bench/.data), sizes
# (the arguments, default 10k 100k 1M) and results (the table's rows, file name $1 in data).
# Everything goes to stderr except the table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
PIE_PACKAGES+=(hyperfine time)
pie_ensure_packages
pie_build "$PIE_ROOT/build" Release -DPIE_TESTS=OFF
pie="$PIE_ROOT/build/pie"
data=${PIE_BENCH_DATA:-$PIE_ROOT/bench/.data}
bench_results=$1
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10k 100k 1M)
export TZ=Europe/Berlin PIE_NOW=2026-11-24T18:30
results="$data/$bench_results"
mkdir -p "$data"
: >"$results"

rows_of() {
  case $1 in
    10k) echo 10000 ;; 100k) echo 100000 ;; 1M) echo 1000000 ;;
    *) echo "bench: unknown size '$1' (10k, 100k or 1M)" >&2; exit 2 ;;
  esac
}

# generate_data SIZE: the data of bench/generate in $data/SIZE/ (kept between runs, made again
# when bench/generate changed).
generate_data() {
  local size=$1 dir="$data/$1"
  mkdir -p "$dir"
  if [ ! -f "$dir/entries.csv" ] || [ "$PIE_ROOT/bench/generate" -nt "$dir/entries.csv" ]; then
    echo "bench: generating $size entries" >&2
    rm -rf "$dir/timew"
    python3 "$PIE_ROOT/bench/generate" "$(rows_of "$size")" "$dir"
  fi
}

# measure SIZE WORK TOOL HYPERFINE_ARGS... -- COMMAND...: median wall time, mean user + system
# time, then peak RSS. Each argument on one line: hyperfine -N splits the command as a shell
# would, but knows no $'...'.
measure() {
  local size=$1 work=$2 tool=$3
  shift 3
  local args=()
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  local json="$data/$size-$work-$tool.json" cmd
  cmd=$(printf '%q ' "$@")
  hyperfine -N --style none --export-json "$json" "${args[@]}" "$cmd" >/dev/null 2>&1 \
    || { echo "bench: hyperfine failed on: $cmd" >&2; hyperfine -N --runs 1 "${args[@]}" "$cmd" >&2; exit 1; }
  local prepare=""
  for ((i = 0; i < ${#args[@]}; i++)); do [ "${args[i]}" = --prepare ] && prepare=${args[i + 1]}; done
  [ -z "$prepare" ] || sh -c "$prepare"
  /usr/bin/time -v "$@" >/dev/null 2>"$data/${bench_results%.tsv}-time.txt"
  local rss median cpu
  rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$data/${bench_results%.tsv}-time.txt")
  read -r median cpu < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print(r["median"], r["user"] + r["system"])' "$json")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$work" "$tool" "$median" "$rss" "$cpu" >>"$results"
  printf 'bench: %-5s %-12s %-8s %8.1f ms (CPU %8.1f ms) %7s KiB\n' "$size" "$work" "$tool" \
    "$(python3 -c "print($median*1000)")" "$(python3 -c "print($cpu*1000)")" "$rss" >&2
}
