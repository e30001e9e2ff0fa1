import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/**
 * The project root (the folder with package.json), from the sources or from dist/: the build
 * compiles code only, so data files are read from beside the sources in both cases (the
 * Docker image copies them to the same place).
 */
export function projectPath(...segments: string[]): string {
  if (!root) {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    root = dir;
  }
  return path.join(root, ...segments);
}
