import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, 'src-renderer');

/** One build, three pages: the rep console (/console), the admin UI (/login) and the portal (/). */
export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: {
        console: resolve(root, 'console/index.html'),
        admin: resolve(root, 'admin/index.html'),
        portal: resolve(root, 'portal/index.html'),
      },
    },
  },
});
