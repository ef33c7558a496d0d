// Runs `npm ci --no-audit --no-fund` in this directory unless node_modules already holds exactly
// what package-lock.json pins. After a successful install it stores the lock file's SHA-256 in
// node_modules/.sstc-lock.sha256; when that stamp matches the current lock file, it does nothing
// (a full `npm ci` takes minutes on a slow machine, this check a few milliseconds).
//
// Two runs at once (CI starts one in the background while Maven compiles; the build runs it again
// before the integration tests) must not both install: the first takes a lock directory, the
// second waits for it to go and then finds the stamp up to date.
// Usage: node ensure-installed.mjs   (from anywhere; works on the directory it lives in)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const lock = join(dir, 'package-lock.json');
const stamp = join(dir, 'node_modules', '.sstc-lock.sha256');
const busy = join(dir, '.install-in-progress');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const upToDate = () => existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

if (upToDate()) {
  console.log('tools/api: node_modules is up to date with package-lock.json');
  process.exit(0);
}

const giveUp = Date.now() + 30 * 60 * 1000;
for (;;) {
  try {
    mkdirSync(busy);
    break;
  } catch (e) {
    if (e.code !== 'EEXIST') throw e;
    // An install older than 30 minutes died without cleaning up: take its place.
    if (Date.now() - statSync(busy).mtimeMs > 30 * 60 * 1000) {
      rmSync(busy, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > giveUp) {
      console.error(`tools/api: another install has held ${busy} for 30 minutes; remove it and retry`);
      process.exit(1);
    }
    sleep(2000);
  }
}
let status = 0;
try {
  if (upToDate()) {
    console.log('tools/api: installed by another run meanwhile');
  } else {
    console.log('tools/api: npm ci --no-audit --no-fund');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
      cwd: dir, stdio: 'inherit', shell: process.platform === 'win32',
    });
    if (r.status !== 0) {
      console.error(`tools/api: npm ci failed (${r.error ? r.error.message : 'exit ' + r.status})`);
      status = r.status || 1;
    } else {
      writeFileSync(stamp, hash + '\n');
    }
  }
} finally {
  rmSync(busy, { recursive: true, force: true });
}
process.exit(status);
