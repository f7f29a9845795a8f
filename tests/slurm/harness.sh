# shellcheck shell=bash
# A single-node Slurm cluster on localhost for the `slurm`-labelled tests. Sourced by the tests:
#
#   . tests/slurm/harness.sh
#   slurm_start            # installs Slurm if missing (tools/install-slurm.sh) or exits 0 with SKIP
#   sbatch ...; slurm_wait JOBID [TIMEOUT_S]
#
# slurmctld and slurmd run in the foreground of background shells (their pids are kept) from a
# slurm.conf in a fresh temporary directory: AuthType=auth/none and CredType=cred/none (no munge
# daemon needed: Debian 12's Slurm 22.05 ships auth_none.so and cred_none.so), state, spool, logs
# and pid files in that directory, free TCP ports chosen at start so that several harnesses can run
# at once, one node with the CPUs, cores and memory `slurmd -C` reports, proctrack/linuxproc and
# task/none (no cgroups needed in a container). An EXIT trap stops exactly the daemons this harness
# started (by pid) and removes the directory, also when a test fails.
# Every client command (sbatch, srun, squeue, scontrol, sacct) finds the cluster through SLURM_CONF.

SLURM_HARNESS_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

slurm_log() { echo "slurm-harness: $*" >&2; }

# Stop the daemons started here (by pid), then remove the directory unless FB_SLURM_KEEP=1.
slurm_stop() {
  local pid
  for pid in ${SLURMD_PID:-} ${SLURMCTLD_PID:-}; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null || true
    fi
  done
  SLURMD_PID=""; SLURMCTLD_PID=""
  # job steps of a killed slurmd could outlive it: end the slurmstepd processes of this cluster
  if [ -n "${SLURM_TMP:-}" ] && [ -d "$SLURM_TMP" ]; then
    for pid in $(pgrep -f "slurmstepd: \[" 2>/dev/null || true); do
      if grep -qs "$SLURM_TMP" "/proc/$pid/environ" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    if [ "${FB_SLURM_KEEP:-0}" = 1 ]; then slurm_log "kept $SLURM_TMP"; else rm -rf "$SLURM_TMP"; fi
  fi
}

# Print the logs of the daemons (on failure).
slurm_dump_logs() {
  local f
  for f in "$SLURM_TMP"/slurmctld.log "$SLURM_TMP"/slurmd.log; do
    [ -e "$f" ] && { echo "---- $f (last 40 lines)"; tail -n 40 "$f"; }
  done
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Start the cluster; exits the calling test with status 0 and a SKIP message when Slurm cannot be
# installed; fails (status 1) when it is installed but does not come up.
slurm_start() {
  if [ "$(id -u)" -ne 0 ]; then
    # slurmd must run as root to start job steps; CI runs as root
    echo "SKIP: Slurm tests need root (slurmd runs as root): run them as root, e.g. in CI (.ci/run)"
    exit 0
  fi
  if ! "$SLURM_HARNESS_SRC/tools/install-slurm.sh" >&2; then
    echo "SKIP: Slurm (Debian packages slurmctld, slurmd, slurm-client) is not installed and cannot be installed here"
    exit 0
  fi
  SLURM_TMP=$(mktemp -d /tmp/fb-slurm.XXXXXX)
  chmod 755 "$SLURM_TMP"
  # shellcheck disable=SC2154  # rc is assigned inside the trap
  trap 'rc=$?; [ $rc -ne 0 ] && slurm_dump_logs; slurm_stop; exit $rc' EXIT
  trap 'exit 1' INT TERM
  mkdir -p "$SLURM_TMP/state" "$SLURM_TMP/spool" "$SLURM_TMP/work"
  SLURM_NODE=fbnode$$
  local hw ctl_port d_port
  hw=$(slurmd -C | head -n 1 | sed -e 's/^NodeName=[^ ]* //')
  ctl_port=$(free_port); d_port=$(free_port)
  while [ "$d_port" = "$ctl_port" ]; do d_port=$(free_port); done
  cat > "$SLURM_TMP/slurm.conf" <<CONF
ClusterName=fbtest$$
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$d_port
AuthType=auth/none
CredType=cred/none
# a requeued job waits cred_expire seconds before it may start again (default 120 s)
AuthInfo=cred_expire=10
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$SLURM_TMP/state
SlurmdSpoolDir=$SLURM_TMP/spool
SlurmctldPidFile=$SLURM_TMP/slurmctld.pid
SlurmdPidFile=$SLURM_TMP/slurmd.pid
SlurmctldLogFile=$SLURM_TMP/slurmctld.log
SlurmdLogFile=$SLURM_TMP/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=pmix
SwitchType=switch/none
ReturnToService=2
MailProg=/bin/true
JobRequeue=1
MinJobAge=3600
KillWait=5
SchedulerParameters=sched_interval=1
NodeName=$SLURM_NODE NodeHostname=$(hostname) NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=fbtest Nodes=$SLURM_NODE Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$SLURM_TMP/slurm.conf"
  slurmctld -D -i -f "$SLURM_CONF" >"$SLURM_TMP/slurmctld.out" 2>&1 &
  SLURMCTLD_PID=$!
  slurmd -D -f "$SLURM_CONF" -N "$SLURM_NODE" >"$SLURM_TMP/slurmd.out" 2>&1 &
  SLURMD_PID=$!
  local ok=0
  for _ in $(seq 1 150); do
    if sinfo -h -N -o '%t' 2>/dev/null | grep -q -E '^(idle|mix|alloc)'; then ok=1; break; fi
    kill -0 "$SLURMCTLD_PID" 2>/dev/null && kill -0 "$SLURMD_PID" 2>/dev/null || break
    sleep 0.2
  done
  if [ "$ok" -ne 1 ]; then
    slurm_log "the cluster did not come up"
    cat "$SLURM_TMP"/slurmctld.out "$SLURM_TMP"/slurmd.out >&2
    exit 1
  fi
  slurm_log "cluster up in $SLURM_TMP: node $SLURM_NODE ($hw), slurmctld pid $SLURMCTLD_PID port $ctl_port, slurmd pid $SLURMD_PID port $d_port"
}

# State of a job (PENDING, RUNNING, COMPLETED, FAILED, ...). For an array, the states of all tasks.
slurm_job_state() {
  scontrol show job "$1" 2>/dev/null | sed -n -e 's/.*JobState=\([A-Z_]*\).*/\1/p'
}

# Wait until job $1 (and every task of an array) has ended; fail after $2 seconds (default 240).
slurm_wait() {
  local job=$1 timeout=${2:-240} t0 states
  t0=$(date +%s)
  while :; do
    states=$(slurm_job_state "$job")
    if [ -n "$states" ] && ! grep -q -E 'PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUE|SUSPENDED|RESIZING|SIGNALING|STAGE_OUT' <<<"$states"; then
      break
    fi
    if [ $(( $(date +%s) - t0 )) -ge "$timeout" ]; then
      slurm_log "job $job still not finished after $timeout s:"; scontrol show job "$job" >&2; return 1
    fi
    sleep 0.5
  done
}

# Fail unless every task of job $1 ended COMPLETED with exit code 0.
slurm_expect_completed() {
  local job=$1 states
  states=$(slurm_job_state "$job")
  if grep -q -v '^COMPLETED$' <<<"$states"; then
    slurm_log "job $job did not complete:"; scontrol show job "$job" >&2; return 1
  fi
  if scontrol show job "$job" | grep -q -E 'ExitCode=[1-9]|ExitCode=0:[1-9]'; then
    slurm_log "job $job has a non-zero exit code"; scontrol show job "$job" >&2; return 1
  fi
}
