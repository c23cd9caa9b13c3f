#!/usr/bin/env bash
# Starts a local stand-in for a Mastodon instance on http://127.0.0.1:8091 with one account,
# @alice, whose access token is demo-token: the same fake the tests post to, written from
# Mastodon's API documentation. For the README's tour; stop it with Ctrl-C.
#   docs/fake-mastodon.sh [port] [token]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl api -am install -DskipTests >/dev/null
exec ./mvnw -q -pl api org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
  -Dexec.mainClass=dev.weft.api.crossposting.platforms.LocalMastodon -Dexec.args="${1:-8091} ${2:-demo-token}"
