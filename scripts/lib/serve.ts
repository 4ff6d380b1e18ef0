/**
 * A static file server on 127.0.0.1 (an ephemeral port) for pages under test. Every file is
 * served from the folders given; nothing else on the machine is reachable through it.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };

export interface Served {
  server: Server;
  origin: string;
  /** URL at which a local file is served. */
  urlOf: (file: string) => string;
  close: () => Promise<void>;
}

/** Serve the given files (each under a short unique path). */
export async function serveFiles(files: string[]): Promise<Served> {
  const routes = new Map<string, string>();
  const urlPath = new Map<string, string>();
  files.forEach((f, i) => {
    const abs = resolve(f);
    const path = `/${i}/${encodeURIComponent(basename(abs))}`;
    routes.set(path, abs);
    urlPath.set(abs, path);
  });
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    let file = routes.get(path);
    if (!file) {
      // Relative assets next to a served page.
      const [, i, ...rest] = path.split('/');
      const page = [...routes.entries()].find(([p]) => p.startsWith(`/${i}/`))?.[1];
      if (page && rest.length) file = join(resolve(page, '..'), ...rest.map(decodeURIComponent));
    }
    try {
      const body = await readFile(file ?? '');
      res.writeHead(200, { 'content-type': TYPES[extname(file!)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    urlOf: (f) => `${origin}${urlPath.get(resolve(f))}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
