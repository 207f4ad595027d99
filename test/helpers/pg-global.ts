// vitest global setup: one throwaway PostgreSQL for the whole run (when the binaries are here and PG_TEST_URL is not
// set), handed to the test workers through PG_TEST_URL, and stopped when the run ends, however the workers end.
import { startCluster } from './postgres.ts';

export default async function setup(): Promise<() => void> {
  if (process.env.PG_TEST_URL || process.env.PG_TEST_SKIP) return () => undefined;
  const { server, stop } = await startCluster();
  if ('url' in server) process.env.PG_TEST_URL = server.url;
  else process.env.PG_TEST_SKIP = server.skip;
  return stop;
}
