import * as fs from 'fs';
import * as path from 'path';

/** The project's folder: the nearest one above `start` with a package.json (scripts run from src or build/). */
export function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}
