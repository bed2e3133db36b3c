// Shapes of stored files shared by the database layer and the storage code (no I/O here).

/** One size of an uploaded image, as stored in media_assets.variants. */
export type MediaVariant = { width: number; height: number; file: string; bytes: number };

/** A citizen's attachment after checking and re-encoding (recommendation photos, objection evidence). */
export type StoredCitizenFile = { storageKey: string; format: 'webp' | 'pdf'; bytes: number };
