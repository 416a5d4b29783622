/**
 * What a server action sees of Next.js in these tests: the request's cookie, the paths it
 * revalidates, and the work it hands to `after()` to finish once the response is sent. A test
 * file installs them with
 *   vi.mock('next/headers', async () => (await import('./next-mocks')).headersModule());
 *   vi.mock('next/cache', async () => (await import('./next-mocks')).cacheModule());
 *   vi.mock('next/server', async (original) => (await import('./next-mocks')).serverModule(original));
 * No imports here: the mocks load before anything else.
 */
export const request = {
  cookie: undefined as string | undefined,
  revalidated: [] as string[],
  background: [] as Promise<unknown>[],
};

const requestHeaders = () => new Headers(request.cookie ? { cookie: request.cookie } : {});

export async function headersModule() {
  const { RequestCookies } = await import('next/dist/compiled/@edge-runtime/cookies');
  return {
    headers: async () => requestHeaders(),
    cookies: async () => new RequestCookies(requestHeaders()),
  };
}

export function cacheModule() {
  return {
    revalidatePath: (path: string) => {
      request.revalidated.push(path);
    },
  };
}

export async function serverModule(original: () => Promise<unknown>) {
  return {
    ...((await original()) as Record<string, unknown>),
    after: (task: () => unknown) => {
      request.background.push(Promise.resolve().then(task));
    },
  };
}
