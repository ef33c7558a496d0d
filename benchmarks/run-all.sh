#!/usr/bin/env bash
# Every comparison of issue 14 side by side, in one go, and one table at the end:
#   (1) JMH on the 5.7 KB initiative.json: readTree / bare networknt / SDK full validation;
#   (2) sstc validate vs ajv validate (ajv-cli 5) on the same 10 000 generated files, verdicts compared;
#   (3) the same on one file (java -jar sstc.jar, and the launcher sdk-cli/target/sstc with its
#       class-data archive and JIT settings);
#   (4) an NDJSON stream under -Xmx128m: MB/s against readTree per line, and `sstc validate` on it;
#   (5) bulk publishing, the ExchangeThroughput harness with its usual arguments.
# Build first:  ./mvnw -B -q install -DskipTests   and   node tools/api/ensure-installed.mjs
# Settings (environment): FILES (10000), STREAM_MB (100), JMH_ARGS, BULK_ARGS ("1000 20000"),
# SKIP_BULK=1, WORK (a folder for the generated files; default a new temporary one).
# The machine may be shared: each figure is printed with the load average when it was taken,
# and only the ratios measured in this one run mean anything.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
SSTC=sdk-cli/target/sstc.jar
AJV=tools/api/node_modules/ajv-cli/dist/index.js
FILES=${FILES:-10000}
STREAM_MB=${STREAM_MB:-100}
JMH_ARGS=${JMH_ARGS:--f 1 -wi 3 -i 5 -w 1 -r 1}
BULK_ARGS=${BULK_ARGS:-1000 20000}
WORK=${WORK:-$(mktemp -d)}
for needed in "$JAR" "$SSTC" "$AJV"; do
  [ -f "$needed" ] || { echo "run-all.sh: $needed is missing: build with ./mvnw -B -q install -DskipTests and node tools/api/ensure-installed.mjs" >&2; exit 2; }
done
mkdir -p "$WORK"
# The jars as they are now: a build running beside the benchmark must not change them under it.
cp "$JAR" "$WORK/benchmarks.jar"; JAR="$WORK/benchmarks.jar"
cp "$SSTC" "$WORK/sstc.jar"; SSTC="$WORK/sstc.jar"
# The launcher beside the copy, with an archive made for the copy (an archive names its jar's path).
sh sdk-cli/src/main/launcher/make-launcher.sh "$WORK" schema/test-fixtures/valid/initiative-minimal.json \
  schema/test-fixtures/invalid/initiative-amount-negative.json
LAUNCHER="$WORK/sstc"
ROWS="$WORK/rows.txt"; : > "$ROWS"
load() { cut -d' ' -f1 /proc/loadavg; }
row() { printf '%s\t%s\t%s\n' "$1" "$2" "$(load)" >> "$ROWS"; }
# Wall seconds of a command (its output to $WORK/last.out; its exit status ignored: invalid files exit 1).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$WORK/last.out" 2> "$WORK/last.err" || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }
AJV_ARGS=(validate --spec=draft2020 --strict=true --strict-required=false -c ajv-formats --errors=line
  -s "$PWD/schema/1.0/initiative.schema.json")
for other in "$PWD"/schema/1.0/*.schema.json; do
  [ "$other" = "$PWD/schema/1.0/initiative.schema.json" ] || AJV_ARGS+=(-r "$other")
done
ajv() { (cd tools/api && node "node_modules/ajv-cli/dist/index.js" "$@"); }

echo "== (1) JMH: readTree / networkntOnly / sdkFullValidation (load $(load))"
java -jar "$JAR" ValidationBenchmark $JMH_ARGS -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.txt"
python3 - "$WORK/jmh.json" > "$WORK/jmh.scores" <<'PY'
import json, sys
for b in json.load(open(sys.argv[1])):
    print(b["benchmark"].rsplit(".", 1)[1], b["primaryMetric"]["score"], b["primaryMetric"]["scoreError"])
PY
score() { awk -v n="$1" '$1 == n {print $2}' "$WORK/jmh.scores"; }
RT=$(score readTree); NW=$(score networkntOnly); SDK=$(score sdkFullValidation)
row "JMH µs/op readTree / networknt / SDK" "$(printf '%.1f / %.1f / %.1f' "$RT" "$NW" "$SDK")"
row "SDK ÷ networknt (target ≤ 1.3)" "$(ratio "$SDK" "$NW")"
row "SDK ÷ readTree (target ≤ 3)" "$(ratio "$SDK" "$RT")"

echo "== (2) $FILES files: sstc validate vs ajv validate (load $(load))"
rm -rf "$WORK/files"
java -cp "$JAR" org.sstc.exchange.benchmarks.ValidationFiles "$WORK/files" "$FILES" > /dev/null
FOLDER=$(cd "$WORK/files" && pwd)
J_FILES=$(seconds java -jar "$SSTC" validate --format json --max-issues 1 "$FOLDER")
S_FILES=$(seconds "$LAUNCHER" validate --format json --max-issues 1 "$FOLDER"); cp "$WORK/last.out" "$WORK/sstc.json"
A_FILES=$(seconds ajv "${AJV_ARGS[@]}" -d "$FOLDER/*.json"); cat "$WORK/last.out" "$WORK/last.err" > "$WORK/ajv.txt"
SAME=$(python3 - "$WORK/sstc.json" "$WORK/ajv.txt" <<'PY'
import json, os, sys
sdk = {os.path.basename(f["file"]): f["valid"] for f in json.load(open(sys.argv[1]))}
ajv = {}
for line in open(sys.argv[2]):
    path, _, verdict = line.strip().rpartition(" ")
    if verdict in ("valid", "invalid") and path.endswith(".json"):
        ajv[os.path.basename(path)] = verdict == "valid"
same = sum(1 for f in sdk if ajv.get(f) == sdk[f])
print(f"{same}/{len(sdk)} same verdicts ({sum(sdk.values())} valid)" + ("" if same == len(sdk) == len(ajv) else " DIFFER"))
PY
)
row "$FILES files: java -jar sstc.jar / sstc launcher / ajv s" "$(printf '%.1f / %.1f / %.1f' "$J_FILES" "$S_FILES" "$A_FILES")"
row "$FILES files: sstc launcher ÷ ajv (target ≤ 1.0)" "$(ratio "$S_FILES" "$A_FILES"); $SAME"

echo "== (3) one file: java -jar sstc.jar, the sstc launcher, ajv (load $(load))"
ONE="$FOLDER/initiative-00000.json"
plain=(); cds=(); aj=(); jvm=(); version=()
for i in 1 2 3 4 5; do
  # The floors under a one-file run: the JVM alone, and sstc starting and printing its version.
  jvm+=("$(seconds java -Xshare:auto -version)")
  version+=("$(seconds "$LAUNCHER" --version)")
  plain+=("$(seconds java -jar "$SSTC" validate "$ONE")")
  cds+=("$(seconds "$LAUNCHER" validate "$ONE")")
  aj+=("$(seconds ajv "${AJV_ARGS[@]}" -d "$ONE")")
done
S_ONE=$(printf '%s\n' "${plain[@]}" | median); C_ONE=$(printf '%s\n' "${cds[@]}" | median); A_ONE=$(printf '%s\n' "${aj[@]}" | median)
row "one file, median of 5: java -jar / launcher / ajv s" "$(printf '%.2f / %.2f / %.2f' "$S_ONE" "$C_ONE" "$A_ONE")"
row "one file: java -jar ÷ ajv, launcher ÷ ajv (target ≤ 1.0)" "$(ratio "$S_ONE" "$A_ONE"), $(ratio "$C_ONE" "$A_ONE")"
J_ONE=$(printf '%s\n' "${jvm[@]}" | median); V_ONE=$(printf '%s\n' "${version[@]}" | median)
row "one file's floors, median of 5: java -version / launcher --version s" "$(printf '%.2f / %.2f' "$J_ONE" "$V_ONE")"

echo "== (4) NDJSON stream, $STREAM_MB MB, -Xmx128m (load $(load))"
java -Xmx128m -cp "$JAR" org.sstc.exchange.benchmarks.StreamingValidation "$WORK/records.ndjson" "$STREAM_MB" > "$WORK/stream.txt"
BASE_MBS=$(awk '/^baseline/ {print $(NF-5)}' "$WORK/stream.txt")
SDK_MBS=$(sed -n 's/^SDK streaming validation: *\([0-9.]*\) MB\/s.*/\1/p' "$WORK/stream.txt")
SDK_AGAIN=$(sed -n 's/^SDK again, same JVM: *\([0-9.]*\) MB\/s.*/\1/p' "$WORK/stream.txt")
PEAK=$(sed -n 's/^SDK streaming validation:.*peak heap \([0-9]* MB\).*/\1/p' "$WORK/stream.txt")
row "stream MB/s: readTree / SDK, new JVM / SDK again, same JVM (target ≥ 30)" "$BASE_MBS / $SDK_MBS / $SDK_AGAIN, SDK peak heap $PEAK"
# The command itself on the same file, heap capped the same way.
MB=$(echo "$(stat -c %s "$WORK/records.ndjson") / 1000000" | bc -l)
J_STREAM=$(seconds java -Xmx128m -jar "$SSTC" validate --max-issues 1 "$WORK/records.ndjson")
L_STREAM=$(seconds env SSTC_JAVA_OPTS=-Xmx128m "$LAUNCHER" validate --max-issues 1 "$WORK/records.ndjson")
row "stream MB/s, sstc validate -Xmx128m: java -jar / launcher (target ≥ 30)" "$(printf '%.1f / %.1f' "$(echo "$MB / $J_STREAM" | bc -l)" "$(echo "$MB / $L_STREAM" | bc -l)")"

if [ "${SKIP_BULK:-}" != 1 ]; then
  echo "== (5) bulk: ExchangeThroughput $BULK_ARGS (load $(load))"
  # shellcheck disable=SC2086
  if java -cp "$JAR" org.sstc.exchange.benchmarks.ExchangeThroughput $BULK_ARGS > "$WORK/bulk.txt" 2>&1; then
    grep -E '^publish' "$WORK/bulk.txt" | while IFS= read -r line; do row "bulk" "$line"; done
  else
    row "bulk" "failed: $(grep -m1 -E 'Exception' "$WORK/bulk.txt" | cut -c1-120) (see $WORK/bulk.txt)"
  fi
fi

echo
echo "== issue 14, one run ($(date -u +%FT%TZ), $(nproc) cores; files in $WORK)"
printf '%-55s  %-60s  %s\n' "figure" "value" "load"
while IFS=$'\t' read -r what value at; do printf '%-55s  %-60s  %s\n' "$what" "$value" "$at"; done < "$ROWS"
