// Socialplan's service worker: keeps every file of the app in a cache on the first visit,
// so the app opens and works with no network. The build fills in VERSION and FILES
// (scripts/offline.py); a new deployment changes them, the browser installs the new
// worker next to the old one, and the app offers to switch when the user is ready.
// The files of the version before stay cached too: a tab still running it (another tab
// switched first) keeps loading its parts, online or not, until it reloads.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `socialplan-${VERSION}`;

// Files whose name carries a hash of their content (the wasm folder, the start-up script,
// the stylesheet, the icon): any copy the browser holds is the right one.
const HASHED = /(^|\/)(wasm-[0-9a-f]{16}\/|[\w-]+-[0-9a-f]{16}\.\w+$)/;

self.addEventListener('install', (event) => {
  // Other files straight from the server: an HTTP-cached old index.html must not enter
  // the new cache. Hashed files the page has just loaded come from the browser's HTTP
  // cache instead of a second download.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'force-cache' : 'reload' })))));
});

// Versions in the order they became active, newest last, kept in a cache of their own.
const VERSIONS = 'socialplan-versions';
const KEEP = 2;

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const meta = await caches.open(VERSIONS);
    const stored = await meta.match('versions');
    const versions = (stored ? await stored.json() : []).filter((v) => v !== VERSION);
    versions.push(VERSION);
    const kept = versions.slice(-KEEP).map((v) => `socialplan-${v}`);
    for (const key of await caches.keys()) {
      if (key.startsWith('socialplan-') && key !== VERSIONS && !kept.includes(key)) await caches.delete(key);
    }
    await meta.put('versions', new Response(JSON.stringify(versions.slice(-KEEP))));
    await self.clients.claim();
  })());
});

// The app asks for the switch once its edits are saved.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Every address of the app is the one page; its screens are hash routes. Other files
    // come from this version's cache, else from the version before (a tab running it).
    const hit = request.mode === 'navigate'
      ? await cache.match('index.html')
      : (await cache.match(request, { ignoreSearch: true })) || (await caches.match(request, { ignoreSearch: true }));
    if (!hit) return fetch(request);
    // Hosts that redirect index.html to ./ leave a redirected response, which browsers
    // refuse for navigations: hand out its content as a plain response.
    return hit.redirected ? new Response(hit.body, { status: hit.status, headers: hit.headers }) : hit;
  })());
});
