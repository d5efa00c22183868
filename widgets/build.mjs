// Builds every element in widgets/src/elements/*.ts into dist/widgets/<name>.js (one ES module each),
// the helper scripts in widgets/src/scripts/*.ts (e.g. embed-host.js for iframes) alike, and the language files in widgets/src/i18n/*.json into dist/widgets/i18n/. With --check-size it fails
// when what a page downloads for one element in one language exceeds the budget.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const root = new URL('.', import.meta.url).pathname;
const outdir = join(root, '..', 'dist', 'widgets');
const BUDGET_GZIP_BYTES = 12 * 1024;

const elementsDir = join(root, 'src', 'elements');
const sourcesIn = (dir) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')).map((f) => join(dir, f)) : [];
const entryPoints = sourcesIn(elementsDir);
const scripts = sourcesIn(join(root, 'src', 'scripts'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: [...entryPoints, ...scripts],
  outdir,
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  splitting: false,
  logLevel: 'warning',
});

const i18nDir = join(root, 'src', 'i18n');
if (existsSync(i18nDir)) {
  mkdirSync(join(outdir, 'i18n'), { recursive: true });
  await build({
    entryPoints: readdirSync(i18nDir).filter((f) => f.endsWith('.json')).map((f) => join(i18nDir, f)),
    outdir: join(outdir, 'i18n'),
    loader: { '.json': 'copy' },
    logLevel: 'warning',
  });
}

// Precompressed copies for servers that send them (@fastify/static with preCompressed), so city sites
// download what the budget below measures rather than the raw bytes.
const compressible = (dir) => readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.json')).map((f) => join(dir, f));
for (const file of [...compressible(outdir), ...(existsSync(join(outdir, 'i18n')) ? compressible(join(outdir, 'i18n')) : [])]) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }));
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const report = entryPoints.map((entry) => {
  const name = basename(entry, '.ts');
  const js = join(outdir, `${name}.js`);
  const langs = existsSync(join(outdir, 'i18n')) ? readdirSync(join(outdir, 'i18n')).filter((f) => f.endsWith('.json')) : [];
  const largestLanguage = Math.max(0, ...langs.map((f) => gz(join(outdir, 'i18n', f))));
  return { name, bytes: statSync(js).size, gzip: gz(js), largestLanguageGzip: largestLanguage };
});
for (const r of report) {
  const total = r.gzip + r.largestLanguageGzip;
  console.log(`${r.name}.js: ${r.bytes} B, ${r.gzip} B gzip (+ largest language file ${r.largestLanguageGzip} B gzip) = ${total} B of the ${BUDGET_GZIP_BYTES} B budget`);
}
for (const script of scripts) {
  const js = join(outdir, `${basename(script, '.ts')}.js`);
  console.log(`${basename(js)}: ${statSync(js).size} B, ${gz(js)} B gzip (helper script)`);
}
console.log(`built ${entryPoints.length} element(s) and ${scripts.length} helper script(s) into dist/widgets`);

if (process.argv.includes('--check-size')) {
  const over = report.filter((r) => r.gzip + r.largestLanguageGzip > BUDGET_GZIP_BYTES);
  for (const r of over) {
    console.error(`${r.name}: ${r.gzip + r.largestLanguageGzip} B gzip with its largest language is over the budget of ${BUDGET_GZIP_BYTES} B`);
  }
  if (over.length > 0) process.exit(1);
}
