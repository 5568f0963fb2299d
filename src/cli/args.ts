export interface ParsedArgs {
  command: string | null;
  files: string[];
  options: Map<string, string | true>;
  error: string | null;
}

const VALUE_OPTIONS = new Set(['--sheet', '-o', '--out', '--opening-equity', '--reserve-percent', '--reserve-base', '--reserve-brackets', '--municipal-split', '--lang', '--forbund', '--compare', '--threshold']);
const FLAG_OPTIONS = new Set(['--json', '--debug', '--help', '-h']);

/** Plain argv parsing: the command, its files, and options; an unknown option is an error, not a guess. */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command = null, ...rest] = argv;
  const files: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) return { command, files, options, error: `${name} behöver ett värde` };
      options.set(name === '--out' ? '-o' : name, value);
    } else if (FLAG_OPTIONS.has(arg)) {
      options.set(arg === '-h' ? '--help' : arg, true);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { command, files, options, error: `okänt val: ${arg}` };
    } else {
      files.push(arg);
    }
  }
  return { command, files, options, error: null };
}
