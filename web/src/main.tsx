import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AsOfProvider } from './as-of';
import { SessionProvider } from './auth/session';
import { I18nProvider } from './i18n/i18n';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <AsOfProvider>
          <App />
        </AsOfProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
