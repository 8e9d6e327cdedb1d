#!/usr/bin/env node
// Builds the web app only when web/dist is missing or older than its sources, so `npm start`
// stays instant when nothing changed. Plain Node: no dependencies beyond Vite's own CLI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distIndex = path.join(root, 'web', 'dist', 'index.html');
const sourceDirs = [path.join(root, 'web'), path.join(root, 'shared', 'src')];
const extraFiles = [path.join(root, 'package-lock.json')];
const skipDirs = new Set(['dist', 'node_modules']);

/** Newest modification time of any file below dir (dist and node_modules excluded). */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDirs.has(e.name)) newest = Math.max(newest, newestMtime(full));
    } else if (e.isFile()) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(distIndex).mtimeMs;
  } catch {
    return null;
  }
}

const built = builtAt();
const sourcesChanged = Math.max(
  ...sourceDirs.map(newestMtime),
  ...extraFiles.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)),
);
const force = process.argv.includes('--force');

if (!force && built !== null && built >= sourcesChanged) {
  process.exit(0);
}

const startedAt = new Date();
process.stdout.write(built === null ? 'Building the web app (first time)…\n' : 'Web sources changed: rebuilding the web app…\n');
const vite = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
const result = spawnSync(vite, ['build', '--config', path.join('web', 'vite.config.ts'), '--logLevel', 'warn'], {
  cwd: root,
  // Test runners set NODE_ENV=test; the bundle must still be the production build of React and antd.
  env: { ...process.env, NODE_ENV: 'production' },
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  process.stderr.write('Web build failed (xây dựng giao diện web thất bại).\n');
  process.exit(result.status ?? 1);
}
// Stamp the build with its start time: a source saved while Vite was running stays newer and
// triggers the next rebuild instead of being silently skipped.
fs.utimesSync(distIndex, startedAt, startedAt);
