/**
 * Text helpers shared by the taxonomy build script, the import and the typeahead queries, so
 * stored labels and user input are normalised in exactly the same way.
 */

/** Trims, and turns runs of white space and control characters into one space (labels as shown). */
export function cleanLabel(value: string): string {
  return value.replace(/[\s\p{Cc}]+/gu, ' ').trim();
}

/**
 * The searchable form of a label: accents stripped (NFD, combining marks removed), lower
 * case, whitespace collapsed. `Caissière` and `caissiere` give the same string.
 */
export function normalizeLabel(value: string): string {
  return cleanLabel(value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
}

/**
 * Escapes user input for a PostgreSQL regular expression: every ASCII character that is not a
 * letter or digit gets a backslash, which PostgreSQL reads as "this character literally" (the
 * regex metacharacters are all ASCII; a backslash before a letter would start an escape).
 */
export function escapeRegex(value: string): string {
  return value.replace(/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g, (char) => `\\${char}`);
}

/** Escapes `\`, `%` and `_` so user input is matched literally in `LIKE … ESCAPE '\'`. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
