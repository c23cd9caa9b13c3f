#!/usr/bin/env bash
# Inbox benchmark: signed Likes from 1,000 remote actors to the shared inbox. See bench/README.md.
#   bench/federation-inbox.sh                                    # full size
#   bench/federation-inbox.sh --duration=5 --pool=5000           # a quick run
exec "$(dirname "${BASH_SOURCE[0]}")/federation.sh" inbox "$@"
