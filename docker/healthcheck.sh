#!/bin/bash
# Exits 0 when this container's Weft answers UP on /actuator/health. Plain bash (/dev/tcp):
# the eclipse-temurin JRE images no longer ship curl or wget.
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
grep -q '"status":"UP"' <&3
