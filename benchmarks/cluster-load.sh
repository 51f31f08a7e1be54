#!/usr/bin/env bash
# Starts N ContactCenter host processes on loopback as one cluster, runs the simulator's fixed-rate load
# against the first node, prints its report, and stops the nodes.
#
#   benchmarks/cluster-load.sh NODES sqlite|postgres [cc-sim load options...]
#   benchmarks/cluster-load.sh 1 sqlite   --rate 20 --duration 20 --agents 100 --handle 0.3 --seed 20
#   CC_POSTGRES='Host=127.0.0.1;Port=5432;Username=cc;Password=cc;Database=cc' \
#     benchmarks/cluster-load.sh 3 postgres --rate 20 --duration 20 --agents 100 --handle 0.3 --seed 20
#
# sqlite: a fresh file in a temp folder, shared by every node (fine for one node; several processes on one
# SQLite file serialise their writes). postgres: a fresh schema in the database CC_POSTGRES names.
# The HTTP load goes to the first node; the entities are spread over all nodes, so with N > 1 most
# messages cross Akka.Remote. Results: docs/benchmarks.md.
set -euo pipefail

nodes=${1:?usage: cluster-load.sh NODES sqlite|postgres [cc-sim load options]}
provider=${2:?usage: cluster-load.sh NODES sqlite|postgres [cc-sim load options]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/cc-cluster-load.XXXXXX)
key="cluster-load-admin-key-$RANDOM$RANDOM"
pids=()

stop_nodes() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap stop_nodes EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

case "$provider" in
  sqlite)   persistence=(Sqlite "Data Source=$work/contactcenter.db") ;;
  postgres) persistence=(PostgreSql "${CC_POSTGRES:?set CC_POSTGRES to a PostgreSQL connection string};Search Path=load_$(date +%s)") ;;
  *) echo "provider must be sqlite or postgres" >&2; exit 2 ;;
esac

dotnet build -c Release "$root/src/Host" -v q -nologo >/dev/null
dotnet build -c Release "$root/tools/ContactCenter.Simulator" -v q -nologo >/dev/null

seed_port=$(free_port)
urls=()
for i in $(seq 1 "$nodes"); do
  http=$(free_port)
  akka=$seed_port
  [ "$i" -gt 1 ] && akka=$(free_port)
  (
    cd "$work"
    export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production
    export Urls="http://127.0.0.1:$http" Logging__LogLevel__Default=Warning
    export ContactCenter__Hostname=127.0.0.1 ContactCenter__Port="$akka"
    export ContactCenter__SeedNodes__0="akka.tcp://contact-center@127.0.0.1:$seed_port"
    export ContactCenter__Configuration__Load=false
    export ContactCenter__Persistence__Provider="${persistence[0]}" ContactCenter__Persistence__ConnectionString="${persistence[1]}"
    export ContactCenter__Api__Keys__0__Name=admin ContactCenter__Api__Keys__0__Key="$key" ContactCenter__Api__Keys__0__Role=admin
    exec dotnet "$root/src/Host/bin/Release/net10.0/ContactCenter.Host.dll" >"$work/node-$i.log" 2>&1
  ) &
  pids+=($!)
  urls+=("http://127.0.0.1:$http")
  # One at a time: the seed forms the cluster, the others join it.
  for _ in $(seq 1 240); do
    curl -fsS "${urls[-1]}/healthz/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "${urls[-1]}/healthz/ready" >/dev/null || { echo "node $i not ready; its log:" >&2; tail -50 "$work/node-$i.log" >&2; exit 1; }
  echo "node $i ready at ${urls[-1]}" >&2
done

echo "$nodes node(s), $provider, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$root/tools/ContactCenter.Simulator/bin/Release/net10.0/cc-sim.dll" \
  --url "${urls[0]}" --key "$key" load "$@"
