#!/usr/bin/env node
// Builds dist/app/: the runtime folders mirrored file for file (so every `new URL('…', import.meta.url)`
// finds its JSON, SQL, PDF worker and fixture sites where it does in the sources, and the extractor
// version hashes the same files), with each .ts compiled to .js beside it. dist/shared links to the
// ../shared beside the repo, so paths that leave the repo (the real corpora) resolve from dist/app too. esbuild only strips
// types; `tsc --noEmit` is the type check. Run by `npm run build` and by `npm install`/`npm ci`
// through `prepare`; bin/isa.mjs uses dist/ while it is newer than every source file.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--out DIR` builds elsewhere (the tests do); built beside and renamed, so a running isa never sees half a dist/.
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist');
const building = `${out}.building`;
const dist = join(building, 'app');
/** What the CLI runs; tests, benches and build scripts stay on tsx. Keep in step with bin/isa.mjs. */
export const RUNTIME_DIRS = ['cli', 'core', 'pipelines', 'extractors', 'workers', 'sql', 'fixtures', 'web'];

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

const started = Date.now();
rmSync(building, { recursive: true, force: true });
const files = RUNTIME_DIRS.flatMap((dir) => listFiles(join(root, dir)));
for (const file of [...files, join(root, 'package.json')]) {
  const target = join(dist, relative(root, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}

// Packages of hundreds of small modules, each bundled into one file under dist/app/vendor/: Node 20
// resolves, reads and compiles every ES module at start, and kysely's ~300 cost `isa flags` about
// 0.2 CPU-s (zod's ~220 cost every command 0.1 s). kysely-pglite-dialect goes into kysely's bundle, so
// both use one kysely. Packages not listed stay in node_modules.
const VENDOR = {
  kysely: { file: 'kysely.js', contents: "export * from 'kysely';\nexport { PGliteDialect } from 'kysely-pglite-dialect';\n" },
  'kysely-pglite-dialect': { file: 'kysely.js' },
  zod: { file: 'zod.js', contents: "export * from 'zod';\nexport { default } from 'zod';\n" },
};
const vendorDir = join(dist, 'vendor');
for (const { file, contents } of Object.values(VENDOR)) {
  if (!contents) continue;
  await build({ stdin: { contents, resolveDir: root, loader: 'js' }, outfile: join(vendorDir, file), bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
}

// Bundling with every import external is how esbuild rewrites `./x.ts` to `./x.js` and leaves
// each module its own file (and its own import.meta.url).
const rewriteImports = {
  name: 'rewrite-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const vendored = VENDOR[args.path];
      if (vendored) {
        const from = dirname(join(dist, relative(root, args.importer)));
        return { path: `./${relative(from, join(vendorDir, vendored.file))}`.replace(/^\.\/\.\.\//, '../'), external: true };
      }
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};
const entryPoints = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
await build({
  entryPoints,
  outdir: dist,
  outbase: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [rewriteImports],
  logLevel: 'warning',
});
// Parsing and --help read this index instead of importing every command module (see cli/main.ts).
const { commandDeclarations } = await import(pathToFileURL(join(dist, 'cli', 'main.js')).href);
writeFileSync(join(dist, 'cli', 'command-index.json'), `${JSON.stringify(await commandDeclarations(), null, 1)}\n`);
// The gazetteer's index, built once here instead of at every start (extractors/gazetteer/gazetteer-index.ts).
const gazetteerData = pathToFileURL(join(dist, 'extractors', 'gazetteer', 'data') + '/');
const { buildGazetteerFromData } = await import(pathToFileURL(join(dist, 'extractors', 'gazetteer', 'load-gazetteer.js')).href);
const { storeGazetteerIndex } = await import(pathToFileURL(join(dist, 'extractors', 'gazetteer', 'gazetteer-index.js')).href);
storeGazetteerIndex(gazetteerData, buildGazetteerFromData(gazetteerData));
const shared = resolve(root, '..', 'shared');
if (existsSync(shared)) symlinkSync(relative(out, shared), join(building, 'shared'));
writeFileSync(join(building, '.built'), `${new Date().toISOString()}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(building, out);
console.log(`${relative(root, out) || out}/: ${entryPoints.length} modules compiled, ${files.length} files mirrored in ${Date.now() - started} ms`);
