import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';
import type { Locale } from '../../../src/i18n/labels';

export type { Locale };

const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const STORE_KEY = 'cp.locale';

export interface I18n {
  locale: Locale;
  m: Messages;
  setLocale(locale: Locale): void;
  /** A calendar date (YYYY-MM-DD) in the locale's words, without time zone shifts. */
  date(value: string | null | undefined): string;
  number(value: number, maxFractionDigits?: number): string;
}

export { fmt, labelOf as label } from '../../../src/i18n/labels';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = MESSAGES[locale].app.title;
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    return {
      locale,
      m: MESSAGES[locale],
      setLocale: (l) => {
        localStorage.setItem(STORE_KEY, l);
        setLocaleState(l);
      },
      date: (v) => (v ? dates.format(new Date(`${v.slice(0, 10)}T00:00:00Z`)) : ''),
      number: (n, max = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: max }).format(n),
    };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
