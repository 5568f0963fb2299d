/** A count with its noun in the number it takes: `1 tabell`, `3 tabeller`; `0 fel`. In any language. */
export const countText = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
