// The desktop app's security and packaging gate (`npm run security`), run in CI:
//
// 1. Builds the main process and preloads, and scans the compiled JavaScript with Doyensec's
//    electronegativity. Its CLI exits 0 whatever it finds and reads only `.js` files (not
//    `.cjs`, and not newer TypeScript syntax), so this script copies the bundles under `.js`
//    names, calls the CLI's runner itself, and fails on any finding not reviewed below, on any
//    file it could not parse, and on any reviewed finding that no longer occurs (so that the
//    list stays honest).
// 2. Validates electron-builder.yml against the schema electron-builder ships
//    (node_modules/app-builder-lib/scheme.json) with ajv, then checks Loopscope's own rules
//    for packaging: the fuses, asar, the file associations, the icons, and no `build`
//    section in package.json.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildMain } from './build-main.mjs';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const problems = [];
const fail = (message) => problems.push(message);

/**
 * Findings a person reviewed and accepted, each with the reason. A finding matches by check,
 * file and a pattern of the code or CSP it points at.
 */
const REVIEWED = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main.js',
    sample: /\bshell\.openExternal\(url\)/,
    reason:
      'The URL comes from createLinkOpener (src-main/external-links.ts): only https links, ' +
      'without credentials, sent by the preload for a trusted (user) click, at most one a second.',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'engine.html',
    sample: /script-src 'self' 'wasm-unsafe-eval'/,
    reason:
      "The evaluator's generic caution about 'self' (JSONP, user uploads): the app's origin " +
      'serves only the built app; lessons are never served, they reach pages as text over IPC.',
  },
];

/**
 * Checks that only say something about the world outside the code: the list of Electron
 * releases with security fixes is fetched from the network and changes every week; Electron
 * updates are tracked with the dependencies instead.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

async function scanWithElectronegativity() {
  await buildMain();
  const scanDir = await mkdtemp(join(tmpdir(), 'loopscope-scan-'));
  try {
    const bundles = (await readdir(join(root, 'dist/main'))).filter((name) =>
      name.endsWith('.cjs'),
    );
    for (const name of ['main.cjs', 'preload.cjs', 'engine-preload.cjs']) {
      if (!bundles.includes(name)) fail(`dist/main/${name} was not built`);
    }
    for (const name of bundles) {
      await copyFile(join(root, 'dist/main', name), join(scanDir, name.replace(/\.cjs$/, '.js')));
    }
    await copyFile(join(root, 'src-engine/web/engine.html'), join(scanDir, 'engine.html'));
    // The scanner reads the Electron version from a package.json next to the code.
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    const electron = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
    await writeFile(
      join(scanDir, 'package.json'),
      JSON.stringify({ name: 'loopscope-scan', devDependencies: { electron } }),
    );

    // The CLI's own runner, called directly: it returns the findings with their severity,
    // and the files it could not parse.
    const { default: run } = await import('@doyensec/electronegativity/dist/runner.js');
    const { issues, errors } = await run(
      {
        input: scanDir,
        isSarif: false,
        customScan: [],
        excludeFromScan: EXCLUDED_CHECKS,
        isRelative: true,
        isVerbose: false,
        parserPlugins: [],
      },
      false,
    );
    for (const error of errors)
      fail(`electronegativity could not parse ${error.file}: ${error.message}`);

    const used = new Set();
    let findings = 0;
    for (const issue of issues) {
      const file = basename(issue.file);
      const where = `${issue.id} in ${file}:${issue.location?.line ?? 0}`;
      // Informational results are facts (the Electron version found), not findings.
      if (issue.severity?.name === 'INFORMATIONAL') {
        console.log(`info      ${where}: ${issue.description}`);
        continue;
      }
      findings += 1;
      const sample = `${await lineOf(join(scanDir, file), issue.location?.line ?? 0)} ${issue.sample ?? ''}`;
      const reviewed = REVIEWED.find(
        (entry) => entry.check === issue.id && entry.file === file && entry.sample.test(sample),
      );
      if (reviewed) {
        used.add(reviewed);
        console.log(`reviewed  ${where}: ${reviewed.reason}`);
      } else {
        const level = `${issue.severity?.name ?? '?'} | ${issue.confidence?.name ?? '?'}`;
        fail(
          `electronegativity: ${where} (${level}): ${issue.description}\n    ${sample.trim().slice(0, 300)}`,
        );
      }
    }
    for (const entry of REVIEWED) {
      if (!used.has(entry))
        fail(`the reviewed finding ${entry.check} in ${entry.file} no longer occurs: remove it`);
    }
    console.log(`electronegativity: ${findings} finding(s), ${findings - used.size} not reviewed`);
  } finally {
    await rm(scanDir, { recursive: true, force: true });
  }
}

async function lineOf(file, line) {
  try {
    return (await readFile(file, 'utf8')).split('\n')[line - 1] ?? '';
  } catch {
    return '';
  }
}

async function validatePackaging() {
  const { default: Ajv } = await import('ajv');
  const yaml = await import('js-yaml');
  const schema = JSON.parse(await readFile(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const config = yaml.load(await readFile(join(root, 'electron-builder.yml'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(config)) {
    for (const error of validate.errors ?? []) {
      fail(
        `electron-builder.yml${error.instancePath || ''}: ${error.message} ${JSON.stringify(error.params)}`,
      );
    }
  }

  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  if ('build' in pkg)
    fail('package.json has a "build" section: the packaging config is electron-builder.yml');
  if (pkg.main !== 'dist/main/main.cjs') fail('package.json "main" must be dist/main/main.cjs');
  // Packaging without building first would ship whatever an earlier build left in dist/.
  if (!/^npm run build && electron-builder\b/.test(pkg.scripts?.dist ?? ''))
    fail('package.json "dist" must build the app before electron-builder packages it');

  if (config.asar !== true)
    fail('electron-builder.yml: asar must be true (asar integrity needs it)');
  const fuses = config.electronFuses ?? {};
  const required = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  };
  for (const [fuse, value] of Object.entries(required)) {
    if (fuses[fuse] !== value) fail(`electron-builder.yml: electronFuses.${fuse} must be ${value}`);
  }
  if (config.mac?.hardenedRuntime !== true)
    fail('electron-builder.yml: mac.hardenedRuntime must be true');
  const extensions = (config.fileAssociations ?? []).flatMap((a) => [a.ext].flat());
  for (const ext of ['md', 'py']) {
    if (!extensions.includes(ext)) fail(`electron-builder.yml: no file association for .${ext}`);
  }
  const files = config.files ?? [];
  for (const needed of ['dist/main/**/*', 'dist/renderer/**/*', 'assets/lessons/**/*']) {
    if (!files.includes(needed)) fail(`electron-builder.yml: files must include ${needed}`);
  }
  const targets = (platform) =>
    (config[platform]?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  if (!targets('win').includes('nsis')) fail('electron-builder.yml: no NSIS target for Windows');
  if (!targets('mac').includes('dmg')) fail('electron-builder.yml: no DMG target for macOS');
  for (const target of ['AppImage', 'deb']) {
    if (!targets('linux').includes(target))
      fail(`electron-builder.yml: no ${target} target for Linux`);
  }
  for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
    if (!icon) fail('electron-builder.yml: a platform has no icon');
    else
      await stat(join(root, icon)).catch(() =>
        fail(`electron-builder.yml: the icon ${icon} does not exist`),
      );
  }
  for (const plist of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
    if (plist)
      await stat(join(root, plist)).catch(() =>
        fail(`electron-builder.yml: ${plist} does not exist`),
      );
  }
  console.log(
    'electron-builder.yml: valid against app-builder-lib/scheme.json and the app’s rules',
  );
}

await mkdir(join(root, 'dist'), { recursive: true });
await scanWithElectronegativity();
await validatePackaging();
if (problems.length > 0) {
  console.error(`\n${problems.length} security or packaging problem(s):`);
  for (const problem of problems) console.error(`  ✗ ${problem}`);
  process.exit(1);
}
console.log('security: clean');
