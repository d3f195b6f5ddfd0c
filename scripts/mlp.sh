#!/usr/bin/env bash
# The main job: the article's experiment. Builds vact and examples/mlp
# (release preset) and trains the 784-128-10 MLP on Fashion-MNIST once per
# activation (mlp --act all), printing one table. Extra arguments go to mlp,
# e.g. `bash scripts/mlp.sh --act gelu` or `--epochs 1`.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target mlp >/dev/null
if [ $# -eq 0 ]; then set -- --act all; fi
exec build/release/examples/mlp "$@"
