// Checks an image tar that Jib's buildTar wrote (docker-save layout: manifest.json, a config file,
// one tar.gz a layer), unpacked in IMAGE_DIR: the manifest, the config (entrypoint, arguments, port,
// volume, user, labels) and the layers (unpacked into FS_DIR: the base's JRE, sstc's jars and
// classes, an empty /data the image's user may write). Prints what it checked; exits 1 naming
// every check that failed. Used by .ci/image-check.
// Usage: node .ci/image-inspect.mjs IMAGE_DIR FS_DIR
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [imageDir, fsDir] = process.argv.slice(2);
if (!imageDir || !fsDir) {
  console.error('usage: node .ci/image-inspect.mjs IMAGE_DIR FS_DIR');
  process.exit(2);
}
const failures = [];
const check = (ok, what) => {
  console.log(`image-check: ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

const manifest = JSON.parse(readFileSync(join(imageDir, 'manifest.json'), 'utf8'));
check(Array.isArray(manifest) && manifest.length === 1, 'manifest.json names one image');
const entry = manifest[0];
const tags = entry.RepoTags || [];
check(tags.some((t) => /^sstc-exchange\/sstc:\d+\.\d+\.\d+/.test(t)) && tags.includes('sstc-exchange/sstc:latest'),
  `tagged sstc-exchange/sstc:VERSION and :latest (${tags.join(', ')})`);

const image = JSON.parse(readFileSync(join(imageDir, entry.Config), 'utf8'));
const config = image.config || {};
check(image.os === 'linux' && image.architecture === 'amd64', `linux/amd64 (${image.os}/${image.architecture})`);
const entrypoint = config.Entrypoint || [];
check(entrypoint[0] === 'java' && same(entrypoint.slice(-3), ['-cp', '@/app/jib-classpath-file', 'org.sstc.exchange.cli.Sstc']),
  `entrypoint runs sstc (${entrypoint.join(' ')})`);
check(entrypoint.includes('-XX:MaxRAMPercentage=75'), 'the heap follows the container memory limit (-XX:MaxRAMPercentage=75)');
check(same(config.Cmd, ['serve', '--data', '/data', '--bind', '0.0.0.0']),
  `default arguments: serve --data /data --bind 0.0.0.0 (${(config.Cmd || []).join(' ')})`);
check(same(Object.keys(config.ExposedPorts || {}), ['8080/tcp']), 'exposes 8080/tcp');
check(same(Object.keys(config.Volumes || {}), ['/data']), 'declares the volume /data');
const user = config.User || '';
check(user !== '' && !/^(0|root)(:|$)/.test(user), `runs as a non-root user (${user || 'none set: root'})`);
check(config.WorkingDir === '/data', `working directory /data (${config.WorkingDir})`);
const labels = config.Labels || {};
check(/^\d+\.\d+\.\d+/.test(labels['org.opencontainers.image.version'] || ''),
  `label org.opencontainers.image.version (${labels['org.opencontainers.image.version']})`);
check(/^https:\/\//.test(labels['org.opencontainers.image.source'] || ''),
  `label org.opencontainers.image.source (${labels['org.opencontainers.image.source']})`);
check(labels['org.opencontainers.image.licenses'] === 'Apache-2.0',
  `label org.opencontainers.image.licenses (${labels['org.opencontainers.image.licenses']})`);
check((config.Env || []).includes('JAVA_HOME=/opt/java/openjdk'), 'keeps the base image environment (JAVA_HOME)');
check(entry.Layers.length === (image.rootfs?.diff_ids || []).length, `${entry.Layers.length} layers, one diff_id each`);

// The layers, in order, into FS_DIR; their listings keep owners and modes as the image has them.
const listing = [];
for (const layer of entry.Layers) {
  const path = join(imageDir, layer);
  for (const args of [['-xf', path, '-C', fsDir, '--no-same-owner'], ['-tvf', path, '--numeric-owner']]) {
    const run = spawnSync('tar', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      console.error(`image-check: tar ${args.join(' ')} failed: ${run.stderr}`);
      process.exit(1);
    }
    if (args[0] === '-tvf') listing.push(...run.stdout.split('\n').filter(Boolean));
  }
}
check(existsSync(join(fsDir, 'opt/java/openjdk/bin/java')), 'the base layer holds the JRE (/opt/java/openjdk/bin/java)');
const libs = existsSync(join(fsDir, 'app/libs')) ? readdirSync(join(fsDir, 'app/libs')) : [];
for (const jar of ['sdk-core', 'sdk-client', 'sdk-hub', 'sdk-iati', 'sdk-report', 'sdk-sheets', 'picocli']) {
  check(libs.some((f) => f.startsWith(`${jar}-`) && f.endsWith('.jar')), `/app/libs holds ${jar}'s jar`);
}
check(existsSync(join(fsDir, 'app/classes/org/sstc/exchange/cli/Sstc.class')), '/app/classes holds sstc (Sstc.class)');
check(existsSync(join(fsDir, 'app/resources/org/sstc/exchange/cli/version.properties')), '/app/resources holds version.properties');
const classpath = readFileSync(join(fsDir, 'app/jib-classpath-file'), 'utf8').trim().split(':');
check(classpath.every((p) => existsSync(join(fsDir, p))), `every entry of /app/jib-classpath-file is in the layers (${classpath.length})`);
const data = listing.find((line) => / \.?\/?data\/?$/.test(line));
check(data !== undefined && /^drwxrwxr-x 0\/0 /.test(data), `/data: an empty folder of group 0, group-writable (${data})`);
check(!listing.some((line) => / \.?\/?data\/./.test(line)), '/data is empty in the image (no .keep)');

if (failures.length > 0) {
  console.error(`image-check: ${failures.length} check(s) failed: ${failures.join('; ')}`);
  process.exit(1);
}
