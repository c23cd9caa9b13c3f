#!/usr/bin/env bash
# Fan-out benchmark: one post, 10,000 followers on 2,000 loopback servers. See bench/README.md.
#   bench/federation-fanout.sh                                   # full size
#   bench/federation-fanout.sh --followers=200 --servers=40      # a quick run
exec "$(dirname "${BASH_SOURCE[0]}")/federation.sh" fanout "$@"
