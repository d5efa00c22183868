#!/usr/bin/env node
// `npm test`: installs what npm does not bring (Debian's Chromium for the browser tests) when it is
// missing, builds the product (the browser tests drive the built app), then runs every jest project.
// Extra arguments go to jest, e.g. `npm test -- backend/src/auth`.
// With DATABASE_URL set, every test runs against that PostgreSQL server (a throwaway database per test file).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (command) => execSync(command, { stdio: 'inherit' });

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Installing Debian’s Chromium for the browser tests…');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null');
  } else {
    console.error(`Chromium is missing at ${CHROMIUM}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH) and try again.`);
    process.exit(1);
  }
}

if (!process.argv.includes('--no-build')) run('npx nx run-many -t build,seed --projects=backend,dashboard,widgets --output-style=static');

mkdirSync('tmp', { recursive: true });
const args = process.argv.slice(2).filter((a) => a !== '--no-build');
const result = spawnSync('npx', ['jest', '-c', 'jest.config.cts', ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
