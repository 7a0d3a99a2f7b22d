#!/usr/bin/env bash
# What an officer writes without drills: kill the container, start it, poll its checks with curl and docker exec
# until they pass, and say how long it took. The benchmark's shell floor for section 1.
#   kill-restart.sh CONTAINER URL INTERVAL_SECONDS EXEC_COMMAND...
# Prints {"recoverySeconds": T1 - T0, "rounds": N}: T0 just before the kill, T1 the start of the first round whose
# checks all passed (curl expects HTTP 200, then the exec must exit 0).
set -euo pipefail

if [ $# -lt 4 ]; then
  echo "usage: kill-restart.sh CONTAINER URL INTERVAL_SECONDS EXEC_COMMAND..." >&2
  exit 2
fi
container="$1" url="$2" interval="$3"
shift 3

docker inspect --format '{{.Id}}' "$container" >/dev/null
t0=$(date +%s%N)
docker kill --signal SIGKILL "$container" >/dev/null
docker start "$container" >/dev/null
rounds=0
while :; do
  round=$(date +%s%N)
  rounds=$((rounds + 1))
  if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$url" || true)" = 200 ] \
    && docker exec "$container" "$@" >/dev/null 2>&1; then
    break
  fi
  if [ $(((round - t0) / 1000000000)) -ge 120 ]; then
    echo "kill-restart.sh: $container not healthy within 2 minutes" >&2
    exit 1
  fi
  sleep "$interval"
done
ms=$(((round - t0) / 1000000))
printf '{"recoverySeconds":%d.%03d,"rounds":%d}\n' $((ms / 1000)) $((ms % 1000)) "$rounds"
