import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { type ContractOptions, OpenApiContract } from './openapi';

/**
 * The providers' own API descriptions, from the packages that ship them: GitHub's from
 * @octokit/openapi (the REST API's description, api.github.com), Neon's from
 * @neondatabase/api-client (public-v2-for-users.gen.yaml). Each is large, so a test file loads
 * it once.
 */

const require = createRequire(import.meta.url);
const packageFile = (name: string) => require.resolve(name);

export function githubContract(options: ContractOptions = {}): OpenApiContract {
  const file = packageFile('@octokit/openapi/generated/api.github.com.json');
  const document = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return new OpenApiContract(document, {
    undocumentedErrorSchema: '#/components/schemas/basic-error',
    ...options,
  });
}

export function neonContract(options: ContractOptions = {}): OpenApiContract {
  const file = packageFile('@neondatabase/api-client/public-v2-for-users.gen.yaml');
  const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return new OpenApiContract(document, { basePath: '/api/v2', ...options });
}
