// Module hooks of package-log.mjs (they run on Node's loader thread).
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(r.url);
  const from = context.parentURL ?? '';
  if (m && !from.includes(`/node_modules/${m[1]}/`)) appendFileSync(process.env.PACKAGE_LOG, `${m[1]}\t${from}\n`);
  return r;
}
