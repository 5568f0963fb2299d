/**
 * A chunk of the pane fetched by `import()` the first time it is needed, and once only; after a
 * failure (the network went away) the next call fetches it again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
