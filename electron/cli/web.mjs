// `npm run web`: starts the bundled web host (building it first when its sources are newer),
// passing every option on.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebHostBuilt } from './web-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
createRequire(import.meta.url)(await ensureWebHostBuilt(root));
