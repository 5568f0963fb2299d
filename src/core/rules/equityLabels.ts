// Equity labels: how a Swedish economist names the förbund's equity at the start and at the end of
// a year (domain.md, "Equity labels"). The closing is the carry-over chain's end, the opening its
// start; labels.ts gives the rows these roles, and structure inference confirms them by arithmetic.

// What names the equity: `Eget kapital`, `Balanserat kapital` (or `… resultat`, the K2 post),
// `Balanserade medel`, `Sparade medel`.
const EQUITY = String.raw`eget kapital|balanserat? (kapital|resultat)|balanserade medel|sparade medel`;
// When in the year a balance is taken: at the end (`utgående`, `vid årets utgång`, `UB`,
// `31 december`) or at the start (`ingående`, `vid årets ingång`, `IB`, `1 januari`).
const AT_CLOSE = String.raw`\butgående\b|\butgång\b|\bUB\b|vid (årets|periodens) slut|\b31 dec`;
const AT_OPEN = String.raw`\bingående\b|\bingång\b|\bIB\b|vid (årets|periodens) början|\b1 jan`;

/**
 * The equity at a year's end: equity named with a time at the end (`Eget kapital vid årets
 * utgång`, `Eget kapital, utgående`, `Eget kapital 31 december`, `Balanserat kapital vid årets
 * slut`, `Eget kapital UB`), `Utgående balans`, or `Medel till förfogande` (what is left to use).
 */
export const CLOSING_EQUITY = new RegExp(`(${EQUITY}).*(${AT_CLOSE})|(${AT_CLOSE}).*(${EQUITY})|utgående balans|\\bUB\\b|medel till förfogande`, 'i');

/**
 * The equity at a year's start: equity named with a time at the start, `Ingående balans`, `IB`,
 * or equity named without a time (`Sparade medel`, `- SF södra Lappland eget kapital`) — but not
 * a draw on it (`Ianspråktagande av eget kapital`). Asked after CLOSING_EQUITY.
 */
export const OPENING_EQUITY = new RegExp(`(${EQUITY}).*(${AT_OPEN})|(${AT_OPEN}).*(${EQUITY})|ingående balans|\\bIB\\b|^(?!.*(ianspråktag|uttag|användning)).*(${EQUITY})`, 'i');
