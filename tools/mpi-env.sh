# shellcheck shell=bash
# Sourced by the scripts: Open MPI settings for running as root (CI, containers) and on a
# machine with fewer cores than ranks.
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
# Oversubscription is allowed so that 2-rank runs work on a 1-core machine as well.
export OMPI_MCA_rmaps_base_oversubscribe=1
# Shared-memory transport only on one node: avoids slow network probing in containers.
export OMPI_MCA_btl=${OMPI_MCA_btl:-self,vader}
