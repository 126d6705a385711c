/** A certificate badge as data: models return it, components/badges.tsx draws it. */
export type Badge = { type: string; ocopStars: number | null };
