import definitions from '@octokit/webhooks-examples';

export type Json = Record<string, unknown>;

const found = new Map<string, Json>();

function lookup(event: string, action: string | undefined): Json {
  const key = `${event}.${action ?? ''}`;
  let example = found.get(key);
  if (!example) {
    const definition = definitions.find((candidate) => candidate.name === event);
    example = definition?.examples.find(
      (candidate) => action === undefined || (candidate as { action?: string }).action === action,
    ) as Json | undefined;
    if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
    found.set(key, example);
  }
  return example;
}

/**
 * A fresh copy of the first example GitHub's own payload package ships for an event (and
 * action), so the emulator's payloads and REST objects keep every field the real ones carry.
 */
export function exampleOf(event: string, action?: string): Json {
  return structuredClone(lookup(event, action));
}

/** A copy of one nested object of an example, e.g. `part('pull_request', 'opened', 'sender')`. */
export function part(event: string, action: string | undefined, key: string): Json {
  return structuredClone(lookup(event, action)[key]) as Json;
}
