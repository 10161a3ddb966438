/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defaultClientConditions, defineConfig } from 'vite';

// The Nest app that answers /api and /health while Vite serves the pages (dev and preview).
const backend = `http://127.0.0.1:${process.env.BACKEND_PORT ?? 3000}`;
const proxy = { '/api': backend, '/health': backend };

// Vitest runs this config too: there the type files must not be rewritten, or their new mtime
// would make the next `npm start` rebuild the web app for nothing.
const underTest = Boolean(process.env.VITEST);

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [
    vue(),
    // Element Plus components, and the ElMessage-style functions, with only their own CSS.
    AutoImport({ resolvers: [ElementPlusResolver()], dts: underTest ? false : 'src/auto-imports.d.ts' }),
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver()],
      dts: underTest ? false : 'src/components.d.ts',
    }),
  ],
  // The shared package from its TypeScript sources (packages/shared), so no build of it comes first.
  resolve: { conditions: ['@wagetrack/source', ...defaultClientConditions] },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The framework changes less often than the screens: its own long-cached chunk.
            {
              name: 'framework',
              test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/,
              priority: 20,
            },
            // ECharts is only reached through the report screen's lazy chunk, so it loads with it.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/, priority: 18 },
            // The libraries the first screen needs (Element Plus's config provider and its helpers).
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 16 },
            // The rest of Element Plus and its helpers: one chunk shared by the screens, rather than some
            // twenty small ones (named `css-*` after their style imports) that a cold load fetched six at
            // a time.
            { name: 'element-plus', test: /node_modules[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
  test: { include: ['src/**/*.spec.ts'] },
});
