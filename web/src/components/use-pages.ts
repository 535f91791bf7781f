import { useCallback, useState } from 'react';

/** Keyset paging state: the `after` cursor of each page seen, so Previous goes back exactly. */
export function usePages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const next = useCallback(
    (endCursor: string | null | undefined) =>
      setState({ key: resetKey, cursors: [...cursors, endCursor ?? null] }),
    [cursors, resetKey],
  );
  const prev = useCallback(
    () => setState({ key: resetKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
    [cursors, resetKey],
  );
  return { page: cursors.length, after: cursors[cursors.length - 1], next, prev };
}
