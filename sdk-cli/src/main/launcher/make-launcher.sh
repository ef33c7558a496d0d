#!/bin/sh
# Run by the build (sdk-cli's pom, package phase, after the fat jar): puts the launcher `sstc`
# beside target/sstc.jar and makes its class-data archive target/sstc.jsa with a training run:
# validating a valid and an invalid record loads the classes of a validation, its reports and
# its error messages. Arguments: the target folder, then the training files.
set -e
target=$1
shift
cp "$(dirname "$0")/sstc" "$target/sstc"
chmod 755 "$target/sstc"
rm -f "$target/sstc.jsa"
# Through the launcher, so that the archive is made with the flags it runs with; the invalid
# record exits 1.
status=0
SSTC_JAVA_OPTS="-XX:ArchiveClassesAtExit=$target/sstc.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "$target/sstc" validate "$@" > /dev/null 2>&1 || status=$?
if [ "$status" -gt 1 ] || [ ! -f "$target/sstc.jsa" ]; then
  echo "make-launcher.sh: the training run exited $status without writing $target/sstc.jsa" >&2
  exit 1
fi
