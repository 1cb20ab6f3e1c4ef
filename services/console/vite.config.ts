import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The console is served by the case service under /console/ (docs/adr/0024-console-served-by-the-service.md);
// Maven packages the build output (target/classes/META-INF/resources/console) into this module's jar.
const generatedClient = fileURLToPath(new URL('./target/generated-sources/casebook-api/index.ts', import.meta.url));

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: { '@api': generatedClient },
  },
  build: {
    outDir: 'target/classes/META-INF/resources/console',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    // npm run dev: the API and /console/config.json from a service on :8080 (infra/platform)
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/console/config.json': 'http://127.0.0.1:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
