// Loaded with --import into a bot process of `npm run bench:scale`: no send pacing (1 message/s per chat, 20/s per
// Zalo bot), so that the bench measures the bot and its database rather than the platforms' rate limits.
import { SendQueue } from '../../src/channels/common/queue.ts';

(SendQueue.prototype as unknown as { waitTurn: () => Promise<void> }).waitTurn = async () => undefined;
