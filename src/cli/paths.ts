import * as fs from 'fs';
import * as path from 'path';

/** The project root, whether running from src/ (tests) or build/src/ (the command). */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('budgetkoll: projektets rotmapp hittades inte');
    dir = parent;
  }
  return dir;
}
