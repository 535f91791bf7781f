import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w web` serves the page with hot reload and sends API calls to the service (API_URL,
// default http://localhost:3000).
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/graphql': api, '/export': api, '/auth': api } },
  preview: { proxy: { '/graphql': api, '/export': api, '/auth': api } },
});
