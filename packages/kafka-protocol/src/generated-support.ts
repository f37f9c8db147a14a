/** Small shared values the generated codecs use. */

/** Default for a non-nullable bytes field absent from a version; zero length, so sharing it is safe. */
export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

/** Encoding null into a version where the field is not nullable is a programmer error. */
export function notNullable(field: string, version: number): RangeError {
  return new RangeError(`${field} is not nullable in version ${version}`);
}
