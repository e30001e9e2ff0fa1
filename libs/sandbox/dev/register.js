// Lets plain `node` run the TypeScript sources (specs that spawn the CLI, local experiments):
// sucrase's require hook for .ts files plus the @app/* aliases of tsconfig.base.json.
// Production never uses this: it runs the compiled dist/.
'use strict';
const Module = require('node:module');
const path = require('node:path');

require('sucrase/register/ts');

const root = path.resolve(__dirname, '../../..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases.get(request) ?? request, ...rest);
};
