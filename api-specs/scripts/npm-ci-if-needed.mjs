// Runs `npm ci` in api-specs/ unless node_modules was already installed from this exact
// package-lock.json (and Node major version). Called by the Maven build before linting.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.casebook-lock.sha256');
const nodeMajor = process.versions.node.split('.')[0];
const wanted = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .update(`node-${nodeMajor}`)
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log('api-specs: node_modules is up to date with package-lock.json, skipping npm ci');
  process.exit(0);
}

// --ignore-scripts: the lint tools need no install scripts (and this skips telemetry postinstalls).
execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
writeFileSync(stamp, `${wanted}\n`);
