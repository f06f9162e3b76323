/** Words longer than this are cut: no real Dutch word is, and it bounds the work per query. */
const MAX_WORD_LENGTH = 40;
/** More words than this in one query are ignored (every word must match anyway). */
export const MAX_QUERY_WORDS = 8;

/**
 * Lower-cased words without accents ("Coördinator" -> "coordinator"): what the vocabulary for
 * typo tolerance holds and what queries are split into. Only letters and digits survive, so a
 * word can never carry text-search operators.
 */
export function searchWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0)
      // cut by characters, not UTF-16 units: half a letter outside the BMP is no text at all
      .map((word) =>
        word.length > MAX_WORD_LENGTH ? [...word].slice(0, MAX_WORD_LENGTH).join('') : word,
      )
  );
}

/** Distance along the earth's surface in km (haversine), rounded to one decimal. */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}
