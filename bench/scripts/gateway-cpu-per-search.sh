#!/usr/bin/env bash
# The gateway's CPU time per nearest search. Beside the README's running stack (gateway on 8080, the
# services on 8081-8086), starts a second gateway on 18080 from JAR with the extra arguments given,
# warms it with WARM seconds of 16 wrk clients, then divides its CPU time (/proc/<pid>/stat) over
# MEASURE seconds of the same by the answers. From the repository's root, after ./mvnw package.
# usage: bench/scripts/gateway-cpu-per-search.sh NAME [--spring.property=value ...]
set -euo pipefail
name=${1:?usage: gateway-cpu-per-search.sh NAME [--property=value ...]}; shift
jar=${JAR:-local-stack/target/services/gateway.jar}
java -Xmx384m -Xss512k -XX:+UseSerialGC -jar "$jar" --server.port=18080 --server.address=127.0.0.1 \
  --management.server.port=18090 --management.server.address=127.0.0.1 \
  --gateway.rate-limits.reads-per-second=100000 --gateway.browser.issuer=http://localhost:8086 \
  --gateway.services.registry-service=http://localhost:8081 --gateway.services.geo-search-service=http://localhost:8082 \
  --gateway.services.access-control-service=http://localhost:8083 --gateway.services.notification-service=http://localhost:8084 \
  --gateway.services.device-gateway-service=http://localhost:8085 --gateway.services.identity-service=http://localhost:8086 \
  "$@" > "target/gateway-$name.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
until curl -sf localhost:18090/actuator/health >/dev/null; do kill -0 $pid; sleep 1; done
token=$(echo correct-horse-battery-staple | java -jar camera-cli/target/camera-cli-exec.jar token investigator@dallas.demo.example --password-stdin)
url='http://127.0.0.1:18080/api/search/nearest?lat=32.7767&lon=-96.797&limit=10'
wrk -t1 -c16 -d"${WARM:-60}s" -H "Authorization: Bearer $token" "$url" >/dev/null
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu)
out=$(wrk -t1 -c16 -d"${MEASURE:-30}s" -H "Authorization: Bearer $token" "$url")
after=$(cpu)
answers=$(echo "$out" | awk '/requests in/ {print $1}')
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
echo "$name: $answers answers (non-2xx: ${non2xx:-0}), gateway CPU $(( (after - before) * 1000000 / $(getconf CLK_TCK) / answers )) µs per search"
