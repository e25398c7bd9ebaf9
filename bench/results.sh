#!/usr/bin/env bash
# Trains DQN with CleanRL's default flags on CartPole-v1, Acrobot-v1 and MountainCar-v0 for
# seeds 1..5 (two runs at a time, one thread each), then writes the tables of runs/results.md
# (every algorithm under runs/results so far). docs/results.md quotes them.
# Usage: [ALGORITHM=dqn|c51|rainbow|pqn] bench/results.sh [SEEDS] [ENVS...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seeds="${1:-5}"
shift || true
envs=("${@:-CartPole-v1 Acrobot-v1 MountainCar-v0}")
export ALGORITHM="${ALGORITHM:-dqn}"
mkdir -p runs
./deepq4j envs > /dev/null   # builds once, before the parallel runs
jobs=()
for env in ${envs[*]}; do
  for seed in $(seq 1 "$seeds"); do
    jobs+=("$env $seed")
  done
done
printf '%s\n' "${jobs[@]}" | xargs -P 2 -L 1 bash -c \
  './deepq4j train --algorithm "$ALGORITHM" --env-id "$0" --seed "$1" --no-progress --out "runs/results/$ALGORITHM/$0/seed$1" \
     > "runs/results-$ALGORITHM-$0-$1.log" 2>&1 && tail -1 "runs/results-$ALGORITHM-$0-$1.log"'
java -cp "dqn/target/classes:$(cat dqn/target/classpath.txt)" deepq4j.dqn.experiments.ResultsTable runs/results runs/results.md
