// Nest 12 ships as ES modules; the app is CommonJS and Node loads them through require(esm).
// Jest has its own module loader without require(esm), so ESM packages are compiled to CommonJS here.
const { createTransformer } = require('@swc/jest');

const base = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
};
const ts = createTransformer(base);
const js = createTransformer({
  ...base,
  jsc: { ...base.jsc, parser: { syntax: 'ecmascript' } },
  sourceMaps: false,
});

module.exports = {
  process(src, filename, options) {
    if (filename.endsWith('.ts')) return ts.process(src, filename, options);
    const patched = src
      .replace(/\bconst require = createRequire\(import\.meta\.url\);?/g, '')
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href");
    return js.process(patched, filename, options);
  },
  getCacheKey(src, filename, options) {
    return (filename.endsWith('.ts') ? ts : js).getCacheKey(src, filename, options) + ':v2';
  },
};
