#!/usr/bin/env bash
# Times the default CartPole-v1 run (`train --env-id CartPole-v1 --seed 1`, 500k steps, one thread)
# on this work tree and on an earlier commit, alternately, on the same machine in one script
# (issue 19 asks for 2x against the code before its work, 84d0a54). Prints each run's wall time
# (the trainer's own, from summary.json), the medians and their ratio, and whether both runs wrote
# the same episodes.csv (they do when the kernels kept their summation order).
# Usage: bench/cartpole-vs.sh [BASE_REV (default 84d0a54)] [ROUNDS (default 3)]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:-84d0a54}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/base" > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
cd "$root"
mvn -o -q package -DskipTests > "$work/build-head.log" 2>&1
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && mvn -o -q package -DskipTests > "$work/build-base.log" 2>&1)
seconds() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["wall_seconds"])' "$1/summary.json"; }
run() { # run LABEL TREE OUT
  local main=deepq4j.dqn.cli.Main
  unzip -l "$2"/dqn/target/dqn-*.jar | grep -q 'deepq4j/dqn/cli/Main.class' || main=deepq4j.dqn.Main
  java --add-modules jdk.incubator.vector -cp "$2/dqn/target/classes:$(cat "$2/dqn/target/classpath.txt")" $main \
    train --env-id CartPole-v1 --seed 1 --threads 1 --no-progress --out "$3" > "$3.log" 2>&1
  printf '%-5s %s s\n' "$1" "$(seconds "$3")"
}
heads=(); bases=()
for r in $(seq 1 "$rounds"); do
  run base "$work/base" "$work/base-$r"; bases+=("$(seconds "$work/base-$r")")
  run head "$root" "$work/head-$r"; heads+=("$(seconds "$work/head-$r")")
done
python3 - "${bases[*]}" "${heads[*]}" <<'PY'
import statistics, sys
b = [float(x) for x in sys.argv[1].split()]; h = [float(x) for x in sys.argv[2].split()]
mb, mh = statistics.median(b), statistics.median(h)
print(f"median: base {mb:.1f} s, head {mh:.1f} s, head is {mb / mh:.2f}x as fast")
PY
if cmp -s "$work/base-1/episodes.csv" "$work/head-1/episodes.csv"; then echo "episodes.csv: identical"; else echo "episodes.csv: differ"; fi
echo "CPU: $(lscpu | sed -n 's/^Model name: *//p'), $(grep -o -m1 avx512f /proc/cpuinfo || echo 'no avx512f'), java $(java -version 2>&1 | head -1)"
