// A free TCP port on 127.0.0.1, for servers that cannot listen on port 0 themselves (telegram-test-api turns a
// port of 0 into its default 9000, so parallel suites on one machine collided there).
import { createServer, type AddressInfo } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
