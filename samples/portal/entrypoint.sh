#!/bin/sh
# PID 1 of the portal. START_DELAY (seconds, whole or with up to three decimals: 2, 0.5, 1.25)
# holds nginx back so tests and benchmarks can measure recovery timing against a service that is
# slow to come up.
set -eu

delay="${START_DELAY:-0}"
case "$delay" in
  ''|*[!0-9.]*|.*|*.|*.*.*|*.????*)
    echo "portal: START_DELAY must be seconds, whole or with up to three decimals (2, 0.5, 1.25), got '$delay'" >&2
    exit 2 ;;
esac

case "$delay" in
  *[1-9]*)
    echo "portal: waiting ${delay}s before starting nginx (START_DELAY)" >&2
    # PID 1 gets no default signal handlers: without this trap `docker stop` would wait out
    # its whole timeout while we sleep.
    trap 'exit 0' TERM INT
    # Debian's sleep (coreutils) takes fractions of a second.
    sleep "$delay" &
    wait $!
    trap - TERM INT
    ;;
esac

# exec: nginx becomes PID 1 and handles SIGTERM itself, so the container stops at once.
exec nginx -g 'daemon off;'
