/**
 * A stand-in for the provider clients' sleep: records each wait the client asked for and
 * returns at once, so retry and polling tests prove the delays without spending them.
 */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}
