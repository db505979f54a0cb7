// ESLint rule: a module must not import (directly or through others) a module that imports it back.
// Unlike import-x/no-cycle, type-only imports count: a cycle of `import type` is harmless at run time
// but is still two modules that cannot be understood, moved or tested apart, which is what layers are
// for. Imports are found with TypeScript's own pre-processor and resolved with its module resolution
// under the nearest tsconfig.json, so what counts as an edge is exactly what tsc sees.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** tsconfig path → compiler options. */
const setups = new Map();
/** file → { mtimeMs, specifiers } (what the file on disk imports). */
const specifierCache = new Map();
/** `${dir}\0${specifier}` → resolved file or null. */
const resolutionCache = new Map();

function optionsFor(file) {
  const configPath = ts.findConfigFile(path.dirname(file), ts.sys.fileExists) ?? '';
  let options = setups.get(configPath);
  if (!options) {
    options = configPath
      ? ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, path.dirname(configPath)).options
      : { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };
    setups.set(configPath, options);
  }
  return options;
}

/** The project source file `specifier` names from `fromFile`, or null (a package, a missing file). */
function resolve(specifier, fromFile) {
  const key = `${path.dirname(fromFile)}\0${specifier}`;
  const cached = resolutionCache.get(key);
  // A cached file that has since been deleted is resolved again.
  if (cached !== undefined && (cached === null || fs.existsSync(cached))) return cached;
  const found = ts.resolveModuleName(specifier, fromFile, optionsFor(fromFile), ts.sys).resolvedModule;
  const file = found && !found.isExternalLibraryImport && !found.resolvedFileName.endsWith('.d.ts')
    ? path.resolve(found.resolvedFileName) : null;
  resolutionCache.set(key, file);
  return file;
}

function importsOnDisk(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  let entry = specifierCache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    entry = { mtimeMs, specifiers: [...new Set(info.importedFiles.map((f) => f.fileName))] };
    specifierCache.set(file, entry);
  }
  return entry.specifiers.map((s) => resolve(s, file)).filter((f) => f !== null);
}

/** The string literal a module-reference node names, if it is one. */
function specifierNode(node) {
  const src = node.type === 'TSImportType' ? node.argument?.literal ?? node.argument : node.source;
  return src && src.type === 'Literal' && typeof src.value === 'string' ? src : null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles, counting type-only imports.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{route}}. Move what both sides need into a module of its own.' },
  },
  create(context) {
    const filename = path.resolve(context.physicalFilename);
    const direct = [];
    const collect = (node) => {
      const src = specifierNode(node);
      const file = src && resolve(src.value, filename);
      if (file && file !== filename) direct.push({ src, file });
    };
    return {
      ImportDeclaration: collect,
      ExportNamedDeclaration: collect,
      ExportAllDeclaration: collect,
      ImportExpression: collect,
      TSImportType: collect,
      'Program:exit'() {
        if (direct.length === 0) return;
        // Everything reachable from this file, with reverse edges; this file's own edges come from
        // the text being linted, the others' from disk.
        const deps = new Map([[filename, [...new Set(direct.map((d) => d.file))]]]);
        const importers = new Map();
        const queue = [filename];
        while (queue.length > 0) {
          const file = queue.shift();
          for (const dep of deps.get(file)) {
            if (!importers.has(dep)) importers.set(dep, []);
            importers.get(dep).push(file);
            if (!deps.has(dep)) {
              deps.set(dep, importsOnDisk(dep));
              queue.push(dep);
            }
          }
        }
        // Modules that lead back here: walk the reverse edges from this file.
        const next = new Map([[filename, null]]);
        const back = [filename];
        while (back.length > 0) {
          const file = back.shift();
          for (const importer of importers.get(file) ?? []) {
            if (!next.has(importer)) {
              next.set(importer, file);
              back.push(importer);
            }
          }
        }
        const rel = (f) => path.relative(context.cwd, f);
        for (const { src, file } of direct) {
          if (!next.has(file)) continue;
          const route = [rel(filename)];
          for (let f = file; f !== null; f = next.get(f)) route.push(rel(f));
          context.report({ node: src, messageId: 'cycle', data: { route: route.join(' → ') } });
        }
      },
    };
  },
};
