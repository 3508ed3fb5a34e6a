import { seededRandom } from '../../shared/domain/arrangement';

/** The seat shuffle's PRNG, so "random" tests reproduce. */
export { seededRandom };

/** `length` seeded noise bytes: the same "random" file on every run. */
export function seededBytes(length: number, seed: number): Buffer {
  const next = seededRandom(seed);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) out[i] = Math.floor(next() * 256);
  return out;
}
