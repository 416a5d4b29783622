/**
 * A stand-in for the provider clients' sleep: records each wait the client asked for and
 * returns at once, so retry and polling tests prove the delays without spending them. `scale`
 * spends that fraction for real, for tests that wait on a sandbox's simulated clock.
 */
export function recordingSleep({ scale = 0 } = {}): {
  sleep: (ms: number) => Promise<void>;
  waits: number[];
} {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
      if (scale > 0) await new Promise((resolve) => setTimeout(resolve, ms * scale));
    },
  };
}
