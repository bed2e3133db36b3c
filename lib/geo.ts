// Positions of reported problems: the exact one stays with staff; citizens see it rounded to about 100 m.

/** 3 decimals: about 111 m of latitude, less of longitude away from the equator. */
export const PUBLIC_DECIMALS = 3;

export function roundCoordinate(value: number): number {
  const factor = 10 ** PUBLIC_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** A latitude/longitude pair a phone could send (China lies well inside these bounds). */
export function isValidPosition(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
}

/** The public copy of a position, or nulls when there is none. */
export function publicPosition(lat: number | null, lng: number | null): { publicLat: number | null; publicLng: number | null } {
  if (lat === null || lng === null || !isValidPosition(lat, lng)) return { publicLat: null, publicLng: null };
  return { publicLat: roundCoordinate(lat), publicLng: roundCoordinate(lng) };
}
