#!/usr/bin/env node
// `npm run bench [-- name…]`: runs the benchmark suites in bench/suites (all, or the named ones) against
// the built product and writes their results into docs/benchmarks.md, one section per suite; sections
// of suites not run this time are kept as they were.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const docPath = join(root, 'docs', 'benchmarks.md');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));

if (!process.argv.includes('--no-build')) {
  execSync('npx nx run-many -t build,seed --projects=backend,dashboard,widgets --output-style=static', { cwd: root, stdio: 'inherit' });
}

const suites = readdirSync(join(root, 'bench', 'suites'))
  .filter((f) => f.endsWith('.mjs'))
  .sort()
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)));

const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const existing = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
const sections = new Map([...existing.matchAll(/<!-- bench:(\S+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g)].map((m) => [m[1], m[2]]));

for (const name of suites) {
  console.log(`\n▶ ${name}`);
  const suite = await import(join(root, 'bench', 'suites', `${name}.mjs`));
  const started = Date.now();
  const markdown = await suite.run({ root, log: (...a) => console.log('  ', ...a) });
  const stamp = `_Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}, in ${Math.round((Date.now() - started) / 1000)} s, by \`npm run bench -- ${name}\`._`;
  sections.set(name, `${markdown.trim()}\n\n${stamp}\n`);
  console.log(markdown);
}

const body = [...sections.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, text]) => `<!-- bench:${name} -->\n${text}<!-- /bench:${name} -->`).join('\n\n');
writeFileSync(
  docPath,
  `# Benchmarks\n\nWritten by \`npm run bench\` (see \`bench/\`); each section says when, where and with which command it was measured.\nTargets come from the issues; the figures are what this machine measured, not promises.\n\n${body}\n`,
);
console.log(`\nwrote ${docPath}`);
