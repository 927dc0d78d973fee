// The production server under load: `connections` clients asking for one
// page back to back for a while, each answer read whole (brotli, as browsers
// ask), on this machine's loopback only.
import { Agent, request } from 'undici';
import { percentile } from './stats.ts';

export interface Throughput {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
}

export async function loadTest(
  url: string,
  connections: number,
  seconds: number,
): Promise<Throughput> {
  const dispatcher = new Agent({ connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const sent = performance.now();
          try {
            const answer = await request(url, {
              dispatcher,
              headers: { 'accept-encoding': 'br', accept: 'text/html' },
            });
            await answer.body.arrayBuffer();
            if (answer.statusCode !== 200) errors++;
          } catch {
            errors++;
          }
          latencies.push(performance.now() - sent);
        }
      }),
    );
  } finally {
    await dispatcher.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    requestsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}
