// The national guideline's default — at most 20 % of the members' allocation — written once, as
// the user types it. Free of decimal.js, so that the pane's settings form (src/app/settingsForm.ts)
// shows it before the engine is loaded; reserveLimit.ts makes the engine's DEFAULT_RESERVE of it.

export const DEFAULT_RESERVE_TEXT = { percent: '20', base: 'allocation' } as const;
