// Runs `npm ci` in the current directory (a module with a package-lock.json: api-specs, services/console)
// unless its node_modules was already installed from this exact package-lock.json (and Node major version).
// Called by the Maven build of those modules before they use npm (exec-maven-plugin, workingDirectory = the module).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const root = resolve(process.cwd());
const name = basename(root);
const stamp = join(root, 'node_modules', '.casebook-lock.sha256');
const nodeMajor = process.versions.node.split('.')[0];
const wanted = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .update(`node-${nodeMajor}`)
  .digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === wanted) {
  console.log(`${name}: node_modules is up to date with package-lock.json, skipping npm ci`);
  process.exit(0);
}

// --ignore-scripts: no package needs an install script (native tools come as optional platform packages),
// and this skips telemetry postinstalls.
execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
writeFileSync(stamp, `${wanted}\n`);
