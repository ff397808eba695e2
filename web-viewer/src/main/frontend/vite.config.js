// Build of the Tidemark viewer. Our code is bundled by Vite; CesiumJS is used as its prebuilt
// browser build (Build/Cesium/Cesium.js) and only the files it loads at run time are copied
// next to the page, so the page never needs anything but its own server.
import { cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const cesiumBuild = join(here, 'node_modules', 'cesium', 'Build', 'Cesium');

/** What CesiumJS fetches at run time; the rest of Build/Cesium (index.js, unused wasm) stays out. */
const CESIUM_RUNTIME = [
  'Cesium.js',
  'Widgets',
  'Assets',
  'Workers',
  'ThirdParty/draco_decoder.wasm',
  'ThirdParty/basis_transcoder.wasm',
];

/** Where the dev server forwards service requests (the Spring application). */
const backend = process.env.TIDEMARK_BACKEND || 'http://127.0.0.1:8080';
const SERVICE_PREFIXES = ['/api', '/tiles', '/ogc', '/ows', '/wms', '/wfs', '/wmts', '/actuator'];

const MIME = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.xml': 'application/xml' };

function cesiumRuntime() {
  return {
    name: 'tidemark-cesium-runtime',
    configureServer(server) {
      server.middlewares.use('/cesium', (req, res, next) => {
        const rel = normalize(decodeURIComponent(req.url.split('?')[0])).replace(/^([/\\])+/, '');
        const file = join(cesiumBuild, rel);
        if (!file.startsWith(cesiumBuild) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] || 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    writeBundle(options) {
      const target = join(options.dir, 'cesium');
      for (const part of CESIUM_RUNTIME) {
        const dest = join(target, part);
        mkdirSync(dirname(dest), { recursive: true });
        cpSync(join(cesiumBuild, part), dest, { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [cesiumRuntime()],
  build: {
    outDir: process.env.TIDEMARK_VIEWER_OUT || 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(SERVICE_PREFIXES.map((p) => [p, { target: backend, changeOrigin: false }])),
  },
});
