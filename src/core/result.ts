// The one result type, of the engine, the use cases (src/app), the adapters and the hosts alike:
// what may fail returns its reason instead of throwing (findings and parse errors alike are
// values). Callers read `ok`, then `value` or `reason`. Where an adapter says more on either
// branch (the syncs a write took), it adds a field beside them: Result<T> & { syncs: number }.

export interface Ok<T> {
  ok: true;
  value: T;
}

export interface Failure<Reason = string> {
  ok: false;
  /** Why, in words a user reads (Swedish), or a code the caller turns into them. */
  reason: Reason;
}

export type Result<T, Reason = string> = Ok<T> | Failure<Reason>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export const failure = <Reason>(reason: Reason): Failure<Reason> => ({ ok: false, reason });
