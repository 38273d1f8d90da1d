#!/usr/bin/env bash
# bitext over a manifest in N shards on one big machine with GNU parallel: N workers, one
# shared SQLite memory (claims work across processes on one machine), then the merge.
#
#   deploy/parallel.sh data/manifest.jsonl data/out 8 [BITEXT TRANSLATE FLAGS...]
#
# Flags after the number of shards go to every `bitext translate` (--provider deepl, -g terms.tsv).
#
# A failed shard is retried once by parallel (--retries 2); --joblog lets `parallel --resume-failed`
# rerun only what failed after an interruption. A document translate skips (not German, not
# UTF-8) fails no shard (--allow-skipped): it is named on stderr, and the merge counts it apart.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 MANIFEST OUT_DIR [SHARDS [BITEXT TRANSLATE FLAGS...]]" >&2
  exit 2
fi
manifest=$1
out=$2
shards=${3:-$(nproc)}
extra=("${@:4}")
tm=${BITEXT_TM:-$out/tm.sqlite}
# The account's request limit per second, shared by all workers.
account_rate=${ACCOUNT_RATE:-10}
rate=$(awk -v r="$account_rate" -v n="$shards" 'BEGIN { printf "%.3f", r / n }')

mkdir -p "$out"
# -q: parallel quotes the command's words, so paths and flags with spaces arrive intact.
seq 0 $((shards - 1)) | parallel -q --jobs "$shards" --retries 2 --halt soon,fail=1 \
  --joblog "$out/parallel.log" \
  bitext translate --manifest "$manifest" --shard "{}/$shards" --format jsonl \
  --output "$out/shard-{}.jsonl" --tm "$tm" --rate "$rate" --quiet --allow-skipped "${extra[@]}"

shard_outputs=()
for ((i = 0; i < shards; i++)); do
  shard_outputs+=("$out/shard-$i.jsonl")
done
bitext corpus merge --manifest "$manifest" -o "$out/corpus.tmx" "${shard_outputs[@]}"
