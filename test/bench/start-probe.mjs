// Preload of bench:start: records the process's CPU time when stdout is first written, and CPU and peak RSS at
// exit (and the RSS then), into the JSON file named by START_PROBE.
import { writeFileSync } from 'node:fs';

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const probe = { firstCpu: 0, firstMs: 0, exitCpu: 0, maxRss: 0, exitRss: 0 };
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => {
  if (!probe.firstMs) {
    probe.firstCpu = cpu();
    probe.firstMs = performance.now();
  }
  return write(...args);
};
process.on('exit', () => {
  probe.exitCpu = cpu();
  probe.maxRss = process.resourceUsage().maxRSS * 1024;
  probe.exitRss = process.memoryUsage().rss;
  if (process.env.START_PROBE) writeFileSync(process.env.START_PROBE, JSON.stringify(probe));
});
