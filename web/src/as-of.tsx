import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

const STORE_KEY = 'cp.asOf';

/** Today in the browser's own calendar, YYYY-MM-DD. */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const AsOfContext = createContext<{ asOf: string; setAsOf(d: string): void } | null>(null);

/** The date every evaluation (flags, pathway, durations) is made on; today unless the user picks another. */
export function AsOfProvider({ children }: { children: ReactNode }) {
  const [asOf, setState] = useState(() => sessionStorage.getItem(STORE_KEY) ?? todayIso());
  const value = useMemo(
    () => ({
      asOf,
      setAsOf: (d: string) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return;
        sessionStorage.setItem(STORE_KEY, d);
        setState(d);
      },
    }),
    [asOf],
  );
  return <AsOfContext.Provider value={value}>{children}</AsOfContext.Provider>;
}

export function useAsOf() {
  const ctx = useContext(AsOfContext);
  if (!ctx) throw new Error('useAsOf outside AsOfProvider');
  return ctx;
}
