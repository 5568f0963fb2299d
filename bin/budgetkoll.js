#!/usr/bin/env node
'use strict';
// The command is compiled by `npm ci` (the `prepare` script) into build/.
let main;
try {
  ({ main } = require('../build/src/cli/main.js'));
} catch {
  process.stderr.write('budgetkoll: programmet är inte byggt – kör "npm ci" (eller "npm run build:cli") först.\n');
  process.exit(2);
}

const debug = process.argv.includes('--debug');

// A reader that stops early (`budgetkoll check … | head`) closes the pipe: end quietly.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  failed(error);
});

// Whatever escapes main (an error thrown from inside a library's stream): one line, never a stack trace.
function failed(error) {
  const message = String(error && error.message ? error.message : error).split('\n')[0];
  process.stderr.write(`budgetkoll: ett oväntat fel inträffade: ${message}\n`);
  if (debug && error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
}
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, failed);
