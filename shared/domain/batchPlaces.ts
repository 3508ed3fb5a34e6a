/**
 * A batch's capacity, defined once: the sign-up dialog shows the places left and the core
 * refuses a sign-up that would exceed them. Withdrawn sign-ups hold no place.
 */

/** What the capacity is judged by: the places (null: unlimited) and the live sign-ups. */
export interface BatchPlaces {
  capacity: number | null;
  activeCount: number;
}

/** The places left for new sign-ups; null when the batch has no capacity set. */
export function placesLeft(batch: BatchPlaces): number | null {
  return batch.capacity === null ? null : Math.max(0, batch.capacity - batch.activeCount);
}

/** By how many live sign-ups `adding` more would exceed the capacity (0 when they all fit). */
export function placesShort(batch: BatchPlaces, adding: number): number {
  return batch.capacity === null ? 0 : Math.max(0, batch.activeCount + adding - batch.capacity);
}
