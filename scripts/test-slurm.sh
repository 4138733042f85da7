#!/usr/bin/env bash
# `npm run test:slurm`: proves the Slurm recipe of docs/scale.md end to end. It installs Debian's
# slurm-wlm and munge when missing, starts a single-node cluster on localhost, submits a job array that
# lints examples/ in 4 shards, merges the shard reports, and checks that the result equals a
# single-process run. It prints "1 passed, 0 failed" or "0 passed, 1 failed" and exits accordingly.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cli="$repo/dist/cli.js"
[ -f "$cli" ] || { echo "test:slurm: dist/cli.js is missing; run npm run build" >&2; exit 2; }

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

work=$(mktemp -d /tmp/corpuslint-slurm-XXXXXX)
host=$(hostname -s)
conf="$work/slurm.conf"
cleanup() {
  scontrol -f "$conf" shutdown >/dev/null 2>&1 || true
  sleep 1
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
}
trap cleanup EXIT

# munge authenticates the daemons and clients to each other.
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge
chmod 0700 /etc/munge /var/log/munge /var/lib/munge
chmod 0400 /etc/munge/munge.key
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged

mkdir -p "$work/state" "$work/spool" "$work/reports" "$work/logs"
cat > "$conf" <<CONF
ClusterName=corpuslint
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldPort=16817
SlurmdPort=16818
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$(nproc) RealMemory=1024 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$conf"
slurmctld -f "$conf"
slurmd -f "$conf"
for _ in $(seq 1 60); do
  state=$(sinfo -h -o %T 2>/dev/null || true)
  [ "$state" = "idle" ] && break
  sleep 1
done
[ "$(sinfo -h -o %T)" = "idle" ] || { echo "test:slurm: the node did not come up" >&2; cat "$work/slurmctld.log" "$work/slurmd.log" >&2; exit 2; }

# The recipe from docs/scale.md, over examples/ split 4 ways.
cat > "$work/lint.sbatch" <<SBATCH
#!/bin/bash
#SBATCH --job-name=corpuslint
#SBATCH --array=1-4
#SBATCH --cpus-per-task=1
#SBATCH --output=$work/logs/lint-%A_%a.out
cd "$repo"
node "$cli" --no-progress --shard "\${SLURM_ARRAY_TASK_ID}/\${SLURM_ARRAY_TASK_COUNT}" --concurrency "\${SLURM_CPUS_PER_TASK}" \
  --format json --output-file "$work/reports/report-\${SLURM_ARRAY_TASK_ID}.json" examples/
status=\$?; [ "\$status" -le 1 ] || exit "\$status"
SBATCH
sbatch --wait "$work/lint.sbatch" >/dev/null

cd "$repo"
node "$cli" merge "$work"/reports/report-*.json --format json --output-file "$work/merged.json" || [ $? -le 1 ]
node "$cli" --no-progress --format json --output-file "$work/single.json" examples/ || [ $? -le 1 ]
reports=$(ls "$work"/reports/report-*.json | wc -l)
if [ "$reports" -eq 4 ] && node -e '
  const fs = require("fs");
  const [a, b] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  process.exit(JSON.stringify(a) === JSON.stringify(b) && a.files.length > 0 ? 0 : 1);
' "$work/merged.json" "$work/single.json"; then
  files=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).files.length)' "$work/merged.json")
  echo "test:slurm: 4 array tasks, $reports shard reports; merged report equals the single-process run ($files files)"
  echo "1 passed, 0 failed"
else
  echo "test:slurm: the merged report differs from the single-process run ($reports shard reports)" >&2
  diff <(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1])), null, 1))' "$work/merged.json") \
       <(node -e 'console.log(JSON.stringify(JSON.parse(require("fs").readFileSync(process.argv[1])), null, 1))' "$work/single.json") | head -40 >&2 || true
  echo "0 passed, 1 failed"
  exit 1
fi
