#!/bin/sh
# PID 1 of the portal. START_DELAY (seconds) holds nginx back so tests can measure recovery
# timing against a service that is slow to come up.
set -eu

delay="${START_DELAY:-0}"
case "$delay" in
  ''|*[!0-9]*) echo "portal: START_DELAY must be whole seconds, got '$delay'" >&2; exit 2 ;;
esac

if [ "$delay" -gt 0 ]; then
  echo "portal: waiting ${delay}s before starting nginx (START_DELAY)" >&2
  # PID 1 gets no default signal handlers: without this trap `docker stop` would wait out
  # its whole timeout while we sleep.
  trap 'exit 0' TERM INT
  sleep "$delay" &
  wait $!
  trap - TERM INT
fi

# exec: nginx becomes PID 1 and handles SIGTERM itself, so the container stops at once.
exec nginx -g 'daemon off;'
