import { defineConfig } from 'vite';

// React's automatic JSX runtime through Vite's own transform; the api serves the built files at `/`.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
