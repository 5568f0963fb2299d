#!/usr/bin/env node
'use strict';
// The command is compiled by `npm ci` (the `prepare` script) into build/.
let main;
try {
  ({ main } = require('../build/src/cli/main.js'));
} catch (e) {
  process.stderr.write('budgetkoll: programmet är inte byggt – kör "npm ci" (eller "npm run build:cli") först.\n');
  process.exit(2);
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
