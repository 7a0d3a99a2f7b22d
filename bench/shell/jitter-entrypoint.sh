#!/bin/sh
# The timing-honesty section's entrypoint for its portals: the start delay of the next start, when the bench wrote
# one before the drill (the portal's delay plus a jitter within one probe interval), else the container's
# START_DELAY; then this commit's portal entrypoint.
set -eu
if [ -s /tmp/bench-start-delay ]; then
  START_DELAY="$(cat /tmp/bench-start-delay)"
  export START_DELAY
fi
exec /usr/local/bin/portal-entrypoint-commit "$@"
